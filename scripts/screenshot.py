"""Make docs/screenshot-event.png: the fact sheet of the first example event, as the browser shows it.

    .venv/bin/python scripts/screenshot.py        (needs Debian's chromium at /usr/bin/chromium)
"""
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent

with tempfile.TemporaryDirectory() as tmp:
    db = str(Path(tmp) / "kb.db")
    subprocess.run([sys.executable, "-m", "lagebild.cli", "ingest", str(ROOT / "examples"), "--db", db, "-s"], check=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "lagebild.cli", "serve", "--db", db, "--port", str(port)],
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                httpx.get(f"http://127.0.0.1:{port}/events.json", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu",
                                  "--disable-background-networking", "--disable-component-update", "--no-first-run"])
            page = b.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(f"http://127.0.0.1:{port}/events/1")
            page.screenshot(path=str(ROOT / "docs" / "screenshot-event.png"))
            b.close()
    finally:
        server.terminate()
print("docs/screenshot-event.png")
