"""The command line: thin wrappers over the library functions of the same names."""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
from typing import Optional

import click

from .errors import LagebildError


def _iso_date(ctx, param, value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def _size(ctx, param, value: Optional[str]) -> Optional[int]:
    if value is None:
        return None
    v = value.strip().upper()
    mult = 1
    for suf, m in (("KB", 1000), ("MB", 1000 ** 2), ("GB", 1000 ** 3), ("K", 1000), ("M", 1000 ** 2), ("B", 1)):
        if v.endswith(suf):
            v, mult = v[: -len(suf)], m
            break
    try:
        n = int(float(v) * mult)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a size; write e.g. 10MB or 500000") from None
    if n <= 0:
        raise click.BadParameter("the size limit must be positive")
    return n


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lagebild")
def cli() -> None:
    """lagebild: news reports about diplomatic events → a sourced situation picture."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default="text", show_default=True,
              help="text: a readable readout; json: the output contract; jsonl: one JSON object per document.")
@click.option("--encoding", default=None, help="Encoding of the input files (default: detected).")
@click.option("--publication-date", callback=_iso_date, default=None, help="YYYY-MM-DD; anchors relative dates.")
@click.option("--lang", default=None, help="Language of the input (default: detected).")
@click.option("--max-size", callback=_size, default=None, help="Refuse files larger than this (default 10MB).")
def analyze(paths, fmt, encoding, publication_date, lang, max_size) -> None:
    """Analyse reports (files, or - for standard input) and print what they say, with evidence."""
    from .api import analyze_document, read_document

    # Read every input first: a bad one stops the run before anything is printed.
    docs = [read_document(p, encoding=encoding, max_bytes=max_size, language=lang, published=publication_date)
            for p in paths]
    results = [analyze_document(d) for d in docs]
    if fmt == "jsonl":
        for a in results:
            click.echo(json.dumps(a.to_dict(), ensure_ascii=False))
    elif fmt == "json":
        out = results[0].to_dict() if len(results) == 1 else [a.to_dict() for a in results]
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        from .render import render_text

        for a in results:
            render_text(a)


@cli.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--gate", "gate", type=click.Path(exists=True, dir_okay=False), default=None,
              help="A floors file: exit non-zero when any metric falls below its floor.")
@click.option("--misses", is_flag=True, help="List every gold fact that was missed or wrong.")
def eval_(gold_dir, fmt, gate, misses) -> None:
    """Score the engine on a folder of gold documents (NNN_name.txt + NNN_name.gold.json)."""
    from .evaluate import check_gate, evaluate, format_report

    report = evaluate(gold_dir)
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        click.echo(format_report(report, misses=misses))
    if gate:
        failures = check_gate(report, gate)
        for f in failures:
            click.echo(f"lagebild: gate: {f}", err=True)
        if failures:
            sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["plover-jsonl", "csv", "parquet"]), default="plover-jsonl",
              show_default=True, help="plover-jsonl: one event per line; csv; parquet (needs --output).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file (written whole or not at all) instead of standard output.")
@click.option("--encoding", default=None, help="Encoding of the input files (default: detected).")
@click.option("--publication-date", callback=_iso_date, default=None, help="YYYY-MM-DD; anchors relative dates.")
@click.option("--lang", default=None, help="Language of the input (default: detected).")
def export(paths, fmt, output, encoding, publication_date, lang) -> None:
    """Code reports as PLOVER events and export them (JSONL, CSV or Parquet)."""
    from .api import analyze_document, read_document
    from .export import write_events

    docs = [read_document(p, encoding=encoding, language=lang, published=publication_date) for p in paths]
    write_events([analyze_document(d) for d in docs], fmt, output)


@cli.command(name="eval-plover")
@click.argument("records", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def eval_plover(records, fmt) -> None:
    """Event-type accuracy on PLOVER gold standard records (a JSON list of records with text and event)."""
    from .evaluate import evaluate_plover, format_plover

    report = evaluate_plover(records)
    click.echo(json.dumps(report, indent=1) if fmt == "json" else format_plover(report))


def main(argv=None) -> int:
    """Entry point: every error is one line on stderr and a non-zero exit, never a traceback."""
    try:
        cli.main(args=argv, prog_name="lagebild", standalone_mode=False)
    except LagebildError as exc:
        click.echo(f"lagebild: error: {exc}", err=True)
        return 1
    except click.exceptions.NoSuchOption as exc:
        click.echo(f"lagebild: error: {exc.format_message()} (see lagebild --help)", err=True)
        return 2
    except click.UsageError as exc:
        cmd = exc.ctx.command_path if exc.ctx else "lagebild"
        click.echo(f"lagebild: error: {exc.format_message()} (see {cmd} --help)", err=True)
        return 2
    except click.exceptions.Abort:
        click.echo("lagebild: aborted", err=True)
        return 130
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        click.echo("lagebild: interrupted", err=True)
        return 130
    except Exception as exc:  # a bug: still one line, and the way to the traceback
        if os.environ.get("LAGEBILD_DEBUG"):
            raise
        click.echo(f"lagebild: internal error: {type(exc).__name__}: {exc} "
                   "(a bug; rerun with LAGEBILD_DEBUG=1 for the traceback and report it)", err=True)
        return 70
    return 0


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
