#!/usr/bin/env python3
"""Score the analysis on gold sets rewritten the way fast regional copy varies, to see whether the rules
learned mechanisms or wordings.

Usage:
  stress_analysis.py GOLD_DIR [GOLD_DIR ...] [--only NAME ...] [--cmd "pantau analyze --jsonl"]

Each perturbation rewrites the narrative of every article (never the text inside a gold quote, never a
name) in a way that keeps the gold annotation true, writes the copies to a temporary directory and runs
tools/score_analysis.py on them. Printed: one summary line per set and perturbation, "none" first.

Perturbations (deterministic: the choice at each place depends on the article and the offset only):
  verbs      attribution verbs replaced by other forms of speech verbs copy uses ("mengatakan" →
             "menuturkan", "membenarkan", "memastikan" …; "katanya" → "tuturnya" …; "said" → "stated" …)
  lower      the first word of each official's role written in lower case ("kepala dinas …")
  acronyms   all-capital words of four letters or more inside roles written in title case ("Bkpsdm")
  degrees    academic degrees after each official's first full name (", S.Sos., M.Si.")
  titles     honorifics before each official's first full name ("Dr. H.")
  nocomma    the comma between a role and the name after it dropped ("Ketua KPU X Rudi …")
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

Record = dict[str, Any]
SCORER = Path(__file__).resolve().parent / "score_analysis.py"

_VERBS = {
    "mengatakan": ["menuturkan", "menyampaikan", "membenarkan", "memastikan", "mengungkapkan", "menerangkan"],
    "menjelaskan": ["menerangkan", "memaparkan", "merinci", "menguraikan"],
    "menegaskan": ["menandaskan", "menekankan"],
    "menambahkan": ["mengimbuhkan", "melanjutkan", "menyambung"],
    "katanya": ["tuturnya", "ujarnya", "ucapnya", "ungkapnya"],
    "ujarnya": ["katanya", "tuturnya", "ucapnya"],
    "jelasnya": ["terangnya", "urainya", "paparnya"],
    "tegasnya": ["tandasnya", "tukasnya", "pungkasnya"],
    "kata": ["ujar", "tutur", "ucap"],
    "ujar": ["kata", "tutur", "ucap"],
    "said": ["stated", "explained", "noted", "added"],
    "says": ["states", "explains", "notes"],
}
_VERB_WORD = re.compile(r"(?<![\w-])(" + "|".join(sorted(_VERBS, key=len, reverse=True)) + r")(?![\w-])")
_ALL_CAPS = re.compile(r"(?<![\w-])([A-Z]{4,})(?![\w-])")


def _protected(doc: Record) -> list[tuple[int, int]]:
    """Offsets of the gold quotes in the text: nothing inside them is rewritten."""
    out: list[tuple[int, int]] = []
    at = 0
    text = doc["text"]
    for q in doc["gold"]["quotes"]:
        found = text.find(q["text"], at)
        if found >= 0:
            out.append((found, found + len(q["text"])))
            at = found + len(q["text"])
    return out


def _free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(s < end and start < e for s, e in spans)


def _choice(doc: Record, at: int, options: list[str]) -> str:
    return options[zlib.crc32(f"{doc['id']}:{at}".encode()) % len(options)]


def _edit(doc: Record, edits: list[tuple[int, int, str]]) -> Record:
    """The article with the text replaced at the given (start, end, new) places, the gold unchanged."""
    text = doc["text"]
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return {**doc, "text": text}


def verbs(doc: Record) -> Record:
    keep = _protected(doc)
    edits = []
    for m in _VERB_WORD.finditer(doc["text"]):
        if _free(keep, m.start(), m.end()):
            edits.append((m.start(), m.end(), _choice(doc, m.start(), _VERBS[m.group(1)])))
    return _edit(doc, edits)


def _role_places(doc: Record) -> list[tuple[int, int]]:
    """Where each official's role is written in the narrative (every occurrence)."""
    keep = _protected(doc)
    out = []
    for o in doc["gold"]["officials"]:
        role = o.get("role") or ""
        if len(role) < 4:
            continue
        for m in re.finditer(re.escape(role), doc["text"]):
            if _free(keep, m.start(), m.end()):
                out.append((m.start(), m.end()))
    return out


