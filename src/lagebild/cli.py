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


def db_option(f):
    return click.option("--db", default=None, envvar="LAGEBILD_DB",
                        help="Database: a file path (default lagebild.db) or a postgresql:// URL.")(f)


def fmt_option(f):
    return click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)(f)


def _kb(db):
    from .kb import KnowledgeBase

    return KnowledgeBase(db)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("-s", "--silent", is_flag=True, help="No progress bar.")
@click.option("--lang", default=None, help="Language of the inputs (default: detected per report).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def ingest(paths, db, silent, lang, fmt) -> None:
    """Analyse and store reports: files, folders, HTML pages, RSS/Atom feeds, JSONL (text, url, title, published, outlet)."""
    from rich.progress import BarColumn, Progress, TextColumn

    kb = _kb(db)
    if silent:
        report = kb.ingest(paths, language=lang)
    else:
        with Progress(TextColumn("[bold]ingest"), BarColumn(), TextColumn("{task.completed} reports  {task.description}"),
                      transient=True, console=_err_console()) as bar:
            task = bar.add_task("", total=None)
            report = kb.ingest(paths, language=lang,
                               progress=lambda n, src: bar.update(task, completed=n, description=str(src)[-60:]))
    for source, message in report.failed:
        click.echo(f"lagebild: skipped: {message}", err=True)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(f"{report.added} added, {report.skipped} already there, {report.wire_copies} wire copies, "
                   f"{len(report.failed)} failed; {len(report.events)} events touched")
    if report.failed:
        sys.exit(1)


def _err_console():
    from rich.console import Console

    return Console(stderr=True)


@cli.command()
@db_option
@fmt_option
@click.option("--actor", default=None, help="Only events with this actor (ISO3 or organisation id).")
@click.option("--since", callback=_iso_date, default=None, help="Only events on or after YYYY-MM-DD.")
def events(db, fmt, actor, since) -> None:
    """List events."""
    rows = _kb(db).events(actor=actor, since=dt.date.fromisoformat(since) if since else None)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    from .render import render_events

    render_events(rows)


@cli.command()
@click.argument("event_id", type=int)
@db_option
@fmt_option
def event(event_id, db, fmt) -> None:
    """The reconciled fact sheet of one event, with sources per value and conflicts."""
    sheet = _kb(db).event(event_id)
    if fmt == "json":
        click.echo(json.dumps(sheet, ensure_ascii=False, indent=1, default=str))
        return
    from .render import render_sheet

    render_sheet(sheet)


@cli.command()
@db_option
@fmt_option
@click.option("--actor", default=None)
@click.option("--target", default=None)
@click.option("--type", "mtype", default=None, help="tariff_change, sanction, purchase_commitment, …")
def measures(db, fmt, actor, target, mtype) -> None:
    """A measure over time, across events."""
    rows = _kb(db).measures(actor=actor, target=target, type=mtype)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
        return
    from .render import render_rows

    render_rows(rows, ("date", "event", "type", "actor", "target", "from", "to", "change", "quantity", "term", "conflicts"))


@cli.command()
@click.argument("query")
@db_option
@fmt_option
@click.option("--limit", default=20, show_default=True)
def search(query, db, fmt, limit) -> None:
    """Full-text search over the stored reports."""
    rows = _kb(db).search(query, limit)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    from .render import render_rows

    render_rows(rows, ("published", "outlet", "title", "event", "snippet"))


def _days(ctx, param, value):
    if value is None:
        return None
    import re

    m = re.fullmatch(r"(\d+)\s*([dwmy]?)", value.strip().lower())
    if not m:
        raise click.BadParameter(f"{value!r} is not a span of time; write e.g. 90d, 12w, 6m or 1y")
    n = int(m.group(1))
    return n * {"": 1, "d": 1, "w": 7, "m": 30, "y": 365}[m.group(2)]


@cli.command()
@db_option
@fmt_option
@click.option("--due-within", callback=_days, default=None, help="Only those due within this span (90d, 12w, 6m, 1y).")
@click.option("--today", callback=_iso_date, default=None, help="Count from this day instead of today (YYYY-MM-DD).")
def commitments(db, fmt, due_within, today) -> None:
    """Agreements with terms, and when they fall due or come up for renewal."""
    rows = _kb(db).commitments(due_within_days=due_within, today=dt.date.fromisoformat(today) if today else None)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    from .render import render_rows

    render_rows(rows, ("due", "type", "actor", "target", "term", "renewal", "status", "event", "object"))


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; the default serves this machine only.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token", envvar="LAGEBILD_TOKEN", default=None,
              help="Allow writes (ingest, delete) to clients that send this token; without it the server is read-only.")
@click.option("--max-body", callback=_size, default="2MB", show_default=True, help="Largest request body accepted.")
def serve(db, host, port, token, max_body) -> None:
    """Serve the web UI and the JSON API."""
    import uvicorn

    from .web import create_app

    app = create_app(db, token=token, max_body=max_body)
    click.echo(f"lagebild: serving http://{host}:{port}/events ({'writable' if token else 'read-only'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.command(name="eval-events")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@db_option
def eval_events(corpus, fmt, db) -> None:
    """Clustering and conflict detection on a multi-source corpus (NAME.jsonl + NAME.gold.json)."""
    from .evaluate import evaluate_events, format_events

    r = evaluate_events(corpus, db)
    click.echo(json.dumps(r, indent=1) if fmt == "json" else format_events(r))


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
