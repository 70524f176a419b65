"""The web UI and its JSON API (FastAPI, Jinja2 templates, no CDN: works offline).

Every page has a JSON twin (`/events` and `/events.json`, …), documented by the OpenAPI schema at
`/openapi.json`. Errors have one shape: `{"ok": false, "error": "…", "status": 404}`. Article text is
untrusted: templates escape everything, the document view builds its highlighted text from escaped
pieces, and a Content-Security-Policy forbids inline scripts. Writes (ingest, delete) need the
token given at start (`--token` or LAGEBILD_TOKEN); without one the server is read-only.
"""
from __future__ import annotations

import datetime as dt
import hmac
import json
from pathlib import Path
from typing import Optional

from fastapi import FastAPI, File, Form, Header, Path as PathParam, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, LagebildError
from ..kb import KnowledgeBase, NotFoundInStoreError
from .charts import measure_chart

HERE = Path(__file__).resolve().parent
CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
MAX_ID = 2**31 - 1  # ids and offsets fit a 32-bit integer in every backend
FACT_KINDS = ("meetings", "measures", "topics", "statements", "assessments")


class ApiError(Exception):
    def __init__(self, status: int, message: str):
        self.status, self.message = status, message


def create_app(db: Optional[str] = None, token: Optional[str] = None, max_body: int = 2_000_000) -> FastAPI:
    kb = KnowledgeBase(db)
    app = FastAPI(title="lagebild", version="0.1.0",
                  description="Events, fact sheets with sources and conflicts, documents with evidence spans.")
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True
    templates.env.globals["fmt_value"] = fmt_value
    templates.env.filters["source_label"] = source_label
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.state.kb, app.state.token, app.state.max_body = kb, token, max_body

    @app.middleware("http")
    async def guard(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > max_body:
            return _error(request, 413, f"request body over {max_body} bytes; send a smaller report")
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return _error(request, exc.status, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x not in ("query", "path", "body"))
        return _error(request, 422, f"invalid {where or 'request'}: {first.get('msg', 'bad value')}")

    @app.exception_handler(LagebildError)
    async def lagebild_error(request: Request, exc: LagebildError):
        return _error(request, 404 if isinstance(exc, NotFoundInStoreError) else 400, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):  # a bug: the same shape, no traceback to the client
        return _error(request, 500, f"internal error ({type(exc).__name__}); please report it")

    def _error(request: Request, status: int, message: str):
        if _wants_json(request):
            return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)
        return templates.TemplateResponse(request, "error.html", {"status": status, "message": message}, status_code=status)

    def _check_token(given: Optional[str]) -> None:
        if not app.state.token:
            raise ApiError(403, "the server is read-only: start it with --token (or LAGEBILD_TOKEN) to allow writes")
        if not given or not hmac.compare_digest(given.encode(), app.state.token.encode()):
            raise ApiError(401, "a valid token is needed for writes: send 'Authorization: Bearer TOKEN'")

    # --- data functions, shared by pages and their JSON twins -----------------------------------
    def events_data(actor, topic, since, until):
        rows = kb.events(actor=actor or None, since=since)
        if until:
            rows = [r for r in rows if r["date"] and r["date"] <= until.isoformat()]
        if topic:
            keep = []
            for r in rows:
                sheet = kb.event(r["id"])
                if any(t["topic"] == topic for t in sheet["topics"]):
                    keep.append(r)
            rows = keep
        return rows

    def document_data(doc_id: str) -> dict:
        row = kb.store.document(doc_id)
        if row is None:
            raise ApiError(404, f"no document {doc_id}; find documents through /events or /search")
        analysis = json.loads(row["analysis"])
        events = [e for e in kb.events() if any(d["document"] == doc_id for d in e["documents"])]
        return {"id": row["id"], "title": row["title"], "source": row["source"], "url": row["url"], "outlet": row["outlet"],
                "published": row["published"].isoformat() if row["published"] else None, "language": row["language"],
                "events": [{"id": e["id"], "title": e["title"], "date": e["date"]} for e in events],
                "analysis": analysis}

    def actor_data(actor_id: str) -> dict:
        events = kb.events(actor=actor_id)
        series = kb.measures(actor=actor_id) + [m for m in kb.measures(target=actor_id) if m["actor"] != actor_id]
        if not events and not series:
            raise ApiError(404, f"no events or measures for actor {actor_id}; actors are ISO 3166 alpha-3 codes such as CHN")
        return {"id": actor_id, "events": events, "measures": series}

    # --- JSON API -------------------------------------------------------------------------------
    @app.get("/events.json", tags=["api"], summary="Events, newest first")
    def api_events(actor: Optional[str] = Query(None, max_length=16), topic: Optional[str] = Query(None, max_length=40),
                   since: Optional[dt.date] = None, until: Optional[dt.date] = None):
        return {"ok": True, "events": events_data(actor, topic, since, until)}

    @app.get("/events/{event_id}.json", tags=["api"], summary="The reconciled fact sheet of one event")
    def api_event(event_id: int = PathParam(..., ge=1, le=MAX_ID)):
        return {"ok": True, "event": kb.event(event_id)}

    @app.get("/documents/{doc_id}.json", tags=["api"], summary="A document with its analysis")
    def api_document(doc_id: str = PathParam(..., max_length=64)):
        d = document_data(doc_id)
        row = kb.store.document(doc_id)
        d["text"] = row["text"]
        return {"ok": True, "document": d}

    @app.get("/actors/{actor_id}.json", tags=["api"], summary="Meetings and measures of one actor over time")
    def api_actor(actor_id: str = PathParam(..., max_length=16)):
        return {"ok": True, "actor": actor_data(actor_id)}

    @app.get("/search.json", tags=["api"], summary="Full-text search over documents")
    def api_search(q: str = Query(..., min_length=1, max_length=200), limit: int = Query(20, ge=1, le=100)):
        return {"ok": True, "results": kb.search(q, limit)}

    @app.post("/ingest.json", tags=["api"], summary="Ingest one report (needs the token)")
    async def api_ingest(request: Request, authorization: Optional[str] = Header(None)):
        _check_token(_bearer(authorization))
        try:
            body = await request.json()
        except ValueError:
            raise ApiError(400, "the body must be JSON: {\"text\": …, \"title\": …, \"url\": …, \"published\": …, \"outlet\": …}")
        if not isinstance(body, dict) or not isinstance(body.get("text"), str):
            raise ApiError(400, "the body needs a \"text\" field")
        return {"ok": True, **_ingest_text(kb, body)}

    @app.delete("/documents/{doc_id}.json", tags=["api"], summary="Delete a document (needs the token)")
    def api_delete(doc_id: str = PathParam(..., max_length=64), authorization: Optional[str] = Header(None)):
        _check_token(_bearer(authorization))
        if not kb.delete_document(doc_id):
            raise ApiError(404, f"no document {doc_id}")
        return {"ok": True, "deleted": doc_id}

    # --- pages ----------------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def root():
        return RedirectResponse("/events")

    @app.get("/events", response_class=HTMLResponse, tags=["pages"])
    def page_events(request: Request, actor: Optional[str] = Query(None, max_length=16),
                    topic: Optional[str] = Query(None, max_length=40), since: Optional[dt.date] = None,
                    until: Optional[dt.date] = None):
        rows = events_data(actor, topic, since, until)
        return templates.TemplateResponse(request, "events.html", {
            "events": rows, "actor": actor or "", "topic": topic or "", "since": since or "", "until": until or "",
            "timeline": _timeline(rows)})

    @app.get("/events/{event_id}", response_class=HTMLResponse, tags=["pages"])
    def page_event(request: Request, event_id: int = PathParam(..., ge=1, le=MAX_ID)):
        return templates.TemplateResponse(request, "event.html", {"e": kb.event(event_id)})

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, tags=["pages"])
    def page_document(request: Request, doc_id: str = PathParam(..., max_length=64),
                      start: Optional[int] = Query(None, ge=0, le=MAX_ID), end: Optional[int] = Query(None, ge=0, le=MAX_ID)):
        d = document_data(doc_id)
        text = kb.store.document(doc_id)["text"]
        facts = _facts(d["analysis"])
        return templates.TemplateResponse(request, "document.html", {
            "d": d, "facts": facts, "body": highlight(text, facts, (start, end) if start is not None and end else None)})

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, tags=["pages"])
    def page_actor(request: Request, actor_id: str = PathParam(..., max_length=16)):
        a = actor_data(actor_id)
        return templates.TemplateResponse(request, "actor.html", {"a": a, "charts": measure_chart(a["measures"])})

    @app.get("/search", response_class=HTMLResponse, tags=["pages"])
    def page_search(request: Request, q: str = Query("", max_length=200)):
        results = kb.search(q) if q.strip() else []
        return templates.TemplateResponse(request, "search.html", {"q": q, "results": results})

    @app.get("/ingest", response_class=HTMLResponse, tags=["pages"])
    def page_ingest(request: Request):
        return templates.TemplateResponse(request, "ingest.html", {"writable": bool(app.state.token), "result": None})

    @app.post("/ingest", response_class=HTMLResponse, tags=["pages"])
    async def page_ingest_post(request: Request, token: str = Form(""), text: str = Form(""), title: str = Form(""),
                               published: str = Form(""), outlet: str = Form(""), file: Optional[UploadFile] = File(None)):
        _check_token(token)
        data = None
        if file is not None and file.filename:
            data = await file.read()
        if not data and not text.strip():
            raise ApiError(400, "paste a report or choose a file")
        result = _ingest_text(kb, {"text": text, "title": title or None, "published": published or None,
                                   "outlet": outlet or None}, data=data, filename=file.filename if file else None)
        return RedirectResponse(f"/events/{result['event']}", status_code=303)

    return app


