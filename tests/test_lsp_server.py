"""``gsilint lsp`` end to end: a client process speaks JSON-RPC to the server over stdio.

The server runs as ``python -m gsilint lsp`` in a subprocess (pytest-lsp);
the document is seed 003 with a section heading removed (S101), then fixed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
import pytest_lsp
from conftest import seed_path, seed_text
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

import gsilint
from gsilint import lint_text

HEADING = "六、其他需要报告的事项"
# run the same gsilint the tests import (a checkout or the installed wheel)
_ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join(
        filter(None, [str(Path(gsilint.__file__).parent.parent), os.environ.get("PYTHONPATH")])
    ),
}
SERVER = ClientServerConfig(
    server_command=[sys.executable, "-m", "gsilint", "lsp", "--stdio"], server_env=_ENV
)

URI = seed_path(3).absolute().as_uri()
GOOD = seed_text(3)
BAD = GOOD.replace(HEADING, "本段内容。")
# section 五 is the last one and ends with two characters outside the BMP: the S101
# for the missing 六 points at the very end, after them
TAIL = GOOD[: GOOD.index(HEADING)].rstrip("\n") + "𠮷𠮷"


def s101(diagnostics) -> list[types.Diagnostic]:
    """The S101 diagnostics (the seed has other, real findings of other rules)."""
    return [d for d in diagnostics if d.code == "S101"]


def codes(diagnostics) -> list[str]:
    return sorted(d.code for d in diagnostics)


def cli_codes(text: str) -> list[str]:
    return sorted(f.code for f in lint_text(text, str(seed_path(3))))


def _capabilities(encodings=None) -> types.ClientCapabilities:
    general = types.GeneralClientCapabilities(position_encodings=encodings) if encodings else None
    return types.ClientCapabilities(
        general=general,
        text_document=types.TextDocumentClientCapabilities(
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                related_information=True
            ),
        ),
    )


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=_capabilities()))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def utf8_client(lsp_client: LanguageClient):
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=_capabilities(
                [types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16]
            )
        )
    )
    lsp_client.init_result = result
    yield
    await lsp_client.shutdown_session()


async def _open(client: LanguageClient, text: str, uri: str = URI, version: int = 1):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="plaintext", version=version, text=text)
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[uri]


async def _replace_all(client: LanguageClient, text: str, version: int, uri: str = URI):
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[uri]


@pytest.mark.asyncio
async def test_open_fix_break_save_close(client: LanguageClient):
    diagnostics = await _open(client, BAD)
    assert codes(diagnostics) == cli_codes(BAD)  # the server says what the CLI says
    [d] = s101(diagnostics)
    line = BAD.split("\n").index("本段内容。")
    assert d.code == "S101" and d.source == "gsilint"
    assert d.severity == types.DiagnosticSeverity.Error
    assert "其他需要报告的事项" in d.message
    assert d.code_description.href.endswith("/docs/rules/S101.md")
    # where the CLI puts it (107:108, the end of section 五), 0-based
    assert d.range == types.Range(types.Position(106, 107), types.Position(106, 107))

    # an incremental edit: type the heading back over the replacement paragraph
    start = types.Position(line, 0)
    end = types.Position(line, len("本段内容。"))
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(range=types.Range(start, end), text=HEADING)
            ],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert s101(client.diagnostics[URI]) == []
    assert codes(client.diagnostics[URI]) == cli_codes(GOOD)

    # break it again, save: diagnostics are published for the saved text too
    assert len(s101(await _replace_all(client, BAD, 3))) == 1
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(URI))
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert codes(client.diagnostics[URI]) == cli_codes(BAD)

    client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(URI))
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[URI]) == []


@pytest.mark.asyncio
async def test_hover_on_a_finding_explains_the_rule(client: LanguageClient):
    [d] = s101(await _open(client, BAD))
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(URI), d.range.start)
    )
    assert hover is not None and hover.contents.kind == types.MarkupKind.Markdown
    text = hover.contents.value
    assert text.startswith("**S101 missing-section** — 缺少栏目“其他需要报告的事项”")
    assert "六个栏目" in text and "six sections" in text  # the rule's explanation
    assert "/docs/rules/S101.md)" in text
    # nowhere near a finding: no hover
    assert (
        await client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(URI), types.Position(0, 0))
        )
        is None
    )


@pytest.mark.asyncio
async def test_utf16_columns_count_astral_characters_twice(client: LanguageClient):
    [d] = s101(await _open(client, TAIL))
    last = TAIL.split("\n")[-1]
    assert d.code == "S101"
    assert d.range.start == types.Position(
        len(TAIL.split("\n")) - 1, len(last) + 2
    )  # 𠮷𠮷: 4 UTF-16 units


@pytest.mark.asyncio
async def test_utf8_is_used_when_the_client_prefers_it(utf8_client: LanguageClient):
    assert utf8_client.init_result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    [d] = s101(await _open(utf8_client, TAIL))
    last = TAIL.split("\n")[-1]
    assert d.range.start == types.Position(len(TAIL.split("\n")) - 1, len(last.encode("utf-8")))
    # hover positions are read in the same encoding
    hover = await utf8_client.text_document_hover_async(
        types.HoverParams(
            types.TextDocumentIdentifier(URI),
            types.Position(d.range.start.line, d.range.start.character),
        )
    )
    assert hover.contents.value.startswith("**S101 missing-section**")


@pytest.mark.asyncio
async def test_crlf_buffer_and_empty_buffer(client: LanguageClient):
    crlf_uri = URI.replace(".txt", "-crlf.txt")
    crlf = await _open(client, BAD.replace("\n", "\r\n"), uri=crlf_uri)
    lf = await _open(client, BAD, uri=URI)
    assert [(d.code, d.range) for d in crlf] == [
        (d.code, d.range) for d in lf
    ]  # a CR belongs to the line break, not to the line
    assert list(await _replace_all(client, "", 2, uri=crlf_uri)) == []


FIXABLE = GOOD.replace(
    "二、主动公开政府信息情况", "二、主动公开政府信息情况\n本年收到申请𠮷12件,办结11件。", 1
)


@pytest.mark.asyncio
async def test_quick_fix_replaces_the_halfwidth_comma(client: LanguageClient):
    diagnostics = await _open(client, FIXABLE)
    [d] = [d for d in diagnostics if d.code == "T505"]
    line = FIXABLE.split("\n").index("本年收到申请𠮷12件,办结11件。")
    # the comma follows 本年收到申请𠮷12件: 10 code points, 11 UTF-16 units
    assert d.range == types.Range(types.Position(line, 11), types.Position(line, 12))
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(URI),
            range=d.range,
            context=types.CodeActionContext(diagnostics=[d], only=[types.CodeActionKind.QuickFix]),
        )
    )
    [action] = actions
    assert action.kind == types.CodeActionKind.QuickFix and action.title == "T505：改为“，”"
    assert action.diagnostics[0].code == "T505"
    [edit] = action.edit.changes[URI]
    assert edit.range == d.range and edit.new_text == "，"
    # the client applies the edit: the finding goes away
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)
            ],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert "T505" not in codes(client.diagnostics[URI])
    assert codes(client.diagnostics[URI]) == cli_codes(FIXABLE.replace("件,办", "件，办"))


@pytest.mark.asyncio
async def test_change_to_a_document_never_opened(client: LanguageClient):
    """A whole-text change to an unopened document is linted as if opened; an incremental
    one is ignored, and the session goes on."""
    uri = "file:///tmp/never-opened.txt"
    diagnostics = await _replace_all(client, seed_text(4), 1, uri=uri)
    assert "T501" in codes(diagnostics)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(
                uri="file:///tmp/other.txt", version=1
            ),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(types.Position(0, 0), types.Position(0, 0)), text="x"
                )
            ],
        )
    )
    # the server still answers
    assert await _open(client, seed_text(4), uri="file:///tmp/third.txt")
