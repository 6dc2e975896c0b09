"""Quality gate for extraction: body, title and date on saved news pages with hand-made gold.

Runs the project's scorer (``tools/score_pages.py``) over the real ``pantau analyze --jsonl``
command on four development sets (see their READMEs):

* ``tests/pages_real``: 26 real pages from 13 sites, written by CMSs nobody here wrote;
* ``tests/pages_heldout``: 15 pages in 15 other CMS styles, written by a reviewer as an
  out-of-sample check after reading the code (pantau scored 0.951 mean, 0.651 min, title 80%,
  date 93% on them at first look); their failures were fixed by general rules since;
* ``tests/pages_heldout2``: 20 pages in 20 more styles, written without seeing the code or its
  outputs (pantau scored 0.998 mean, 0.967 min, title 95%, date 100% at first look); their
  failures were fixed by general rules since;
* ``tests/pages_heldout3``: 24 pages in 24 more styles, written blind (first look 0.997 mean, 0.983
  min, title 100%, date 92%); its two wrong dates were fixed by general rules (pantau/published.py).

Floors are today's figures cut to three decimals (every page of the first three sets at body F1
1.000, title and date right; the last blind set at its body figures, title and date right): a
change that extracts worse on any page fails here. All sets were read while the rules were
written, so they are development sets, not an estimate for unseen sites (the first looks are).
"""

from __future__ import annotations

import shlex
import subprocess
import sys

import pytest
from helpers import REPO

SCORER = REPO / "tools" / "score_pages.py"
FLOORS = {
    "pages_real": {"body_f1_mean": 1.0, "body_f1_median": 1.0, "body_f1_min": 1.0, "title_acc": 1.0,
                   "date_acc": 1.0},
    "pages_heldout": {"body_f1_mean": 1.0, "body_f1_median": 1.0, "body_f1_min": 1.0, "title_acc": 1.0,
                      "date_acc": 1.0},
    "pages_heldout2": {"body_f1_mean": 1.0, "body_f1_median": 1.0, "body_f1_min": 1.0, "title_acc": 1.0,
                       "date_acc": 1.0},
    "pages_heldout3": {"body_f1_mean": 0.997, "body_f1_median": 1.0, "body_f1_min": 0.982, "title_acc": 1.0,
                       "date_acc": 1.0},
}


@pytest.mark.parametrize("pages", list(FLOORS))
def test_extraction_stays_above_its_floors(pages: str) -> None:
    command = f"{shlex.quote(sys.executable)} -m pantau.cli analyze --jsonl"
    floors = [f"--min={key}={value}" for key, value in FLOORS[pages].items()]
    proc = subprocess.run([sys.executable, str(SCORER), str(REPO / "tests" / pages), "--cmd", command, "--show",
                           *floors], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