def source_label(src: dict) -> str:
    """Who said it, shortly: the outlet, else the host of the URL, else the file name."""
    if src.get("outlet"):
        return src["outlet"]
    where = src.get("url") or src.get("source") or ""
    if "://" in where:
        return where.split("://", 1)[1].split("/", 1)[0]
    return Path(where).name or src.get("document", "")[:8]


def fmt_value(v) -> str:
    if v is None:
        return ""
    if isinstance(v, dict) and "value" in v:
        unit = {"percent": "%", "percentage_points": " pp"}.get(v.get("unit"), " " + str(v.get("unit") or ""))
        val = v["value"]
        if isinstance(val, (int, float)) and abs(val) >= 10000:
            val = f"{val:,.0f}"
        return f"{val}{unit}".strip()
    return str(v)


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.endswith(".json") or path.startswith(("/openapi", "/docs")) or \
        "application/json" in request.headers.get("accept", "") and "text/html" not in request.headers.get("accept", "")


def _bearer(header: Optional[str]) -> Optional[str]:
    if header and header.lower().startswith("bearer "):
        return header[7:].strip()
    return None


def _ingest_text(kb: KnowledgeBase, body: dict, data: Optional[bytes] = None, filename: Optional[str] = None) -> dict:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        if data is not None:
            suffix = Path(filename or "upload.txt").suffix.lower()
            path = Path(tmp) / ("upload" + (suffix if suffix in (".txt", ".html", ".htm", ".xml", ".rss", ".jsonl") else ".txt"))
            path.write_bytes(data)
        else:
            path = Path(tmp) / "upload.jsonl"
            path.write_text(json.dumps({k: body.get(k) for k in ("text", "title", "url", "published", "outlet")},
                                       ensure_ascii=False) + "\n", encoding="utf-8")
        report = kb.ingest([path])
    if report.failed:
        raise ApiError(400, report.failed[0][1].split(": ", 1)[-1])
    if not report.events:
        doc = kb.find_document(body.get("text") or "")
        if doc is None:
            raise ApiError(400, "nothing was ingested")
        return {"added": 0, "event": doc["event"], "document": doc["document"]}
    event = sorted(report.events)[0]
    return {"added": report.added, "event": event, "document": kb.last_document}


