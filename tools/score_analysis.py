#!/usr/bin/env python3
"""Score `pantau analyze --jsonl` against gold-labelled articles.

Usage:
  score_analysis.py GOLD_DIR [--cmd "pantau analyze --jsonl"] [--min KEY=VALUE ...] [--show]

GOLD_DIR holds one JSON file per article: {"id", "text", "gold": {...}}, the
shape described in docs/analysis-output.md (the gold sets are tests/gold*/).
The command gets every article as one JSON Lines stream on stdin ({"id", "text"})
and must print one result object per line.  Prints per-metric figures, then one
summary line (the last line; scripts parse it).  With --min, exits 1 when a
metric is under its floor (e.g. --min quote_speaker_f1=0.9).

This is the project's copy of the team's evaluation scorer: the metrics and the
output format are the team's, so figures stay comparable across branches; keep
them unchanged when editing.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

HONORIFICS = {
    "h", "hj", "dr", "drs", "dra", "ir", "prof", "se", "sh", "mh", "mm", "msi", "si", "st", "mt",
    "spd", "mpd", "ssos", "sos", "mkes", "skm", "ssi", "sip", "map", "sstp", "msc", "phd",
    "bapak", "pak", "ibu", "bu", "kh", "tgh", "ust", "ustadz", "apt", "sked", "mba", "ak", "cpa",
}

Record = dict[str, Any]


def norm_text(s: str | None) -> list[str]:
    s = unicodedata.normalize("NFKC", s or "").lower()
    s = re.sub(r"[\"'“”‘’″«»]", " ", s)
    s = re.sub(r"[^\w\s-]", " ", s)
    return s.split()


def token_f1(a: str | None, b: str | None) -> float:
    """Bag-of-tokens F1 between two texts (punctuation and quote marks ignored)."""
    ta, tb = norm_text(a), norm_text(b)
    if not ta or not tb:
        return 0.0
    common = 0
    pool: dict[str, int] = {}
    for t in tb:
        pool[t] = pool.get(t, 0) + 1
    for t in ta:
        if pool.get(t, 0) > 0:
            common += 1
            pool[t] -= 1
    if common == 0:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def norm_name(s: str | None) -> tuple[str, ...]:
    toks = [t.replace(".", "") for t in re.split(r"[\s,]+", (s or "").lower())]
    # single-letter initials ("M. Unu Ibnudin") do not decide a match
    return tuple(t for t in toks if len(t) > 1 and t not in HONORIFICS)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def match_quotes(gold_quotes: list[Record], pred_quotes: list[Record],
                 threshold: float = 0.8) -> list[tuple[Record, Record]]:
    """Greedy one-to-one matching by token F1; returns [(gold, pred)]."""
    pairs = []
    for gi, g in enumerate(gold_quotes):
        for pi, p in enumerate(pred_quotes):
            sim = token_f1(g.get("text", ""), p.get("text", ""))
            if sim >= threshold:
                pairs.append((sim, gi, pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _sim, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gold_quotes[gi], pred_quotes[pi]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir")
    ap.add_argument("--cmd", default="pantau analyze --jsonl")
    ap.add_argument("--min", action="append", default=[])
    ap.add_argument("--show", action="store_true", help="print each article's misses")
    ap.add_argument("--timeout", type=float, default=600)
    a = ap.parse_args()

    docs = [json.loads(p.read_text()) for p in sorted(Path(a.gold_dir).glob("*.json"))]
    if not docs:
        sys.exit(f"no gold files in {a.gold_dir}")
    stdin = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    t0 = time.perf_counter()
    proc = subprocess.run(shlex.split(a.cmd), input=stdin, capture_output=True, text=True, timeout=a.timeout)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        print(proc.stderr[-3000:], file=sys.stderr)
        print(f"FAIL: command exited {proc.returncode}")
        sys.exit(2)
    preds: dict[Any, Record] = {}
    for line in proc.stdout.splitlines():
        line = line.strip()
        if line:
            obj = json.loads(line)
            preds[obj.get("id")] = obj
    missing = [d["id"] for d in docs if d["id"] not in preds]

    c = dict(lang_ok=0, neu_tp=0, neu_pred=0, neu_gold=0, tag_tp=0, tag_pred=0, tag_gold=0,
             q_match=0, q_pred=0, q_gold=0, qs_ok=0, off_tp=0, off_pred=0, off_gold=0, role_ok=0,
             prov_tp=0, prov_pred=0, prov_gold=0, reg_tp=0, reg_gold=0, reg_pred=0)
    for d in docs:
        g, p = d["gold"], preds.get(d["id"], {})
        notes = []
        c["lang_ok"] += p.get("language") == g["language"]
        gt, pt = set(g.get("tags", [])), set(p.get("tags") or [])
        gn, pn = "netralitas-asn" in gt, "netralitas-asn" in pt
        c["neu_tp"] += gn and pn
        c["neu_pred"] += pn
        c["neu_gold"] += gn
        c["tag_tp"] += len(gt & pt)
        c["tag_pred"] += len(pt)
        c["tag_gold"] += len(gt)
        if gt != pt:
            notes.append(f"tags missing {sorted(gt - pt)} extra {sorted(pt - gt)}")
        gq, pq = g.get("quotes", []), p.get("quotes") or []
        pairs = match_quotes(gq, pq)
        c["q_match"] += len(pairs)
        c["q_pred"] += len(pq)
        c["q_gold"] += len(gq)
        for gquote, pquote in pairs:
            if gquote.get("speaker") is None:
                ok = not pquote.get("speaker")
            else:
                ok = norm_name(gquote["speaker"]) == norm_name(pquote.get("speaker"))
            c["qs_ok"] += ok
            if not ok:
                notes.append(f"speaker {pquote.get('speaker')!r} != {gquote.get('speaker')!r} "
                             f"for “{gquote['text'][:50]}…”")
        if len(pairs) < len(gq):
            matched = {id(x) for x, _ in pairs}
            for x in gq:
                if id(x) not in matched:
                    notes.append(f"quote not found: “{x['text'][:60]}…”")
        if len(pairs) < len(pq):
            matched = {id(y) for _, y in pairs}
            for y in pq:
                if id(y) not in matched:
                    notes.append(f"extra quote: “{(y.get('text') or '')[:60]}…”")
        go = {norm_name(o["name"]): o for o in g.get("officials", [])}
        po = {norm_name(o.get("name")): o for o in (p.get("officials") or []) if o.get("name")}
        c["off_gold"] += len(go)
        c["off_pred"] += len(po)
        for k, o in go.items():
            if k in po:
                c["off_tp"] += 1
                c["role_ok"] += token_f1(o.get("role") or "", po[k].get("role") or "") >= 0.6
            else:
                notes.append(f"official missing {o['name']!r}")
        notes += [f"official extra {o['name']!r}" for k, o in po.items() if k not in go]
        gp = {r["province"] for r in g.get("regions", [])}
        pp = {r.get("province") for r in (p.get("regions") or []) if r.get("province")}
        c["prov_tp"] += len(gp & pp)
        c["prov_gold"] += len(gp)
        c["prov_pred"] += len(pp)
        gr = {r["regency"] for r in g.get("regions", []) if r.get("regency")}
        pr = {r.get("regency") for r in (p.get("regions") or []) if r.get("regency")}
        c["reg_tp"] += len(gr & pr)
        c["reg_gold"] += len(gr)
        c["reg_pred"] += len(pr)
        if gp != pp or (gr != (pr & gr) and gr):
            notes.append(f"regions gold {sorted(gp)}/{sorted(gr)} got {sorted(pp)}/{sorted(pr)}")
        if a.show and notes:
            print(f"## {d['id']}")
            for note in notes:
                print("   ", note)

    n = len(docs)
    m: dict[str, float] = {}
    m["language_acc"] = c["lang_ok"] / n
    m["neutrality_p"], m["neutrality_r"], m["neutrality_f1"] = prf(c["neu_tp"], c["neu_pred"], c["neu_gold"])
    m["tags_p"], m["tags_r"], m["tags_f1"] = prf(c["tag_tp"], c["tag_pred"], c["tag_gold"])
    m["quote_p"], m["quote_r"], m["quote_f1"] = prf(c["q_match"], c["q_pred"], c["q_gold"])
    m["quote_speaker_p"], m["quote_speaker_r"], m["quote_speaker_f1"] = prf(c["qs_ok"], c["q_pred"], c["q_gold"])
    m["officials_p"], m["officials_r"], m["officials_f1"] = prf(c["off_tp"], c["off_pred"], c["off_gold"])
    m["official_role_acc"] = c["role_ok"] / c["off_tp"] if c["off_tp"] else 0.0
    m["province_p"], m["province_r"], m["province_f1"] = prf(c["prov_tp"], c["prov_pred"], c["prov_gold"])
    m["regency_r"] = c["reg_tp"] / c["reg_gold"] if c["reg_gold"] else 1.0
    m["ms_per_article"] = 1000 * elapsed / n
    for metric, value in m.items():
        print(f"{metric:22s} {value:8.3f}")
    if missing:
        print(f"missing results for {len(missing)} articles: {missing[:5]}")
    failed = []
    for spec in a.min:
        key, _, floor = spec.partition("=")
        if key not in m:
            sys.exit(f"unknown metric {key}")
        if m[key] < float(floor):
            failed.append(f"{key} {m[key]:.3f}<{floor}")
    summary = (f"n={n} quote+speaker F1={m['quote_speaker_f1']:.3f} neutrality F1={m['neutrality_f1']:.3f} "
               f"tags F1={m['tags_f1']:.3f} officials F1={m['officials_f1']:.3f} province F1={m['province_f1']:.3f} "
               f"lang={m['language_acc']:.3f} {m['ms_per_article']:.0f} ms/article")
    if failed or missing:
        print("BELOW: " + "; ".join(failed + ([f"{len(missing)} missing"] if missing else [])) + " | " + summary)
        sys.exit(1)
    print(summary)


if __name__ == "__main__":
    main()
