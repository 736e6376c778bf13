"""Command line: ``gsilint check | rules | rule | inspect``.

Exit codes: 0 no finding at or above ``--fail-on``; 1 such findings; 2 a
usage error, a path that does not exist, or a configuration error.
"""

from __future__ import annotations

import io
import json
import os
import sys

import click

from gsilint import __version__
from gsilint.api import FileResult, check_file, check_stdin, expand_paths, Run
from gsilint.config import TEMPLATES, Config
from gsilint.findings import Finding, Severity
from gsilint.output import OutputOptions, load_formats
from gsilint.rules import find_rule, load_rules

_SEVERITIES = ["error", "warning", "info"]


def _split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        out.extend(c.strip().upper() for c in v.split(",") if c.strip())
    return tuple(out)


def _check_codes(codes: tuple[str, ...], option: str) -> None:
    rules = load_rules()
    for c in codes:
        if c != "ALL" and not any(code.startswith(c) for code in rules):
            raise click.UsageError(f"{option}: no rule code or prefix matches '{c}'")


def _stdout() -> io.TextIOBase:
    # Chinese text must not fail on a terminal with a narrow locale
    try:
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[attr-defined]
    except Exception:
        pass
    return sys.stdout


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gsilint")
def main() -> None:
    """gsilint — 政府信息公开工作年度报告检查工具 (linter for government information-disclosure annual reports)."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", default="text", show_default=True, help="Output format: text, concise, json, jsonl, sarif, github, lsp.")
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated).")
@click.option("--extend-select", multiple=True, help="Add these codes or prefixes to the selection.")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes (comma-separated).")
@click.option("--fail-on", type=click.Choice(_SEVERITIES), default="error", show_default=True,
              help="Exit 1 when a finding has at least this severity.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="Message language.")
@click.option("--template", type=click.Choice(TEMPLATES), default="auto", show_default=True,
              help="Report template; auto detects it from the year and the table labels.")
@click.option("--year", type=click.IntRange(1990, 2100), default=None, help="Report year (overrides detection).")
@click.option("--rule-pack", "rule_packs", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra TOML rule pack adding required sections (e.g. a province's); repeatable.")
@click.option("--encoding", default=None, help="Force an input encoding (default: detect).")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal).")
@click.option("--output", "-o", "output_file", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to FILE instead of stdout (UTF-8).")
@click.option("--statistics", is_flag=True, default=False,
              help="Also count findings per rule (after text/concise output; on stderr for machine formats).")
@click.option("--fix", "apply_fix", is_flag=True, default=False,
              help="Apply the safe automatic fixes (T503, T505, T506) and write the files back.")
@click.option("--diff", "show_diff", is_flag=True, default=False,
              help="Print the automatic fixes as a unified diff instead of findings; write nothing.")
def check(paths, fmt, select, extend_select, ignore, fail_on, lang, template, year, rule_packs, encoding, color,
          output_file, statistics, apply_fix, show_diff):
    """Check reports. PATHS are files, directories (searched recursively) or - for stdin."""
    formats = load_formats()
    if fmt not in formats:
        raise click.UsageError(f"--format: unknown format '{fmt}' (choose from {', '.join(sorted(formats))})")
    select, extend_select, ignore = _split_codes(select), _split_codes(extend_select), _split_codes(ignore)
    for codes, opt in ((select, "--select"), (extend_select, "--extend-select"), (ignore, "--ignore")):
        _check_codes(codes, opt)
    for p in paths:
        if p != "-" and not os.path.exists(p):
            raise click.UsageError(f"path does not exist: {p}")
    config = Config(select=select, extend_select=extend_select, ignore=ignore, fail_on=Severity.parse(fail_on),
                    lang=lang, template=template, year=year, encoding=encoding, rule_packs=tuple(rule_packs))
    if apply_fix and "-" in paths:
        raise click.UsageError("--fix cannot write back to stdin (use --diff)")
    results: list[FileResult] = []
    fixed = []
    run = Run()
    for p in paths:
        if p == "-":
            results.append(check_stdin(sys.stdin.buffer.read(), config))
            continue
        for path in expand_paths([p]):
            if apply_fix or show_diff:
                from gsilint.fix import fix_check_file

                result, done = fix_check_file(path, config, run, write=not show_diff)
                fixed.append(done)
            else:
                result = check_file(path, config, run)
            run.results[path] = result
            results.append(result)
    if show_diff or apply_fix:
        from gsilint.fix import report_fixes

        if report_fixes(fixed, _stdout(), sys.stderr, diff=show_diff) and show_diff:
            sys.exit(1)
        if show_diff:
            sys.exit(0)
    results.sort(key=lambda r: r.path)
    _write_report(formats[fmt], fmt, results, output_file,
                  OutputOptions(lang=lang, color=color, fail_on=config.fail_on, statistics=statistics))
    failed = any(f.severity >= config.fail_on for r in results for f in r.findings)
    sys.exit(1 if failed else 0)


def _write_report(writer, fmt: str, results: list[FileResult], output_file: str | None, options: OutputOptions) -> None:
    """Run the format's writer on stdout or ``--output``; statistics never mix into machine output."""
    from gsilint.output.statistics import HUMAN_FORMATS, write_statistics

    try:
        out = open(output_file, "w", encoding="utf-8", newline="\n") if output_file else _stdout()
    except OSError as exc:
        raise click.UsageError(f"--output: cannot write {output_file}: {exc.strerror or exc}")
    try:
        writer(results, out, options)
        if options.statistics:
            if fmt in HUMAN_FORMATS:
                write_statistics(results, out, options.lang)
            else:
                out.flush()
                write_statistics(results, sys.stderr, options.lang)
    finally:
        if output_file:
            out.close()
        else:
            out.flush()


