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
