"""``gsilint lsp``: a language server over stdio (pygls).

Editors send the buffer on open and on each change; the server lints it with
the same code as the CLI (:func:`gsilint.engine.lint_source` on a Source built
by :func:`gsilint.sources.source_from_text`) and publishes the findings as
diagnostics built by :func:`gsilint.output.lsp.diagnostic`. Positions use
the encoding negotiated at ``initialize`` (pygls takes the first of the
client's ``general.positionEncodings`` it supports: utf-16 when the client
says nothing, utf-8 or utf-32 when it prefers them). Hovering a finding
shows its rule's explanation; findings with a safe fix offer it as a quick
fix (and all of them as ``source.fixAll.gsilint``). Closing a document
clears its diagnostics.

A configuration file that cannot be used (broken TOML, an unknown key, a bad
rule pack) is published as a diagnostic on that file and shown once as a
message; documents are linted with the defaults until it is mended. A change
to a document the client never opened is taken as an open when it carries
the whole text, and otherwise ignored with a log message.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import field
from pathlib import PurePath
from urllib.parse import unquote

from lsprotocol import types
from lsprotocol.converters import get_converter
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.uris import from_fs_path, to_fs_path

from gsilint import __version__
from gsilint.config import Config
from gsilint.config_file import ConfigResolver
from gsilint.docs import rule_doc_url
from gsilint.engine import lint_source
from gsilint.findings import Finding
from gsilint.output.lsp import diagnostic, lsp_position
from gsilint.positions import LineIndex
from gsilint.records import dataclass
from gsilint.rules import load_rules
from gsilint.sources import READERS, InputError, Source, read_text_source, source_from_text

log = logging.getLogger("gsilint.lsp")
_converter = get_converter()


@dataclass
class Linted:
    """The last lint of one open document: what hover and code actions look findings up in."""

    findings: list[Finding]
    index: LineIndex | None
    #: the published diagnostics, parallel to ``findings``
    diagnostics: list[dict] = field(default_factory=list)
    lang: str = "zh"


class GsilintProtocol(LanguageServerProtocol):
    """pygls's protocol, tolerant of a change to a document that was never opened."""

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
        doc = params.text_document
        if unquote(doc.uri) not in self.workspace.text_documents:
            whole = [
                c
                for c in params.content_changes
                if isinstance(c, types.TextDocumentContentChangeWholeDocument)
            ]
            if not whole:
                log.warning("change to %s, which was never opened: ignored", doc.uri)
                return
            self.workspace.put_text_document(
                types.TextDocumentItem(doc.uri, "plaintext", doc.version, whole[-1].text)
            )
        yield from super().lsp_text_document__did_change(params)


#: where a TOML parser or a config message places the problem
_TOML_AT = re.compile(r"at line (\d+), column (\d+)")
_QUOTED_KEY = re.compile(r"'([A-Za-z][\w-]*)'")


def config_problem_range(text: str, message: str) -> types.Range:
    """The place in a config file that ``message`` is about: the TOML parser's line and
    column, else the first line naming the key the message quotes, else the first line."""
    m = _TOML_AT.search(message)
    if m:
        line, col = int(m.group(1)) - 1, int(m.group(2)) - 1
    else:
        line, col = 0, 0
        lines = text.splitlines()
        for key in _QUOTED_KEY.findall(message):
            hit = next(
                (i for i, t in enumerate(lines) if re.match(rf"\s*{re.escape(key)}\s*=", t)), None
            )
            if hit is not None:
                line = hit
                break
    start = types.Position(line, col)
    return types.Range(start, types.Position(line + 1, 0))


class GsilintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("gsilint", __version__, protocol_cls=GsilintProtocol)
        self.linted: dict[str, Linted] = {}
        self._resolver: ConfigResolver | None = None
        #: config files with a published problem → the message
        self.config_problems: dict[str, str] = {}

    def config_for(self, path: str | None) -> Config:
        """Settings for a document: its nearest configuration file, as the CLI reads it.

        The resolver caches per directory; it is renewed on open and save
        (see :meth:`forget_config`) so an edited gsilint.toml takes effect.
        """
        if self._resolver is None:
            self._resolver = ConfigResolver()
        if not path or path.startswith("untitled:"):
            return Config()
        cfg_file = self._resolver.find(os.path.dirname(os.path.abspath(path)))
        try:
            config = self._resolver.for_path(path)
        except Exception as exc:  # a broken config file: lint with defaults, and say where
            self.report_config_problem(cfg_file, str(exc))
            return Config()
        if cfg_file in self.config_problems:
            self.report_config_problem(cfg_file, None)
        return config

    def report_config_problem(self, cfg_file: str | None, message: str | None) -> None:
        """Publish (or, with ``message`` None, clear) the problem of a config file; show a
        new problem once as a message."""
        if cfg_file is None:
            if message:
                self.window_log_message(
                    types.LogMessageParams(types.MessageType.Warning, f"gsilint: {message}")
                )
            return
        uri = from_fs_path(cfg_file) or cfg_file
        if message is None:
            self.config_problems.pop(cfg_file, None)
            publish(self, uri, [])
            return
        if self.config_problems.get(cfg_file) != message:
            self.window_show_message(
                types.ShowMessageParams(
                    types.MessageType.Error,
                    f"gsilint: {message} — linting with the default settings until it is fixed",
                )
            )
        self.config_problems[cfg_file] = message
        try:
            with open(cfg_file, encoding="utf-8", errors="replace") as fh:
                text = fh.read()
        except OSError:
            text = ""
        diag = types.Diagnostic(
            range=config_problem_range(text, message),
            message=message,
            severity=types.DiagnosticSeverity.Error,
            source="gsilint",
        )
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[diag])
        )

    def forget_config(self) -> None:
        self._resolver = None

    @property
    def encoding(self) -> str:
        """The negotiated position encoding: "utf-16" (default), "utf-8" or "utf-32"."""
        try:
            enc = self.workspace.position_encoding
        except RuntimeError:  # not initialised (used as a library)
            return "utf-16"
        return str(getattr(enc, "value", enc) or "utf-16")


def source_for(uri: str, text: str) -> Source:
    """A Source for an editor buffer, read like a file with the same name would be."""
    path = to_fs_path(uri) or uri
    reader = READERS.get(PurePath(path).suffix.lower())
    if reader is None or reader is read_text_source:
        kind = "markdown" if path.lower().endswith((".md", ".markdown")) else "text"
        return source_from_text(text, path, kind=kind)
    return reader(path, text.encode("utf-8"), "utf-8")


def is_repository_document(uri: str) -> bool:
    """README, LICENSE… : Markdown an editor opens that is not a report.

    The CLI's directory walk skips them too.
    """
    from gsilint.api import _NOT_REPORTS

    return PurePath(to_fs_path(uri) or uri).name.upper().startswith(_NOT_REPORTS)


def lint_document(server: GsilintServer, uri: str, text: str) -> list[dict]:
    """Lint one buffer; remember the findings; return LSP diagnostics as JSON data."""
    if is_repository_document(uri):
        server.linted[uri] = Linted([], None)
        return []
    try:
        source = source_for(uri, text)
    except InputError:  # an empty buffer: nothing to say yet
        server.linted[uri] = Linted([], None)
        return []
    config = server.config_for(source.path)
    findings = lint_source(source, config)
    diagnostics = [diagnostic(f, source.index, uri, server.encoding) for f in findings]
    server.linted[uri] = Linted(findings, source.index, diagnostics, config.lang)
    return diagnostics


def publish(
    server: GsilintServer, uri: str, diagnostics: list[dict], version: int | None = None
) -> None:
    params = types.PublishDiagnosticsParams(
        uri=uri,
        diagnostics=[_converter.structure(d, types.Diagnostic) for d in diagnostics],
        version=version,
    )
    server.text_document_publish_diagnostics(params)


def refresh(server: GsilintServer, uri: str) -> None:
    doc = server.workspace.get_text_document(uri)
    try:
        diagnostics = lint_document(server, uri, doc.source)
    except Exception as exc:  # never take the editor session down
        log.exception("lint failed for %s", uri)
        server.window_log_message(
            types.LogMessageParams(types.MessageType.Error, f"gsilint: {uri}: {exc}")
        )
        return
    publish(server, uri, diagnostics, doc.version)


def offset_at(index: LineIndex, line: int, character: int, encoding: str) -> int:
    """Code-point offset of an LSP position (inverse of gsilint.output.lsp.lsp_position)."""
    if line >= index.line_count:
        return len(index.text)
    start = index.line_start(line)
    end = index.line_end(line)
    if encoding == "utf-32":
        return min(start + character, end)
    units = 0
    for i in range(start, end):
        if units >= character:
            return i
        ch = index.text[i]
        units += len(ch.encode("utf-8")) if encoding == "utf-8" else (2 if ord(ch) > 0xFFFF else 1)
    return end


