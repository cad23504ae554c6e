"""The one API both front ends use, one package per capability.

From the top down (a package may use those below it, never one above; see the import
contracts in `pyproject.toml`):

- `demo` — the demo store;
- `setup` — creating a unit's store;
- `custody` — backups, restores, retention, verify;
- `documents` — official documents from the files, the registers and the report;
- `sync` and `reports` — the monthly exchange with the district; the monthly report;
- `registry` — the person files;
- `lifecycle` — events, the derived lifecycle, deadlines;
- `accounts` — accounts and the chief's approvals;
- `keys` — the key file, unlock, opening a session, rotations;
- `session` — the open session and the store's files;
- `words` — the display words for every code.
"""
