"""A readable readout of one Analysis, printed with Rich: meeting, measures, topics discussed,
topics not discussed, statements, assessments — each line with its evidence."""
from __future__ import annotations

from typing import Optional

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .model import Analysis

SNIPPET = 90


def _snip(s: str) -> str:
    s = " ".join(s.split())
    return s if len(s) <= SNIPPET else s[: SNIPPET - 1] + "…"


def _num(q) -> str:
    if q is None:
        return ""
    if isinstance(q, str):
        return q
    unit = {"percent": "%", "percentage_points": " pp"}.get(q.get("unit"), " " + str(q.get("unit")))
    v = q.get("value")
    if isinstance(v, (int, float)) and abs(v) >= 10000:
        v = f"{v:,.0f}"
    return f"{v}{unit}"


def render_text(a: Analysis, console: Optional[Console] = None) -> None:
    c = console or Console(highlight=False, soft_wrap=False)
    d = a.document
    title = d.title or (d.source or d.id)
    meta = " · ".join(x for x in (d.language, d.genre, d.author and f"by {d.author}", d.published) if x)
    c.print(f"[bold]{escape(str(title))}[/bold]  [dim]{escape(meta)}[/dim]")

    def section(name: str, rows: list, columns: tuple) -> None:
        c.print(f"\n[bold underline]{name}[/bold underline]" + ("" if rows else "  [dim](none)[/dim]"))
        if not rows:
            return
        t = Table(show_header=True, header_style="bold", box=None, pad_edge=False, expand=False)
        for col in columns:
            t.add_column(col, overflow="fold")
        for r in rows:
            t.add_row(*[escape(str(x)) if x is not None else "" for x in r])
        c.print(t)

    rows = []
    for m in a.meetings:
        who = " – ".join(f"{p.name} ({p.actor})" if p.actor else p.name for p in m.participants)
        where = ", ".join(x for x in (m.place, m.country) if x)
        dur = f"{'~' if m.approximate else ''}{m.duration_minutes} min" if m.duration_minutes else ""
        bits = [x for x in (where, m.occasion, m.date, dur, "" if m.in_person is not False else "by phone/video",
                            f"first since {m.first_since}" if m.first_since else "") if x]
        rows.append((who, "; ".join(bits), "\n".join(_snip(e.text) for e in m.evidence[:4])))
    section("Meeting", rows, ("participants", "details", "evidence"))

    rows = []
    for m in a.measures:
        numbers = []
        if m.from_ or m.to:
            numbers.append(f"{_num(m.from_) or '?'} → {_num(m.to)}")
        if m.change:
            numbers.append(f"change {_num(m.change)}")
        if m.quantity:
            numbers.append(_num(m.quantity))
        if m.term:
            numbers.append(f"term {m.term}" + (f", {m.renewal}" if m.renewal else ""))
        who = f"{m.actor or '?'} → {m.target or '?'}"
        rows.append((m.type, who, "; ".join(numbers), f"{m.status}" + (f" ({m.attributed_to})" if m.attributed_to else ""),
                     _snip(m.evidence[0].text) if m.evidence else ""))
    section("Measures", rows, ("type", "actor → target", "numbers", "status", "evidence"))

    for status, name in (("discussed", "Topics discussed"), ("not_discussed", "Topics not discussed")):
        rows = [(t.label, _snip(t.evidence[0].text) if t.evidence else "") for t in a.topics if t.status == status]
        section(name, rows, ("topic", "evidence"))

    rows = [(s.speaker_name or "?", "quote" if s.direct else "reported", _snip(s.text)) for s in a.statements]
    section("Statements", rows, ("speaker", "kind", "text"))

    rows = [("hedged: " + s.cue if s.hedged else "unhedged", _snip(s.text)) for s in a.assessments]
    section("Assessments", rows, ("kind", "sentence"))
    c.print()


def _console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def render_rows(rows: list, columns: tuple) -> None:
    c = _console()
    if not rows:
        c.print("[dim](nothing)[/dim]")
        return
    t = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in columns:
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(*[escape(_cell(r.get(col))) for col in columns])
    c.print(t)


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, dict) and "value" in v:
        return _num(v)
    if isinstance(v, (list, tuple)):
        return ", ".join(_cell(x) for x in v)
    return str(v)


def render_events(rows: list) -> None:
    render_rows([dict(r, sources=len(r["documents"]), actors=" ".join(r["actors"])) for r in rows],
                ("id", "date", "title", "actors", "sources"))


def _slot_line(slot: dict, fmt=lambda v: str(v)) -> str:
    parts = []
    for v in slot["values"]:
        outlets = ", ".join(sorted({s.get("outlet") or s.get("source") or s["document"][:8] for s in v["sources"]}))
        parts.append(f"{fmt(v['value'])} ({v['independent_sources']} src: {outlets})")
    flag = "  [bold red]CONFLICT[/bold red]" if slot["conflict"] else ""
    return " | ".join(escape(p) for p in parts) + flag


def render_sheet(sheet: dict) -> None:
    c = _console()
    c.print(f"[bold]Event {sheet['id']}: {escape(str(sheet['title']))}[/bold]  [dim]{sheet.get('date') or ''}[/dim]")
    who = "; ".join(f"{p['name']} ({p.get('actor')})" for p in sheet["participants"])
    if who:
        c.print(f"participants: {escape(who)}")
    for k, label in (("date", "date"), ("place", "place"), ("occasion", "occasion"), ("duration_minutes", "duration (min)"),
                     ("in_person", "in person"), ("first_since", "first since")):
        if sheet["slots"].get(k):
            c.print(f"{label:15} {_slot_line(sheet['slots'][k])}")
    if sheet["measures"]:
        c.print("\n[bold underline]Measures[/bold underline]")
        for m in sheet["measures"]:
            head = f"{m['type']} {m['actor'] or '?'} → {m['target'] or '?'}" + (f" [{', '.join(m['topics'])}]" if m["topics"] else "")
            c.print(f"[bold]{escape(head)}[/bold]  {escape(m['object'] or '')}")
            for k in ("from", "to", "change", "quantity", "term", "status"):
                if m[k]:
                    c.print(f"  {k:9} {_slot_line(m[k], _cell)}")
    if sheet["topics"]:
        c.print("\n[bold underline]Topics[/bold underline]")
        for t in sheet["topics"]:
            c.print(f"  {escape(str(t['label'])):30} {_slot_line(t['status'])}")
    if sheet["conflicts"]:
        c.print("\n[bold underline]Conflicts[/bold underline]")
        for x in sheet["conflicts"]:
            what = x["slot"] + (f" of {x['measure']['type']} {x['measure']['actor']}→{x['measure']['target']}" if "measure" in x else "")
            c.print(f"  [red]{escape(what)}[/red]: {escape(' vs '.join(_cell(v) for v in x['values']))}")
    c.print(f"\n[dim]{len(sheet['documents'])} reports: " +
            escape(", ".join(f"{d.get('outlet') or d.get('source')}" + (" (wire copy)" if d.get("wire_copy_of") else "")
                             for d in sheet["documents"])) + "[/dim]")
