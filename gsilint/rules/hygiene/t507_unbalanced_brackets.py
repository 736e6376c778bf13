"""T507 unbalanced-brackets: 《》 （） “” 【】 that do not pair up within a paragraph."""

from __future__ import annotations

from gsilint.facts.prose_text import ProseText
from gsilint.findings import Issue, Severity
from gsilint.patterns import re_compile
from gsilint.rules import rule
from gsilint.rules.hygiene._prose import clip, prose

PAIRS = {"《": "》", "（": "）", "“": "”", "【": "】"}
CLOSERS = {v: k for k, v in PAIRS.items()}
#: stdlib ``re``: a plain character class is found twice as fast as with ``regex``
#: each mark as a message names it; quotation marks by name only (“““”” would not read)
NAMES = {
    "《": "左书名号“《”",
    "》": "右书名号“》”",
    "（": "左括号“（”",
    "）": "右括号“）”",
    "“": "左引号",
    "”": "右引号",
    "【": "左方头括号“【”",
    "】": "右方头括号“】”",
}
_ANY = re_compile("[《》（）“”【】]")


def unbalanced(text: str) -> list[tuple[int, str]]:
    """(offset, kind) of each bracket without a partner: kind 'open' or 'close'.

    A closer pairs with the nearest open bracket of its kind when every
    bracket opened after that one is closed; 《《 with one 》 leaves the outer
    《 unpaired.
    """
    return [] if _well_nested("".join(_ANY.findall(text))) else _unpaired(text)


def _unpaired(text: str) -> list[tuple[int, str]]:
    """:func:`unbalanced` for a text whose brackets do not pair up."""
    stack: list[int] = []
    bad: list[tuple[int, str]] = []
    for m in _ANY.finditer(text):
        ch, i = m.group(0), m.start()
        if ch in PAIRS:
            stack.append(i)
            continue
        opener = CLOSERS[ch]
        # find the nearest matching opener; brackets opened after it are unclosed
        for k in range(len(stack) - 1, -1, -1):
            if text[stack[k]] == opener:
                bad.extend((j, "open") for j in stack[k + 1 :])
                del stack[k:]
                break
        else:
            bad.append((i, "close"))
    bad.extend((j, "open") for j in stack)
    return sorted(bad)


#: Each pair written with nothing between: what a well-nested sequence of marks reduces by.
_EMPTY_PAIRS = tuple(o + c for o, c in PAIRS.items())


def _well_nested(marks: str) -> bool:
    """Whether a sequence of brackets pairs up completely (every paragraph of most reports):
    taking out adjacent pairs until none is left empties it."""
    while marks:
        shorter = marks
        for pair in _EMPTY_PAIRS:
            shorter = shorter.replace(pair, "")
        if shorter == marks:
            return False
        marks = shorter
    return True


_ENDS = "。！？；!?;"


def _joined(ctx) -> list[ProseText]:
    """Prose pieces, with a paragraph that breaks off mid-sentence joined to the next line.

    PDF text sometimes splits one paragraph in two at a line that starts
    differently ("…电子邮箱：" / "hzzwgk@126.com）。"); the brackets of such a
    paragraph pair up across the split.
    """
    text = ctx.doc.text
    out: list[ProseText] = []
    for piece in prose(ctx):
        if out and piece.kind == "paragraph" and out[-1].kind == "paragraph":
            prev = out[-1]
            end = prev.start + len(prev.text)
            gap = text[end : piece.start]
            if gap.strip(" \t\u3000") == "\n" and prev.text.rstrip()[-1:] not in _ENDS:
                out[-1] = ProseText(
                    text[prev.start : piece.start + len(piece.text)], prev.start, "paragraph"
                )
                continue
        out.append(piece)
    return out


@rule(
    "T507",
    "unbalanced-brackets",
    Severity.WARNING,
    "括号、书名号、引号不成对",
    "brackets or quotes that do not pair up",
)
def unbalanced_brackets(ctx):
    """
    书名号《》、圆括号（）、引号“”、方头括号【】在同一段内应成对出现。多写一个
    （“《《福建省……》”）、少写一个（“（电话：0591-……”没有“）”）都会报告，指出
    那个没有配对的符号。PDF 提取文本中一段跨行不影响配对；表格不检查。

    《》, （）, “” and 【】 must pair up within a paragraph. A doubled opener
    (《《福建省…》) or a missing closer (（电话：0591-… with no ）) is reported
    at the unpaired mark. A paragraph wrapped over several lines of PDF text
    pairs up across the lines; tables are not checked.

    错误示例 / Bad:
        根据《《福建省政府信息公开办法》，联系电话（0591-23162606。
    正确示例 / Good:
        根据《福建省政府信息公开办法》，联系电话（0591-23162606）。
    """
    for piece in _joined(ctx):
        text = piece.text
        # one scan for the marks: most paragraphs have none, or have them well nested
        if _well_nested("".join(_ANY.findall(text))):
            continue
        for i, kind in _unpaired(text):
            ch = text[i]
            if kind == "open":
                zh = f"{NAMES[ch]}没有对应的{NAMES[PAIRS[ch]]}：“{clip(text, i)}”"
                en = f"'{ch}' has no matching '{PAIRS[ch]}' in this paragraph"
            else:
                zh = f"{NAMES[ch]}前面没有对应的{NAMES[CLOSERS[ch]]}：“{clip(text, i)}”"
                en = f"'{ch}' has no matching '{CLOSERS[ch]}' before it in this paragraph"
            yield Issue(piece.span(i, i + 1), zh, en)
