"""The national tables (二, 三, 四) of a report as grids of template rows × columns.

- :mod:`spec` loads the declarative table data (``rules/tables/<id>.toml``):
  row and column keys, labels, the 勾稽关系 identities.
- :mod:`values` reads one cell's text: a count, an amount, or *not reported*.
- :mod:`stream` flattens every parsed table of a document into one stream of
  rows (label text + value cells), whatever the table kind.
- :mod:`mapping` finds tables 二/三/四 in that stream and maps each value onto
  its row × column, by label, by position only where labels are absent.
- :mod:`readings` reads rows a crawler copy collapsed (equal adjacent cells
  printed once): every reading the layout allows, chosen by the identities.
- :mod:`identities` evaluates the identities on mapped grids.
- :mod:`old_format` maps the old statistics table of reports for 2008–2018
  (政府信息公开情况统计表, ``rules/tables/2008.toml``) by row label.

Facts ``t2``, ``t3``, ``t4`` and ``old_table`` (:mod:`gsilint.facts.tables`) expose the grids.
"""

from gsilint.tables.grid import CellValue, Grid

__all__ = ["CellValue", "Grid"]
