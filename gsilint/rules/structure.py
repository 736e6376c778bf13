"""S: structure — the template's sections, in order, numbered and declared correctly.

S108 (outdated-format) and S109 (table-shape) live with the table rules.
"""

from __future__ import annotations

from gsilint import document
from gsilint.facts.structure import has_content
from gsilint.findings import Issue, Severity
from gsilint.normalize import norm_label
from gsilint.positions import Span
from gsilint.rules import rule

_CN = "〇一二三四五六七八九十"


def _cn(n: int) -> str:
    if n <= 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n - 10] if n > 10 else "")
    return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")


def _mark(style: str, n: int) -> str:
    """How number ``n`` is written in a mark style: 三、 （三） 3. （3） ③."""
    if style == "cn":
        return f"{_cn(n)}、"
    if style == "paren_cn":
        return f"（{_cn(n)}）"
    if style == "num":
        return f"{n}."
    if style == "paren_num":
        return f"（{n}）"
    return chr(ord("①") + n - 1) if 1 <= n <= 20 else str(n)


def _head(h: document.Heading) -> str:
    return f"{h.mark.text}{h.title}"


def _line(ctx, span: Span) -> int:
    """1-based line in the original file (for messages that cite another place)."""
    line, _ = ctx.source.index.position(ctx.source.to_original(span.start))
    return line


def _point(span: Span) -> Span:
    return Span(span.start, span.start)


def _has_structure(ctx) -> bool:
    """Whether any heading or table was recognised (else E002 speaks, not S)."""
    return bool(ctx.facts.top_sections) or any(True for _ in ctx.doc.tables())


@rule(
    "S101",
    "missing-section",
    Severity.ERROR,
    "缺少模板要求的栏目",
    "a section required by the template is missing",
)
def missing_section(ctx):
    """
    2019、2021 年格式的年度报告必须包含六个栏目（一级标题）：一、总体情况；二、主动公开政府信息情况；
    三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；
    五、存在的主要问题及改进情况；六、其他需要报告的事项。标题经规范化（全半角、空格、
    引号、繁简）后与模板、常见变体和关键词比较；缺少的栏目会被点名，位置指向它应出现的地方。

    2018 年及以前的旧版报告按 2008 年条例第三十二条，应涉及：主动公开、依申请公开、
    收费及减免、因政府信息公开申请行政复议和提起行政诉讼、存在的主要问题及改进情况。
    某一内容有任何措辞的标题，或正文中有明确说明（如“未发生因政府信息公开申请行政复议、
    行政诉讼的情况”），即视为已涉及；两者都没有的内容以警告报出。
    规则包（配置项 rule_packs）可以增加必备栏目。

    Reports in the 2019 and 2021 national formats must have six sections
    (level-1 headings) (总体情况, 主动公开, 收到和处理申请, 行政复议/诉讼, 问题及改进,
    其他事项). Headings are compared with the template, its accepted variants
    and keywords after normalisation; each missing section is named and
    located where it belongs. Old reports (≤ 2018) must cover the topics of
    第三十二条 of the 2008 regulation — by a heading in any wording or by an
    explicit statement in the body; a topic covered by neither is a warning.
    Rule packs (config ``rule_packs``) can add required sections.

    错误示例 / Bad:
        一、总体情况 … 二、主动公开政府信息情况 … 四、政府信息公开行政复议、行政诉讼情况 …
        （旧版）全文没有任何关于收费及减免的标题或说明
    正确示例 / Good:
        一、总体情况 … 二、主动公开政府信息情况 … 三、收到和处理政府信息公开申请情况 …
        （旧版）四、政府信息公开的收费及减免情况  或正文：“本年度未收取任何费用。”
    """
    if not _has_structure(ctx):
        return
    tpl = ctx.facts.template
    coverage = ctx.facts.topic_coverage
    old = tpl.id == "2008"
    required = [c for c in coverage if c.required]
    doc_end = len(ctx.doc.text)
    for i, cov in enumerate(required):
        if cov.covered:
            continue
        after = next((c.heading for c in required[i + 1 :] if c.heading is not None), None)
        before = next((c.heading for c in reversed(required[:i]) if c.heading is not None), None)
        if after is not None:
            at = _point(after.heading.span)
            where_zh, where_en = f"应位于“{after.title}”之前", f"expected before '{after.title}'"
        elif before is not None:
            at = Span(before.span.end, before.span.end)
            where_zh, where_en = f"应位于“{before.title}”之后", f"expected after '{before.title}'"
        else:
            first = ctx.facts.top_sections
            at = _point(first[0].heading.span) if first else Span(doc_end, doc_end)
            where_zh = where_en = ""
        if old:
            yield Issue(
                at,
                f"未涉及条例第三十二条要求的内容“{cov.title}”：既无相应标题，也无明确说明"
                + (f"（{where_zh}）" if where_zh else ""),
                f"the report does not cover '{cov.title}' (article 32 of the 2008 regulation): "
                "no heading and no statement about it" + (f" ({where_en})" if where_en else ""),
                severity=Severity.WARNING,
            )
        else:
            yield Issue(
                at,
                f"缺少栏目“{cov.title}”" + (f"（{where_zh}）" if where_zh else ""),
                f"missing section '{cov.title}'" + (f" ({where_en})" if where_en else ""),
            )


