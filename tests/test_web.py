"""The web UI and JSON API: in-process API tests (httpx ASGITransport), a real browser (Playwright
driving Debian's chromium) against a real server, the XSS test, and a bounded schemathesis run."""
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import time

import httpx
import pytest

from conftest import ROOT, run_cli
from test_kb import COPY, LONGER, OSAKA, THIRD, WIRE, write_jsonl

TOKEN = "test-token-123"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
XSS = ('Donald Trump und Xi Jinping trafen sich in Busan. <script>window.__xss = 1</script> '
       '<img src=x onerror="window.__xss = 2"> <a href="javascript:window.__xss=3" onmouseover="window.__xss=4">klick</a> '
       '"><svg onload="window.__xss=5"> Trump sagte: „<script>window.__xss = 6</script>“ Die Zölle sinken von 20 auf 10 Prozent.')


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = tmp_path_factory.mktemp("web")
    reports = write_jsonl(d / "r.jsonl", [
        {"text": WIRE, "url": "https://wire.example/1", "outlet": "Wire", "published": "2025-10-30", "title": "Gipfel"},
        {"text": COPY, "url": "https://portal.example/2", "outlet": "Portal", "published": "2025-10-30"},
        {"text": LONGER, "url": "https://daily.example/3", "outlet": "Daily", "published": "2025-10-31"},
        {"text": THIRD, "url": "https://blatt.example/4", "outlet": "Blatt", "published": "2025-10-31"},
        {"text": OSAKA, "url": "https://wire.example/5", "outlet": "Wire", "published": "2019-06-29"}])
    path = str(d / "kb.db")
    assert run_cli("ingest", reports, "--db", path, "-s").returncode == 0
    return path


def call(app, method, url, **kw):
    async def go():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
            return await c.request(method, url, **kw)
    return asyncio.run(go())


@pytest.fixture
def app(db, tmp_path):
    from lagebild.web import create_app

    copy = tmp_path / "kb.db"
    shutil.copy(db, copy)
    return create_app(str(copy), token=TOKEN, max_body=50_000)


def test_json_twins_and_their_shapes(app):
    r = call(app, "GET", "/events.json")
    assert r.status_code == 200 and r.json()["ok"] is True
    events = r.json()["events"]
    assert len(events) == 2
    for e in events:
        assert {"id", "title", "date", "participants", "documents"} <= set(e)
        assert all(d["document"] and d["source"] for d in e["documents"])
    busan = next(e for e in events if e["date"] == "2025-10-30")
    sheet = call(app, "GET", f"/events/{busan['id']}.json").json()["event"]
    assert sheet["slots"]["duration_minutes"]["conflict"] is True
    assert {d["document"] for d in sheet["documents"]} == {d["document"] for d in busan["documents"]}
    doc = call(app, "GET", f"/documents/{busan['documents'][0]['document']}.json").json()["document"]
    assert doc["text"] and doc["analysis"]["meetings"]
    assert call(app, "GET", "/actors/CHN.json").json()["actor"]["events"]
    assert call(app, "GET", "/search.json", params={"q": "Exportkontrollen"}).json()["results"]
    assert call(app, "GET", "/events.json", params={"actor": "CHN", "since": "2025-01-01"}).json()["events"][0]["id"] == busan["id"]
    html = call(app, "GET", f"/events/{busan['id']}")
    assert html.status_code == 200 and "conflict" in html.text and "Content-Security-Policy" in html.headers


@pytest.mark.parametrize("method,url,kw,status", [
    ("GET", "/events/999999.json", {}, 404),
    ("GET", "/documents/nope.json", {}, 404),
    ("GET", "/events.json?since=yesterday", {}, 422),
    ("GET", "/search.json", {}, 422),
    ("POST", "/ingest.json", {"json": {"text": WIRE}}, 401),
    ("POST", "/ingest.json", {"json": {"text": WIRE}, "headers": {"Authorization": "Bearer wrong"}}, 401),
    ("POST", "/ingest.json", {"content": b"x" * 60_000, "headers": {"Authorization": f"Bearer {TOKEN}"}}, 413),
    ("DELETE", "/documents/abc.json", {}, 401),
])
def test_one_error_shape(app, method, url, kw, status):
    r = call(app, method, url, **kw)
    assert r.status_code == status
    body = r.json()
    assert body["ok"] is False and body["status"] == status and isinstance(body["error"], str) and body["error"]


