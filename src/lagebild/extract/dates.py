"""Dates: absolute ("30. Oktober 2025", "30.10.2025", "2025-10-30"), partial ("im Oktober 2025",
"seit 2019") and relative ("am Donnerstag", "gestern"), resolved against the publication date."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from ..resources import Lang


@dataclass
class DateFound:
    start: int
    end: int
    value: Optional[str]  # ISO date, "YYYY-MM" or "YYYY"; None when it cannot be resolved
    precision: str  # day | month | year


class DateFinder:
    def __init__(self, lang: Lang):
        d = lang.dates
        self.months = {k: int(v) for k, v in d["months"].items()}
        self.weekdays = {k: int(v) for k, v in d["weekdays"].items()}
        self.relative = {k: int(v) for k, v in d["relative_days"].items()}
        mon = "|".join(re.escape(m) for m in sorted(self.months, key=len, reverse=True))
        wd = "|".join(self.weekdays)
        parts = "|".join(d.get("day_parts", {}).get("suffixes", []))
        rel = "|".join(self.relative)
        fill = {"{mon}": mon, "{wd}": wd, "{parts}": parts, "{rel}": rel}
        self.patterns = []
        for kind, pat in d["patterns"].items():
            for k, v in fill.items():
                pat = pat.replace(k, v)
            self.patterns.append((kind, re.compile(pat)))

    def find(self, text: str, offset: int, published: Optional[dt.date]) -> list[DateFound]:
        out: list[DateFound] = []
        taken: list[tuple[int, int]] = []
        for kind, rx in self.patterns:
            for m in rx.finditer(text):
                s, e = m.start() + offset, m.end() + offset
                if any(a < e and s < b for a, b in taken):
                    continue
                found = self._resolve(kind, m, published)
                if found is None:
                    continue
                value, precision = found
                if kind == "year":
                    s, e = m.start("y") + offset, m.end("y") + offset
                out.append(DateFound(s, e, value, precision))
                taken.append((s, e))
        return sorted(out, key=lambda d: d.start)

    def _resolve(self, kind, m, published):
        g = m.groupdict()
        try:
            if kind == "iso":
                return dt.date(int(g["y"]), int(g["m"]), int(g["d"])).isoformat(), "day"
            if kind == "dmy_num":
                y = int(g["y"])
                y = y + 2000 if y < 100 else y
                return dt.date(y, int(g["m"]), int(g["d"])).isoformat(), "day"
            if kind in ("dm_name", "md_name"):
                mon = self.months[g["mon"]]
                if g.get("y"):
                    return dt.date(int(g["y"]), mon, int(g["d"])).isoformat(), "day"
                if published:
                    y = published.year
                    cand = dt.date(y, mon, int(g["d"]))
                    if cand > published + dt.timedelta(days=183):
                        cand = dt.date(y - 1, mon, int(g["d"]))
                    return cand.isoformat(), "day"
                return None, "day"
            if kind == "weekday":
                if not published:
                    return None, "day"
                wd = self.weekdays[g["wd"]]
                back = (published.weekday() - wd) % 7
                return (published - dt.timedelta(days=back)).isoformat(), "day"
            if kind == "relative":
                if not published:
                    return None, "day"
                return (published + dt.timedelta(days=self.relative[g["rel"]])).isoformat(), "day"
            if kind == "month_year":
                return f"{int(g['y']):04d}-{self.months[g['mon']]:02d}", "month"
            if kind == "year":
                return g["y"], "year"
        except ValueError:
            return None
        return None