# Heads of roles that copy also writes in lower case (a place or a body that opens a role keeps its capital).
_HEADS = frozenset({
    "kepala", "ketua", "anggota", "sekretaris", "koordinator", "kordiv", "kabid", "kadis", "kaban", "kabag", "kasi",
    "kasat", "camat", "lurah", "kades", "bupati", "wakil", "sekda", "asisten", "plt", "pj", "plh", "penjabat",
    "direktur", "inspektur", "komisioner", "panewu", "perbekel", "head", "chairman", "chairperson", "chief",
    "secretary", "commissioner",
})


def lower(doc: Record) -> Record:
    edits = []
    for start, _ in _role_places(doc):
        word = re.match(r"[^\W\d_]+", doc["text"][start:])
        if word and word.group(0).lower() in _HEADS:
            edits.append((start, start + word.end(), word.group(0).lower()))
    return _edit(doc, edits)


def acronyms(doc: Record) -> Record:
    edits = []
    for start, end in _role_places(doc):
        for m in _ALL_CAPS.finditer(doc["text"], start, end):
            edits.append((m.start(), m.end(), m.group(1).title()))
    return _edit(doc, sorted(set(edits)))


def _first_names(doc: Record) -> list[tuple[int, int]]:
    """The first place outside quotes where each official's full name is written."""
    keep = _protected(doc)
    out = []
    for o in doc["gold"]["officials"]:
        for m in re.finditer(rf"(?<![\w-]){re.escape(o['name'])}(?![\w-])", doc["text"]):
            if _free(keep, m.start(), m.end()):
                out.append((m.start(), m.end()))
                break
    return out


def degrees(doc: Record) -> Record:
    edits = []
    for _, end in _first_names(doc):
        nxt = doc["text"][end:end + 1]
        if nxt == ",":
            edits.append((end, end, ", S.Sos., M.Si."))
        elif nxt == " ":
            edits.append((end, end, ", S.Sos., M.Si.,"))
    return _edit(doc, edits)


def titles(doc: Record) -> Record:
    return _edit(doc, [(start, start, "Dr. H. ") for start, _ in _first_names(doc)])


def nocomma(doc: Record) -> Record:
    edits = []
    names = _first_names(doc)
    for _, role_end in _role_places(doc):
        gap = re.match(r",[ \t]+", doc["text"][role_end:])
        if gap and any(start == role_end + gap.end() for start, _ in names):
            edits.append((role_end, role_end + gap.end(), " "))
    return _edit(doc, edits)


PERTURBATIONS: dict[str, Callable[[Record], Record]] = {
    "none": lambda doc: doc, "verbs": verbs, "lower": lower, "acronyms": acronyms, "degrees": degrees,
    "titles": titles, "nocomma": nocomma,
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dirs", nargs="+")
    ap.add_argument("--only", action="append", choices=sorted(PERTURBATIONS), default=[])
    ap.add_argument("--cmd", default="pantau analyze --jsonl")
    a = ap.parse_args()
    names = ["none"] + [n for n in PERTURBATIONS if n != "none" and (not a.only or n in a.only)]
    for gold_dir in a.gold_dirs:
        docs = [json.loads(p.read_text()) for p in sorted(Path(gold_dir).glob("*.json"))]
        for name in names:
            with tempfile.TemporaryDirectory() as tmp:
                for doc in docs:
                    changed = PERTURBATIONS[name](doc)
                    (Path(tmp) / f"{doc['id']}.json").write_text(json.dumps(changed, ensure_ascii=False))
                out = subprocess.run([sys.executable, str(SCORER), tmp, "--cmd", a.cmd],
                                     capture_output=True, text=True, check=False)
            line = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else out.stderr.strip()[-200:]
            line = re.sub(r" \d+ ms/article$", "", line)
            print(f"{Path(gold_dir).name:14s} {name:9s} {line}", flush=True)


if __name__ == "__main__":
    main()
