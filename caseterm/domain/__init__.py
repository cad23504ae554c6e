"""Pure rules of caseterm: no I/O, no frameworks, no clock reads (time is passed in)."""