def _out_of_order(positions: list[int]) -> set[int]:
    """Indexes not in one longest increasing subsequence of ``positions``."""
    n = len(positions)
    best = [1] * n
    prev = [-1] * n
    for i in range(n):
        for j in range(i):
            if positions[j] < positions[i] and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    k = max(range(n), key=lambda i: best[i]) if n else -1
    keep = set()
    while k != -1:
        keep.add(k)
        k = prev[k]
    return set(range(n)) - keep


@rule(
    "S102",
    "section-order",
    Severity.ERROR,
    "栏目顺序与模板不符",
    "required sections are out of order",
)
def section_order(ctx):
    """
    2019、2021 年格式的六个栏目必须按模板顺序出现：总体情况、主动公开、收到和处理申请、
    行政复议和行政诉讼、存在的主要问题及改进情况、其他需要报告的事项。所有栏目都在但
    顺序颠倒时，报出位置不对的栏目，并指明它应在哪个栏目之前或之后。

    The six sections of the 2019 and 2021 formats must appear in the
    template's order. When they are all there but out of order, the
    misplaced section is reported with the section it should precede or follow.

    错误示例 / Bad:
        一、总体情况  二、收到和处理政府信息公开申请情况  三、主动公开政府信息情况 …
    正确示例 / Good:
        一、总体情况  二、主动公开政府信息情况  三、收到和处理政府信息公开申请情况 …
    """
    tpl = ctx.facts.template
    if tpl.id == "2008":
        return
    matches = ctx.facts.section_matches
    present = [(s, matches[s.key]) for s in tpl.sections if s.key in matches]
    bad = _out_of_order([sec.heading.span.start for _, sec in present])
    for i in sorted(bad):
        spec, sec = present[i]
        nxt = next((present[j] for j in range(i + 1, len(present)) if j not in bad), None)
        prv = next((present[j] for j in range(i - 1, -1, -1) if j not in bad), None)
        start = sec.heading.span.start
        # name the neighbour whose order is violated: an earlier template
        # section that comes later, else a later one that comes earlier
        if prv is not None and start < prv[1].heading.span.start or nxt is None:
            other = prv[1]
            zh, en = f"应位于“{other.title}”之后", f"should come after '{other.title}'"
        else:
            other = nxt[1]
            zh, en = f"应位于“{other.title}”之前", f"should come before '{other.title}'"
        yield Issue(
            sec.heading.span,
            f"栏目“{sec.title}”顺序不对：按模板{zh}（第{_line(ctx, other.heading.span)}行）",
            f"section '{sec.title}' is out of order: by the template it {en} (line {_line(ctx, other.heading.span)})",
            related=((other.heading.span, f"“{other.title}”在这里", f"'{other.title}' is here"),),
        )


@rule("S103", "numbering-gap", Severity.ERROR, "标题编号跳号", "a heading number is skipped")
def numbering_gap(ctx):
    """
    同一层级、同一编号样式的标题应连续编号。（一）（二）之后直接出现（四），说明漏了（三）
    或编号写错。一是、二是等行内列举不是标题，表格中的行标签（“（一）予以公开”）也不计。

    Sibling headings of one style must be numbered without gaps: （一）（二）
    followed by （四） means （三） is missing or misnumbered. Inline "一是…二是"
    enumerations and table row labels are not headings and are not checked.

    错误示例 / Bad:
        （一）主动公开政府信息的数量 （二）主动公开政府信息的形式 （四）开展政策解读工作情况
    正确示例 / Good:
        （一）主动公开政府信息的数量 （二）主动公开政府信息的形式 （三）开展政策解读工作情况
    """
    for iss in ctx.facts.numbering_issues:
        if iss.kind != "gap":
            continue
        h, p = iss.heading, iss.previous
        style = h.mark.style
        missing = "".join(_mark(style, n) for n in iss.missing)
        missing_en = ", ".join(_mark(style, n) for n in iss.missing)
        yield Issue(
            h.mark.span,
            f"编号跳号：“{_head(p)}”（第{_line(ctx, p.span)}行）之后是“{h.mark.text}”，缺少{missing}",
            f"numbering gap: '{h.mark.text}' follows '{_head(p)}' (line {_line(ctx, p.span)}); {missing_en} is missing",
            related=((p.mark.span, "前一个同级标题", "the previous sibling heading"),),
        )