def _facts(analysis: dict) -> list:
    """The facts of a document as (key, kind, label, spans) for the side panel and the highlighting."""
    out = []
    for kind in FACT_KINDS:
        for i, f in enumerate(analysis.get(kind) or []):
            if "evidence" in f:
                spans = [(e["start"], e["end"]) for e in f["evidence"]]
            else:
                spans = [(f["start"], f["end"])]
            out.append({"key": f"{kind[0]}{i}", "kind": kind, "label": _label(kind, f), "spans": spans})
    return out


def _label(kind: str, f: dict) -> str:
    if kind == "meetings":
        return " – ".join(p["name"] for p in f["participants"]) + (f", {f['place']}" if f.get("place") else "")
    if kind == "measures":
        nums = " → ".join(f"{x['value']}{'%' if x.get('unit') == 'percent' else ''}" for x in (f.get("from"), f.get("to")) if x)
        return f"{f['type']} {f.get('actor') or '?'}→{f.get('target') or '?'} {nums}".strip()
    if kind == "topics":
        return f"{f.get('label')} ({f['status']})"
    if kind == "statements":
        return f"{f.get('speaker_name') or '?'}: {f['text'][:60]}"
    return ("hedged: " + f["cue"] if f.get("hedged") else "assessment") + f" — {f['text'][:50]}"


def highlight(text: str, facts: list, target: Optional[tuple] = None) -> Markup:
    """The text as HTML: every piece escaped; evidence spans wrapped in <span> with the keys of the
    facts they belong to. Untrusted text never reaches the page unescaped."""
    bounds = {0, len(text)}
    for f in facts:
        for a, b in f["spans"]:
            if 0 <= a < b <= len(text):
                bounds.update((a, b))
    if target and 0 <= target[0] < target[1] <= len(text):
        bounds.update(target)
    cuts = sorted(bounds)
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        keys = [f for f in facts if any(x <= a and b <= y for x, y in f["spans"])]
        is_target = target is not None and target[0] <= a and b <= target[1]
        if keys or is_target:
            classes = " ".join(sorted({"ev-" + f["kind"] for f in keys} | ({"target"} if is_target else set())))
            data = " ".join(f["key"] for f in keys)
            parts.append(Markup('<span class="ev {}" data-facts="{}">{}</span>').format(classes, data, piece))
        else:
            parts.append(piece)
    return Markup("").join(parts)


def _timeline(rows: list) -> list:
    """Events per month, newest first, for the timeline strip."""
    months: dict = {}
    for r in rows:
        if r["date"]:
            months.setdefault(r["date"][:7], []).append(r)
    return sorted(months.items(), reverse=True)
