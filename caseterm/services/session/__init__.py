"""What every capability stands on: an open session on a store, and the store's files.

`CaseSession` (who acts, in which unit, with which clock; transactions, permissions, audit),
the files that make up a store, the KDF policy in force, process hardening, a damaged store's
marker, checks on typed names and passphrases, files the user named, and the base of the
`--json` shapes. It may use `words`, `store`, `crypto` and `domain`; no other capability.
"""
