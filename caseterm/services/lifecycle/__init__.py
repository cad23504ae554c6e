"""A person's legal lifecycle: recording and voiding events, the derived state, deadlines.

Events checked by the domain's transition table, the projection stored beside each file, the
due list and the today screen's words, the holiday calendar in force, the event forms, and the
JSON of a derived lifecycle. It may use `session` and `words`; `registry` builds on it.
"""
