"""Accounts and who approved them: add, disable, reset, recovery, the chief's approvals.

Each change to who can open the store — a new officer or chief, another person's reset, a
recovery-key grant — needs a chief's approval (`approvals`) and becomes a notice for the
chiefs. It may use `keys`, `session` and `words`; it knows nothing of case files.
"""
