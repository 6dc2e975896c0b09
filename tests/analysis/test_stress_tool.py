"""tools/stress_analysis.py rewrites gold articles without making their gold false.

A perturbation that touched a quotation or a name would score the analysis against a wrong answer,
so every rewritten article must still hold each gold quote and each official's name, and each
perturbation must change some article (else it measures nothing).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location("stress_analysis", ROOT / "tools" / "stress_analysis.py")
assert _SPEC is not None and _SPEC.loader is not None
stress = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(stress)

DOCS = [json.loads(p.read_text()) for p in sorted((ROOT / "tests" / "gold_heldout4").glob("*.json"))]


@pytest.mark.parametrize("name", sorted(set(stress.PERTURBATIONS) - {"none"}))
def test_perturbation_keeps_the_gold_true_and_changes_something(name: str) -> None:
    changed = 0
    for doc in DOCS:
        out = stress.PERTURBATIONS[name](doc)
        assert out["gold"] == doc["gold"]
        for quote in doc["gold"]["quotes"]:
            assert quote["text"] in out["text"]
        for official in doc["gold"]["officials"]:
            assert official["name"] in out["text"]
        changed += out["text"] != doc["text"]
    assert changed > 0


def test_a_perturbation_rewrites_the_narrative_only() -> None:
    doc = {"id": 1, "text": 'Ketua KPU Lahat, Rudi Hartono mengatakan hal itu. "Kami mengatakan siap," katanya.',
           "gold": {"quotes": [{"text": "Kami mengatakan siap,"}],
                    "officials": [{"name": "Rudi Hartono", "role": "Ketua KPU Lahat"}]}}
    verbs = stress.verbs(doc)["text"]
    assert "Kami mengatakan siap," in verbs and "Rudi Hartono mengatakan" not in verbs
    assert stress.lower(doc)["text"].startswith("ketua KPU Lahat, Rudi Hartono")
    assert stress.nocomma(doc)["text"].startswith("Ketua KPU Lahat Rudi Hartono mengatakan")
    assert stress.degrees(doc)["text"].startswith("Ketua KPU Lahat, Rudi Hartono, S.Sos., M.Si., mengatakan")
    assert stress.titles(doc)["text"].startswith("Ketua KPU Lahat, Dr. H. Rudi Hartono")
