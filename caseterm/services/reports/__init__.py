"""The monthly report (commune and district): its figures, tables and files (XLSX, CSV, JSON).

It may use `lifecycle`, `registry`, `session` and `words`; it never changes a file.
"""
