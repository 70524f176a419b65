"""Exporting coded events: PLOVER JSONL, CSV and Parquet, one row per event.

A file is written to a temporary name beside the target and renamed when complete, so a failed
export never leaves a half-written file behind.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Optional

from .errors import LagebildError

COLUMNS = ["document_id", "source", "language", "published", "event_index", "type", "mode", "context", "actor",
           "recipient", "evidence_start", "evidence_end", "evidence_text", "facts", "rule"]


class ExportError(LagebildError):
    pass


def event_rows(analyses) -> list[dict]:
    rows = []
    for a in analyses:
        d = a.document
        for i, e in enumerate(a.events):
            ev = e.evidence[0] if e.evidence else None
            rows.append({
                "document_id": d.id, "source": d.source, "language": d.language, "published": d.published,
                "event_index": i, "type": e.type, "mode": e.mode, "context": ";".join(e.context),
                "actor": e.actor, "recipient": e.recipient,
                "evidence_start": ev.start if ev else None, "evidence_end": ev.end if ev else None,
                "evidence_text": ev.text if ev else None,
                "facts": json.dumps(e.facts), "rule": e.found_by.rule if e.found_by else None,
            })
    return rows


def write_events(analyses, fmt: str, output: Optional[str]) -> None:
    rows = event_rows(analyses)
    if fmt == "parquet":
        if not output:
            raise ExportError("parquet is binary: give a file with --output events.parquet")
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(rows, schema=pa.schema([
            (c, pa.int64() if c in ("event_index", "evidence_start", "evidence_end") else pa.string()) for c in COLUMNS]))
        _atomic(output, lambda path: pq.write_table(table, path))
        return
    buf = io.StringIO()
    if fmt == "csv":
        w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    else:
        for a in analyses:
            for i, e in enumerate(a.events):
                obj = e.to_dict()
                obj["document"] = {"id": a.document.id, "source": a.document.source, "published": a.document.published}
                buf.write(json.dumps(obj, ensure_ascii=False) + "\n")
    data = buf.getvalue()
    if output:
        _atomic(output, lambda path: Path(path).write_text(data, encoding="utf-8"))
    else:
        sys.stdout.write(data)


def _atomic(output: str, write) -> None:
    target = Path(output)
    if not target.parent.exists():
        raise ExportError(f"{output}: folder {target.parent} does not exist; create it or choose another --output")
    fd, tmp = tempfile.mkstemp(prefix=".lagebild-", dir=target.parent)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
