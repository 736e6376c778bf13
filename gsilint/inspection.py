"""``gsilint inspect``: the parsed tree and the facts, for when a finding puzzles.

Everything is turned into plain JSON-able data: spans become 1-based
line/column positions in the original file, nodes a short description.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from gsilint import document
from gsilint.datetext import DateMention
from gsilint.facts import Facts
from gsilint.inspect_summaries import summary
from gsilint.positions import Span
from gsilint.sources import Source


def _pos(source: Source, span: Span) -> str:
    line, col = source.index.position(source.to_original(span.start))
    return f"{line}:{col}"


def _short(text: str, n: int = 60) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


def jsonable(value: Any, source: Source, depth: int = 0) -> Any:
    """Turn a fact value into JSON data (spans → positions, nodes → summaries)."""
    if depth > 6:
        return repr(value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.name.lower()
    if isinstance(value, Span):
        return _pos(source, value)
    short = summary(value, lambda span: _pos(source, span))
    if short is not None:  # a fact value with a short form of its own
        return short
    if isinstance(value, DateMention):
        d = {"date": value.iso, "at": _pos(source, value.span)}
        if not value.valid:
            d["invalid"] = value.problem[1] if value.problem else True
        return d
    if isinstance(value, document.Section):
        return {
            "section": f"{value.heading.mark.text}{value.title}",
            "at": _pos(source, value.heading.span),
        }
    if isinstance(value, document.Heading):
        return {"heading": f"{value.mark.text}{value.title}", "at": _pos(source, value.span)}
    if isinstance(value, document.Table):
        return {"table": value.kind, "rows": len(value.rows), "at": _pos(source, value.span)}
    if isinstance(value, (document.Paragraph, document.Cell)):
        return {"text": _short(value.text), "at": _pos(source, value.span)}
    if isinstance(value, document.Field):
        return {"text": value.value, "at": _pos(source, value.span)}
    if hasattr(value, "id") and hasattr(value, "sections") and hasattr(value, "name"):
        return {"template": value.id, "name": value.name}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: jsonable(getattr(value, f.name), source, depth + 1)
            for f in dataclasses.fields(value)
            if not f.name.startswith("_")
        }
    if isinstance(value, dict):
        return {str(k): jsonable(v, source, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v, source, depth + 1) for v in value]
    return repr(value)


def outline(doc: document.Document, source: Source) -> list[dict]:
    """The document as nested JSON: sections with their tables and paragraph count."""

    def node(n) -> dict:
        if isinstance(n, document.Section):
            kids = [node(c) for c in n.children if not isinstance(c, document.Paragraph)]
            paras = sum(1 for c in n.children if isinstance(c, document.Paragraph)) + (
                1 if n.heading.body else 0
            )
            d = {
                "heading": f"{n.heading.mark.text}{n.title}",
                "level": n.level,
                "at": _pos(source, n.heading.span),
                "paragraphs": paras,
            }
            if kids:
                d["children"] = kids
            return d
        if isinstance(n, document.Table):
            d = {"table": n.kind, "at": _pos(source, n.span), "rows": len(n.rows)}
            if n.rows:
                d["cells_per_row"] = [len(r.cells) for r in n.rows]
            return d
        return {"paragraph": _short(n.text), "at": _pos(source, n.span)}

    items = [node(b) for b in doc.preamble if not isinstance(b, document.Paragraph)]
    items += [node(s) for s in doc.sections]
    return items


def inspect_data(doc: document.Document, facts: Facts, source: Source) -> dict:
    data: dict[str, Any] = {
        "file": source.path,
        "encoding": source.encoding,
        "kind": source.kind,
        "title": doc.title.text if doc.title else None,
        "header": {k: v.value for k, v in doc.metadata.items()},
        "outline": outline(doc, source),
        "closing": jsonable(doc.closing, source),
        "facts": {},
    }
    for name in Facts.shown():
        try:
            data["facts"][name] = jsonable(getattr(facts, name), source)
        except Exception as exc:  # a broken fact is shown, not fatal
            data["facts"][name] = f"<error: {exc.__class__.__name__}: {exc}>"
    return data


def render_text(data: dict) -> str:
    out = [f"文件 file: {data['file']}  ({data['kind']}, {data['encoding']})"]
    if data["title"]:
        out.append(f"标题 title: {_short(data['title'], 80)}")
    for k, v in data["header"].items():
        out.append(f"  {k}: {v}")
    out.append("结构 outline:")

    def walk(items, depth):
        for it in items:
            pad = "  " * (depth + 1)
            if "heading" in it:
                out.append(f"{pad}{it['at']:>8}  {it['heading']}  [¶{it['paragraphs']}]")
                walk(it.get("children", []), depth + 1)
            elif "table" in it:
                cells = it.get("cells_per_row")
                shape = f" cells/row {cells}" if cells else ""
                out.append(
                    f"{pad}{it['at']:>8}  <表格 table: {it['table']}, {it['rows']} rows{shape}>"
                )
            else:
                out.append(f"{pad}{it['at']:>8}  {it['paragraph']}")

    walk(data["outline"], 0)
    if data["closing"]:
        out.append(f"落款 closing: {data['closing']}")
    out.append("事实 facts:")
    for k, v in data["facts"].items():
        if isinstance(v, dict) and "rows" in v and "layout" in v:  # a mapped table grid
            out.append(
                f"  {k}: {v['layout']} layout at {v['at']}; columns {' '.join(v['columns'])}"
            )
            out.extend(f"    {row:<40} {cells}" for row, cells in v["rows"].items())
            out.extend(f"    ! {p}" for p in v.get("problems", ()))
            continue
        out.append(f"  {k}: {_short(str(v), 300)}")
    return "\n".join(out)
