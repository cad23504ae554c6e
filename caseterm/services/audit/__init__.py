"""Who did what: the audit trail read back for a person, an account or the unit.

Every read and change of a case file is chained in the tamper-evident audit log; this package
answers an inspection's, a complaint's or a suspected leak's question — who opened this file,
who changed it, when — on screen, on the command line and as an XLSX, with the chain's
integrity shown. Reading the trail is itself audited. It may use `lifecycle`, `session` and
`words`.
"""
