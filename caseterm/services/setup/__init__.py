"""Creating a unit's store: the first administrator, optionally the first chief, the unit's keys.

A district store also gets its age key; a commune store may be given its district's address.
It may use `sync`, `session` and `words`.
"""