def hover_markdown(findings: list[Finding]) -> str:
    rules = load_rules()
    parts = []
    for f in findings:
        rule = rules.get(f.code)
        head = f"**{f.code} {f.name}** — {f.message}"
        if rule is None:
            parts.append(head)
            continue
        parts.append(
            f"{head}\n\n{rule.summary} / {rule.summary_en}\n\n```text\n{rule.explanation}\n```\n\n"
            f"[{f.code} 规则说明 / rule documentation]({rule_doc_url(f.code)})"
        )
    return "\n\n---\n\n".join(parts)


def findings_at(linted: Linted, line: int, character: int, encoding: str) -> list[Finding]:
    if linted.index is None:
        return []
    offset = offset_at(linted.index, line, character, encoding)
    # a zero-width finding (a missing section) is found on the character it points at
    return [
        f
        for f in linted.findings
        if f.location.start <= offset < max(f.location.end, f.location.start + 1)
    ]


def _kind(kind) -> str:
    return str(getattr(kind, "value", kind))


def fix_actions(
    linted: Linted, uri: str, rng: types.Range, encoding: str
) -> list[types.CodeAction]:
    """Quick fixes for the findings with a safe fix that touch ``rng``, and one "fix all"."""
    if linted.index is None:
        return []
    index = linted.index
    lo = offset_at(index, rng.start.line, rng.start.character, encoding)
    hi = offset_at(index, rng.end.line, rng.end.character, encoding)
    en = linted.lang == "en"

    def edit(f: Finding) -> dict:
        return {
            "range": {
                "start": lsp_position(index, f.fix.start, encoding=encoding),
                "end": lsp_position(index, f.fix.end, encoding=encoding),
            },
            "newText": f.fix.replacement,
        }

    actions = []
    fixable = [(f, d) for f, d in zip(linted.findings, linted.diagnostics) if f.fix is not None]
    for f, d in fixable:
        if f.location.start <= hi and lo <= max(f.location.end, f.location.start):
            shown = f.fix.replacement or ("(delete)" if en else "（删除）")
            title = f"{f.code}: replace with '{shown}'" if en else f"{f.code}：改为“{shown}”"
            actions.append(
                types.CodeAction(
                    title=title,
                    kind=types.CodeActionKind.QuickFix,
                    is_preferred=True,
                    diagnostics=[_converter.structure(d, types.Diagnostic)],
                    edit=types.WorkspaceEdit(
                        changes={uri: [_converter.structure(edit(f), types.TextEdit)]}
                    ),
                )
            )
    if fixable:  # one fix is still a fix-all (editors ask for source.fixAll on save)
        taken, end = [], -1
        for f, _ in sorted(fixable, key=lambda fd: (fd[0].fix.start, fd[0].fix.end)):
            if f.fix.start >= end:  # overlapping fixes wait for the next lint
                taken.append(f)
                end = max(f.fix.end, f.fix.start + (f.fix.start == f.fix.end))
        title = (
            f"gsilint: apply {len(taken)} safe fixes"
            if en
            else f"gsilint：应用全部 {len(taken)} 处安全修正"
        )
        actions.append(
            types.CodeAction(
                title=title,
                kind=types.CodeActionKind.SourceFixAll + ".gsilint",
                edit=types.WorkspaceEdit(
                    changes={uri: [_converter.structure(edit(f), types.TextEdit) for f in taken]}
                ),
            )
        )
    return actions


def create_server() -> GsilintServer:
    server = GsilintServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: GsilintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.forget_config()
        refresh(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: GsilintServer, params: types.DidChangeTextDocumentParams) -> None:
        refresh(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: GsilintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.forget_config()
        refresh(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: GsilintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.linted.pop(params.text_document.uri, None)
        publish(ls, params.text_document.uri, [])

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: GsilintServer, params: types.HoverParams) -> types.Hover | None:
        linted = ls.linted.get(params.text_document.uri)
        if linted is None:
            return None
        pos = params.position
        found = findings_at(linted, pos.line, pos.character, ls.encoding)
        if not found:
            return None
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value=hover_markdown(found)
            )
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[
                types.CodeActionKind.QuickFix,
                types.CodeActionKind.SourceFixAll + ".gsilint",
            ]
        ),
    )
    def code_action(
        ls: GsilintServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        linted = ls.linted.get(params.text_document.uri)
        if linted is None:
            return None
        actions = fix_actions(linted, params.text_document.uri, params.range, ls.encoding)
        only = params.context.only
        if only:
            actions = [a for a in actions if any(_kind(a.kind).startswith(_kind(k)) for k in only)]
        return actions or None

    return server


def serve() -> None:
    """Run the server on stdin/stdout until the client exits."""
    load_rules()
    logging.basicConfig(level=logging.WARNING, format="gsilint-lsp %(levelname)s %(message)s")
    create_server().start_io()
