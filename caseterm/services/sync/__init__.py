"""The monthly exchange with the district: the commune's bundle and the district's import.

The commune exports signed, encrypted bundles and reads the district's acknowledgements; the
district checks, applies (replaying each file through the lifecycle engine), holds, releases
and re-baselines. Every parser of an outside file is here (`outside_parsers` for the fuzzer).
It may use `registry`, `lifecycle`, `session` and `words`.
"""
