"""Command line: ``gsilint check | rules | rule | inspect``.

Exit codes: 0 no finding at or above ``--fail-on``; 1 such findings; 2 a
usage error, a path that does not exist, or a configuration error.
"""

from __future__ import annotations

import io
import json
import os
import sys
from typing import TYPE_CHECKING

import click

from gsilint.config import TEMPLATES
from gsilint.findings import Severity
from gsilint.output import OutputOptions, load_format, load_formats
from gsilint.rules import PLUGIN_ERRORS, find_rule, load_rules
from gsilint.version import __version__

if TYPE_CHECKING:
    from gsilint.run import FileResult

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


def _warn_broken_plugins(load: bool = True) -> None:
    """Say on stderr which rule plugins failed to load (their rules do not run).

    ``load`` False: only if the rules were loaded (a run served from the cache runs no rule).
    """
    if load:
        load_rules()
    for e in PLUGIN_ERRORS:
        click.echo(
            f"gsilint: 规则插件 {e.entry_point} 无法加载，其规则不会运行 / "
            f"rule plugin {e.entry_point} could not be loaded; its rules do not run: {e.error}",
            err=True,
        )


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
    """gsilint — 政府信息公开工作年度报告检查工具
    (linter for government information-disclosure annual reports).
    """


@main.command()
@click.argument("paths", nargs=-1, required=False)
@click.option(
    "--format",
    "fmt",
    default="text",
    show_default=True,
    help="Output format: text, concise, json, jsonl, sarif, github, lsp, html.",
)
@click.option(
    "--select", multiple=True, help="Only these rule codes or prefixes (comma-separated)."
)
@click.option(
    "--extend-select", multiple=True, help="Add these codes or prefixes to the selection."
)
@click.option(
    "--ignore", multiple=True, help="Skip these rule codes or prefixes (comma-separated)."
)
@click.option(
    "--fail-on",
    type=click.Choice(_SEVERITIES),
    default="error",
    show_default=True,
    help="Exit 1 when a finding has at least this severity.",
)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Message language.",
)
@click.option(
    "--template",
    type=click.Choice(TEMPLATES),
    default="auto",
    show_default=True,
    help="Report template; auto detects it from the year and the table labels.",
)
@click.option(
    "--year",
    type=click.IntRange(1990, 2100),
    default=None,
    help="Report year (overrides detection).",
)
@click.option(
    "--rule-pack",
    "rule_packs",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra TOML rule pack adding required sections (e.g. a province's); repeatable.",
)
@click.option(
    "--encoding",
    default=None,
    callback=lambda c, p, v: _encoding_flag(v),
    help="Force an input encoding, decoded strictly (default: detect).",
)
@click.option(
    "--deadline",
    default=None,
    callback=lambda c, p, v: _deadline_flag(v),
    metavar="MM-DD",
    help="Publication deadline for Y203 (default: by law and publisher).",
)
@click.option(
    "--color/--no-color", default=None, help="Colour the text output (default: on a terminal)."
)
@click.option(
    "--output",
    "-o",
    "output_file",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write the report to FILE instead of stdout (UTF-8).",
)
@click.option(
    "--statistics",
    is_flag=True,
    default=False,
    help="Also count findings per rule (after text/concise output; on stderr for machine formats).",
)
@click.option(
    "--fix",
    "apply_fix",
    is_flag=True,
    default=False,
    help="Apply the safe automatic fixes (T503, T505, T506) and write the files back.",
)
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    default=False,
    help="Print the automatic fixes as a unified diff instead of findings; write nothing.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Use this configuration file (gsilint.toml or pyproject.toml) for every file.",
)
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(0),
    default=0,
    help="Files checked in parallel (default 0: all cores).",
)
@click.option(
    "--dask-scheduler",
    default=None,
    metavar="ADDRESS",
    help="Lint on this Dask cluster (tcp://host:8786; needs gsilint[dask] on every worker).",
)
@click.option(
    "--dask-local",
    type=click.IntRange(1),
    default=None,
    metavar="N",
    help="Lint on a local Dask cluster of N worker processes (needs gsilint[dask]).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    default=False,
    help="Lint every file again: do not read or write the result cache (.gsilint_cache).",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Report only findings not recorded in this baseline file.",
)
@click.option(
    "--previous",
    "previous",
    multiple=True,
    type=click.Path(exists=True),
    help="Last year's reports (file or directory; repeatable): read for the cross-year "
    "rules (X403–X405), never reported.",
)
@click.option(
    "--write-baseline",
    "write_baseline_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Record the current findings in this baseline file and exit 0.",
)
@click.option(
    "--exclude",
    multiple=True,
    help="Globs a folder walk passes over, replacing the default (hidden, node_modules, ~$*).",
)
@click.option(
    "--extend-exclude", multiple=True, help="Globs a folder walk passes over, in addition."
)
@click.option(
    "--respect-gitignore/--no-respect-gitignore",
    default=True,
    help="Pass over files .gitignore ignores while walking folders (default: on).",
)
@click.option("--show-files", is_flag=True, help="List the files that would be checked, and exit.")
@click.option("--allow-empty", is_flag=True, help="Exit 0 (not 2) when no file to check is found.")
@click.option(
    "--stdin-filename",
    default=None,
    metavar="PATH",
    help="The name of the report read from stdin (-): its format, config and findings' path.",
)
@click.pass_context
def check(
    ctx,
    paths,
    fmt,
    select,
    extend_select,
    ignore,
    fail_on,
    lang,
    template,
    year,
    rule_packs,
    encoding,
    deadline,
    color,
    output_file,
    statistics,
    apply_fix,
    show_diff,
    config_path,
    isolated,
    jobs,
    dask_scheduler,
    dask_local,
    no_cache,
    baseline_path,
    write_baseline_path,
    exclude,
    extend_exclude,
    respect_gitignore,
    show_files,
    allow_empty,
    stdin_filename,
    previous,
):
    """Check reports. PATHS: files, directories (searched recursively; default .), - for stdin."""
    from gsilint.baseline import BaselineError, filter_results, read_baseline, write_baseline
    from gsilint.cache import ResultCache
    from gsilint.config_file import ConfigError
    from gsilint.discovery import discover
    from gsilint.run import check_stdin, unreadable_path

    writer = load_format(fmt)
    if writer is None:
        raise click.UsageError(
            f"--format: unknown format '{fmt}' (choose from {', '.join(sorted(load_formats()))})"
        )
    paths = paths or (".",)
    stdin_path = stdin_filename or "-"
    try:
        resolver = build_resolver(ctx, config_path, isolated)
        baseline = read_baseline(baseline_path) if baseline_path else None
        found = discover(paths, resolver.for_folder)
        files = [(path, resolver.for_path(path)) for path in found.files]
        run_config = resolver.for_path(stdin_path)
        problems = [unreadable_path(u, resolver.for_path(u.path)) for u in found.problems]
        previous_files = _previous_files(resolver, [c for _, c in files] + [run_config])
    except (ConfigError, BaselineError) as exc:
        raise ConfigFailure(str(exc)) from None
    if apply_fix and "-" in paths and len(paths) > 1:
        raise click.UsageError("--fix with stdin (-) prints the fixed text: give no other path")
    if _nothing_to_check(found, paths):
        sys.exit(0 if allow_empty else 2)
    if show_files:
        _stdout().write("".join(f"{path}\n" for path, _ in files))
        for u in found.problems:
            click.echo(f"gsilint: {u.path}: {u.zh} / {u.en}", err=True)
        sys.exit(0)
    fix_mode = "write" if apply_fix else "diff" if show_diff else None
    dask = None
    if dask_scheduler or dask_local:
        from gsilint.dask_run import DaskTarget

        if fix_mode is not None:
            raise click.UsageError("--fix and --diff run locally (without --dask-*)")
        dask = DaskTarget(dask_scheduler, dask_local)
    cache = None if no_cache or fix_mode is not None else ResultCache()
    options = OutputOptions(
        lang=run_config.lang, color=color, fail_on=run_config.fail_on, statistics=statistics
    )
    streamed = fmt == "jsonl" and fix_mode is None and "-" not in paths
    streamed = streamed and baseline is None and not write_baseline_path
    if streamed:
        files.sort(key=lambda item: item[0])
        results = _stream_jsonl(
            files, jobs, cache, output_file, options, dask, pre=problems, previous=previous_files
        )
    else:
        results = _check(files, jobs, fix_mode, cache, dask, previous=previous_files) + problems
    _warn_broken_plugins(load=False)
    if fix_mode is not None:
        from gsilint.fix import fix_bytes, report_fixes

        fixed = [r.fixed for r in results if r.fixed is not None]
        stdin_fix = None
        if "-" in paths:
            stdin_fix = fix_bytes(stdin_path, sys.stdin.buffer.read(), run_config)
            fixed.append(stdin_fix)
        if apply_fix and stdin_fix is not None:
            _fixed_stdin(stdin_fix, writer, run_config, options)
        if report_fixes(fixed, _stdout(), sys.stderr, diff=show_diff) and show_diff:
            sys.exit(1)
        if show_diff:
            sys.exit(0)
    elif "-" in paths:
        results.append(check_stdin(sys.stdin.buffer.read(), run_config, stdin_path))
    results.sort(key=lambda r: r.path)
    if write_baseline_path:
        try:
            n = write_baseline(write_baseline_path, results)
        except BaselineError as exc:
            raise ConfigFailure(str(exc)) from None
        click.echo(f"gsilint: {n} findings recorded in {write_baseline_path}", err=True)
        sys.exit(0)
    if baseline is not None:
        hidden = filter_results(results, baseline)
        if hidden:
            click.echo(f"gsilint: {hidden} findings in the baseline not shown", err=True)
    if not streamed:
        _write_report(writer, fmt, results, output_file, options)
    fail_on_of = {path: config.fail_on for path, config in files}
    failed = any(
        f.severity >= fail_on_of.get(r.path, run_config.fail_on)
        for r in results
        for f in r.findings
    )
    if not files and "-" not in paths:  # not one named path could be read
        sys.exit(2)
    sys.exit(1 if failed else 0)


