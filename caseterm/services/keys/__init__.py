"""Getting in and keeping the keys: the key file, unlock, opening a session, rotations, status.

Unlocking (passphrase → slot → data key, throttled), opening a session on a store, re-keying
the store (data key) and the unit's signing key, and what `keys status` reports. It may use
`session` and `words`; it knows nothing of case files.
"""
