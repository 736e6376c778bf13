"""Where a rule's documentation lives, for links from SARIF, LSP and the CLI.

The explanation itself is the rule function's docstring (``gsilint rule
CODE`` prints it); SARIF and LSP hover carry it inline, so readers do not
depend on the link. ``GSILINT_DOCS_URL`` overrides the base (a fork or an
internal mirror). Today every rule links to the rule table of the README
(its ``#rules`` section); when rules get pages of their own, only
:func:`rule_doc_url` changes.
"""

from __future__ import annotations

import os

DOCS_URL = "https://github.com/gsilint/gsilint/blob/main/README.md"


def docs_url() -> str:
    return os.environ.get("GSILINT_DOCS_URL") or DOCS_URL


def rule_doc_url(code: str) -> str:
    """Link for one rule (the README's rule table; the code is listed there)."""
    return f"{docs_url()}#rules"


def rule_help_text(rule, lang: str = "zh") -> str:
    """Summary line (in ``lang``) followed by the full bilingual explanation."""
    summary = rule.summary_en if lang == "en" else rule.summary
    return f"{rule.code} {rule.name}: {summary}\n\n{rule.explanation}".rstrip() + "\n"