def _nothing_to_check(found, paths) -> bool:
    """Say on stderr which folders held no file to check; True when the run has nothing at all.

    A CI job whose path has a typo must not pass silently: nothing found exits 2
    (0 with ``--allow-empty``); a path that could not be read is reported as E001.
    """
    nothing = not found.files and not found.problems and "-" not in paths
    for folder in found.empty:
        if not nothing:
            click.echo(f"gsilint: {folder}: 没有找到可检查的文件 / no files to check", err=True)
    if nothing:
        where = " ".join(paths)
        click.echo(
            f"gsilint: 没有找到可检查的文件（{where}） / no files to check in {where}", err=True
        )
    return nothing


def _fixed_stdin(fixed, writer, config, options: OutputOptions) -> None:
    """``check - --fix``: the fixed text on stdout (in the input's encoding), findings on stderr.

    What cannot be fixed in place is printed unchanged, so ``< a > b`` never loses text.
    """
    from gsilint.fix import fixed_bytes, report_fixes
    from gsilint.run import FileResult

    sys.stdout.flush()
    sys.stdout.buffer.write(fixed_bytes(fixed))
    sys.stdout.buffer.flush()
    report_fixes([fixed], io.StringIO(), sys.stderr, diff=False)
    result = FileResult(fixed.path, fixed.findings, fixed.source, config=config)
    writer([result], sys.stderr, options)
    sys.stderr.flush()
    failed = any(f.severity >= config.fail_on for f in fixed.findings)
    sys.exit(1 if failed else 0)


