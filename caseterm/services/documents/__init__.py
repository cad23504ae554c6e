"""Official documents: forms filled from the case file, numbered, written only on purpose.

It may use the reports (the report to the commune People's Committee), the registry (the
person file), the lifecycle (events, numbers), the session and the words. Personal data leaves
the encrypted store here, so every document written is recorded (form, person, number,
SHA-256) and audited, and `caseterm doc clean` removes them.
"""
