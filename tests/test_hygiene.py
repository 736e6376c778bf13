"""T501–T507 text hygiene: failing and passing fixtures, the seeds, the corpus notes."""

from __future__ import annotations

import pytest
from conftest import REAL, brief, lint, seed_text

CORPUS = REAL

HEAD = "一、总体情况\n"


def T(body: str, select: str, **cfg):
    return lint(HEAD + body + "\n", select=select, **cfg)


# -- T501 repeated-word ----------------------------------------------------


def test_t501_seed_004():
    found = lint(seed_text(4), select="T501")
    # 34:100 "公开工作工作量大" is 公开工作 + 工作量: a word boundary, not a doubling
    assert brief(found) == [("T501", 3, 40)]
    assert "公开公开" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "本年度进一步规范审核审核发布机制，公开信息审核到位。",
        "打造整体统一的的网站界面。",
    ],
)
def test_t501_flags_doubled_words(text):
    [f] = T(text, "T501")
    assert (f.code, f.line) == ("T501", 2)
    assert f.column == text.index("审核审核" if "审核" in text else "的的") + 1
    assert "连写了两遍" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "我们常常研究研究问题，人人参与，一一落实，层层压实责任，步步推进，事事公开，年年考核。",
        "同时适时适地公布各相关单位预算。",  # 同时|适时|适地: a chance meeting
        "区管委会网站首页页面上开辟专栏，饮用水水源水质监测，改进工作作风。",
        "二〇二〇年主动公开信息。",
        "依申请公开、公开目录同步更新。",
        "的的确确取得了成效。",
    ],
)
def test_t501_passes_legitimate_text(text):
    assert T(text, "T501") == []


def test_t501_english():
    [f] = T("规范审核审核发布机制。审核制度。", "T501", lang="en")
    assert f.message == "'审核' is written twice in a row ('审核审核'); delete one"


def test_t501_not_in_table_cells():
    text = "二、主动公开政府信息情况\n信息内容\t本年新制作数量\n规章规章\t3\n"
    assert lint(text, select="T501") == []


# -- T502 placeholder --------------------------------------------------------


@pytest.mark.parametrize(
    "text,what",
    [
        ("XX镇人民政府全年主动公开信息12条。", "XX"),
        ("全年主动公开信息××条。", "××"),
        ("由某某同志负责。", "某某"),
        ("联系电话：此处填写。", "此处填写"),
        ("本报告由[单位名称]编制。", "[单位名称]"),
        ("根据《》要求编制本报告。", "《》"),
    ],
)
def test_t502_flags_placeholders(text, what):
    [f] = T(text, "T502")
    assert (f.code, f.line, f.severity.label) == ("T502", 2, "error")
    assert f"（{what}）" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "详见 http://www.xx.gov.cn/xxgk 专栏。",
        "二○○八年五月一日起施行。",
        "全年主动公开信息12条，某企业申请公开1件。",
    ],
)
def test_t502_passes(text):
    assert T(text, "T502") == []


# -- T503 malformed-url -------------------------------------------------------


def test_t503_seed_002():
    [f] = lint(seed_text(2), select="T503")
    assert (f.code, f.line) == ("T503", 4)
    assert "http:∥zhangqi.cixi.gov.cn" in f.message and "http://zhangqi.cixi.gov.cn" in f.message
    assert f.fix is not None and f.fix.replacement == "://zhangqi.cixi.gov.cn"


@pytest.mark.parametrize(
    "text,good",
    [
        ("门户网站（http：//www.pingtan.gov.cn）", "http://www.pingtan.gov.cn"),
        ("门户网站（http//www.pingtan.gov.cn）", "http://www.pingtan.gov.cn"),
        ("门户网站（http:/www.pingtan.gov.cn）", "http://www.pingtan.gov.cn"),
        ("门户网站（www. pingtan.gov.cn）", "www.pingtan.gov.cn"),
        # a scheme in any capitalisation, with a host that has neither www nor .gov
        ("门户网站（HtTp:∥example.cn）", "http://example.cn"),
    ],
)
def test_t503_flags(text, good):
    [f] = T(text, "T503")
    assert (f.line, f.column) == (2, text.index("（") + 2)
    assert f"“{good}”" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "门户网站（http://www.pingtan.gov.cn）和 https://www.gov.cn/zhengce 专栏。",
        "门户网站（www.pingtan.gov.cn）。",
    ],
)
def test_t503_passes(text):
    assert T(text, "T503") == []


# -- T504 mixed-script --------------------------------------------------------


def test_t504_simplified_report_with_traditional_characters():
    text = "全年主动公开政府信息125条，其中規範性文件12件。\n本年度依申请公开办理情况良好。"
    [f] = T(text, "T504")
    assert (f.code, f.line, f.column) == ("T504", 2, text.index("規") + 1)
    assert "規→规" in f.message and "範→范" in f.message and "简体报告中夹有繁体字" in f.message


def test_t504_traditional_seed_does_not_drown():
    # seed 001 is a traditional report; 后/干/于/并 are traditional characters too
    assert lint(seed_text(1), select="T504") == []


def test_t504_traditional_report_with_simplified_characters():
    text = seed_text(1).replace("加強組織領導", "加强组织领导")
    found = lint(text, select="T504")
    assert len(found) == 1
    assert "繁体报告中夹有简体字" in found[0].message and "强→強" in found[0].message