def _write_report(
    writer, fmt: str, results: list, output_file: str | None, options: OutputOptions
) -> None:
    """Run the format's writer on stdout or ``--output``.

    Statistics never mix into machine output.
    """
    from gsilint.output.statistics import HUMAN_FORMATS, write_statistics

    out = _open_output(output_file)
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


def _open_output(output_file: str | None) -> io.TextIOBase:
    try:
        return open(output_file, "w", encoding="utf-8", newline="\n") if output_file else _stdout()
    except OSError as exc:
        raise click.UsageError(
            f"--output: cannot write {output_file}: {exc.strerror or exc}"
        ) from None


def _previous_files(resolver, configs) -> list[tuple[str, object]]:
    """Last year's reports (``--previous``, config ``previous``), each with its own Config."""
    from gsilint.config_file import ConfigError
    from gsilint.discovery import discover

    roots = sorted({p for c in configs for p in c.previous})
    for p in roots:
        if not os.path.exists(p):
            raise ConfigError(f"previous: path does not exist: {p}")
    # named as the user would: relative to the working directory when below it
    roots = [r if os.path.relpath(r).startswith("..") else os.path.relpath(r) for r in roots]
    return [(path, resolver.for_path(path)) for path in discover(roots, resolver.for_folder).files]


def _check(
    files, jobs: int, fix_mode: str | None, cache, dask, emit=None, previous=()
) -> list[FileResult]:
    """:func:`gsilint.parallel.check_files`; a missing Dask is a usage error, not a traceback."""
    from gsilint.dask_run import DaskUnavailable
    from gsilint.parallel import check_files

    try:
        return check_files(
            files,
            jobs=jobs,
            fix=fix_mode,
            cache=cache,
            emit=emit,
            dask=dask,
            previous=previous,
        )
    except DaskUnavailable as exc:
        raise click.UsageError(str(exc)) from None