@main.command("lsp")
@click.option("--stdio", is_flag=True, help="Talk over stdin/stdout (the only transport; accepted because editors pass it).")
def lsp_cmd(stdio):
    """Run the language server for editors (LSP over stdio)."""
    from gsilint.lsp_server import serve

    serve()


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
def rules_cmd(fmt):
    """List every rule: code, name, default severity and summary."""
    rules = load_rules()
    out = _stdout()
    if fmt == "markdown":
        out.write("| code | name | severity | finds |\n|---|---|---|---|\n")
        for code in sorted(rules):
            r = rules[code]
            out.write(f"| {r.code} | {r.name} | {r.severity.label} | {r.summary} — {r.summary_en} |\n")
        return
    if fmt == "json":
        json.dump([{"code": r.code, "name": r.name, "severity": r.severity.label, "summary": r.summary,
                    "summary_en": r.summary_en} for r in (rules[c] for c in sorted(rules))], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for code in sorted(rules):
        r = rules[code]
        out.write(f"{r.code}  {r.name:<28} {r.severity.label:<8} {r.summary} / {r.summary_en}\n")


@main.command("rule")
@click.argument("code")
def rule_cmd(code):
    """Explain one rule (by code or name), with a bad and a good example."""
    r = find_rule(code)
    if r is None:
        raise click.UsageError(f"no rule '{code}' (see: gsilint rules)")
    out = _stdout()
    out.write(f"{r.code} {r.name} ({r.severity.label})\n{r.summary} / {r.summary_en}\n\n{r.explanation}\n")


@main.command("inspect")
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--template", type=click.Choice(TEMPLATES), default="auto", show_default=True)
@click.option("--year", type=click.IntRange(1990, 2100), default=None)
@click.option("--encoding", default=None)
def inspect_cmd(path, fmt, template, year, encoding):
    """Show the parsed outline and the extracted facts of one report."""
    from gsilint.engine import analyse
    from gsilint.inspect import inspect_data, render_text
    from gsilint.sources import InputError, load_path, read_text_source

    config = Config(template=template, year=year, encoding=encoding)
    try:
        source = read_text_source("-", sys.stdin.buffer.read(), encoding) if path == "-" else load_path(path, encoding)
    except InputError as exc:
        click.echo(f"gsilint: {path}: {exc.message_zh} ({exc.message_en})", err=True)
        sys.exit(2)
    except FileNotFoundError:
        raise click.UsageError(f"path does not exist: {path}")
    doc, facts, errors = analyse(source, config)
    out = _stdout()
    if doc is None:
        out.write("\n".join(f"{e.code} {e.message}" for e in errors) + "\n")
        sys.exit(1)
    data = inspect_data(doc, facts, source)
    if fmt == "json":
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(render_text(data) + "\n")


if __name__ == "__main__":  # pragma: no cover
    main()
