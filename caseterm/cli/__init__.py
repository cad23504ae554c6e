"""Typer front ends: `caseterm` (officers) and `caseterm-admin` (administrators)."""
