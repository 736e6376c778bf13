"""Facts ``t2``, ``t3``, ``t4``: the national tables mapped onto the template.

Each is a :class:`gsilint.tables.Grid` or None when the report has no such
table (old-format reports, crawler copies whose digits are glued — E004).
Read a cell with ``grid.value(row_key, col_key)`` → :class:`CellValue`
``(value, span, reported, text, problem)`` or None when that row is absent or
could not be read (S109 says why). ``value`` is an int (counts), a Decimal
(amounts, 万元) or None; ``reported`` is False for blank, "/", "—", "-", "无"
(not reported is not zero). ``grid.row_keys()`` and ``grid.columns`` (table
二: ``grid.columns_of(row)``) list the keys; ``grid.layout`` says whether the
table follows the 2019 or the 2021 format.

Keys (stable; defined in ``rules/tables/2019.toml`` and ``2021.toml``):

Table 三 ``t3`` rows::

    t3.new                      一、本年新收政府信息公开申请数量
    t3.carried_over             二、上年结转政府信息公开申请数量
    t3.results.granted          （一）予以公开
    t3.results.partial          （二）部分公开
    t3.results.refused.state_secret | other_law | three_safety | third_party |
        internal_affairs | process_info | enforcement_file | inquiry      （三）1–8
    t3.results.unable.not_held | needs_creation | unclear              （四）1–3
    t3.results.not_processed.petition | repeated | publication |
        mass_repeated | confirm                                        （五）1–5
    t3.results.other.no_correction | unpaid | other   （六）1–3 (2021 layout)
    t3.results.other                                  （六）其他处理 (2019 layout)
    t3.results.total            （七）总计
    t3.carry_forward            四、结转下年度继续办理

  columns: ``natural_person``, ``commercial``, ``research``,
  ``public_interest``, ``legal_service``, ``other_org``, ``total``.

Table 四 ``t4``: one row ``t4.cases``; columns ``review.*``,
``direct_suit.*``, ``suit_after_review.*`` with ``* = upheld | corrected |
other | pending | total``.

Table 二 ``t2`` rows and their columns:
2021 — ``t2.regulations`` / ``t2.normative_documents`` (``issued``,
``repealed``, ``in_force``), ``t2.licensing`` / ``t2.penalty`` /
``t2.coercion`` (``decisions``), ``t2.fees`` (``amount``, Decimal 万元).
2019 — ``t2.regulations`` / ``t2.normative_documents`` (``made``,
``published``, ``in_force``), ``t2.licensing`` / ``t2.other_services`` /
``t2.penalty`` / ``t2.coercion`` (``last_year``, ``change`` (signed),
``decisions``), ``t2.fees`` (``last_year``, ``change``),
``t2.procurement`` (``items``, ``amount``).

Old statistics table ``old_table`` (reports for 2008–2018, ``rules/tables/
2008.toml``): rows ``old.proactive`` (主动公开文件数) with ``.website`` /
``.gazette`` / ``.other``; ``old.requests`` (受理申请总数) with its channels;
``old.replies`` (答复总数) with ``.granted`` / ``.partial`` / ``.refused``
(and its reasons) / ``.other`` (and its kinds); ``old.review``,
``old.litigation``, ``old.appeals``, ``old.fees`` and the rows of the
2014–2018 national family. Columns ``year`` (本年度) and ``cumulative``
(历年累计, absent when the table has no such column). Only the rows the
report prints are in ``grid.row_spans``.

Example::

    t3 = ctx.facts.t3
    if t3 is not None:
        cell = t3.value("t3.new", "total")
        if cell is not None and cell.usable:
            received = cell.value          # int
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gsilint import document
from gsilint.patterns import lazy
from gsilint.positions import Span
from gsilint.tables.glued import split_t3, split_t4
from gsilint.tables.grid import Grid
from gsilint.tables.identities import Check, Key, evaluate, locate
from gsilint.tables.mapping import map_all
from gsilint.tables.old_format import map_old
from gsilint.tables.spec import table_words
from gsilint.tables.stream import any_glued, looks_glued, table_stream

if TYPE_CHECKING:
    from gsilint.facts import Facts


def default_layout(f: Facts) -> str:
    """The table format the report should follow: by template, else by labels."""
    tid = f.template.id
    if tid in ("2019", "2021"):
        return tid
    labels = f.format_labels
    return "2019" if labels["2019"] and not labels["2021"] else "2021"


_T3_GLUED = lazy("|".join(table_words("t3", "glued_openers")))
_T4_GLUED = lazy("|".join(table_words("t4", "glued_openers")))


def table_grids(f: Facts) -> dict[str, Grid | None]:
    layout = default_layout(f)
    stream = table_stream(f.doc)
    grids = map_all(stream, layout)
    if grids["t3"] is None or grids["t4"] is None:
        glued = {r.table for r in stream if looks_glued(r)} if any_glued(stream) else set()
        _read_glued(f, grids, layout, glued)
    # reports for 2008–2018: the old statistics table (附表), mapped by label
    grids["old"] = map_old(stream, f.doc) if f.template.id == "2008" else None
    return grids


def _read_glued(f: Facts, grids: dict, layout: str, glued_tables: set[int]) -> None:
    """Tables 三/四 of a crawler copy: glued digits split where the identities allow one split.

    ``glued_tables``: the parsed tables (by their index in the row stream) with a row whose
    digits run into its label.
    """
    doc = f.doc
    if glued_tables or any(t.glued for t in doc.tables()):
        _split_glued_tables(doc, grids, layout, glued_tables)
    if grids["t4"] is None and "结果维持" in doc.simplified and "尚未审结" in doc.simplified:
        # table 四 flattened into prose (a heading's run-on text): its header words, then 15 numbers
        for para in doc.paragraphs():
            text = doc.slice(para.span)
            if "结果维持" in text and "尚未审结" in text:
                grids["t4"] = split_t4(doc.text, para.span, layout)
                break


def _split_glued_tables(
    doc: document.Document, grids: dict, layout: str, glued_tables: set[int]
) -> None:
    """Tables 三/四 read from the glued parsed tables (see :func:`_read_glued`)."""
    nodes = list(doc.walk())
    n = -1  # the table's index among the document's tables
    for i, node in enumerate(nodes):
        if not isinstance(node, document.Table):
            continue
        n += 1
        if not (node.glued or n in glued_tables):
            continue
        text = doc.slice(node.span)
        if grids["t3"] is None and _T3_GLUED.search(text):
            # the copy may run on into the following blocks (a run-in "（一）予以公开…"
            # heading): up to table 四
            end = node.span.end
            for nxt in nodes[i + 1 :]:
                if isinstance(nxt, document.Section) and nxt.level == 1:
                    break
                if isinstance(nxt, document.Table) and _T4_GLUED.search(doc.slice(nxt.span)):
                    break
                end = max(
                    end,
                    nxt.span.end if not isinstance(nxt, document.Section) else nxt.heading.span.end,
                )
            grids["t3"] = split_t3(doc.text, doc.simplified, Span(node.span.start, end), layout)
        elif grids["t4"] is None and _T4_GLUED.search(text):
            grids["t4"] = split_t4(doc.text, node.span, layout)


def glued_tables_read(f: Facts) -> list[Span]:
    """Spans of glued crawler tables whose digits were split (see gsilint.tables.glued)."""
    return [g.span for g in f.table_grids.values() if g is not None and g.glued]


def t2(f: Facts) -> Grid | None:
    """Table 二 (主动公开政府信息情况) mapped onto the template."""
    return f.table_grids["t2"]


def t3(f: Facts) -> Grid | None:
    """Table 三 (收到和处理政府信息公开申请情况) mapped onto the template."""
    return f.table_grids["t3"]


def t4(f: Facts) -> Grid | None:
    """Table 四 (行政复议、行政诉讼情况) mapped onto the template."""
    return f.table_grids["t4"]


def old_table(f: Facts) -> Grid | None:
    """The old statistics table (政府信息公开情况统计表, 2008–2018) mapped by label."""
    return f.table_grids["old"]


def table_checks(f: Facts) -> dict[str, tuple[Grid, list[Check], dict[int, Key]]]:
    """Per table name: (grid, identity checks, failing-check index → cell to report at)."""
    out = {}
    for name in ("t3", "t4", "old"):
        grid = f.table_grids[name]
        if grid is None:
            continue
        checks = evaluate(grid)
        out[name] = (grid, checks, locate(checks))
    return out


#: Where an old report names its statistics table ("见附表", "附件1：…统计表",
#: "…和政府信息公开情况统计表共六个部分组成", "七、附表").
_ANNOUNCED = lazy(r"[^\s，。；、：:（）()“”]{0,12}(?:统计表|附表)")
#: An indicator of the old table followed by its number: the table is there, however glued.
_INDICATOR = lazy(
    r"(?:主动公开(?:文件|信息|政府信息)数|申请(?:信息)?总数|答复总?数)\s*(?:条|件)?\s*\d"
)


def table_announced(f: Facts) -> Span | None:
    """An old report (≤ 2018) that names its 附表/统计表 but has none: where it names it."""
    if f.template.id != "2008" or f.table_grids["old"] is not None:
        return None
    if any(True for _ in f.doc.tables()):
        return None
    text = f.doc.simplified
    m = _announced(text)
    if m is None or _INDICATOR.search(text):
        return None
    return Span(m.start(), m.end())


def _announced(text: str):
    """The first match of :data:`_ANNOUNCED`, searched from 12 characters before the first
    统计表/附表: no match can start earlier, and most reports name neither."""
    found = [i for i in (text.find("统计表"), text.find("附表")) if i >= 0]
    if not found:
        return None
    return _ANNOUNCED.search(text, max(0, min(found) - 12))