def _stream_jsonl(
    files,
    jobs: int,
    cache,
    output_file: str | None,
    options: OutputOptions,
    dask,
    pre=(),
    previous=(),
):
    """``--format jsonl``: each file's lines as soon as it and the files before it are done.

    ``pre`` (paths that could not be read) come first. The findings the cross-file
    phase adds at the end of the run follow, file by file.
    """
    from gsilint.output.jsonl import write_findings
    from gsilint.output.statistics import write_statistics

    out = _open_output(output_file)
    shown: dict[str, set[int]] = {}
    for r in pre:
        write_findings(r, r.findings, out)

    def emit(result: FileResult) -> None:
        write_findings(result, result.findings, out)
        out.flush()
        shown[result.path] = {id(f) for f in result.findings}

    try:
        results = _check(files, jobs, None, cache, dask, emit, previous)
        for r in results:
            seen = shown.get(r.path, set())
            write_findings(r, [f for f in r.findings if id(f) not in seen], out)
        results = [*results, *pre]
        if options.statistics:
            out.flush()
            write_statistics(results, sys.stderr, options.lang)
    finally:
        if output_file:
            out.close()
        else:
            out.flush()
    return results


class ConfigFailure(click.ClickException):
    """A configuration or baseline file that cannot be used: exit 2, no traceback."""

    exit_code = 2


#: ``check`` options that are Config fields, and how a given value becomes the field's
_FLAG_FIELDS = {
    "select": ("select", _split_codes),
    "extend_select": ("extend_select", _split_codes),
    "ignore": ("ignore", _split_codes),
    "fail_on": ("fail_on", Severity.parse),
    "lang": ("lang", str),
    "template": ("template", str),
    "year": ("year", lambda v: v),
    "deadline": ("deadline", lambda v: v),
    "encoding": ("encoding", lambda v: v),
    "rule_packs": ("rule_packs", lambda v: _rule_pack_flags(v)),
    "exclude": ("exclude", lambda v: _globs(v)),
    "extend_exclude": ("extend_exclude", lambda v: _globs(v)),
    "respect_gitignore": ("respect_gitignore", bool),
    "previous": ("previous", lambda v: tuple(os.path.abspath(p) for p in v)),
}


def _rule_pack_flags(paths: tuple[str, ...]) -> tuple[str, ...]:
    """``--rule-pack`` files, each checked like a pack named in the config (exit 2 if bad)."""
    from gsilint.rule_packs import PackError, read_pack

    for path in paths:
        try:
            read_pack(path)
        except PackError as exc:
            raise click.UsageError(f"--rule-pack: {exc}") from None
    return tuple(os.path.abspath(p) for p in paths)


def _globs(values: tuple[str, ...]) -> tuple[str, ...]:
    """``--exclude a,b --exclude c``: globs anchored at the working directory."""
    from gsilint.discovery import anchor_patterns

    return anchor_patterns((g for v in values for g in v.split(",")), os.getcwd())


def _deadline_flag(value: str | None) -> str | None:
    from gsilint.config_file import ConfigError, _deadline

    if value is None:
        return None
    try:
        return _deadline(value, "--deadline")
    except ConfigError as exc:
        raise click.BadParameter(str(exc)) from None


def _encoding_flag(value: str | None) -> str | None:
    """An unknown codec is a usage error (exit 2), not an E001 on every file."""
    from gsilint.sources.decode import unknown_encoding

    if value is None:
        return None
    problem = unknown_encoding(value)
    if problem is not None:
        raise click.BadParameter(problem)
    return value


