"""A: arithmetic — sums, parts and shares stated in the prose, and the national tables' 勾稽关系.

The prose numbers come from the ``breakdowns`` and ``part_whole_pairs`` facts
(``gsilint/facts/breakdowns.py``); the tables are mapped onto the template by
:mod:`gsilint.tables` (facts ``t2``, ``t3``, ``t4``) and their identities come from
``rules/tables/*.toml``, evaluated by :mod:`gsilint.tables.identities`. The rules only compare.
"""
