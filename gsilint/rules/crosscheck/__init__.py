"""X: cross-checks — the text against the tables, and one report against last year's.

The prose side comes from the ``count_claims`` and ``word_claims`` facts
(``gsilint/facts/claims.py``), the table side from the mapped tables ``t3``
and ``t4`` (``gsilint/facts/tables.py``). A comparison is made only when
every table cell it needs is reported and valid; a text figure is a
contradiction only when it matches none of its plausible readings (收到 may
count last year's carry-over: 一 or 一+二).

X403 compares the carry-over with last year's report checked in the same run.
"""
