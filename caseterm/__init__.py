"""caseterm: offline, encrypted case files for Vietnamese commune police.

The package root stays cheap on purpose: `caseterm --help` must not pay for Textual or SQLModel.
"""

__version__ = "0.1.0"
