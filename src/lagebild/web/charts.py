"""Server-side SVG charts: a measure's level over time (no JavaScript, no CDN).

Text in the SVG is escaped like everything else; numbers are formatted by the server."""
from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

W, H, PAD = 560, 180, 36


def measure_chart(rows: list) -> list:
    """One chart per measure series (type, actor, target) with at least one dated "to" level in percent."""
    series: dict = {}
    for r in rows:
        to = r.get("to")
        if not r.get("date") or not isinstance(to, dict) or to.get("unit") != "percent":
            continue
        series.setdefault((r["type"], r["actor"], r["target"]), []).append((r["date"], float(to["value"]), r["event"]))
    charts = []
    for (mtype, actor, target), pts in sorted(series.items(), key=lambda kv: str(kv[0])):
        pts.sort()
        charts.append({"title": f"{mtype} {actor or '?'} → {target or '?'}", "svg": _svg(pts)})
    return charts


def _svg(pts: list) -> Markup:
    days = [dt.date.fromisoformat(d[:10]).toordinal() for d, _, _ in pts]
    lo_d, hi_d = min(days), max(days)
    top = max(v for _, v, _ in pts) or 1.0
    span = (hi_d - lo_d) or 1

    def x(d):
        return PAD + (W - 2 * PAD) * ((d - lo_d) / span if hi_d > lo_d else 0.5)

    def y(v):
        return H - PAD - (H - 2 * PAD) * (v / top)

    coords = [(x(d), y(v)) for d, (_, v, _) in zip(days, pts)]
    path = " ".join(f"{'M' if i == 0 else 'L'}{cx:.1f},{cy:.1f}" for i, (cx, cy) in enumerate(coords))
    dots = "".join(Markup('<a href="/events/{}"><circle cx="{:.1f}" cy="{:.1f}" r="4"><title>{} {}%</title></circle></a>')
                   .format(ev, cx, cy, escape(d), escape(f"{v:g}")) for (cx, cy), (d, v, ev) in zip(coords, pts))
    labels = "".join(Markup('<text x="{:.1f}" y="{:.1f}" class="lbl">{}%</text>').format(cx, cy - 8, escape(f"{v:g}"))
                     for (cx, cy), (_, v, _) in zip(coords, pts))
    axis = Markup('<line x1="{0}" y1="{1}" x2="{2}" y2="{1}" class="axis"/>'
                  '<text x="{0}" y="{3}" class="lbl">{4}</text><text x="{2}" y="{3}" class="lbl" text-anchor="end">{5}</text>'
                  ).format(PAD, H - PAD, W - PAD, H - 10, escape(pts[0][0]), escape(pts[-1][0]))
    return Markup('<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="level over time">{}<path d="{}"/>{}{}</svg>'
                  ).format(W, H, axis, path, dots, labels)
