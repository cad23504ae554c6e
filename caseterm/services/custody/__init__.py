"""Keeping the store safe over time: backups, restores, retention, archive, purge and verify.

It may use `sync` (an archive is written in the bundle's record format), `keys` (a backup
seals the data key to its recipients), `registry`,
`lifecycle`, `session` and `words`.
"""
