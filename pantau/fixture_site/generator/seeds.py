"""Seed recipes: the text of a real article (``SEEDS_DIR/<seed-id>.txt``) into an :class:`Article`.

The five real seed articles must appear *verbatim* (with the junk their real templates wrap
around them) on the outlet they came from. Each recipe splits its seed into body paragraphs and
junk (moved into ``Article.extra``), which the outlet's theme then places where that site puts it
(ANTARA Babel repeats the body, Belitong Ekspres has "BACA JUGA:" inserts and "Kategori :",
LinesNews has "Bacaan Lainnya", "Pos terkait" and a comment form, …). Text taken from real pages
is parsed here; text written for the site lives in ``content/*.yaml``.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

from pantau.fixture_site.generator.model import Article, Raw, esc, wib


def seed_lines(seeds: Path, seed_id: str) -> list[str]:
    return (seeds / f"{seed_id}.txt").read_text(encoding="utf-8").splitlines()


NBSP_LINE = re.compile(r"^\s*\u00a0\s*$")


def seed_antara_babel(seeds: Path) -> Article:
    lines = seed_lines(seeds, "antara-babel-sekda-belitung-foto-caleg")
    cut = next(i for i, ln in enumerate(lines) if ln.startswith("COPYRIGHT"))
    # The seed shows the template's second copy of the body (from the quote on) after the copyright line.
    repeat = [ln for ln in lines[cut + 1:] if ln and not ln.startswith("COPYRIGHT")]
    return Article(
        outlet="antara-babel",
        path="/berita/381390/sekda-belitung-ingatkan-asn-tidak-unggah-foto-bersama-caleg",
        title="Sekda Belitung ingatkan ASN tidak unggah foto bersama caleg",
        published=wib(2023, 11, 30, 14, 25),
        body=lines[:cut],
        author="Apriliansyah",
        editor="Joko Susilo",
        section="Bangka Belitung",
        tags=("netralitas ASN", "Pemilu 2024", "Kabupaten Belitung"),
        seed="antara-babel-sekda-belitung-foto-caleg",
        extra={"copyright": lines[cut], "repeat": json.dumps(repeat, ensure_ascii=False)},
    )


def seed_antara_bengkulu(seeds: Path) -> Article:
    lines = [ln for ln in seed_lines(seeds, "antara-bengkulu-sekda-medsos") if ln.strip()]
    # The last two lines are the template's share card: headline again, date and view counter.
    card_title, card_meta = lines[-2], lines[-1]
    date_text, views = card_meta.rsplit(" ", 1)
    return Article(
        outlet="antara-bengkulu",
        path="/berita/370119/pemprov-bengkulu-ingatkan-asn-bijak-bermedia-sosial-saat-pilkada",
        title=card_title,
        published=wib(2024, 9, 30, 20, 6),
        body=lines[:-2],
        author="Boyke Ledy Watra",
        editor="Agus Setiawan",
        section="Politik",
        tags=("ASN", "netralitas", "Pilkada 2024", "media sosial"),
        seed="antara-bengkulu-sekda-medsos",
        extra={"card_date": date_text, "views": views},
    )


def seed_belitong(seeds: Path, readmore: dict[str, str]) -> Article:
    lines = seed_lines(seeds, "belitong-ekspres-diskominfo-medsos")
    title, date_line, reporter, editor = lines[0], lines[2], lines[3], lines[4]
    body: list[str] = []
    for ln in lines[6:]:
        text = ln.strip()
        if NBSP_LINE.match(ln):
            body.append(Raw("<p>&nbsp;</p>"))
        elif not text or text == "Kategori :":
            continue  # "Kategori :" is the template's category box after the body
        elif text.startswith("BACA JUGA:"):
            linked = text[len("BACA JUGA:"):]
            body.append(Raw(
                f'<p><strong>BACA JUGA:</strong><a href="{readmore[linked]}" class="baca-juga">'
                f"{esc(linked)}</a></p>"
            ))
        else:
            body.append(ln.rstrip())
    return Article(
        outlet="belitong-ekspres",
        path="/read/7426/masa-kampanye-pilkada-2024-diskominfo-belitung-imbau-asn-bijaksana-gunakan-medsos",
        title=title,
        published=wib(2024, 10, 1, 18, 56),
        body=body,
        author=reporter.split(":", 1)[1].strip(),
        editor=editor.split(":", 1)[1].strip(),
        section="Pemerintahan",
        tags=("Pilkada 2024", "ASN", "Diskominfo Belitung"),
        seed="belitong-ekspres-diskominfo-medsos",
        extra={"date_line": date_line},
    )


def seed_trawang(seeds: Path) -> Article:
    lines = seed_lines(seeds, "pemkab-belitung-plh-sekda-netral")
    title, excerpt = lines[0], lines[2]
    body: list[str] = []
    for ln in lines[4:]:
        if NBSP_LINE.match(ln):
            body.append(Raw("<p>&nbsp;</p>"))
        elif ln.strip() and not ln.rstrip().endswith((".", ",", "*", "\u201d", '"')):
            body.append(Raw(f"<p><strong>{esc(ln)}</strong></p>"))  # the editor's crosshead
        elif ln.strip():
            body.append(ln)
    return Article(
        outlet="trawang-news",
        path="/kaitan-pilkada-belitung-2024-pemkab-belitung-menghimbau-asn-untuk-bersikap-netral",
        title=title,
        published=wib(2024, 9, 18, 10, 30),
        body=body,
        author="Trawang News",
        section="Daerah",
        tags=("Pilkada Belitung", "ASN", "Netralitas"),
        seed="pemkab-belitung-plh-sekda-netral",
        summary=excerpt,
    )


def seed_linesnews(seeds: Path, inline_related: str) -> Article:
    lines = seed_lines(seeds, "linesnews-bawaslu-basel-medsos")
    title, caption = lines[0], lines[2]
    end = lines.index("Pos terkait")
    body: list[str] = []
    for ln in lines[4:end]:
        if ln == "Bacaan Lainnya":
            body.append(Raw(inline_related))
        elif ln.strip():
            body.append(ln)
    return Article(
        outlet="linesnews",
        path="/bawaslu-basel-ingatkan-asn-jaga-netralitas-dalam-beraktivitas-di-medsos/",
        title=title,
        published=wib(2023, 12, 1, 8, 12),
        body=body,
        author="Linesnews",
        section="Berita",
        tags=("Bawaslu Basel", "Netralitas ASN", "Pemilu 2024"),
        seed="linesnews-bawaslu-basel-medsos",
        extra={"caption": caption, "comment_title": lines[end + 2], "comment_note": lines[end + 4]},
    )


def syndicated_copy(original: Article) -> Article:
    """Kabar Serumpun republishes the ANTARA Babel story a day later.

    Own URL, dateline and byline; same body, so only content-based de-duplication can tell.
    """
    body = list(original.body)
    body[0] = "Tanjungpandan (Kabar Serumpun/ANTARA) - " + body[0]
    return Article(
        outlet="kabar-serumpun",
        path="/daerah/2023/12/01/sekda-belitung-ingatkan-asn-tak-unggah-foto-bersama-caleg-8812.html",
        title="Sekda Belitung Ingatkan ASN Tak Unggah Foto Bersama Caleg",
        published=original.published + timedelta(days=1, hours=-5, minutes=-15),
        body=body,
        author="Tim Kabar Serumpun",
        editor="Siti Aminah",
        section="Daerah",
        tags=("ASN", "Pemilu 2024"),
        extra={"source": "ANTARA"},
    )
