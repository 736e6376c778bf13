"""Where a rule's documentation lives, for links from SARIF, LSP and the CLI.

The explanation itself is the rule function's docstring (``gsilint rule
CODE`` prints it); SARIF and LSP hover carry it inline, so readers do not
depend on the link. Each rule has a page in the repository,
``docs/rules/<CODE>.md``, written by ``gsilint rule CODE --format markdown``
(``tests/test_rule_pages.py`` keeps them in step). The repository's address
is the ``Repository`` URL of ``[project.urls]`` in pyproject.toml, read from
the installed package's metadata; ``GSILINT_DOCS_URL`` overrides the base of
the links (a fork or an internal mirror).
"""

from __future__ import annotations

import html
import os
from functools import lru_cache

#: ``[project.urls] Repository`` of pyproject.toml, for a checkout run without installing
#: (``tests/test_rule_pages.py`` checks the two agree)
REPOSITORY_URL = "https://github.com/gsilint/gsilint"


@lru_cache(maxsize=1)
def repository_url() -> str:
    """The repository's address, from the installed package's metadata."""
    from importlib import metadata

    try:
        urls = metadata.metadata("gsilint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return REPOSITORY_URL
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "repository" and url.strip():
            return url.strip().rstrip("/")
    return REPOSITORY_URL


def docs_url() -> str:
    """The base of the rule pages: ``GSILINT_DOCS_URL`` or the repository's ``docs/rules``."""
    return (
        os.environ.get("GSILINT_DOCS_URL") or f"{repository_url()}/blob/main/docs/rules"
    ).rstrip("/")


def rule_doc_url(code: str) -> str:
    """Link to one rule's page."""
    return f"{docs_url()}/{code}.md"


def rule_help_text(rule, lang: str = "zh") -> str:
    """Summary line (in ``lang``) followed by the full bilingual explanation."""
    summary = rule.summary_en if lang == "en" else rule.summary
    return f"{rule.code} {rule.name}: {summary}\n\n{rule.explanation}".rstrip() + "\n"


def rule_text(rule) -> str:
    """``gsilint rule CODE``: the header and the explanation as plain text."""
    return (
        f"{rule.code} {rule.name} ({rule.severity.label})\n"
        f"{rule.summary} / {rule.summary_en}\n\n{rule.explanation}\n"
    )


def rule_markdown(rule) -> str:
    """One rule's page (``docs/rules/<CODE>.md``): header, summary, explanation; the
    examples as code blocks."""
    out = [
        f"# {rule.code} {rule.name}",
        "",
        f"Default severity: **{rule.severity.label}**. {rule.summary} — {rule.summary_en}",
        "",
    ]
    lines = rule.explanation.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith(("错误示例 / Bad", "正确示例 / Good")):
            head, _, rest = line.partition(":")
            out += [f"**{head.strip()}**", "", "```text"]
            if rest.strip():
                out.append(rest.strip())
            i += 1
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                if lines[i].strip():
                    out.append(lines[i][4:])
                i += 1
            out += ["```", ""]
            continue
        out.append(line)
        i += 1
    return "\n".join(out).rstrip() + "\n"


def rule_html(rule) -> str:
    """One rule's explanation as a standalone HTML page (escaped)."""
    body = html.escape(rule_text(rule))
    title = html.escape(f"{rule.code} {rule.name}")
    return (
        '<!DOCTYPE html>\n<html lang="zh">\n<head><meta charset="utf-8">'
        f"<title>{title}</title></head>\n"
        f'<body><pre style="white-space: pre-wrap">{body}</pre></body>\n</html>\n'
    )