@rule(
    "S104",
    "numbering-restart",
    Severity.ERROR,
    "标题编号重新开始或重复",
    "a heading number restarts or repeats",
)
def numbering_restart(ctx):
    """
    同一层级的编号应一直接续。常见错误是“一、总体情况”之下的小标题又用“一、二、三、”
    编号，随后法定栏目接着写“二、主动公开政府信息情况”：小标题应改用（一）（二）（三）。
    编号重复（两个“三、”）或倒退也报出。

    Numbering at one level must continue. A common defect: the subsections
    of 一、总体情况 are numbered 一、二、三、 again and the statutory sections
    then go on with 二、主动公开政府信息情况 — the subsections should use
    （一）（二）（三）. A repeated or decreasing number is reported as well.

    错误示例 / Bad:
        一、总体情况  一、统一认识，加强领导  二、突出重点  三、创新思路  二、主动公开政府信息情况
    正确示例 / Good:
        一、总体情况  （一）统一认识，加强领导  （二）突出重点  （三）创新思路  二、主动公开政府信息情况
    """
    for iss in ctx.facts.numbering_issues:
        if iss.kind == "gap":
            continue
        h, p = iss.heading, iss.previous
        pl = _line(ctx, p.span)
        related = [(p.mark.span, "前一个同级标题", "the previous sibling heading")]
        if iss.kind == "restart":
            zh = f"编号重新从“{h.mark.text}”开始：前一个同级标题是“{_head(p)}”（第{pl}行）"
            en = f"numbering restarts at '{h.mark.text}' after '{_head(p)}' (line {pl})"
            if iss.resumed is not None:
                r = iss.resumed
                rl = _line(ctx, r.span)
                zh += f"，而第{rl}行“{_head(r)}”又接续原来的编号——这组标题应是“{_head(p)}”的下级，宜用（一）（二）…编号"
                en += (
                    f", and '{_head(r)}' (line {rl}) continues the earlier numbering: these headings belong "
                    f"under '{_head(p)}' and should be numbered （一）（二）…"
                )
                related.append(
                    (
                        r.mark.span,
                        "接续原编号的标题",
                        "the heading that continues the earlier numbering",
                    )
                )
        elif iss.kind == "repeat":
            zh = f"编号重复：“{h.mark.text}”与前一个同级标题“{_head(p)}”（第{pl}行）相同"
            en = f"repeated number: '{h.mark.text}' repeats '{_head(p)}' (line {pl})"
        else:
            zh = f"编号倒退：“{h.mark.text}”排在“{_head(p)}”（第{pl}行）之后"
            en = f"numbering goes back: '{h.mark.text}' follows '{_head(p)}' (line {pl})"
        yield Issue(h.mark.span, zh, en, related=tuple(related))


def _part_matches(part, sec: document.Section, template) -> bool:
    a, b = norm_label(part.name), norm_label(sec.title)
    if a == b or (len(a) >= 4 and a in b) or (len(b) >= 4 and b in a):
        return True
    ga, gb = {a[i : i + 2] for i in range(len(a) - 1)}, {b[i : i + 2] for i in range(len(b) - 1)}
    if ga and gb and len(ga & gb) / len(ga | gb) >= 0.5:
        return True  # the same name in slightly different words
    if part.topic is None:
        return False
    from gsilint.templates import topic_of

    return topic_of(sec.title, template) == part.topic