def test_read_only_without_token(db, tmp_path):
    from lagebild.web import create_app

    shutil.copy(db, tmp_path / "ro.db")
    ro = create_app(str(tmp_path / "ro.db"))
    r = call(ro, "POST", "/ingest.json", json={"text": WIRE}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403 and "read-only" in r.json()["error"]


def test_ingest_and_delete_with_token(app):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = WIRE.replace("rund 100 Minuten", "etwa 100 Minuten").replace("BUSAN", "SEOUL")
    r = call(app, "POST", "/ingest.json", json={"text": text, "outlet": "Neu", "published": "2025-10-30"}, headers=auth)
    assert r.status_code == 200 and r.json()["added"] == 1
    doc = r.json()["document"]
    assert call(app, "GET", f"/documents/{doc}.json").status_code == 200
    assert call(app, "DELETE", f"/documents/{doc}.json", headers=auth).json() == {"ok": True, "deleted": doc}
    assert call(app, "GET", f"/documents/{doc}.json").status_code == 404


# --- a real server and a real browser --------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(db, tmp_path_factory):
    d = tmp_path_factory.mktemp("srv")
    shutil.copy(db, d / "kb.db")
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "lagebild.cli", "serve", "--db", str(d / "kb.db"), "--port", str(port),
                             "--token", TOKEN], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if httpx.get(base + "/events.json", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("the server did not start: " + proc.stderr.read().decode()[-500:])
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert os.path.exists(CHROMIUM), "Debian's chromium is needed for the browser tests (.ci/run installs it)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


def test_click_a_value_and_land_on_its_sentence(server, browser):
    page = browser.new_page()
    page.goto(server + "/events")
    page.click("text=Busan")
    assert "/events/" in page.url
    # the duration value "120" is stated by the English report: follow its source link
    link = page.locator("tr:has(th:text('Duration (min)')) .value:has(b:text('120')) a.src").first
    link.click()
    page.wait_for_url("**/documents/**")
    marked = page.locator(".ev.target")
    assert marked.count() >= 1
    assert "nearly two hours" in " ".join(marked.all_inner_texts())
    # selecting a fact in the side panel marks its span in the text
    page.locator("button.fact.ev-measures").first.click()
    on = page.locator(".ev.marked")
    assert on.count() >= 1 and "20 to 10 percent" in " ".join(on.all_inner_texts())
    page.close()


def test_untrusted_text_never_runs(server, browser):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = httpx.post(server + "/ingest.json", headers=auth, json={
        "text": XSS, "title": '<script>window.__xss=7</script>Titel', "outlet": '<img src=x onerror="window.__xss=8">',
        "published": "2025-10-30"})
    assert r.status_code == 200, r.text
    doc, event = r.json()["document"], r.json()["event"]
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in (f"/documents/{doc}", f"/events/{event}", "/events", "/search?q=Busan", f"/documents/{doc}?start=0&end=20"):
        page.goto(server + path)
        page.mouse.move(5, 5)
        for a in page.locator("a").all()[:50]:
            try:
                a.hover(timeout=200)
            except Exception:
                pass
        assert page.evaluate("typeof window.__xss") == "undefined", path
    page.goto(server + f"/documents/{doc}")
    assert "<script>window.__xss = 1</script>" in page.locator("#text").inner_text()  # shown as text
    assert dialogs == []
    page.close()


def test_no_server_errors_in_a_bounded_schemathesis_run(app):
    """Generated requests for every operation of the OpenAPI schema: none may end in a server error."""
    import schemathesis
    from hypothesis import HealthCheck, given, settings

    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures, calls = [], []
    for result in schema.get_all_operations():
        op = result.ok()

        @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(op.as_strategy())
        def run(case):
            response = case.call()
            calls.append(1)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} -> {response.status_code}: {response.text[:200]}")

        run()
    assert len(calls) >= 30
    assert failures == []
