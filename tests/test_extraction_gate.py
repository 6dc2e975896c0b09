"""Quality gate for extraction: body, title and date on real saved news pages.

Runs the project's scorer (``tools/score_pages.py``) over the real ``pantau analyze --jsonl``
command on ``tests/pages_real`` (26 pages from 13 sites, written by CMSs nobody here wrote; see
its README). Floors are today's figures cut to three decimals (body F1 mean 0.837, median 0.897,
title 23/26, date 26/26): a change that extracts worse fails here, one that extracts better is
expected to raise them.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT / "tools" / "score_pages.py"
PAGES = ROOT / "tests" / "pages_real"
FLOORS = {"body_f1_mean": 0.836, "body_f1_median": 0.896, "title_acc": 0.884, "date_acc": 1.0}


def test_extraction_stays_above_its_floors() -> None:
    command = f"{shlex.quote(sys.executable)} -m pantau.cli analyze --jsonl"
    floors = [f"--min={key}={value}" for key, value in FLOORS.items()]
    proc = subprocess.run([sys.executable, str(SCORER), str(PAGES), "--cmd", command, "--show", *floors],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
