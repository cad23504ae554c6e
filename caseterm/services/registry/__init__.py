"""The person files: register, correct, search, list, and show a file with what it offers.

Adding and updating persons (with duplicate and CCCD checks), the typed form turned into a
record, the person file's view and its actions, the close-watch list, and the documented JSON
of a person. It may use `lifecycle`, `session` and `words`.
"""
