"""Helpers shared by the X rules: the table cells they read and how messages name them."""

from __future__ import annotations

_APPLICANTS = (
    "natural_person",
    "commercial",
    "research",
    "public_interest",
    "legal_service",
    "other_org",
)

_ROW_ZH = {
    "t3.new": "一、本年新收",
    "t3.carried_over": "二、上年结转",
    "t3.results.granted": "（一）予以公开",
    "t3.results.partial": "（二）部分公开",
    "t3.results.total": "（七）总计",
    "t3.carry_forward": "四、结转下年度",
}
_COL_ZH = {
    "natural_person": "自然人",
    "commercial": "商业企业",
    "research": "科研机构",
    "public_interest": "社会公益组织",
    "legal_service": "法律服务机构",
    "other_org": "其他",
    "total": "总计",
}
_T4_ZH = {
    "review": "行政复议",
    "direct_suit": "未经复议直接起诉",
    "suit_after_review": "复议后起诉",
}
_T4_COL_ZH = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
    "total": "总计",
}


def _usable(cell) -> bool:
    return cell is not None and cell.usable and isinstance(cell.value, int)


def _row_total(grid, row: str, cols: tuple[str, ...] | None = None):
    """Sum of ``row`` over ``cols`` (default: the 总计 cell, else the six applicant columns)."""
    name = _ROW_ZH.get(row, grid.row_labels.get(row, row))
    if cols is None:
        c = grid.value(row, "total")
        if _usable(c):
            return c.value, [(c.span, f"表三 {name}（总计）= {c.value}")]
        cols = _APPLICANTS
    cells = [grid.value(row, col) for col in cols]
    if not all(_usable(c) for c in cells):
        return None
    return sum(c.value for c in cells), [
        (c.span, f"表三 {name}（{_COL_ZH[col]}）= {c.value}") for c, col in zip(cells, cols)
    ]