def test_t504_quoted_titles_excepted():
    text = "根据《國務院辦公廳關於規範政務公開的通知》要求，全年主动公开信息12条。"
    assert T(text, "T504") == []


# -- T505 halfwidth-punctuation ----------------------------------------------


def test_t505_seed_001_once_per_paragraph():
    found = lint(seed_text(1), select="T505")
    lines = [f.line for f in found]
    assert len(lines) == len(set(lines))  # one finding per paragraph, not per comma
    assert found[0].line == 1 and "5 个半角标点" in found[0].message
    para7 = next(f for f in found if f.line == 7)
    assert "15 个半角标点" in para7.message
    assert all(f.fix is not None for f in found)


def test_t505_flags_and_fixes():
    text = "全文由概述,主动公开情况(含解读)等部分组成:详见附件。"
    [f] = T(text, "T505")
    assert (f.line, f.column) == (2, text.index(",") + 1)
    assert "4 个半角标点" in f.message
    assert f.fix.replacement == "，主动公开情况（含解读）等部分组成："


@pytest.mark.parametrize(
    "text",
    [
        "全年共收到申请1,024件，办理时限12:30前。",
        "详见 http://www.pingtan.gov.cn 专栏。",
        "English text (not Chinese), fine: yes.",
    ],
)
def test_t505_passes(text):
    assert T(text, "T505") == []


def test_t505_not_heading_marks():
    assert lint("一、总体情况\n(一)主动公开情况\n全年主动公开信息12条。\n", select="T505") == []


# -- T506 stray-space -----------------------------------------------------------


def test_t506_seed_000():
    [f] = lint(seed_text(0), select="T506")
    assert (f.code, f.line, f.column) == ("T506", 25, 273)
    assert "“发 展”" in f.message
    assert f.fix is not None and f.fix.replacement == ""


@pytest.mark.parametrize(
    "text",
    [
        "促进经济社会发展。全年公开经济和社会发展统计信息22条。",
        "全年公开经济和社会\n发展统计信息22条，促进经济社会发展。",  # a PDF line wrap
        "邮 编：350400；电 话：0591-23165255，促进发展，电话畅通。",
        "3、政府机构和人事 政府机关的管理职能方面，公开了政府信息。",
    ],
)
def test_t506_passes(text):
    assert T(text, "T506") == []


def test_t506_flags():
    text = "促进经济社会发展。全年公开经济和社会发 展统计信息22条。"
    [f] = T(text, "T506")
    assert (f.line, f.column) == (2, text.index(" ") + 1)


# -- T507 unbalanced-brackets -------------------------------------------------


def test_t507_flags_doubled_and_unclosed():
    text = "根据《《福建省政府信息公开办法》，联系电话（0591-23162606。"
    found = T(text, "T507")
    assert brief(found) == [("T507", 2, 3), ("T507", 2, text.index("（") + 1)]
    assert (
        "没有对应的右书名号“》”" in found[0].message and "没有对应的右括号“）”" in found[1].message
    )


def test_t507_flags_stray_closer():
    text = "全年公开信息12条）。"
    [f] = T(text, "T507")
    assert "前面没有对应的左括号“（”" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "根据《条例》（以下简称“条例”）【附件】要求。",
        "请与办公室联系（地址：淮安市洪泽区\n电子邮箱：\nhzzwgk@126.com）。",
    ],
)
def test_t507_passes(text):
    assert T(text, "T507") == []


# -- the corpus notes (INDEX.tsv) ------------------------------------------------


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
@pytest.mark.parametrize(
    "name,code,needle",
    [
        ("pingtan_syq_2021.txt", "T501", "审核审核"),
        ("shanghai_kewei_2024.md", "T501", "资金资金"),
        ("shanghai_kewei_2024.md", "T505", "半角标点"),
        ("pingtan_syq_2018.txt", "T507", "左书名号“《”没有对应的右书名号“》”"),
        ("pingtan_syq_2018.txt", "T507", "左括号“（”没有对应的右括号“）”"),
    ],
)
def test_corpus_notes(name, code, needle):
    from gsilint import Config
    from gsilint.run import check_file

    result = check_file(str(CORPUS / name), Config(select=("T",)))
    assert any(f.code == code and needle in f.message for f in result.findings), result.findings


def test_t507_names_quotation_marks_instead_of_quoting_them():
    [f] = T("市工商局联合制定下发《关于全面推行“双随机》的通知。", "T507")
    assert f.message.startswith("左引号没有对应的右引号：")


@pytest.mark.skipif(not (REAL / "shuyang_xian_2025.md").exists(), reason="no shared corpus")
def test_t505_counts_a_block_up_to_a_blank_line():
    # the reader joins "沐阳县人民政府 / (2026年1月23日)" and the paragraph after a blank line;
    # the count is about line 4's block only
    from gsilint import Config
    from gsilint.run import check_file

    result = check_file(str(REAL / "shuyang_xian_2025.md"), Config(select=("T505",)))
    first = result.findings[0]
    assert (first.line, first.column) == (4, 1)
    assert "有 2 个半角标点" in first.message


def test_t501_reads_the_word_list_without_importing_jieba():
    import subprocess
    import sys

    code = (
        "import sys\nfrom gsilint.rules.hygiene._dictionary import is_word\n"
        "print(is_word('工作量'), is_word('业创'), 'jieba' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False", "False"]
