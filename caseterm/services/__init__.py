"""The one API both front ends use: unlock, accounts, persons, verification, demo data."""