def flag_overrides(ctx: click.Context) -> dict:
    """Config values of the flags the user actually gave (click defaults are left out)."""
    from click.core import ParameterSource

    out = {}
    for param, (fieldname, convert) in _FLAG_FIELDS.items():
        if param not in ctx.params:
            continue
        if ctx.get_parameter_source(param) not in (
            ParameterSource.COMMANDLINE,
            ParameterSource.ENVIRONMENT,
        ):
            continue
        value = convert(ctx.params[param])
        if param in ("select", "extend_select", "ignore"):
            _check_codes(value, "--" + param.replace("_", "-"))
        out[fieldname] = value
    return out


def build_resolver(ctx: click.Context, config_path: str | None = None, isolated: bool = False):
    """The per-file Config source of a ``check`` run: config files merged with the given flags."""
    from gsilint.config_file import ConfigResolver

    return ConfigResolver(flag_overrides(ctx), forced=config_path, isolated=isolated)


@main.command("lsp")
@click.option(
    "--stdio",
    is_flag=True,
    help="Talk over stdin/stdout (the only transport; accepted because editors pass it).",
)
def lsp_cmd(stdio):
    """Run the language server for editors (LSP over stdio)."""
    from gsilint.lsp_server import serve

    serve()


@main.command("rules")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
def rules_cmd(fmt):
    """List every rule: code, name, default severity and summary."""
    _warn_broken_plugins()
    rules = load_rules()
    out = _stdout()
    if fmt == "markdown":
        out.write("| code | name | severity | finds |\n|---|---|---|---|\n")
        for code in sorted(rules):
            r = rules[code]
            out.write(
                f"| {r.code} | {r.name} | {r.severity.label} | {r.summary} — {r.summary_en} |\n"
            )
        return
    if fmt == "json":
        json.dump(
            [
                {
                    "code": r.code,
                    "name": r.name,
                    "severity": r.severity.label,
                    "summary": r.summary,
                    "summary_en": r.summary_en,
                }
                for r in (rules[c] for c in sorted(rules))
            ],
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
        return
    for code in sorted(rules):
        r = rules[code]
        out.write(f"{r.code}  {r.name:<28} {r.severity.label:<8} {r.summary} / {r.summary_en}\n")


@main.command("rule")
@click.argument("code")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "html"]),
    default="text",
    show_default=True,
    help="text for the terminal; markdown is the rule's page (docs/rules/CODE.md); html a page.",
)
def rule_cmd(code, fmt):
    """Explain one rule (by code or name), with a bad and a good example."""
    from gsilint.docs import rule_html, rule_markdown, rule_text

    r = find_rule(code)
    if r is None:
        raise click.UsageError(f"no rule '{code}' (see: gsilint rules)")
    render = {"text": rule_text, "markdown": rule_markdown, "html": rule_html}[fmt]
    _stdout().write(render(r))


@main.command("inspect")
@click.argument("path")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--template", type=click.Choice(TEMPLATES), default="auto", show_default=True)
@click.option("--year", type=click.IntRange(1990, 2100), default=None)
@click.option("--encoding", default=None, callback=lambda c, p, v: _encoding_flag(v))
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@click.pass_context
def inspect_cmd(ctx, path, fmt, template, year, encoding, isolated):
    """Show the parsed outline and the extracted facts of one report."""
    from gsilint.config_file import ConfigError
    from gsilint.engine import analyse
    from gsilint.inspection import inspect_data, render_text
    from gsilint.sources import InputError, load_path, read_text_source

    try:  # the same settings as `check` (template, rule packs, encoding from gsilint.toml)
        config = build_resolver(ctx, None, isolated).for_path(path)
    except ConfigError as exc:
        raise ConfigFailure(str(exc)) from None
    encoding = config.encoding
    try:
        source = (
            read_text_source("-", sys.stdin.buffer.read(), encoding)
            if path == "-"
            else load_path(path, encoding)
        )
    except InputError as exc:
        click.echo(f"gsilint: {path}: {exc.message_zh} ({exc.message_en})", err=True)
        sys.exit(2)
    except FileNotFoundError:
        raise click.UsageError(f"path does not exist: {path}") from None
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
