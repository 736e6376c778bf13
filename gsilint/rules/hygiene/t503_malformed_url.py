"""T503 malformed-url: a URL broken in publication ("http:∥", a space in the host)."""

from __future__ import annotations

from gsilint.findings import Issue, Severity
from gsilint.patterns import lazy
from gsilint.rules import rule
from gsilint.rules.hygiene._prose import prose, safe_fix

#: A scheme, whatever was written as its separator, then a host name.
_URL = lazy(
    r"(?<![A-Za-z])(?P<scheme>[Hh][Tt][Tt][Pp][Ss]?)"
    r"(?P<sep>[ \u3000]*[:：﹕]?[ \u3000]*(?:∥|‖|//|／／|/ /|\\\\|//?|／)?[ \u3000]*)"
    r"(?P<host>(?:[A-Za-z0-9\-]+[.．。])+[A-Za-z]{2,}(?![A-Za-z0-9\-]))"
    r"(?P<path>[A-Za-z0-9/_\-.?=&%#~+:]*)"
)
#: A space inside a host name: "www. pingtan.gov.cn", "www.pingtan .gov.cn".
_HOST_SPACE = lazy(
    r"(?<![A-Za-z0-9])(?:(?:https?://)?www|[A-Za-z0-9\-]+\.gov)(?:[.．][A-Za-z0-9\-]+)*"
    r"(?:[.．][ \u3000]+[A-Za-z0-9\-]+|[ \u3000]+[.．][A-Za-z0-9\-]+)"
    r"(?:[ \u3000]*[.．][ \u3000]*[A-Za-z0-9\-]+)*"
)
_SPACES = lazy(r"[ \u3000]+")
_GOOD_SEP = "://"


def _may_hold_scheme(text: str) -> bool:
    """Whether ``text`` holds "ttp" in any capitalisation. Only P and p lower to a text
    holding "p" (a test holds it over every character): most pieces have neither, and
    are passed over without a lowered copy."""
    return ("p" in text or "P" in text) and "ttp" in text.lower()


@rule(
    "T503",
    "malformed-url",
    Severity.WARNING,
    "网址书写错误（如 http:∥）",
    "a malformed URL (e.g. http:∥)",
)
def malformed_url(ctx):
    """
    网址在排版发布时被改坏：分隔符写成“∥”“：//”“//”缺冒号、“:/”少一斜杠，或网址中间
    夹了空格、全角句点。读者照抄无法访问。附带自动修复（--fix）：改为标准的“://”，
    删去网址中的空格、全角点改为半角点。

    A URL broken in publication: "http:∥", a full-width colon "http：//", a
    missing colon or slash, spaces or full-width dots inside the host name.
    Readers cannot follow it. Carries an automatic fix (--fix): the standard
    "://" separator, spaces removed, full-width dots made ASCII.

    错误示例 / Bad:
        我镇主要采取网上公开形式，网站地址：掌起镇人民政府信息公开网（http:∥zhangqi.cixi.gov.cn）。
    正确示例 / Good:
        我镇主要采取网上公开形式，网站地址：掌起镇人民政府信息公开网（http://zhangqi.cixi.gov.cn）。
    """
    for piece in prose(ctx):
        text = piece.text
        if "www" not in text and ".gov" not in text and not _may_hold_scheme(text):
            continue  # no scheme in any capitalisation, no host: nothing to read
        taken: list[tuple[int, int]] = []
        for m in _URL.finditer(text):
            sep, host = m.group("sep"), m.group("host")
            bad_host = any(c in host for c in "．。")
            if sep == _GOOD_SEP and not bad_host:
                continue
            if not sep.strip() and not bad_host:
                continue  # "https" followed by a host with nothing between: not a URL scheme
            a, b = m.start("sep"), m.end("host")
            fixed = _GOOD_SEP + host.replace("．", ".").replace("。", ".")
            wrote = text[m.start() : b]
            good = m.group("scheme").lower() + fixed
            taken.append((m.start(), b))
            yield Issue(
                piece.span(m.start(), b),
                f"网址书写错误：“{wrote}”应为“{good}”",
                f"malformed URL '{wrote}'; it should read '{good}'",
                fix=safe_fix(ctx, piece.span(a, b), fixed),
            )
        for m in _HOST_SPACE.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            wrote = m.group(0)
            good = _SPACES.sub("", wrote).replace("．", ".")
            yield Issue(
                piece.span(m.start(), m.end()),
                f"网址中间有空格：“{wrote}”应为“{good}”",
                f"a space inside the URL '{wrote}'; it should read '{good}'",
                fix=safe_fix(ctx, piece.span(m.start(), m.end()), good),
            )
