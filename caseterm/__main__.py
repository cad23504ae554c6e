"""`python -m caseterm` runs the officer command line."""

from caseterm.cli.officer import main

main()