@rule(
    "S105",
    "declared-parts-mismatch",
    Severity.ERROR,
    "引言声明的组成部分与正文不符",
    "the parts declared in the intro do not match the body",
)
def declared_parts_mismatch(ctx):
    """
    引言常写“全文由概述、主动公开政府信息情况……等五部分组成”。声明的部分数必须等于列出的
    名称数和正文的一级栏目数，列出的每个名称都应在正文中有对应的栏目（措辞可以不同，
    按主题比较；附在文末的“统计表”按正文中出现的表名计）。

    Intros often declare the parts ("全文由概述、…等五部分组成"). The declared
    count must equal the number of names listed and the number of level-1
    parts in the body, and every listed name must have a matching part in the
    body (compared by topic, so wording may differ; an appended 统计表 counts
    when the body names it).

    错误示例 / Bad:
        全文由概述、主动公开政府信息情况、依申请公开情况、存在的主要问题及改进措施等五部分组成。
        （正文只有一至四，四个部分）
    正确示例 / Good:
        全文由概述、主动公开政府信息情况、依申请公开情况、存在的主要问题及改进措施等四部分组成。
    """
    dp = ctx.facts.declared_parts
    if dp is None:
        return
    tpl = ctx.facts.template
    tops = ctx.facts.top_sections
    names = dp.parts
    if dp.count != len(names):
        yield Issue(
            dp.count_span,
            f"引言声明共{_cn(dp.count)}部分，但列出了{len(names)}个名称："
            + "、".join(p.name for p in names),
            f"the intro declares {dp.count} parts but lists {len(names)} names: "
            + ", ".join(p.name for p in names),
        )
    text = ctx.doc.simplified
    used: set[int] = set()
    extra_parts = 0
    missing = []
    for part in names:
        sec = next((s for s in tops if id(s) not in used and _part_matches(part, s, tpl)), None)
        if sec is not None:
            used.add(id(sec))
            continue
        # a part without a numbered heading: an appended table named in the body
        key = norm_label(part.name)
        probe = "统计表" if key.endswith("统计表") else part.name if len(key) >= 4 else None
        if probe and any(m for m in _find_outside(text, probe, dp.span)):
            extra_parts += 1
            continue
        missing.append(part)
    for part in missing:
        yield Issue(
            part.span,
            f"引言列出的部分“{part.name}”在正文中没有对应的栏目",
            f"the part '{part.name}' listed in the intro has no matching section in the body",
        )
    restarts = any(i.kind != "gap" and i.heading.level == 1 for i in ctx.facts.numbering_issues)
    body_count = len(tops) + extra_parts
    if not missing and not restarts and dp.count == len(names) and body_count != dp.count:
        undeclared = [s for s in tops if id(s) not in used]
        listing = "、".join(f"“{s.heading.mark.text}{s.title}”" for s in undeclared)
        yield Issue(
            dp.count_span,
            f"引言声明共{_cn(dp.count)}部分，正文有{body_count}个部分"
            + (f"，未声明的有{listing}" if listing else ""),
            f"the intro declares {dp.count} parts but the body has {body_count}"
            + (
                f"; not declared: {', '.join(_head(s.heading) for s in undeclared)}"
                if undeclared
                else ""
            ),
            related=tuple(
                (s.heading.span, "未声明的部分", "a part not declared") for s in undeclared
            ),
        )


def _find_outside(text: str, needle: str, skip: Span):
    """Occurrences of ``needle`` in ``text`` outside ``skip``."""
    pos = text.find(needle)
    while pos != -1:
        if not (skip.start <= pos < skip.end):
            yield pos
        pos = text.find(needle, pos + 1)


@rule("S106", "empty-section", Severity.ERROR, "栏目没有内容", "a required section has no content")
def empty_section(ctx):
    """
    模板要求的栏目有标题却没有任何内容（没有文字、表格或有内容的小节）。即使本年度没有
    相关情况，也应写明，例如“本年度无其他需要报告的事项”。

    A required section has a heading but nothing under it (no text, no table,
    no subsection with content). Even when there is nothing to report, the
    section should say so, e.g. "本年度无其他需要报告的事项".

    错误示例 / Bad:
        六、其他需要报告的事项
        （报告到此结束）
    正确示例 / Good:
        六、其他需要报告的事项
        本年度未收取信息处理费，无其他需要报告的事项。
    """
    for cov in ctx.facts.topic_coverage:
        sec = cov.heading
        if not cov.required or sec is None or has_content(sec):
            continue
        yield Issue(
            sec.heading.span,
            f"栏目“{sec.title}”没有内容（如无相关情况，应写明“无”）",
            f"section '{sec.title}' is empty (if there is nothing to report, say so)",
        )


@rule(
    "S107",
    "missing-closing",
    Severity.WARNING,
    "缺少落款（机关名称和日期）",
    "no closing block with the organisation and date",
)
def missing_closing(ctx):
    """
    报告末尾应有落款：发布机关名称和成文日期（可先写“特此报告”）。没有落款的报告无法
    确认发布主体和发布时间，也无法核对发布期限。网页副本中落款可能夹在正文与附件之间，
    同样认可。

    A report should end with a closing block: the publishing organisation and
    the date (optionally after 特此报告). Without it the publisher and the
    publication date cannot be checked. In a flattened web copy a signature
    between the text and the attachments counts as well.

    错误示例 / Bad:
        六、其他需要报告的事项
        本年度未收取信息处理费。
    正确示例 / Good:
        六、其他需要报告的事项
        本年度未收取信息处理费。
        某某县人民政府
        2024年1月20日
    """
    info = ctx.facts.closing_block
    if info is None and not _has_structure(ctx):
        return
    end = len(ctx.doc.text.rstrip())
    if info is None:
        yield Issue(
            Span(end, end),
            "报告末尾没有落款（发布机关名称和日期）",
            "the report has no closing block (organisation and date)",
        )
    elif info.date is None and info.organisation is None:
        yield Issue(
            info.span,
            "落款只有“特此报告”，缺少发布机关名称和日期",
            "the closing has only 特此报告: no organisation and no date",
        )
    elif info.date is None:
        yield Issue(info.span, "落款缺少日期", "the closing block has no date")
