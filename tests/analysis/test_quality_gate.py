"""Quality gate: the analysis must not drop below pinned floors on annotated articles.

Runs the product's scorer (``../shared/tools/score_analysis.py``) over the real
``pantau analyze --jsonl`` command, on the shared dev set, on our own
independent set under ``tests/gold`` and on the held-out set under ``tests/gold_heldout``
(whose honest, first-look figures are in its README). Floors sit a little under the figures
measured when they were pinned (see README, "Analysis quality"), so a change
that makes analysis worse fails here, and a change that makes it better is
expected to raise them.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "tools" / "score_analysis.py"
DEV_GOLD = ROOT.parent / "shared" / "gold" / "dev"
OWN_GOLD = ROOT / "tests" / "gold"
HELDOUT_GOLD = ROOT / "tests" / "gold_heldout"

FLOORS = {
    "dev": {
        "quote_speaker_f1": 0.95, "neutrality_f1": 1.0, "tags_f1": 0.90,
        "officials_f1": 0.90, "province_f1": 0.95, "language_acc": 1.0,
    },
    "own": {
        "quote_speaker_f1": 0.80, "neutrality_f1": 0.90, "tags_f1": 0.75,
        "officials_f1": 0.75, "province_f1": 0.85, "language_acc": 1.0,
    },
    "heldout": {
        "quote_speaker_f1": 0.80, "neutrality_f1": 0.95, "tags_f1": 0.85,
        "officials_f1": 0.80, "province_f1": 0.95, "language_acc": 1.0,
    },
}


@pytest.mark.skipif(not SCORER.exists(), reason="needs ../shared/tools/score_analysis.py beside the checkout")
@pytest.mark.parametrize(("name", "gold"), [("dev", DEV_GOLD), ("own", OWN_GOLD), ("heldout", HELDOUT_GOLD)])
def test_analysis_stays_above_its_floors(name: str, gold: Path) -> None:
    command = f"{shlex.quote(sys.executable)} -m pantau.cli analyze --jsonl"
    floors = [f"--min={key}={value}" for key, value in FLOORS[name].items()]
    proc = subprocess.run([sys.executable, str(SCORER), str(gold), "--cmd", command, "--show", *floors],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
