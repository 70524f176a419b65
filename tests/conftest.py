import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "de"
GOLD_DE = ROOT / "tests" / "eval" / "gold" / "de"


def run_cli(*args, input=None, cwd=None):
    """Run the installed CLI in a real subprocess, as a user would."""
    exe = Path(sys.executable).with_name("lagebild")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "lagebild.cli"]
    return subprocess.run(cmd + [str(a) for a in args], input=input, capture_output=True, cwd=cwd,
                          env={**os.environ, "COLUMNS": "200"})


@pytest.fixture
def cli():
    return run_cli


PG_DSN = os.environ.get("LAGEBILD_TEST_PG", "host=127.0.0.1 port=5432 user=postgres dbname=postgres")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty knowledge base on each backend. PostgreSQL must be reachable: a missing server
    fails the test (CI starts it); it is never skipped."""
    if request.param == "sqlite":
        yield str(tmp_path / "kb.db")
        return
    import uuid

    import psycopg

    name = "lagebild_test_" + uuid.uuid4().hex[:12]
    try:
        admin = psycopg.connect(PG_DSN, autocommit=True)
    except psycopg.OperationalError as exc:
        pytest.fail(f"PostgreSQL is needed for the postgresql backend tests ({PG_DSN}): {exc}")
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
