#!/usr/bin/env python3
"""Regenerate the bundled fixture news site, ``pantau/fixture_site/sites/``.

Usage (from the repository root)::

    python tools/build_fixture_site.py [SEEDS_DIR]          # default: tools/seeds
    python tools/build_fixture_site.py --check              # exit 1 if the committed site is stale (CI)

Why a generator: the six fixture outlets share feed, sitemap, robots and page
scaffolding, and the five real seed articles must appear *verbatim* (with the
junk their real templates wrap around them) on the outlet they came from. The
seed text is read from ``SEEDS_DIR`` and split by a small per-seed recipe into
body paragraphs and junk; each outlet's theme then places the junk where that
site puts it (ANTARA Babel repeats the body, Belitong Ekspres has "BACA JUGA:"
inserts and "Kategori :", LinesNews has "Bacaan Lainnya", "Pos terkait" and a
comment form, …). The other articles are composed here.

The generated files are committed, so an installed ``pantau`` (``pantau demo``,
the test suite) needs neither the seeds nor this script. Absolute URLs in the
files are written as ``__BASE__`` (this outlet) or ``__BASE:<outlet-id>__``
(another outlet); the server substitutes ``http://127.0.0.1:<port>`` when it
serves them, because ports are ephemeral. ``sites/manifest.json`` tells the
server which path serves which file, and which paths are articles.

The six onboarding outlets (served only with ``FixtureSite(onboarding=True)``, for ``pantau outlets
add`` and ``check``) are composed in their own section below, each in another CMS's style.

The output is deterministic: running the script twice gives identical files.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "pantau" / "fixture_site" / "sites"
SEEDS = REPO / "tools" / "seeds"
WIB = timezone(timedelta(hours=7), "WIB")

BODY_END = "<!-- end article body -->"  # replace_article() inserts before this marker
FAULT_LINKS = "<!-- fault-links -->"  # FixtureSite(faults=True) inserts fault links here
FAULT_ITEMS = "<!-- fault-items -->"  # … and fault feed items here

HTML_TYPE = "text/html; charset=utf-8"
XML_TYPE = "application/xml; charset=utf-8"
RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
TEXT_TYPE = "text/plain; charset=utf-8"

ID_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember"]
ID_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def base(outlet: str | None = None) -> str:
    """The URL-origin placeholder the server replaces at serve time."""
    return "__BASE__" if outlet is None else f"__BASE:{outlet}__"


def wib(y: int, mo: int, d: int, h: int, mi: int) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=WIB)


def id_date(dt: datetime, *, clock: bool = True) -> str:
    """'Kamis, 30 November 2023 14:25 WIB' — how Indonesian sites print dates."""
    s = f"{ID_DAYS[dt.weekday()]}, {dt.day} {ID_MONTHS[dt.month - 1]} {dt.year}"
    return f"{s} {dt:%H:%M} WIB" if clock else s


# --------------------------------------------------------------------------------------------------
# Content model
# --------------------------------------------------------------------------------------------------


class Raw(str):
    """A body block that is already HTML (an insert such as "BACA JUGA:"), not a paragraph to escape."""


@dataclass
class Article:
    outlet: str
    path: str  # canonical path
    title: str
    published: datetime
    body: list[str]  # paragraphs (escaped on output) and Raw inserts
    author: str = "Redaksi"
    editor: str = ""
    section: str = "Berita"
    tags: tuple[str, ...] = ()
    lang: str = "id"
    seed: str | None = None
    summary: str = ""
    modified: datetime | None = None
    extra: dict[str, str] = field(default_factory=dict)  # per-seed junk the theme places

    @property
    def url(self) -> str:
        return base() + self.path

    @property
    def lead(self) -> str:
        return self.summary or next(p for p in self.body if not isinstance(p, Raw))[:180]


@dataclass
class Page:
    """Any served file: path, content, content type, and when it last changed (Last-Modified)."""

    path: str
    content: str
    ctype: str
    modified: datetime
    kind: str  # article | amp | listing | feed | sitemap | robots | page | redirect (content: Location)


def body_html(blocks: Iterable[str]) -> str:
    return "\n".join(b if isinstance(b, Raw) else f"<p>{esc(b)}</p>" for b in blocks)


def seed_lines(seeds: Path, seed_id: str) -> list[str]:
    return (seeds / f"{seed_id}.txt").read_text(encoding="utf-8").splitlines()


NBSP_LINE = re.compile(r"^\s*\u00a0\s*$")


# --------------------------------------------------------------------------------------------------
# Seed recipes: seed text -> Article (body verbatim; junk moved into `extra` for the theme)
# --------------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------------
# Composed articles (ordinary local news, a few neutrality stories, one in English)
# --------------------------------------------------------------------------------------------------


def composed() -> list[Article]:
    A = Article
    return [
        # ---- antara-babel -------------------------------------------------------------------------
        A("antara-babel", "/berita/381412/bawaslu-bangka-tengah-awasi-netralitas-kepala-desa-selama-kampanye",
          "Bawaslu Bangka Tengah awasi netralitas kepala desa selama kampanye", wib(2023, 12, 1, 10, 15), [
              "Koba (ANTARA) - Badan Pengawas Pemilu (Bawaslu) Kabupaten Bangka Tengah mengawasi netralitas "
              "kepala desa dan perangkat desa selama masa kampanye Pemilu 2024.",
              "\"Kepala desa dilarang membuat keputusan atau tindakan yang menguntungkan salah satu peserta "
              "pemilu,\" kata Ketua Bawaslu Bangka Tengah Robianto di Koba, Jumat.",
              "Ia mengatakan pengawas desa sudah diminta mencatat setiap kegiatan kampanye yang dihadiri "
              "perangkat desa.",
              "\"Kalau ada temuan, kami klarifikasi dan teruskan ke instansi yang berwenang,\" ujarnya.",
          ], author="Ahmad Riyadi", section="Politik", tags=("Bawaslu", "kepala desa", "Pemilu 2024")),
        A("antara-babel",
          "/berita/381371/harga-lada-putih-di-bangka-belitung-naik-jadi-rp120-ribu-per-kilogram",
          "Harga lada putih di Bangka Belitung naik jadi Rp120 ribu per kilogram", wib(2023, 11, 30, 9, 2), [
              "Pangkalpinang (ANTARA) - Harga lada putih di tingkat petani di Provinsi Kepulauan Bangka "
              "Belitung naik menjadi Rp120 ribu per kilogram dari sebelumnya Rp105 ribu.",
              "Kepala Dinas Pertanian Bangka Belitung Juaidi mengatakan kenaikan harga dipicu berkurangnya "
              "pasokan dari sentra produksi lain.",
              "\"Kami berharap petani tetap menjaga kualitas agar lada Bangka tetap diminati pasar ekspor,\" "
              "katanya di Pangkalpinang, Kamis.",
          ], author="Kasmono", section="Ekonomi", tags=("lada", "petani")),
        A("antara-babel", "/berita/381355/bangka-belitung-tin-exports-rise-in-november",
          "Bangka Belitung tin exports rise in November", wib(2023, 11, 29, 16, 40), [
              "Pangkalpinang, Bangka Belitung (ANTARA) - Tin exports from the Bangka Belitung Islands rose "
              "in November as smelters resumed shipments after a licensing review, the provincial trade "
              "office said on Wednesday.",
              "Shipments reached about 4,200 tonnes, up from 3,100 tonnes in October, according to "
              "preliminary customs data.",
              "\"The recovery is driven by smelters that have completed their work plans and budgets,\" "
              "head of the provincial trade office Asyraf Suryadin said.",
              "Tin remains the province's main export, followed by white pepper and palm oil.",
          ], author="Rustam Effendi", section="English", tags=("tin", "exports"), lang="en"),
        A("antara-babel",
          "/berita/381330/pemkot-pangkalpinang-siapkan-12-lokasi-pemasangan-alat-peraga-kampanye",
          "Pemkot Pangkalpinang siapkan 12 lokasi pemasangan alat peraga kampanye",
          wib(2023, 11, 29, 8, 30), [
              "Pangkalpinang (ANTARA) - Pemerintah Kota Pangkalpinang menyiapkan 12 lokasi khusus untuk "
              "pemasangan alat peraga kampanye Pemilu 2024.",
              "Penjabat Wali Kota Pangkalpinang Lusje Anneke Tabalujan mengatakan alat peraga yang "
              "dipasang di "
              "luar lokasi tersebut akan ditertibkan bersama Bawaslu.",
              "\"Kami ingin kota tetap tertib dan indah selama masa kampanye,\" katanya.",
          ], author="Kasmono", section="Politik", tags=("APK", "Pemilu 2024")),
        A("antara-babel", "/berita/381302/bpbd-bangka-barat-siagakan-personel-hadapi-cuaca-ekstrem",
          "BPBD Bangka Barat siagakan personel hadapi cuaca ekstrem", wib(2023, 11, 28, 13, 0), [
              "Mentok (ANTARA) - Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Bangka Barat "
              "menyiagakan 40 personel untuk mengantisipasi cuaca ekstrem pada akhir tahun.",
              "Kepala Pelaksana BPBD Bangka Barat Muhammad Nursyafari mengatakan potensi angin kencang dan "
              "banjir rob meningkat pada Desember.",
              "Warga di pesisir diminta mewaspadai gelombang tinggi dan tidak melaut saat cuaca buruk.",
          ], author="Donatus Dasapurna", section="Bangka Belitung", tags=("BPBD", "cuaca")),
        # ---- antara-bengkulu ----------------------------------------------------------------------
        A("antara-bengkulu", "/berita/370141/kpu-bengkulu-tetapkan-daftar-pemilih-tetap-pilkada-2024",
          "KPU Bengkulu tetapkan daftar pemilih tetap Pilkada 2024", wib(2024, 10, 1, 11, 20), [
              "Bengkulu (ANTARA) - Komisi Pemilihan Umum (KPU) Provinsi Bengkulu menetapkan 1.496.000 "
              "pemilih "
              "dalam daftar pemilih tetap (DPT) Pilkada Serentak 2024.",
              "\"Penetapan ini sudah melalui pencocokan dan penelitian di seluruh kabupaten dan kota,\" kata "
              "Ketua KPU Bengkulu Rusman Sudarsono di Bengkulu, Selasa.",
              "Ia mengatakan pemilih yang belum terdaftar masih dapat menggunakan KTP elektronik pada hari "
              "pemungutan suara.",
          ], author="Anggi Mayasari", section="Politik", tags=("KPU", "DPT", "Pilkada 2024")),
        A("antara-bengkulu", "/berita/370102/pemkot-bengkulu-tertibkan-apk-yang-dipasang-di-pohon",
          "Pemkot Bengkulu tertibkan APK yang dipasang di pohon", wib(2024, 9, 30, 9, 45), [
              "Bengkulu (ANTARA) - Satuan Polisi Pamong Praja Kota Bengkulu menertibkan puluhan alat peraga "
              "kampanye yang dipasang di pohon dan tiang listrik.",
              "Kepala Satpol PP Kota Bengkulu Sahat Marulitua Situmorang mengatakan penertiban dilakukan "
              "bersama Bawaslu dan tim pasangan calon.",
              "\"Pemasangan di pohon merusak lingkungan dan melanggar peraturan daerah,\" ujarnya.",
          ], author="Boyke Ledy Watra", section="Politik", tags=("APK", "Satpol PP")),
        A("antara-bengkulu", "/berita/370088/nelayan-bengkulu-keluhkan-cuaca-buruk-dua-pekan-tidak-melaut",
          "Nelayan Bengkulu keluhkan cuaca buruk, dua pekan tidak melaut", wib(2024, 9, 29, 15, 10), [
              "Bengkulu (ANTARA) - Ratusan nelayan tradisional di Kota Bengkulu tidak melaut selama dua "
              "pekan "
              "terakhir karena gelombang tinggi.",
              "Ketua Himpunan Nelayan Kota Bengkulu Joni mengatakan para nelayan berharap ada bantuan beras "
              "dari pemerintah daerah.",
          ], author="Anggi Mayasari", section="Ekonomi", tags=("nelayan", "cuaca")),
        # ---- belitong-ekspres (titles are the seed's BACA JUGA targets) -------------------------------
        A("belitong-ekspres",
          "/read/7410/puting-beliung-terjang-kecamatan-membalong-bpbd-belitung-catat-kerusakan-10-bangunan",
          "Puting Beliung Terjang Kecamatan Membalong, BPBD Belitung Catat Kerusakan 10 Bangunan",
          wib(2024, 9, 30, 16, 5), [
              "MEMBALONG, BELITONGEKSPRES.COM - Angin puting beliung merusak sepuluh bangunan di Kecamatan "
              "Membalong, Kabupaten Belitung, Minggu sore.",
              "Kepala Pelaksana BPBD Belitung Marzuki mengatakan tidak ada korban jiwa dalam kejadian itu.",
              "\"Tim kami sudah mendata kerusakan dan menyalurkan bantuan terpal,\" kata Marzuki.",
          ], author="Dodi Pratama", editor="Yudiansyah", section="Peristiwa", tags=("BPBD", "bencana")),
        A("belitong-ekspres",
          "/read/7398/17573-pernikahan-di-belitung-belum-tercatat-disdukcapil-jelaskan-dampaknya",
          "17.573 Pernikahan di Belitung Belum Tercatat, Disdukcapil Jelaskan Dampaknya",
          wib(2024, 9, 28, 14, 30), [
              "TANJUNGPANDAN, BELITONGEKSPRES.COM - Sebanyak 17.573 pasangan di Kabupaten Belitung belum "
              "mencatatkan pernikahannya di kartu keluarga.",
              "Kepala Disdukcapil Belitung Ary Wijaya mengatakan pernikahan yang tidak tercatat menyulitkan "
              "pengurusan akta kelahiran anak.",
              "\"Kami buka layanan jemput bola di setiap desa,\" ujarnya.",
          ], author="Dodi Pratama", editor="Yudiansyah", section="Pemerintahan", tags=("Disdukcapil",)),
        A("belitong-ekspres",
          "/read/7380/hadiri-deklarasi-damai-pj-bupati-belitung-berharap-pilkada-2024-aman-dan-lancar",
          "Hadiri Deklarasi Damai, Pj Bupati Belitung Berharap Pilkada 2024 Aman dan Lancar",
          wib(2024, 9, 25, 20, 15), [
              "TANJUNGPANDAN, BELITONGEKSPRES.COM - Penjabat Bupati Belitung Mikron Antariksa menghadiri "
              "deklarasi kampanye damai Pilkada 2024 di Tanjungpandan.",
              "\"Saya minta seluruh ASN menjaga netralitas dan tidak ikut berkampanye,\" kata Mikron.",
              "Ia berharap seluruh pasangan calon menjaga suasana damai hingga pemungutan suara.",
          ], author="Yudiansyah", editor="Yudiansyah", section="Pemerintahan", tags=("Pilkada 2024", "ASN")),
        A("belitong-ekspres",
          "/read/7371/nama-kepala-dpupr-belitung-edi-usdianto-dicatut-otd-masyarakat-diminta-waspada",
          "Nama Kepala DPUPR Belitung Edi Usdianto Dicatut OTD, Masyarakat Diminta Waspada",
          wib(2024, 9, 24, 11, 40), [
              "TANJUNGPANDAN, BELITONGEKSPRES.COM - Nama Kepala Dinas PUPR Belitung Edi Usdianto dicatut "
              "orang tidak dikenal untuk meminta uang melalui aplikasi pesan.",
              "\"Saya tidak pernah meminta uang kepada siapa pun. Jangan ditanggapi,\" kata Edi.",
          ], author="Dodi Pratama", editor="Yudiansyah", section="Pemerintahan", tags=("penipuan",)),
        # ---- trawang-news -------------------------------------------------------------------------
        A("trawang-news", "/dua-kepala-desa-di-belitung-dilaporkan-ke-bawaslu-karena-dukung-paslon",
          "Dua Kepala Desa di Belitung Dilaporkan ke Bawaslu karena Dukung Paslon", wib(2024, 9, 20, 15, 0), [
              "TANJUNGPANDAN: Dua kepala desa di Kabupaten Belitung dilaporkan ke Bawaslu karena diduga "
              "mendukung salah satu pasangan calon Pilkada 2024 melalui media sosial.",
              "Ketua Bawaslu Belitung Heikal Fikri mengatakan laporan itu disertai tangkapan layar unggahan "
              "kedua kepala desa.",
              "\u201cKami sedang mengumpulkan keterangan. Jika terbukti, rekomendasinya kami teruskan ke "
              "bupati,\u201d ujar Heikal.",
              "Ia mengingatkan kepala desa, perangkat desa dan ASN untuk tidak menunjukkan keberpihakan.",
          ], author="Trawang News", section="Daerah", tags=("Bawaslu", "Kepala Desa")),
        A("trawang-news", "/pj-bupati-belitung-tinjau-gudang-logistik-pilkada-2024",
          "Pj Bupati Belitung Tinjau Gudang Logistik Pilkada 2024", wib(2024, 9, 17, 9, 0), [
              "TANJUNGPANDAN: Penjabat Bupati Belitung Mikron Antariksa meninjau gudang logistik KPU "
              "Belitung "
              "untuk memastikan kesiapan Pilkada 2024.",
              "\u201cGudang harus aman dari banjir dan dijaga 24 jam,\u201d kata Mikron.",
          ], author="Trawang News", section="Daerah", tags=("KPU", "Logistik")),
        A("trawang-news", "/festival-maras-taun-2024-ramaikan-tanjungpandan",
          "Festival Maras Taun 2024 Ramaikan Tanjungpandan", wib(2024, 9, 15, 19, 30), [
              "TANJUNGPANDAN: Ribuan warga memadati Festival Maras Taun 2024 di Tanjungpandan, tradisi "
              "syukur "
              "panen masyarakat Belitung.",
              "Festival ini menampilkan tari tradisional, lomba perahu dan bazar produk UMKM.",
          ], author="Trawang News", section="Budaya", tags=("Budaya",)),
        # ---- linesnews ----------------------------------------------------------------------------
        A("linesnews", "/pj-bupati-bangka-selatan-minta-kades-tidak-ikut-kampanye/",
          "Pj Bupati Bangka Selatan Minta Kades Tidak Ikut Kampanye", wib(2023, 12, 2, 9, 30), [
              "TOBOALI, LINESNEWS \u2013 Penjabat Bupati Bangka Selatan Sugianto meminta seluruh kepala desa "
              "tidak ikut kampanye peserta Pemilu 2024.",
              "\u201cKepala desa adalah pelayan seluruh warga. Jangan sampai ada yang merasa dibeda-bedakan "
              "karena pilihan politiknya,\u201d kata Sugianto di Toboali, Sabtu (2/12/2023).",
              "Ia juga meminta camat mengawasi netralitas perangkat desa di wilayah masing-masing.",
          ], author="Linesnews", tags=("Kepala Desa", "Netralitas")),
        A("linesnews", "/harga-cabai-di-toboali-turun-jelang-akhir-tahun/",
          "Harga Cabai di Toboali Turun Jelang Akhir Tahun", wib(2023, 11, 30, 13, 0), [
              "TOBOALI, LINESNEWS \u2013 Harga cabai rawit di Pasar Toboali turun menjadi Rp45 ribu per "
              "kilogram.",
              "Pedagang menyebut pasokan dari Pulau Jawa kembali lancar setelah cuaca membaik.",
          ], author="Linesnews", tags=("Harga",)),
        A("linesnews", "/pemuda-toboali-gelar-turnamen-sepak-bola-antar-desa/",
          "Pemuda Toboali Gelar Turnamen Sepak Bola Antar Desa", wib(2023, 11, 29, 16, 20), [
              "TOBOALI, LINESNEWS \u2013 Karang taruna Toboali menggelar turnamen sepak bola antardesa yang "
              "diikuti 16 tim.",
              "Turnamen berlangsung hingga pertengahan Desember di Lapangan Merdeka Toboali.",
          ], author="Linesnews", tags=("Olahraga",)),
        A("linesnews", "/kpu-bangka-selatan-rekrut-petugas-kpps-untuk-pemilu-2024/",
          "KPU Bangka Selatan Rekrut Petugas KPPS untuk Pemilu 2024", wib(2023, 11, 28, 10, 0), [
              "TOBOALI, LINESNEWS \u2013 KPU Bangka Selatan membuka pendaftaran petugas KPPS untuk 620 TPS.",
              "\u201cPelamar tidak boleh anggota partai politik dan harus netral,\u201d kata Ketua KPU "
              "Bangka "
              "Selatan Amrullah.",
          ], author="Linesnews", tags=("KPU", "KPPS")),
        A("linesnews", "/dinkes-bangka-selatan-imbau-warga-waspada-demam-berdarah/",
          "Dinkes Bangka Selatan Imbau Warga Waspada Demam Berdarah", wib(2023, 11, 27, 8, 45), [
              "TOBOALI, LINESNEWS \u2013 Dinas Kesehatan Bangka Selatan mengimbau warga melakukan 3M untuk "
              "mencegah demam berdarah pada musim hujan.",
              "Sepanjang November tercatat 23 kasus demam berdarah di kabupaten itu.",
          ], author="Linesnews", tags=("Kesehatan",)),
        # ---- kabar-serumpun (distractor outlet; the syndicated copy is added by syndicated_copy()) ------
        A("kabar-serumpun",
          "/daerah/2023/12/02/asn-pemprov-babel-diingatkan-tidak-hadiri-deklarasi-caleg-8830.html",
          "ASN Pemprov Babel Diingatkan Tidak Hadiri Deklarasi Caleg", wib(2023, 12, 2, 8, 0), [
              "Pangkalpinang (Kabar Serumpun) - Badan Kepegawaian Daerah Provinsi Kepulauan Bangka Belitung "
              "mengingatkan ASN agar tidak menghadiri deklarasi calon anggota legislatif.",
              "\"Hadir saja sudah bisa dimaknai sebagai dukungan, jadi hindari,\" kata Kepala BKD Babel "
              "Ferry Insani.",
          ], author="Rudi Hartawan", section="Daerah", tags=("ASN", "netralitas")),
        A("kabar-serumpun",
          "/daerah/2023/11/30/warga-pangkalpinang-keluhkan-jalan-rusak-di-selindung-8790.html",
          "Warga Pangkalpinang Keluhkan Jalan Rusak di Selindung", wib(2023, 11, 30, 11, 0), [
              "Pangkalpinang (Kabar Serumpun) - Warga Kelurahan Selindung mengeluhkan jalan berlubang yang "
              "belum diperbaiki sejak awal tahun.",
              "Dinas PUPR Pangkalpinang menyatakan perbaikan dijadwalkan pada anggaran perubahan.",
          ], author="Rudi Hartawan", section="Daerah", tags=("infrastruktur",)),
        A("kabar-serumpun", "/daerah/2023/11/29/dispar-babel-targetkan-500-ribu-wisatawan-8771.html",
          "Dispar Babel Targetkan 500 Ribu Wisatawan", wib(2023, 11, 29, 14, 0), [
              "Pangkalpinang (Kabar Serumpun) - Dinas Pariwisata Bangka Belitung menargetkan 500 ribu "
              "kunjungan wisatawan pada 2024.",
              "Promosi difokuskan pada Geopark Belitong dan wisata bahari Bangka Selatan.",
          ], author="Siti Aminah", section="Daerah", tags=("pariwisata",)),
    ]


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


# --------------------------------------------------------------------------------------------------
# Shared generators: feeds, sitemaps, robots
# --------------------------------------------------------------------------------------------------


def rss(title: str, home: str, feed_path: str, items: Sequence[Article], *, wordpress: bool) -> str:
    built = max(a.modified or a.published for a in items)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/">',
        "<channel>",
        f"<title>{esc(title)}</title>",
        f'<atom:link href="{base()}{esc(feed_path)}" rel="self" type="application/rss+xml" />',
        f"<link>{base()}{home}</link>",
        f"<description>Berita terkini {esc(title)}</description>",
        f"<lastBuildDate>{format_datetime(built)}</lastBuildDate>",
        "<language>id-ID</language>",
    ]
    if wordpress:
        out.append("<generator>https://wordpress.org/?v=6.4.2</generator>")
    for a in items:
        out += [
            "<item>",
            f"<title>{esc(a.title)}</title>",
            f"<link>{a.url}</link>",
            f"<dc:creator><![CDATA[{a.author}]]></dc:creator>",
            f"<pubDate>{format_datetime(a.published)}</pubDate>",
            f"<category><![CDATA[{a.section}]]></category>",
            f'<guid isPermaLink="{"false" if wordpress else "true"}">'
            f"{base() + '/?p=' + str(abs(hash_path(a.path)) % 90000 + 10000) if wordpress else a.url}</guid>",
            f"<description><![CDATA[{a.lead} [&#8230;]]]></description>",
            "</item>",
        ]
    out += [FAULT_ITEMS, "</channel>", "</rss>", ""]
    return "\n".join(out)


def atom(title: str, feed_path: str, items: Sequence[Article]) -> str:
    updated = max(a.modified or a.published for a in items)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">',
        f"<title>{esc(title)}</title>",
        f'<link href="{base()}{esc(feed_path)}" rel="self"/>',
        f'<link href="{base()}/"/>',
        f"<id>{base()}/</id>",
        f"<updated>{updated.isoformat()}</updated>",
    ]
    for a in items:
        out += [
            "<entry>",
            f"<title>{esc(a.title)}</title>",
            f'<link href="{a.url}"/>',
            f"<id>{a.url}</id>",
            f"<published>{a.published.isoformat()}</published>",
            f"<updated>{(a.modified or a.published).isoformat()}</updated>",
            f"<author><name>{esc(a.author)}</name></author>",
            f"<summary>{esc(a.lead)}</summary>",
            "</entry>",
        ]
    out += ["</feed>", ""]
    return "\n".join(out)


def hash_path(path: str) -> int:
    """A stable small number per path (Python's hash() is salted per process)."""
    return sum((i + 1) * ord(c) for i, c in enumerate(path))


def sitemap_index(children: Sequence[tuple[str, datetime]]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for path, mod in children:
        out.append(f"<sitemap><loc>{base()}{path}</loc><lastmod>{mod.isoformat()}</lastmod></sitemap>")
    out += ["</sitemapindex>", ""]
    return "\n".join(out)


def news_sitemap(site_name: str, items: Sequence[Article]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">']
    for a in items:
        out.append(
            f"<url><loc>{a.url}</loc><lastmod>{(a.modified or a.published).isoformat()}</lastmod>"
            f"<news:news><news:publication><news:name>{esc(site_name)}</news:name>"
            f"<news:language>{a.lang}</news:language></news:publication>"
            f"<news:publication_date>{a.published.isoformat()}</news:publication_date>"
            f"<news:title>{esc(a.title)}</news:title></news:news></url>"
        )
    out += ["</urlset>", ""]
    return "\n".join(out)


def page_sitemap(paths: Sequence[str], mod: datetime) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    out += [f"<url><loc>{base()}{p}</loc><lastmod>{mod.isoformat()}</lastmod></url>" for p in paths]
    out += ["</urlset>", ""]
    return "\n".join(out)


def robots(disallow: Sequence[str], sitemap: str) -> str:
    lines = ["User-agent: *"] + [f"Disallow: {p}" for p in disallow]
    lines += ["Allow: /", "", "User-agent: GPTBot", "Disallow: /", "", f"Sitemap: {base()}{sitemap}", ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------
# Themes: one per outlet, in that outlet's real markup style
# --------------------------------------------------------------------------------------------------


@dataclass
class Link:
    href: str
    text: str


class Theme:
    """Page scaffolding shared by all outlets; subclasses supply the outlet's own markup."""

    outlet = ""
    name = ""
    lang = "id"
    zone = "offset"  # how article:published_time is written: offset | naive | utc
    nav: tuple[Link, ...] = ()
    body_class = ""
    feed_path: str | None = None
    feed_type = RSS_TYPE

    def fmt_time(self, dt: datetime) -> str:
        if self.zone == "naive":
            return dt.replace(tzinfo=None).isoformat()
        if self.zone == "utc":
            return dt.astimezone(UTC).isoformat()
        return dt.isoformat()

    def head(self, title: str, canonical: str, extra: str = "") -> str:
        feed = (f'<link rel="alternate" type="{self.feed_type.split(";")[0]}" title="{esc(self.name)} Feed" '
                f'href="{base()}{self.feed_path}">') if self.feed_path else ""
        return (
            '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)}</title>\n"
            f'<link rel="canonical" href="{canonical}">\n{feed}\n'
            '<link rel="stylesheet" href="/assets/css/style.min.css">\n'
            '<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX"></script>\n'
            f"{extra}"
        )

    def header(self) -> str:
        items = "".join(f'<li><a href="{ln.href}">{esc(ln.text)}</a></li>' for ln in self.nav)
        return (f'<header class="site-header"><div class="logo"><a href="{base()}/">'
                f'{esc(self.name)}</a></div>'
                f'<nav class="main-nav"><ul>{items}</ul></nav>'
                '<form class="search" action="/search"><input name="q" placeholder="Cari berita"></form>'
                '</header>')

    def footer(self) -> str:
        return (f'<footer class="site-footer"><p>&copy; 2024 {esc(self.name)}. Hak cipta dilindungi '
                'undang-undang.</p><ul><li><a href="/tentang-kami">Tentang Kami</a></li>'
                '<li><a href="/pedoman-media-siber">Pedoman Media Siber</a></li></ul></footer>')

    def document(self, title: str, canonical: str, main: str, *, head_extra: str = "") -> str:
        return (
            f'<!DOCTYPE html>\n<html lang="{self.lang}">\n<head>\n{self.head(title, canonical, head_extra)}'
            f'</head>\n<body class="{self.body_class}">\n{self.header()}\n<main id="main">\n{main}\n</main>\n'
            f'{self.footer()}\n<script src="/assets/js/app.min.js"></script>\n</body>\n</html>\n'
        )

    def meta(self, a: Article, *, amp: str | None) -> str:
        mod = a.modified or a.published
        lines = [
            f'<meta name="description" content="{esc(a.lead)}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:title" content="{esc(a.title)}">',
            f'<meta property="og:url" content="{a.url}">',
            f'<meta property="og:site_name" content="{esc(self.name)}">',
            f'<meta property="og:description" content="{esc(a.lead)}">',
            f'<meta property="og:image" content="{base()}/assets/img/{hash_path(a.path)}.jpg">',
            f'<meta property="article:published_time" content="{self.fmt_time(a.published)}">',
            f'<meta property="article:modified_time" content="{self.fmt_time(mod)}">',
            f'<meta property="article:section" content="{esc(a.section)}">',
        ]
        lines += [f'<meta property="article:tag" content="{esc(t)}">' for t in a.tags]
        if amp:
            lines.append(f'<link rel="amphtml" href="{base()}{amp}">')
        return "\n".join(lines) + "\n"

    def jsonld(self, a: Article) -> str:
        data = {
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
            "mainEntityOfPage": {"@type": "WebPage", "@id": a.url},
            "datePublished": a.published.isoformat(), "dateModified": (a.modified or a.published).isoformat(),
            "author": {"@type": "Person", "name": a.author}, "inLanguage": a.lang,
            "publisher": {"@type": "Organization", "name": self.name},
        }
        return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>\n'

    def share(self, a: Article) -> str:
        return ('<div class="share-bar"><span>Bagikan:</span>'
                f'<a href="https://www.facebook.com/sharer/sharer.php?u={a.url}">Facebook</a>'
                f'<a href="https://twitter.com/intent/tweet?url={a.url}">X</a>'
                f'<a href="https://api.whatsapp.com/send?text={a.url}">WhatsApp</a>'
                '<a href="#" class="copy-link">Salin tautan</a></div>')

    def related(self, others: Sequence[Article], heading: str) -> str:
        items = "".join(f'<li><a href="{o.url}">{esc(o.title)}</a></li>' for o in others)
        return f'<section class="related"><h3>{esc(heading)}</h3><ul>{items}</ul></section>'

    def amp_page(self, a: Article) -> str:
        return (
            f'<!doctype html>\n<html amp lang="{a.lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(a.title)} - {esc(self.name)}</title>\n"
            f'<link rel="canonical" href="{a.url}">\n'
            '<meta name="viewport" content="width=device-width">\n'
            '<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
            f"{self.meta(a, amp=None)}</head>\n<body>\n"
            f'<header class="amp-header"><a href="{base()}/">{esc(self.name)}</a></header>\n'
            f'<article><h1>{esc(a.title)}</h1>\n<div class="amp-date">{id_date(a.published)}</div>\n'
            f'<div class="amp-content">\n{body_html(a.body)}\n{BODY_END}\n</div></article>\n'
            f'<footer class="amp-footer">&copy; {esc(self.name)}</footer>\n</body>\n</html>\n'
        )

    # -- per-outlet hooks --------------------------------------------------------------------------
    def amp_path(self, a: Article) -> str | None:
        return None

    def article(self, a: Article, others: Sequence[Article]) -> str:
        raise NotImplementedError

    def listing(self, title: str, items: Sequence[Article], extra_links: Sequence[Link],
                page: int, pages: int, page_url: Callable[[int], str]) -> str:
        cards = "\n".join(
            f'<article class="card"><h2 class="card-title"><a href="{a.url}">{esc(a.title)}</a></h2>'
            f'<time datetime="{a.published.isoformat()}">{id_date(a.published)}</time>'
            f'<p class="card-excerpt">{esc(a.lead)}</p></article>'
            for a in items
        )
        extra = "".join(f'<li><a href="{ln.href}">{esc(ln.text)}</a></li>' for ln in extra_links)
        numbers = "".join(
            f'<li class="{"active" if n == page else ""}"><a href="{page_url(n)}">{n}</a></li>'
            for n in range(1, pages + 1)
        )
        prev_link = (f'<a class="prev" rel="prev" href="{page_url(page - 1)}">&laquo; Sebelumnya</a>'
                     if page > 1 else "")
        next_link = f'<a class="next" rel="next" href="{page_url(page + 1)}">Selanjutnya &raquo;</a>' \
            if page < pages else ""
        head_links = (f'<link rel="prev" href="{page_url(page - 1)}">\n' if page > 1 else "") + (
            f'<link rel="next" href="{page_url(page + 1)}">\n' if page < pages else "")
        main = (f'<h1 class="page-title">{esc(title)}</h1>\n<div class="article-list">\n{cards}\n'
                f"{FAULT_LINKS if page == 1 else ''}\n</div>\n"
                f'<nav class="pagination">{prev_link}<ul>{numbers}</ul>{next_link}</nav>\n'
                f'<aside class="sidebar"><h3>Lainnya</h3><ul>{extra}</ul></aside>')
        canonical = page_url(page)
        return self.document(f"{title} - {self.name}", canonical, main, head_extra=head_links)

    def home(self, items: Sequence[Article], headline_href: str, extra_links: Sequence[Link]) -> str:
        first, rest = items[0], items[1:]
        cards = "".join(f'<li><a href="{a.url}">{esc(a.title)}</a> <time>{id_date(a.published)}</time></li>'
                        for a in rest)
        extra = "".join(f'<li><a href="{ln.href}">{esc(ln.text)}</a></li>' for ln in extra_links)
        main = (f'<section class="headline"><h2><a href="{headline_href}">{esc(first.title)}</a></h2>'
                f"<p>{esc(first.lead)}</p></section>\n"
                f'<section class="latest"><h3>Berita Terkini</h3><ul>{cards}</ul></section>\n'
                f'<section class="more"><ul>{extra}</ul></section>')
        return self.document(f"{self.name} - Berita Terkini", f"{base()}/", main)

    def simple(self, title: str, path: str, text: str) -> str:
        return self.document(f"{title} - {self.name}", base() + path,
                             f'<div class="static-page"><h1>{esc(title)}</h1>\n<p>{esc(text)}</p></div>')


class AntaraTheme(Theme):
    body_class = "antara wrap-page"
    feed_path = "/rss/terkini.xml"

    def __init__(self, outlet: str, name: str, zone: str) -> None:
        self.outlet, self.name, self.zone = outlet, name, zone
        self.nav = (Link("/terkini", "Terkini"), Link("/politik", "Politik"), Link("/ekonomi", "Ekonomi"),
                    Link("/english", "English"), Link("/indeks", "Indeks"))

    def amp_path(self, a: Article) -> str | None:
        return "/amp" + a.path

    def article(self, a: Article, others: Sequence[Article]) -> str:
        copyright_line = a.extra.get("copyright", f"COPYRIGHT \u00a9 {self.name} {a.published.year}")
        parts = [
            '<div class="wrap__article-detail">',
            '<ul class="breadcrumb"><li><a href="/">Beranda</a></li>'
            f'<li><a href="/{a.section.lower().replace(" ", "-")}">{esc(a.section)}</a></li></ul>',
            f'<h1 class="wrap__article-detail-title">{esc(a.title)}</h1>',
            '<ul class="list-inline"><li><span><i class="fa fa-clock-o"></i> '
            f'{id_date(a.published)}</span></li></ul>',
            self.share(a),
            f'<figure class="image-overlay"><img src="/assets/img/{hash_path(a.path)}.jpg" '
            f'alt="{esc(a.title)}">'
            f"<figcaption>{esc(a.title)} (ANTARA/HO)</figcaption></figure>",
        ]
        if "card_date" in a.extra:  # ANTARA Bengkulu's share card: headline, date, view counter
            parts.append(f'<div class="quote-share"><h2 class="quote-title">{esc(a.title)}</h2>'
                         f'<span class="quote-date">{esc(a.extra["card_date"])}</span> '
                         f'<span class="quote-views">{esc(a.extra["views"])}</span></div>')
        parts += [
            '<div class="wrap__article-detail-content post-content">',
            body_html(a.body[:2]),
            '<p class="baca-juga"><span class="baca-juga__title">Baca juga:</span> '
            f'<a href="{others[0].url}">{esc(others[0].title)}</a></p>' if len(a.body) > 3 else "",
            body_html(a.body[2:]),
            BODY_END,
            f'<p class="text-muted mt-2 small">Pewarta: {esc(a.author)}<br>'
            f'Editor: {esc(a.editor or "Redaksi")}'
            f"<br>{esc(copyright_line)}</p>",
            "</div>",
            '<div class="tags-wrapper"><ul class="tags">'
            + "".join(f'<li><a href="/tag/{t.lower().replace(" ", "-")}">{esc(t)}</a></li>' for t in a.tags)
            + "</ul></div>",
        ]
        if "repeat" in a.extra:  # the Babel template ships a second copy of the body for read-aloud
            repeat = json.loads(a.extra["repeat"])
            parts.append('<div class="tts-content d-none" data-tts="article">' + body_html(repeat)
                         + f'<p class="text-muted mt-2 small">{esc(copyright_line)}</p></div>')
        parts += [self.related(others[:3], "Berita Terkait"), "</div>"]
        head = self.meta(a, amp=self.amp_path(a)) + (self.jsonld(a) if self.outlet == "antara-babel" else "")
        return self.document(f"{a.title} - {self.name}", a.url, "\n".join(parts), head_extra=head)


class BacakoranTheme(Theme):
    outlet, name, zone = "belitong-ekspres", "Belitong Ekspres", "offset"
    body_class = "bacakoran detail"
    nav = (Link("/kategori/pemerintahan", "Pemerintahan"), Link("/kategori/politik", "Politik"),
           Link("/kategori/peristiwa", "Peristiwa"), Link("/indeks-berita", "Indeks"))

    def amp_path(self, a: Article) -> str | None:
        return a.path.replace("/read/", "/amp/", 1)

    def article(self, a: Article, others: Sequence[Article]) -> str:
        default_date = f"{ID_DAYS[a.published.weekday()]} {a.published:%d %b %Y - %H:%M} WIB"
        date_line = a.extra.get("date_line", default_date)
        main = "\n".join([
            '<div class="detail-wrap">',
            f'<h1 class="detail-title">{esc(a.title)}</h1>',
            f'<div class="detail-date">{esc(date_line)}</div>',
            '<div class="detail-author"><span>Reporter : '
            f'<a href="/author/{a.author.lower().replace(" ", "-")}">'
            f'{esc(a.author)}</a></span><br><span>Editor : {esc(a.editor or a.author)}</span></div>',
            self.share(a),
            f'<div class="detail-img"><img src="/assets/img/{hash_path(a.path)}.jpg" alt="">'
            '<span class="caption">Ilustrasi. Foto: Belitong Ekspres</span></div>',
            f'<div class="entry-content detail-content">\n{body_html(a.body)}\n{BODY_END}\n</div>',
            '<div class="tag-kategori"><span>Kategori :</span><ul>'
            f'<li><a href="/kategori/{a.section.lower()}"></a></li></ul></div>',
            '<div class="tag-list"><span>Tag</span>'
            + "".join(f'<a href="/tag/{t.lower().replace(" ", "-")}">#{esc(t)}</a>' for t in a.tags)
            + "</div>",
            self.related(others[:4], "Berita Terkait"),
            "</div>",
        ])
        head = self.meta(a, amp=self.amp_path(a)) + self.jsonld(a)
        return self.document(f"{a.title} - {self.name}", a.url, main, head_extra=head)


class WordPressTheme(Theme):
    """Trawang News and LinesNews: WordPress themes (Yoast meta, comment form, related posts)."""

    feed_path = "/feed/"

    def __init__(self, outlet: str, name: str, zone: str, nav: tuple[Link, ...]) -> None:
        self.outlet, self.name, self.zone, self.nav = outlet, name, zone, nav
        self.body_class = "post-template-default single single-post wp-theme"

    def amp_path(self, a: Article) -> str | None:
        return a.path.rstrip("/") + "/amp/"

    def footer(self) -> str:
        return (f'<footer class="site-footer"><div class="footer-widgets"><h4>Tentang {esc(self.name)}</h4>'
                '<p>Media siber lokal Bangka Belitung.</p></div><p class="copyright">Copyright &copy; 2024 '
                f'{esc(self.name)}. All Rights Reserved.</p>'
                '<ul><li><a href="/tentang-kami/">Tentang Kami</a></li>'
                '<li><a href="/wp-login.php">Masuk</a></li></ul></footer>')

    def article(self, a: Article, others: Sequence[Article]) -> str:
        caption = a.extra.get("caption", "")
        figure = (f'<figure class="wp-caption"><img src="/wp-content/uploads/{hash_path(a.path)}.jpg" alt="">'
                  f'<figcaption class="wp-caption-text">{esc(caption)}</figcaption></figure>'
                  ) if caption else ""
        excerpt = f'<p class="td-post-sub-title">{esc(a.summary)}</p>' if a.summary else ""
        comment_title = a.extra.get("comment_title", "Tinggalkan Balasan")
        comment_note = a.extra.get("comment_note",
                                   "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *")
        main = "\n".join([
            f'<article id="post-{hash_path(a.path)}" class="post type-post status-publish">',
            '<header class="entry-header">',
            f'<span class="cat-links"><a href="/category/{a.section.lower()}/" rel="category tag">'
            f'{esc(a.section)}</a></span>',
            f'<h1 class="entry-title">{esc(a.title)}</h1>',
            excerpt,
            '<div class="entry-meta"><span class="byline">Oleh '
            f'<a href="/author/{a.author.lower().replace(" ", "-")}/">'
            f'{esc(a.author)}</a></span> '
            f'<time class="entry-date published" datetime="{a.published.isoformat()}">'
            f"{id_date(a.published)}</time></div>",
            "</header>",
            self.share(a),
            figure,
            f'<div class="entry-content td-post-content">\n{body_html(a.body)}\n{BODY_END}\n</div>',
            '<footer class="entry-footer"><span class="tags-links">Tag: '
            + ", ".join(f'<a href="/tag/{t.lower().replace(" ", "-")}/" rel="tag">{esc(t)}</a>'
                        for t in a.tags)
            + "</span></footer>",
            "</article>",
            self.related(others[:3], "Pos terkait"),
            '<div id="comments" class="comments-area"><div id="respond" class="comment-respond">'
            f'<h3 id="reply-title" class="comment-reply-title">{esc(comment_title)}</h3>'
            '<form action="/wp-comments-post.php" method="post" id="commentform">'
            f'<p class="comment-notes"><span id="email-notes">{esc(comment_note)}</span></p>'
            '<p class="comment-form-comment"><label for="comment">Komentar</label>'
            '<textarea id="comment" name="comment"></textarea></p>'
            '<p class="comment-form-author"><label for="author">Nama *</label>'
            '<input id="author" name="author"></p>'
            '<p class="comment-form-email"><label for="email">Email *</label>'
            '<input id="email" name="email"></p>'
            '<p class="form-submit"><input type="submit" value="Kirim Komentar"></p></form></div></div>',
        ])
        head = self.meta(a, amp=self.amp_path(a)) + (self.jsonld(a) if self.outlet == "trawang-news" else "")
        return self.document(f"{a.title} - {self.name}", a.url, main, head_extra=head)


class SerumpunTheme(Theme):
    outlet, name, zone = "kabar-serumpun", "Kabar Serumpun", "naive"
    body_class = "ks-site"
    feed_path, feed_type = "/feed.atom", ATOM_TYPE
    nav = (Link("/daerah", "Daerah"), Link("/nasional", "Nasional"), Link("/redaksi", "Redaksi"))

    def article(self, a: Article, others: Sequence[Article]) -> str:
        source = a.extra.get("source")
        credit = f'<p class="ks-source">Sumber: {esc(source)}</p>' if source else ""
        main = "\n".join([
            '<div class="ks-article">',
            f'<div class="ks-kicker">{esc(a.section)}</div>',
            f'<h1 class="ks-title">{esc(a.title)}</h1>',
            f'<div class="ks-meta">Penulis: {esc(a.author)} | Editor: {esc(a.editor or a.author)} | '
            f"{id_date(a.published)}</div>",
            f'<div class="ks-body">\n{body_html(a.body)}\n{BODY_END}\n</div>',
            credit,
            self.share(a),
            self.related(others[:3], "Baca Juga"),
            "</div>",
        ])
        return self.document(f"{a.title} | {self.name}", a.url, main, head_extra=self.meta(a, amp=None))


# --------------------------------------------------------------------------------------------------
# Outlets: articles, listings, discovery sources, distractors
# --------------------------------------------------------------------------------------------------


@dataclass
class OutletSpec:
    id: str
    name: str
    theme: Theme
    article_pattern: str  # regex for the URL *path*; the server prefixes the running origin
    region: dict[str, str | None]
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)
    max_listing_pages: int = 3
    per_page: int = 2
    feed_items: int = 4
    page_url: Callable[[str, int], str] = field(default=lambda root, n: path_page(root, n))
    distractors: dict[str, str] = field(default_factory=dict)  # path -> title (non-article pages)
    private: str = ""  # an article-shaped path robots.txt disallows; listed on listing page 1
    disallow: tuple[str, ...] = ()
    serve_amp: bool = True
    headline_query: str = ""  # appended to the home page's headline link (tracking query, page number)
    canonical_rewrites: list[dict[str, str]] = field(default_factory=list)  # as in the outlet registry


# The Disway network's rewrites in crawler/outlets.yaml (tests/test_fixture_site.py keeps them equal):
# an AMP twin /amp/<id>/<slug> and page N /read/<id>/<slug>/N are the story /read/<id>/<slug>.
DISWAY_REWRITES = [{"pattern": r"^/amp/(\d+)/", "replace": r"/read/\1/"},
                   {"pattern": r"^(/read/\d+/[^/?]+)/\d+/?(?=\?|$)", "replace": r"\1"}]


def path_page(root: str, n: int) -> str:
    """ANTARA/bacakoran pagination: /terkini, /terkini/2, …"""
    return root if n == 1 else f"{root}/{n}"


def wp_page(root: str, n: int) -> str:
    """WordPress pagination: /category/berita/, /category/berita/page/2/, …"""
    return root if n == 1 else f"{root}page/{n}/"


def outlet_specs() -> list[OutletSpec]:
    return [
        OutletSpec(
            "antara-babel", "ANTARA Babel",
            AntaraTheme("antara-babel", "ANTARA News Bangka Belitung", "offset"),
            r"/(amp/)?berita/\d+/", {"province": "Kepulauan Bangka Belitung", "regency": None},
            feeds=["/rss/terkini.xml"], listings=["/terkini"], max_listing_pages=3,
            distractors={"/tentang-kami": "Tentang Kami", "/tag/netralitas-asn": "Tag: netralitas ASN",
                         "/indeks": "Indeks Berita", "/login": "Masuk"},
            private="/berita/381399/naskah-embargo-rilis-bps-babel", disallow=("/login", "/berita/381399/"),
            headline_query="?utm_source=antara_home&utm_medium=headline",
        ),
        OutletSpec(
            "antara-bengkulu", "ANTARA Bengkulu",
            AntaraTheme("antara-bengkulu", "ANTARA News Bengkulu", "naive"),
            r"/(amp/)?berita/\d+/", {"province": "Bengkulu", "regency": None},
            feeds=["/rss/terkini.xml"], listings=["/terkini"],
            distractors={"/tentang-kami": "Tentang Kami", "/politik": "Politik", "/login": "Masuk"},
            private="/berita/370150/naskah-embargo-hasil-rapat-pleno", disallow=("/login", "/berita/370150/"),
        ),
        OutletSpec(
            "belitong-ekspres", "Belitong Ekspres", BacakoranTheme(),
            r"/(read|amp)/\d+/", {"province": "Kepulauan Bangka Belitung", "regency": "Kabupaten Belitung"},
            sitemaps=["/sitemap.xml"], listings=["/kategori/pemerintahan", "/"], per_page=3,
            distractors={"/indeks-berita": "Indeks Berita", "/tag/pilkada-2024": "Tag: Pilkada 2024",
                         "/kategori/politik": "Politik", "/redaksi": "Redaksi", "/login": "Login"},
            private="/read/7430/pratinjau-draf-redaksi-belum-terbit", disallow=("/login", "/read/7430/"),
            headline_query="/2", canonical_rewrites=DISWAY_REWRITES,
        ),
        OutletSpec(
            "trawang-news", "Trawang News",
            WordPressTheme("trawang-news", "Trawang News", "utc",
                           (Link("/category/daerah/", "Daerah"), Link("/category/budaya/", "Budaya"),
                            Link("/tag/pilkada-belitung/", "Pilkada"))),
            r"/(?!category/|tag/|page/|author/|feed/|wp-)[a-z0-9]+(-[a-z0-9]+){3,}/?$",
            {"province": "Kepulauan Bangka Belitung", "regency": "Kabupaten Belitung"},
            feeds=["/feed/"], sitemaps=["/sitemap_index.xml"], listings=["/category/daerah/"], per_page=4,
            page_url=wp_page,
            distractors={"/tentang-kami/": "Tentang Kami", "/tag/pilkada-belitung/": "Tag: Pilkada Belitung",
                         "/wp-login.php": "Masuk", "/category/budaya/": "Budaya"},
            private="/preview-draf-berita-redaksi-internal", disallow=("/wp-admin/", "/preview-"),
        ),
        OutletSpec(
            "linesnews", "LinesNews",
            WordPressTheme("linesnews", "LinesNews", "offset",
                           (Link("/category/berita/", "Berita"), Link("/category/politik/", "Politik"),
                            Link("/indeks/", "Indeks"))),
            r"/(?!category/|tag/|page/|author/|feed/|wp-)[a-z0-9]+(-[a-z0-9]+){3,}/?$",
            {"province": "Kepulauan Bangka Belitung", "regency": None},
            feeds=["/feed/"], listings=["/category/berita/"], max_listing_pages=3, feed_items=3,
            page_url=wp_page,
            distractors={"/tentang-kami/": "Tentang Kami", "/tag/netralitas-asn/": "Tag: Netralitas ASN",
                         "/indeks/": "Indeks", "/wp-login.php": "Masuk"},
            private="/draf-rilis-redaksi-belum-terbit/",
            disallow=("/wp-admin/", "/draf-"),
        ),
        OutletSpec(
            "kabar-serumpun", "Kabar Serumpun", SerumpunTheme(),
            r"/daerah/\d{4}/\d{2}/\d{2}/[a-z0-9-]+-\d+\.html$",
            {"province": "Kepulauan Bangka Belitung", "regency": None},
            feeds=["/feed.atom"], sitemaps=["/sitemap.xml"], listings=["/daerah"], per_page=4,
            distractors={"/redaksi": "Redaksi", "/nasional": "Nasional", "/masuk": "Masuk"},
            private="/daerah/2023/12/01/draf-internal-redaksi-8813.html",
            disallow=("/masuk", "/daerah/2023/12/01/draf-"),
            serve_amp=False,
        ),
    ]


# --------------------------------------------------------------------------------------------------
# Articles split over pages: a WordPress post over three pages (``/<slug>/2/``, ``rel=next``, "Halaman"
# links) and a Kompas-style story over two pages that also offers ``?page=all`` ("Show All")
# --------------------------------------------------------------------------------------------------


def paged_articles() -> list[Article]:
    """Two stories whose text only a crawl that follows the article's pages reads whole."""
    A = Article
    return [
        A("trawang-news", "/bawaslu-belitung-petakan-kerawanan-netralitas-asn-di-lima-kecamatan",
          "Bawaslu Belitung Petakan Kerawanan Netralitas ASN di Lima Kecamatan", wib(2024, 9, 12, 9, 0), [
              "TANJUNGPANDAN: Bawaslu Kabupaten Belitung memetakan kerawanan pelanggaran netralitas aparatur "
              "sipil negara di lima kecamatan menjelang Pilkada 2024.",
              "\u201cPemetaan ini kami susun dari laporan pengawas kecamatan dan catatan pemilu sebelumnya,\u201d "
              "kata Ketua Bawaslu Belitung Heikal Fikri di Tanjungpandan, Kamis.",
              "Menurut Heikal, kerawanan tertinggi ada pada kegiatan kampanye yang dihadiri kepala desa dan "
              "perangkat desa.",
              "Di Kecamatan Membalong, pengawas menemukan dua kepala desa yang mengunggah foto bersama bakal "
              "calon di media sosial.",
              "\u201cKeduanya sudah kami klarifikasi dan berkasnya kami teruskan ke Badan Kepegawaian Negara,\u201d "
              "ujar Heikal.",
              "Bawaslu juga meminta camat mengingatkan pegawai kecamatan agar tidak memakai fasilitas kantor "
              "untuk kegiatan pasangan calon.",
              "Posko pengaduan netralitas dibuka di kantor Bawaslu Belitung setiap hari kerja hingga hari "
              "pemungutan suara.",
          ], author="Trawang News", section="Daerah", tags=("Bawaslu", "Netralitas ASN"),
          extra={"paging": json.dumps({"style": "wordpress", "sizes": [3, 2, 2]})}),
        A("kabar-serumpun", "/daerah/2023/11/28/bkd-babel-gelar-sosialisasi-netralitas-asn-di-enam-kabupaten-8755.html",
          "BKD Babel Gelar Sosialisasi Netralitas ASN di Enam Kabupaten", wib(2023, 11, 28, 10, 0), [
              "Pangkalpinang (Kabar Serumpun) - Badan Kepegawaian Daerah Provinsi Kepulauan Bangka Belitung "
              "menggelar sosialisasi netralitas ASN di enam kabupaten selama sepekan.",
              "\"Setiap pegawai harus tahu batas antara hak pilih dan dukungan politik,\" kata Kepala BKD Babel "
              "Ferry Insani di Pangkalpinang, Selasa.",
              "Sosialisasi menghadirkan narasumber dari Bawaslu dan Badan Kepegawaian Negara Kantor Regional "
              "Palembang.",
              "Ferry mengatakan peserta juga diajak membahas contoh pelanggaran di media sosial, seperti "
              "memberi tanda suka pada unggahan calon.",
              "\"Kami ingin tidak ada lagi ASN yang beralasan tidak tahu aturan,\" ujarnya.",
          ], author="Tim Kabar Serumpun", editor="Siti Aminah", section="Daerah", tags=("ASN", "BKD Babel"),
          extra={"paging": json.dumps({"style": "show-all", "sizes": [3, 2]})}),
    ]


def _page_path(a: Article, style: str, n: int) -> str:
    """Page ``n`` of the article (0: the all-on-one-page view)."""
    if style == "wordpress":
        return a.path if n == 1 else f"{a.path.rstrip('/')}/{n}/"
    return a.path if n == 1 else f"{a.path}?page={'all' if n == 0 else n}"


def _page_nav(a: Article, style: str, n: int, count: int) -> str:
    if style == "wordpress":
        links = "".join(f'<span class="post-page-numbers current">{k}</span>' if k == n else
                        f'<a href="{base()}{_page_path(a, style, k)}" class="post-page-numbers">{k}</a>'
                        for k in range(1, count + 1))
        after = (f' <a href="{base()}{_page_path(a, style, n + 1)}" class="post-page-numbers">Selanjutnya</a>'
                 if n < count else "")
        return f'<div class="page-links">Halaman: {links}{after}</div>'
    links = "".join(f'<a class="paging__link{" paging__link--active" if k == n else ""}" '
                    f'href="{base()}{_page_path(a, style, k)}">{k}</a>' for k in range(1, count + 1))
    return (f'<div class="paging__wrap clearfix"><span>Halaman:</span> {links} '
            f'<a class="paging__link paging__link--show" href="{base()}{_page_path(a, style, 0)}">Show All</a></div>')


def article_pages(theme: Theme, a: Article, others: Sequence[Article]) -> list[Page]:
    """The article's page, or for a paged article each of its pages (and its all-on-one-page view)."""
    modified = a.modified or a.published
    if "paging" not in a.extra:
        return [Page(a.path, theme.article(a, others), HTML_TYPE, modified, "article")]
    paging = json.loads(a.extra["paging"])
    style, sizes = paging["style"], paging["sizes"]
    pages = []
    start = 0
    for n, size in enumerate(sizes, 1):
        part = replace(a, body=a.body[start:start + size])
        start += size
        doc = theme.article(part, others).replace(BODY_END, BODY_END + "\n" + _page_nav(a, style, n, len(sizes)), 1)
        if style == "wordpress":
            rel = "".join(f'<link rel="{r}" href="{base()}{_page_path(a, style, k)}">\n'
                          for r, k in (("prev", n - 1), ("next", n + 1)) if 1 <= k <= len(sizes))
            doc = doc.replace("</head>", rel + "</head>", 1)
        path = _page_path(a, style, n)
        if n > 1:  # the continuation pages name themselves as canonical, as WordPress and Kompas do
            doc = doc.replace(f'<link rel="canonical" href="{a.url}">', f'<link rel="canonical" href="{base()}{path}">')
        pages.append(Page(path, doc, HTML_TYPE, modified, "article" if n == 1 else "article-page"))
    if style == "show-all":
        doc = theme.article(a, others).replace(BODY_END, BODY_END + "\n" + _page_nav(a, style, 0, len(sizes)), 1)
        pages.append(Page(_page_path(a, style, 0), doc, HTML_TYPE, modified, "article-page"))
    return pages


def paging_manifest(a: Article) -> dict[str, object]:
    """Manifest keys of a paged article: its continuation pages and its all-on-one-page view."""
    if "paging" not in a.extra:
        return {}
    paging = json.loads(a.extra["paging"])
    style, count = paging["style"], len(paging["sizes"])
    entry: dict[str, object] = {"pages": [_page_path(a, style, n) for n in range(2, count + 1)]}
    if style == "show-all":
        entry["all_pages"] = _page_path(a, style, 0)
    return entry


# --------------------------------------------------------------------------------------------------
# Fault pages (served only with FixtureSite(faults=True), all on trawang-news)
# --------------------------------------------------------------------------------------------------

FAULT_ARTICLES: dict[str, tuple[str, str, list[str]]] = {
    "error-once": (
        "/pj-bupati-belitung-resmikan-pasar-ikan-tanjungpandan",
        "Pj Bupati Belitung Resmikan Pasar Ikan Tanjungpandan",
        ["TANJUNGPANDAN: Penjabat Bupati Belitung meresmikan Pasar Ikan Tanjungpandan yang baru direnovasi.",
         "\u201cPasar ini harus bersih dan tertib,\u201d kata Mikron Antariksa saat peresmian."],
    ),
    "slow": (
        "/warga-membalong-gotong-royong-bersihkan-saluran-air",
        "Warga Membalong Gotong Royong Bersihkan Saluran Air",
        ["MEMBALONG: Warga Desa Membalong bergotong royong membersihkan saluran air menjelang musim hujan.",
         "Kegiatan ini diikuti sekitar seratus warga dan perangkat desa."],
    ),
    "truncated": (
        "/bawaslu-belitung-gelar-rapat-koordinasi-pengawasan-kampanye",
        "Bawaslu Belitung Gelar Rapat Koordinasi Pengawasan Kampanye",
        ["TANJUNGPANDAN: Bawaslu Belitung menggelar rapat koordinasi pengawasan kampanye bersama "
         "kepolisian dan Satpol PP.",
         "\u201cPengawasan netralitas ASN menjadi salah satu fokus kami selama masa kampanye,\u201d kata "
         "Ketua Bawaslu Belitung Heikal Fikri.",
         "Rapat juga membahas jadwal penertiban alat peraga kampanye di tiap kecamatan.",
         "Bawaslu meminta masyarakat melaporkan dugaan pelanggaran melalui posko pengaduan."],
    ),
    "cp1252": (
        "/kafe-rene-di-tanjungpandan-jadi-tempat-diskusi-pemilih-muda",
        "Kafe Ren\u00e9 di Tanjungpandan Jadi Tempat Diskusi Pemilih Muda",
        ["TANJUNGPANDAN: Kaf\u00e9 milik Ren\u00e9 Saputra di Tanjungpandan menjadi tempat diskusi pemilih "
         "muda menjelang Pilkada 2024 \u2013 setiap Sabtu malam.",
         "\u201cKami ingin anak muda memilih dengan cerdas,\u201d kata Ren\u00e9.",
         "Diskusi menghadirkan akademisi dan penyelenggara pemilu \u2013 bukan tim kampanye."],
    ),
    "huge": (
        "/pemkab-belitung-gelar-apel-siaga-netralitas-asn-jelang-pilkada",
        "Pemkab Belitung Gelar Apel Siaga Netralitas ASN Jelang Pilkada",
        ["TANJUNGPANDAN: Pemerintah Kabupaten Belitung menggelar apel siaga netralitas ASN menjelang "
         "Pilkada 2024.",
         "\u201cASN wajib netral. Tidak ada tawar-menawar soal itu,\u201d kata Plh Sekda Belitung Nurman "
         "Sunanda di halaman kantor bupati.",
         "Apel diikuti seluruh kepala perangkat daerah dan camat se-Kabupaten Belitung."],
    ),
}
BAD_FEED = "/feed/arsip/"


def build_faults(theme: Theme, others: Sequence[Article]) -> tuple[dict[str, Page], dict[str, object]]:
    """Fault article bodies (stored under _faults/, never served directly) and their manifest entry."""
    pages: dict[str, Page] = {}
    entries: dict[str, object] = {}
    when = wib(2024, 9, 21, 8, 0)
    links, items = [], []
    for i, (kind, (path, title, paras)) in enumerate(FAULT_ARTICLES.items()):
        a = Article("trawang-news", path, title, when + timedelta(hours=i), paras, author="Trawang News",
                    section="Daerah", tags=("Belitung",))
        doc = theme.article(a, others)
        if kind == "truncated":
            # Cut inside the tag list's <a> after the third paragraph:
            # unclosed <div>, <article>, <body> and <html>.
            doc = doc[: doc.index(esc(paras[3]))] + '<p>Bawaslu meminta masyarakat <a href="/tag/pil'
        if kind == "cp1252":
            doc = doc.replace('<meta charset="utf-8">',
                              '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
        file = f"_faults/{kind}.html"
        pages[file] = Page(file, doc, HTML_TYPE, a.published, "fault")
        entries[kind] = {"path": path, "file": file, "title": title}
        links.append(f'<article class="card"><h2 class="card-title"><a href="{a.url}">{esc(title)}</a></h2>'
                     f'<time datetime="{a.published.isoformat()}">{id_date(a.published)}</time></article>')
        items.append(f"<item><title>{esc(title)}</title><link>{a.url}</link>"
                     f"<pubDate>{format_datetime(a.published)}</pubDate></item>")
    bad = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Arsip Trawang News'
           "</title>\n<item><title>Bupati & Wakil Bupati <b>Belitung</title><link>" + base()
           + "/arsip-berita-lama-trawang-news</link>\n<item><title>Tanpa penutup")
    pages["_faults/bad-feed.xml"] = Page("_faults/bad-feed.xml", bad, RSS_TYPE, when, "fault")
    entries["bad-feed"] = {"path": BAD_FEED, "file": "_faults/bad-feed.xml", "title": "broken RSS"}
    pages["_faults/listing-links.html"] = Page("_faults/listing-links.html", "\n".join(links), HTML_TYPE,
                                               when, "fault")
    pages["_faults/feed-items.xml"] = Page("_faults/feed-items.xml", "\n".join(items), RSS_TYPE, when,
                                          "fault")
    return pages, entries


# --------------------------------------------------------------------------------------------------
# Onboarding outlets (served only with FixtureSite(onboarding=True)): `pantau outlets add` / `check`
#
# Three outlets whose sources can be found only from their home page, each in its own way and in
# its own CMS style: warta-pesisir (Joomla: the feed is advertised by <link rel="alternate"> at a
# path nobody would guess), kabar-timah (a detik-like CMS: only robots.txt names its sitemap),
# suara-rejang (a Kompas-like CMS: only the "Indeks" link of its navigation leads to a paginated
# listing). And three outlets whose registry entry broke as real ones do: lintas-bangka (Drupal:
# its feed moved with a 301), catatan-seluma (Blogger: its feed is gone, 404), info-beltim
# (Next.js: a redesign renders the body in the browser, so every page body comes out empty).
# --------------------------------------------------------------------------------------------------

ONBOARDING_GROUP = "onboarding"


class JoomlaTheme(Theme):
    """Joomla 4 (Cassiopeia): SEF URLs /<category>/<id>-<alias>, feeds at ?format=feed, no sitemap."""

    outlet, name, zone = "warta-pesisir", "Warta Pesisir", "offset"
    body_class = "site com_content view-article layout-blog"
    nav = (Link("/profil", "Profil"), Link("/redaksi", "Redaksi"), Link("/kontak", "Kontak"))
    feeds = ("/?format=feed&type=rss", "/?format=feed&type=atom")

    def head(self, title: str, canonical: str, extra: str = "") -> str:
        links = (f'<link href="{esc(self.feeds[0])}" rel="alternate" type="application/rss+xml" title="RSS 2.0">\n'
                 f'<link href="{esc(self.feeds[1])}" rel="alternate" type="application/atom+xml" title="Atom 1.0">\n'
                 '<meta name="generator" content="Joomla! - Open Source Content Management">\n')
        return super().head(title, canonical, links + extra)

    def article(self, a: Article, others: Sequence[Article]) -> str:
        main = "\n".join([
            '<div class="com-content-article item-page" itemscope itemtype="https://schema.org/Article">',
            f'<div class="page-header"><h1 itemprop="headline">{esc(a.title)}</h1></div>',
            '<dl class="article-info text-muted"><dt class="article-info-term">Rincian</dt>'
            f'<dd class="createdby">Ditulis oleh <span itemprop="author">{esc(a.author)}</span></dd>'
            f'<dd class="category-name">Kategori: <a href="/{a.path.split("/")[1]}">{esc(a.section)}</a></dd>'
            f'<dd class="published"><time datetime="{a.published.isoformat()}" itemprop="datePublished">'
            f"{id_date(a.published)}</time></dd><dd class=\"hits\">Dilihat: {hash_path(a.path) % 900 + 100}</dd></dl>",
            f'<div itemprop="articleBody" class="com-content-article__body">\n{body_html(a.body)}\n{BODY_END}\n</div>',
            '<ul class="tags list-inline">' + "".join(
                f'<li class="list-inline-item"><a href="/component/tags/tag/{t.lower().replace(" ", "-")}">'
                f"{esc(t)}</a></li>" for t in a.tags) + "</ul>",
            "</div>",
        ])
        return self.document(f"{a.title} - {self.name}", a.url, main)

    def home(self, items: Sequence[Article], headline_href: str, extra_links: Sequence[Link]) -> str:
        blog = "\n".join(f'<div class="blog-item"><h2 itemprop="name"><a href="{a.url}">{esc(a.title)}</a></h2>'
                         f"<p>{esc(a.lead)}</p></div>" for a in items)
        main = f'<div class="com-content-featured blog-featured">\n{blog}\n</div>'
        return self.document(f"{self.name} - Kabar dari Pesisir Bangka Tengah", f"{base()}/", main)


class DetikStyleTheme(Theme):
    """A detik-like CMS: /<channel>/d-<id>/<slug>, "Baca juga" inserts; no feed; robots.txt names the sitemap."""

    outlet, name, zone = "kabar-timah", "Kabar Timah", "naive"
    body_class = "detail-page"
    nav = (Link("/tentang", "Tentang Kami"), Link("/redaksi", "Redaksi"),
           Link("/pedoman-media-siber", "Pedoman Media Siber"))

    def article(self, a: Article, others: Sequence[Article]) -> str:
        half = max(1, len(a.body) // 2)
        insert = (f'<table class="linksisip"><tr><td><div class="lihatjg"><strong>Baca juga:</strong> '
                  f'<a href="{others[0].url}">{esc(others[0].title)}</a></div></td></tr></table>') if others else ""
        main = "\n".join([
            '<article class="detail">',
            f'<div class="detail__header"><h1 class="detail__title">{esc(a.title)}</h1>',
            f'<div class="detail__author">{esc(a.author)} - {esc(self.name)}</div>',
            f'<div class="detail__date">{id_date(a.published)}</div></div>',
            f'<div class="detail__body-text itp_bodycontent">\n{body_html(a.body[:half])}\n{insert}\n'
            f"{body_html(a.body[half:])}\n{BODY_END}\n</div>",
            '<div class="detail__body-tag">' + "".join(
                f'<a href="/tag/{t.lower().replace(" ", "-")}">{esc(t)}</a>' for t in a.tags) + "</div>",
            "</article>",
        ])
        head = (f'<meta name="publishdate" content="{a.published:%Y/%m/%d %H:%M:%S}">\n'
                f'<meta property="og:title" content="{esc(a.title)}">\n' + self.jsonld(a))
        return self.document(f"{a.title} - {self.name}", a.url, main, head_extra=head)

    def home(self, items: Sequence[Article], headline_href: str, extra_links: Sequence[Link]) -> str:
        main = (f'<section class="headline"><h2><a href="{items[0].url}">{esc(items[0].title)}</a></h2></section>\n'
                f'<section class="populer"><h3>Terpopuler</h3><ul><li><a href="{items[1].url}">'
                f"{esc(items[1].title)}</a></li></ul></section>")
        return self.document(f"{self.name} | Berita Pangkalpinang dan Bangka Belitung", f"{base()}/", main)


class KompasStyleTheme(Theme):
    """A Kompas-like CMS: /read/<yyyy>/<mm>/<dd>/<id>/<slug>; only a paginated "Indeks" lists the news."""

    outlet, name, zone = "suara-rejang", "Suara Rejang", "offset"
    body_class = "read-page"
    nav = (Link("/indeks", "Indeks Berita"), Link("/redaksi", "Redaksi"), Link("/kontak", "Kontak"))

    def article(self, a: Article, others: Sequence[Article]) -> str:
        first, rest = a.body[0], a.body[1:]
        insert = (f'<p><strong>Baca juga: </strong><a class="inner-link-baca-juga" href="{others[0].url}">'
                  f"{esc(others[0].title)}</a></p>") if others else ""
        main = "\n".join([
            '<div class="read__header">',
            f'<h1 class="read__title">{esc(a.title)}</h1>',
            f'<div class="read__time">{esc(self.name)} - {a.published:%d/%m/%Y, %H:%M} WIB</div>',
            f'<div class="read__credit">Penulis: <a href="/penulis/{a.author.lower().replace(" ", "-")}">'
            f"{esc(a.author)}</a> | Editor: {esc(a.editor or a.author)}</div></div>",
            f'<div class="read__content"><div class="clearfix">\n<p>{esc(first)}</p>\n{insert}\n'
            f"{body_html(rest)}\n{BODY_END}\n</div></div>",
            '<div class="tag__article"><ul>' + "".join(
                f'<li><a href="/tag/{t.lower().replace(" ", "-")}">{esc(t)}</a></li>' for t in a.tags) + "</ul></div>",
        ])
        head = f'<meta name="content_PublishedDate" content="{a.published:%Y-%m-%d %H:%M:%S}">\n' + \
            self.meta(a, amp=None)
        return self.document(f"{a.title} - {self.name}", a.url, main, head_extra=head)

    def home(self, items: Sequence[Article], headline_href: str, extra_links: Sequence[Link]) -> str:
        main = (f'<section class="headline"><h2><a href="{items[0].url}">{esc(items[0].title)}</a></h2>'
                f"<p>{esc(items[0].lead)}</p></section>")
        return self.document(f"{self.name} - Berita Rejang Lebong Terkini", f"{base()}/", main)


class DrupalTheme(Theme):
    """Drupal 10 (Olivero): pathauto /berita/<slug>; the feed moved from /rss.xml to /berita/feed (301)."""

    outlet, name, zone = "lintas-bangka", "Lintas Bangka", "offset"
    body_class = "path-node page-node-type-article"
    nav = (Link("/berita", "Berita"), Link("/tentang", "Tentang"))
    feed_path = "/berita/feed"

    def article(self, a: Article, others: Sequence[Article]) -> str:
        main = "\n".join([
            '<article role="article" class="node node--type-article node--view-mode-full">',
            f'<h1 class="page-title"><span class="field field--name-title">{esc(a.title)}</span></h1>',
            f'<div class="node__meta"><span class="field--name-uid">{esc(a.author)}</span> '
            f'<span class="field--name-created">{id_date(a.published)}</span></div>',
            '<div class="clearfix text-formatted field field--name-body field--type-text-with-summary '
            f'field--label-hidden field__item">\n{body_html(a.body)}\n{BODY_END}\n</div>',
            "</article>",
        ])
        return self.document(f"{a.title} | {self.name}", a.url, main, head_extra=self.meta(a, amp=None))

    def home(self, items: Sequence[Article], headline_href: str, extra_links: Sequence[Link]) -> str:
        views = "".join(f'<div class="views-row"><h2><a href="{a.url}">{esc(a.title)}</a></h2></div>' for a in items)
        return self.document(f"{self.name} | Berita Kabupaten Bangka", f"{base()}/",
                             f'<div class="view view-frontpage">{views}</div>')


class BloggerTheme(Theme):
    """Blogger: /<yyyy>/<mm>/<slug>.html; the blog switched its feed off (/feeds/posts/default is 404)."""

    outlet, name, zone = "catatan-seluma", "Catatan Seluma", "offset"
    body_class = "item-view version-1-3-3"
    nav = (Link("/p/tentang-kami.html", "Tentang Kami"),)

    def article(self, a: Article, others: Sequence[Article]) -> str:
        main = "\n".join([
            '<div class="post hentry" itemscope itemtype="http://schema.org/BlogPosting">',
            f'<h3 class="post-title entry-title" itemprop="name">{esc(a.title)}</h3>',
            f'<div class="post-body entry-content" itemprop="description articleBody">\n{body_html(a.body)}\n'
            f"{BODY_END}\n</div>",
            f'<div class="post-footer"><span class="post-author vcard">Diposting oleh <span class="fn">'
            f'{esc(a.author)}</span></span> <abbr class="published" itemprop="datePublished" '
            f'title="{a.published.isoformat()}">{id_date(a.published, clock=False)}</abbr></div>',
            "</div>",
        ])
        return self.document(f"{self.name}: {a.title}", a.url, main)

    def home(self, items: Sequence[Article], headline_href: str, extra_links: Sequence[Link]) -> str:
        posts = "".join(f'<h3 class="post-title"><a href="{a.url}">{esc(a.title)}</a></h3>' for a in items)
        return self.document(self.name, f"{base()}/", f'<div class="blog-posts hfeed">{posts}</div>')


class NextJsTheme(Theme):
    """Next.js after a redesign: the body is rendered in the browser from __NEXT_DATA__; the HTML has none."""

    outlet, name, zone = "info-beltim", "Info Beltim", "utc"
    body_class = ""
    nav = (Link("/news", "News"), Link("/tentang", "Tentang"))
    feed_path = "/rss"

    def article(self, a: Article, others: Sequence[Article]) -> str:
        data = {"props": {"pageProps": {"article": {"title": a.title, "content": body_html(a.body),
                                                    "publishedAt": a.published.isoformat()}}},
                "page": "/news/[id]/[slug]", "buildId": "k3Zq9v"}
        main = (f'<div id="__next"><article class="article-detail"><h1 class="article-title">{esc(a.title)}</h1>'
                f'<div class="article-meta">{esc(a.author)}</div><div class="article-content" data-hydrate="body">'
                f"</div>{BODY_END}</article></div>\n"
                f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data, ensure_ascii=False)}</script>')
        return self.document(f"{a.title} | {self.name}", a.url, main, head_extra=self.meta(a, amp=None))

    def home(self, items: Sequence[Article], headline_href: str, extra_links: Sequence[Link]) -> str:
        cards = "".join(f'<a class="card" href="{a.url}">{esc(a.title)}</a>' for a in items)
        return self.document(f"{self.name} - Berita Belitung Timur", f"{base()}/", f'<div id="__next">{cards}</div>')


def onboarding_articles() -> list[Article]:
    A = Article
    return [
        # ---- warta-pesisir (Joomla) -----------------------------------------------------------------
        A("warta-pesisir", "/pemerintahan/1234-pj-bupati-bangka-tengah-ingatkan-asn-tidak-ikut-kampanye",
          "Pj Bupati Bangka Tengah Ingatkan ASN Tidak Ikut Kampanye", wib(2024, 10, 3, 9, 10), [
              "KOBA - Penjabat Bupati Bangka Tengah mengingatkan seluruh aparatur sipil negara di lingkungan "
              "pemerintah kabupaten untuk tidak ikut dalam kegiatan kampanye pasangan calon Pilkada 2024.",
              "\u201cASN harus netral. Jangan hadir di kampanye, jangan memberi tanda suka di unggahan calon, dan "
              "jangan memakai atribut partai,\u201d kata Pj Bupati dalam apel pagi di halaman kantor bupati, Kamis.",
              "Ia menyebut Inspektorat dan Badan Kepegawaian akan menindaklanjuti setiap laporan pelanggaran "
              "yang disampaikan Bawaslu Bangka Tengah kepada pemerintah daerah.",
          ], author="Redaksi Warta Pesisir", section="Pemerintahan", tags=("ASN", "Pilkada 2024")),
        A("warta-pesisir", "/pesisir/1231-nelayan-koba-terima-bantuan-mesin-kapal-dari-dinas-perikanan",
          "Nelayan Koba Terima Bantuan Mesin Kapal dari Dinas Perikanan", wib(2024, 10, 2, 14, 0), [
              "KOBA - Sebanyak tiga puluh nelayan tradisional di Kecamatan Koba menerima bantuan mesin kapal "
              "dari Dinas Perikanan Kabupaten Bangka Tengah.",
              "Kepala Dinas Perikanan mengatakan bantuan diberikan kepada nelayan yang kapalnya rusak akibat "
              "cuaca buruk dalam dua bulan terakhir dan sudah terdaftar dalam kartu pelaku usaha.",
              "Para nelayan berharap bantuan serupa juga diberikan untuk alat tangkap yang ramah lingkungan.",
          ], author="Redaksi Warta Pesisir", section="Pesisir", tags=("nelayan",)),
        A("warta-pesisir", "/ekonomi/1229-harga-lada-di-bangka-tengah-mulai-naik-jelang-panen",
          "Harga Lada di Bangka Tengah Mulai Naik Jelang Panen", wib(2024, 10, 1, 10, 30), [
              "KOBA - Harga lada putih di tingkat petani Bangka Tengah naik menjadi Rp125 ribu per kilogram "
              "menjelang musim panen raya.",
              "Seorang pengepul di Desa Nibung mengatakan permintaan dari eksportir meningkat sejak awal bulan, "
              "sementara stok di gudang petani mulai menipis.",
              "Dinas Pertanian mengimbau petani tidak menjual lada yang belum kering agar kualitasnya terjaga.",
          ], author="Redaksi Warta Pesisir", section="Ekonomi", tags=("lada",)),
        A("warta-pesisir", "/pemerintahan/1225-bawaslu-bangka-tengah-bentuk-posko-pengaduan-netralitas",
          "Bawaslu Bangka Tengah Bentuk Posko Pengaduan Netralitas", wib(2024, 9, 30, 16, 45), [
              "KOBA - Bawaslu Kabupaten Bangka Tengah membentuk posko pengaduan dugaan pelanggaran netralitas "
              "ASN, kepala desa dan perangkat desa selama masa kampanye.",
              "\u201cMasyarakat bisa melapor langsung ke posko atau melalui nomor pengaduan yang kami umumkan di "
              "media sosial,\u201d ujar Ketua Bawaslu Bangka Tengah di Koba, Senin.",
              "Posko dibuka setiap hari hingga akhir masa tenang dan dijaga oleh staf sekretariat Bawaslu.",
          ], author="Redaksi Warta Pesisir", section="Pemerintahan", tags=("Bawaslu", "netralitas")),
        # ---- kabar-timah (detik-like) ----------------------------------------------------------------
        A("kabar-timah", "/berita/d-7561204/bkpsdm-pangkalpinang-periksa-dua-asn-diduga-dukung-paslon",
          "BKPSDM Pangkalpinang Periksa Dua ASN Diduga Dukung Paslon", wib(2024, 10, 4, 11, 20), [
              "Pangkalpinang - Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM) Kota "
              "Pangkalpinang memeriksa dua ASN yang diduga mendukung pasangan calon wali kota di media sosial.",
              "Pemeriksaan dilakukan setelah Bawaslu Kota Pangkalpinang meneruskan rekomendasi atas unggahan "
              "kedua ASN tersebut yang memuat foto dan ajakan memilih salah satu pasangan calon.",
              "\u201cJika terbukti, sanksinya bisa berupa penundaan kenaikan pangkat,\u201d kata Kepala BKPSDM "
              "Pangkalpinang kepada wartawan.",
          ], author="Rina Marlina", section="Berita", tags=("ASN", "netralitas", "Pilkada 2024")),
        A("kabar-timah", "/ekonomi/d-7561188/harga-timah-dunia-naik-pengrajin-pangkalpinang-ikut-senang",
          "Harga Timah Dunia Naik, Pengrajin Pangkalpinang Ikut Senang", wib(2024, 10, 3, 15, 5), [
              "Pangkalpinang - Kenaikan harga timah di bursa dunia ikut dirasakan pengrajin suvenir pewter di "
              "Kota Pangkalpinang yang mengolah sisa logam timah menjadi kerajinan.",
              "Seorang pengrajin di Kelurahan Bukit Intan mengatakan pesanan dari luar daerah meningkat sejak "
              "akhir September karena harga jual produk ikut membaik.",
              "Dinas Perindustrian berencana menggelar pameran kerajinan timah pada akhir tahun.",
          ], author="Andika Pratama", section="Ekonomi", tags=("timah", "UMKM")),
        A("kabar-timah", "/pemerintahan/d-7561150/pemkot-pangkalpinang-tambah-armada-pengangkut-sampah",
          "Pemkot Pangkalpinang Tambah Armada Pengangkut Sampah", wib(2024, 10, 2, 8, 40), [
              "Pangkalpinang - Pemerintah Kota Pangkalpinang menambah lima truk pengangkut sampah untuk "
              "mengatasi penumpukan sampah di sejumlah tempat pembuangan sementara.",
              "Kepala Dinas Lingkungan Hidup mengatakan truk baru akan melayani kawasan pasar dan permukiman "
              "padat yang selama ini hanya dilayani dua kali sepekan.",
              "Warga diminta membuang sampah pada jam yang sudah ditentukan agar tidak menumpuk di pinggir jalan.",
          ], author="Rina Marlina", section="Pemerintahan", tags=("sampah",)),
        A("kabar-timah", "/berita/d-7561101/kpu-babel-gelar-simulasi-pemungutan-suara-di-gerunggang",
          "KPU Babel Gelar Simulasi Pemungutan Suara di Gerunggang", wib(2024, 10, 1, 9, 0), [
              "Pangkalpinang - KPU Provinsi Kepulauan Bangka Belitung menggelar simulasi pemungutan dan "
              "penghitungan suara Pilkada 2024 di Kecamatan Gerunggang.",
              "Simulasi melibatkan petugas KPPS, saksi pasangan calon, pengawas TPS dan warga setempat yang "
              "terdaftar sebagai pemilih di tempat pemungutan suara tersebut.",
              "KPU berharap simulasi membantu petugas memahami tata cara pengisian formulir hasil penghitungan.",
          ], author="Andika Pratama", section="Berita", tags=("KPU", "Pilkada 2024")),
        # ---- suara-rejang (Kompas-like) --------------------------------------------------------------
        A("suara-rejang", "/read/2024/10/05/1002031/bawaslu-rejang-lebong-temukan-kades-hadiri-kampanye",
          "Bawaslu Rejang Lebong Temukan Kades Hadiri Kampanye", wib(2024, 10, 5, 13, 15), [
              "CURUP, SUARA REJANG - Bawaslu Kabupaten Rejang Lebong menemukan seorang kepala desa menghadiri "
              "kampanye terbuka salah satu pasangan calon bupati di Kecamatan Curup Timur.",
              "Temuan itu sedang dikaji dan akan diteruskan kepada bupati jika terbukti melanggar aturan "
              "netralitas kepala desa dalam pemilihan kepala daerah.",
              "\u201cKepala desa dilarang terlibat kampanye. Kami sudah berulang kali mengingatkan,\u201d kata "
              "anggota Bawaslu Rejang Lebong di Curup, Sabtu.",
          ], author="Andi Saputra", editor="Dewi Lestari", section="Politik", tags=("Bawaslu", "kepala desa")),
        A("suara-rejang", "/read/2024/10/04/1002020/petani-kopi-curup-panen-raya-harga-stabil",
          "Petani Kopi Curup Panen Raya, Harga Stabil", wib(2024, 10, 4, 10, 0), [
              "CURUP, SUARA REJANG - Petani kopi di lereng Bukit Kaba mulai memanen kopi robusta dengan hasil "
              "yang lebih baik dibanding tahun lalu.",
              "Harga kopi asalan di tingkat petani stabil di kisaran Rp60 ribu per kilogram, menurut kelompok "
              "tani di Kecamatan Selupu Rejang.",
              "Dinas Pertanian mendorong petani mengolah kopi petik merah agar harga jualnya lebih tinggi.",
          ], author="Budi Santoso", editor="Dewi Lestari", section="Ekonomi", tags=("kopi",)),
        A("suara-rejang", "/read/2024/10/03/1002011/pemkab-rejang-lebong-salurkan-beras-bantuan-pangan",
          "Pemkab Rejang Lebong Salurkan Beras Bantuan Pangan", wib(2024, 10, 3, 9, 30), [
              "CURUP, SUARA REJANG - Pemerintah Kabupaten Rejang Lebong menyalurkan beras bantuan pangan "
              "kepada lebih dari dua puluh ribu keluarga penerima manfaat.",
              "Penyaluran dilakukan melalui kantor pos dan kantor kelurahan secara bertahap hingga akhir bulan "
              "agar tidak terjadi antrean panjang.",
              "Camat diminta memastikan data penerima sesuai dengan kondisi warga di lapangan.",
          ], author="Andi Saputra", editor="Dewi Lestari", section="Pemerintahan", tags=("bantuan pangan",)),
        A("suara-rejang", "/read/2024/10/02/1002003/dprd-rejang-lebong-sahkan-apbd-perubahan-2024",
          "DPRD Rejang Lebong Sahkan APBD Perubahan 2024", wib(2024, 10, 2, 15, 50), [
              "CURUP, SUARA REJANG - DPRD Kabupaten Rejang Lebong mengesahkan rancangan peraturan daerah "
              "tentang perubahan APBD 2024 dalam rapat paripurna.",
              "Sebagian tambahan anggaran dialokasikan untuk perbaikan jalan kabupaten yang rusak dan honor "
              "petugas penyelenggara pemilihan di tingkat desa.",
              "Seluruh fraksi menyetujui rancangan tersebut dengan sejumlah catatan untuk pemerintah daerah.",
          ], author="Budi Santoso", editor="Dewi Lestari", section="Politik", tags=("DPRD", "APBD")),
        A("suara-rejang", "/read/2024/10/01/1001990/warga-curup-gotong-royong-bersihkan-saluran-air",
          "Warga Curup Gotong Royong Bersihkan Saluran Air", wib(2024, 10, 1, 8, 5), [
              "CURUP, SUARA REJANG - Ratusan warga Kelurahan Talang Rimbo bergotong royong membersihkan saluran "
              "air menjelang musim hujan.",
              "Lurah setempat mengatakan saluran yang tersumbat sampah menjadi penyebab genangan setiap kali "
              "hujan deras turun di kawasan itu.",
              "Kegiatan serupa akan digelar setiap bulan bersama petugas kebersihan kelurahan.",
          ], author="Andi Saputra", editor="Dewi Lestari", section="Daerah", tags=("lingkungan",)),
        # ---- lintas-bangka (Drupal; feed moved) ------------------------------------------------------
        A("lintas-bangka", "/berita/sekda-bangka-minta-asn-jaga-netralitas-di-media-sosial",
          "Sekda Bangka Minta ASN Jaga Netralitas di Media Sosial", wib(2024, 10, 3, 10, 0), [
              "SUNGAILIAT - Sekretaris Daerah Kabupaten Bangka meminta ASN menjaga netralitas di media sosial "
              "selama tahapan Pilkada 2024 berlangsung.",
              "Menurut dia, menyukai atau membagikan unggahan pasangan calon dapat dianggap sebagai bentuk "
              "dukungan dan bisa berujung pada sanksi disiplin pegawai.",
              "Pemkab Bangka juga meminta camat dan lurah mengingatkan perangkatnya tentang aturan tersebut.",
          ], author="Admin", section="Berita", tags=("ASN",)),
        A("lintas-bangka", "/berita/pantai-matras-ramai-dikunjungi-wisatawan-saat-libur-panjang",
          "Pantai Matras Ramai Dikunjungi Wisatawan Saat Libur Panjang", wib(2024, 10, 2, 17, 30), [
              "SUNGAILIAT - Pantai Matras di Kecamatan Sungailiat ramai dikunjungi wisatawan selama libur "
              "panjang akhir pekan.",
              "Pengelola mencatat lebih dari lima ribu pengunjung datang setiap hari, sebagian besar dari "
              "Pangkalpinang dan kabupaten lain di Pulau Bangka.",
              "Petugas penyelamat pantai disiagakan karena gelombang cukup tinggi pada sore hari.",
          ], author="Admin", section="Berita", tags=("wisata",)),
        A("lintas-bangka", "/berita/rsud-depati-bahrin-buka-layanan-cuci-darah-tambahan",
          "RSUD Depati Bahrin Buka Layanan Cuci Darah Tambahan", wib(2024, 10, 1, 11, 15), [
              "SUNGAILIAT - RSUD Depati Bahrin membuka layanan cuci darah tambahan untuk mengurangi antrean "
              "pasien gagal ginjal di Kabupaten Bangka.",
              "Direktur rumah sakit mengatakan enam mesin baru mulai beroperasi pekan ini dan dapat melayani "
              "pasien peserta BPJS Kesehatan.",
              "Pasien diminta mendaftar jadwal melalui loket atau layanan pesan singkat rumah sakit.",
          ], author="Admin", section="Berita", tags=("kesehatan",)),
        # ---- catatan-seluma (Blogger; feed gone) -----------------------------------------------------
        A("catatan-seluma", "/2024/10/camat-seluma-selatan-imbau-perangkat-desa-netral.html",
          "Camat Seluma Selatan Imbau Perangkat Desa Netral", wib(2024, 10, 3, 20, 0), [
              "Camat Seluma Selatan mengumpulkan kepala desa dan perangkat desa untuk mengingatkan larangan "
              "terlibat dalam kampanye Pilkada 2024.",
              "Ia meminta perangkat desa tidak memasang alat peraga kampanye di kantor desa dan tidak memakai "
              "fasilitas desa untuk kegiatan pasangan calon mana pun.",
              "Pertemuan itu juga dihadiri Panwascam yang menjelaskan cara melaporkan dugaan pelanggaran.",
          ], author="Catatan Seluma", section="Berita", tags=("netralitas",)),
        A("catatan-seluma", "/2024/10/sawah-di-semidang-alas-mulai-ditanami-padi.html",
          "Sawah di Semidang Alas Mulai Ditanami Padi", wib(2024, 10, 2, 19, 0), [
              "Petani di Kecamatan Semidang Alas mulai menanam padi setelah hujan turun teratur sejak akhir "
              "September.",
              "Kelompok tani setempat mendapat bantuan benih unggul dan pupuk dari Dinas Pertanian Kabupaten "
              "Seluma untuk musim tanam ini.",
              "Mereka berharap irigasi yang diperbaiki tahun ini cukup mengairi seluruh lahan.",
          ], author="Catatan Seluma", section="Berita", tags=("pertanian",)),
        A("catatan-seluma", "/2024/10/jalan-provinsi-di-seluma-mulai-diperbaiki.html",
          "Jalan Provinsi di Seluma Mulai Diperbaiki", wib(2024, 10, 1, 18, 30), [
              "Perbaikan jalan provinsi yang menghubungkan Tais dengan Kecamatan Talo mulai dikerjakan pekan ini.",
              "Warga menyambut baik perbaikan tersebut karena jalan berlubang kerap menyebabkan kecelakaan "
              "sepeda motor pada malam hari.",
              "Pekerjaan ditargetkan selesai sebelum akhir tahun anggaran.",
          ], author="Catatan Seluma", section="Berita", tags=("infrastruktur",)),
        # ---- info-beltim (Next.js; bodies rendered in the browser) -----------------------------------
        A("info-beltim", "/news/88213/bupati-beltim-ingatkan-asn-tidak-berpolitik-praktis",
          "Bupati Beltim Ingatkan ASN Tidak Berpolitik Praktis", wib(2024, 10, 3, 9, 45), [
              "MANGGAR - Pemerintah Kabupaten Belitung Timur mengingatkan ASN agar tidak berpolitik praktis "
              "selama masa kampanye Pilkada 2024.",
              "Pelanggaran akan ditindak sesuai peraturan disiplin pegawai negeri sipil setelah ada "
              "rekomendasi dari Bawaslu Belitung Timur.",
          ], author="Tim Info Beltim", section="News", tags=("ASN",)),
        A("info-beltim", "/news/88207/festival-pantai-serdang-digelar-akhir-pekan-ini",
          "Festival Pantai Serdang Digelar Akhir Pekan Ini", wib(2024, 10, 2, 13, 0), [
              "MANGGAR - Festival Pantai Serdang kembali digelar akhir pekan ini dengan lomba perahu hias dan "
              "bazar kuliner khas Belitung Timur.",
              "Panitia memperkirakan ribuan pengunjung akan datang dari Belitung dan Bangka.",
          ], author="Tim Info Beltim", section="News", tags=("wisata",)),
        A("info-beltim", "/news/88199/harga-ikan-di-pasar-manggar-turun",
          "Harga Ikan di Pasar Manggar Turun", wib(2024, 10, 1, 7, 30), [
              "MANGGAR - Harga ikan di Pasar Manggar turun karena hasil tangkapan nelayan melimpah.",
              "Ikan kembung dijual Rp35 ribu per kilogram, lebih murah dari pekan lalu.",
          ], author="Tim Info Beltim", section="News", tags=("harga",)),
    ]


@dataclass
class OnboardingSpec:
    """An onboarding outlet: its theme, the registry entry a maintainer wrote for it, and how it is found."""

    theme: Theme
    article_pattern: str  # regex for the URL path of the hand-written entry; the server prefixes the origin
    region: dict[str, str | None]
    feeds: list[str] = field(default_factory=list)  # the hand-written entry's sources
    sitemaps: list[str] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)
    max_listing_pages: int = 3
    home_items: int = 2  # articles the home page links (the rest are only behind its sources)
    robots_sitemap: str | None = None  # robots.txt names this sitemap
    serves: dict[str, str] = field(default_factory=dict)  # path -> what: feed, atom, sitemap-index, listing
    moved: dict[str, str] = field(default_factory=dict)  # old path -> new path (301)
    static: tuple[str, ...] = ()  # plain pages the navigation links


def onboarding_specs() -> list[OnboardingSpec]:
    news_index, news_child, pages_child = "/sitemaps/kabar-timah-index.xml", "/sitemaps/kabar-timah-berita.xml", \
        "/sitemaps/kabar-timah-halaman.xml"
    return [
        OnboardingSpec(JoomlaTheme(), r"/[a-z-]+/\d+-[a-z0-9-]+$",
                       {"province": "Kepulauan Bangka Belitung", "regency": "Kabupaten Bangka Tengah"},
                       feeds=[JoomlaTheme.feeds[0]],
                       serves={JoomlaTheme.feeds[0]: "feed", JoomlaTheme.feeds[1]: "atom"},
                       static=("/profil", "/redaksi", "/kontak")),
        OnboardingSpec(DetikStyleTheme(), r"/[a-z-]+/d-\d+/",
                       {"province": "Kepulauan Bangka Belitung", "regency": "Kota Pangkal Pinang"},
                       sitemaps=[news_index], robots_sitemap=news_index,
                       serves={news_index: "sitemap-index", news_child: "news-sitemap", pages_child: "page-sitemap"},
                       static=("/tentang", "/redaksi", "/pedoman-media-siber")),
        OnboardingSpec(KompasStyleTheme(), r"/read/\d{4}/\d{2}/\d{2}/\d+/",
                       {"province": "Bengkulu", "regency": "Kabupaten Rejang Lebong"},
                       listings=["/indeks"], max_listing_pages=3, home_items=1, serves={"/indeks": "listing"},
                       static=("/redaksi", "/kontak")),
        OnboardingSpec(DrupalTheme(), r"/berita/[a-z0-9]+(?:-[a-z0-9]+){2,}$", {"province": "Kepulauan Bangka Belitung",
                                                               "regency": "Kabupaten Bangka"},
                       feeds=["/rss.xml"], serves={"/berita/feed": "feed"}, moved={"/rss.xml": "/berita/feed"},
                       home_items=3, static=("/tentang",)),
        OnboardingSpec(BloggerTheme(), r"/\d{4}/\d{2}/[a-z0-9-]+\.html$",
                       {"province": "Bengkulu", "regency": "Kabupaten Seluma"},
                       feeds=["/feeds/posts/default"], home_items=3, static=("/p/tentang-kami.html",)),
        OnboardingSpec(NextJsTheme(), r"/news/\d+/", {"province": "Kepulauan Bangka Belitung",
                                                     "regency": "Kabupaten Belitung Timur"},
                       feeds=["/rss"], serves={"/rss": "feed"}, home_items=3, static=("/tentang",)),
    ]


def build_onboarding_outlet(spec: OnboardingSpec, articles: list[Article]) -> tuple[list[Page], dict[str, object]]:
    theme, oid = spec.theme, spec.theme.outlet
    arts = sorted(articles, key=lambda a: a.published, reverse=True)
    for a in arts:
        assert re.match(spec.article_pattern, a.path), (oid, a.path)
    newest = arts[0].published
    pages = [Page(a.path, theme.article(a, [o for o in arts if o is not a]), HTML_TYPE, a.published, "article")
             for a in arts]
    pages.append(Page("/", theme.home(arts[: spec.home_items], arts[0].url, []), HTML_TYPE, newest, "page"))
    pages += [Page(p, theme.simple(p.strip("/").split("/")[-1].split(".")[0].replace("-", " ").title(), p,
                                   f"Halaman {theme.name}."), HTML_TYPE, newest, "page") for p in spec.static]
    for path, what in spec.serves.items():
        if what == "feed":
            pages.append(Page(path, rss(theme.name, "/", path, arts, wordpress=False), RSS_TYPE, newest, "feed"))
        elif what == "atom":
            pages.append(Page(path, atom(theme.name, path, arts), ATOM_TYPE, newest, "feed"))
        elif what == "sitemap-index":
            children = [p for p, w in spec.serves.items() if w in ("news-sitemap", "page-sitemap")]
            pages.append(Page(path, sitemap_index([(p, newest) for p in children]), XML_TYPE, newest, "sitemap"))
        elif what == "news-sitemap":
            pages.append(Page(path, news_sitemap(theme.name, arts), XML_TYPE, newest, "sitemap"))
        elif what == "page-sitemap":
            pages.append(Page(path, page_sitemap(list(spec.static), newest), XML_TYPE, newest, "sitemap"))
        elif what == "listing":
            per_page = 2
            n_pages = -(-len(arts) // per_page)
            noise = [Link("/tag/pilkada-2024", "Pilkada 2024"), Link("/penulis/andi-saputra", "Andi Saputra")]
            for n in range(1, n_pages + 1):
                chunk = arts[(n - 1) * per_page: n * per_page]
                pages.append(Page(onboarding_page_url(path, n),
                                  theme.listing("Indeks Berita", chunk, noise, n, n_pages,
                                                lambda k, r=path: base() + onboarding_page_url(r, k)),
                                  HTML_TYPE, chunk[0].published, "listing"))
    pages += [Page(old, base() + new, HTML_TYPE, newest, "redirect") for old, new in spec.moved.items()]
    robots_lines = ["User-agent: *", "Disallow: /administrator/", "Disallow: /admin/", ""]
    if spec.robots_sitemap:
        robots_lines += [f"Sitemap: {base()}{spec.robots_sitemap}", ""]
    pages.append(Page("/robots.txt", "\n".join(robots_lines), TEXT_TYPE, newest, "robots"))
    manifest: dict[str, object] = {
        "name": theme.name, "group": ONBOARDING_GROUP, "home": "/", "feeds": spec.feeds, "sitemaps": spec.sitemaps,
        "listings": spec.listings,
        "listing_pages": {r: [onboarding_page_url(r, n) for n in range(1, -(-len(arts) // 2) + 1)]
                          for r in spec.listings},
        "article_pattern": spec.article_pattern, "max_listing_pages": spec.max_listing_pages,
        "region": spec.region, "disallowed": [],
        "articles": [{"path": a.path, "title": a.title, "published": a.published.isoformat(), "lang": a.lang,
                      "seed": None, "amp": None, "sources": []} for a in arts],
    }
    return pages, manifest


def onboarding_page_url(root: str, n: int) -> str:
    """Kompas-style pagination: /indeks, /indeks?page=2, …"""
    return root if n == 1 else f"{root}?page={n}"


def onboarding_outlets() -> list[tuple[str, list[Page], dict[str, object]]]:
    articles = onboarding_articles()
    built = []
    for spec in onboarding_specs():
        pages, entry = build_onboarding_outlet(spec, [a for a in articles if a.outlet == spec.theme.outlet])
        built.append((spec.theme.outlet, pages, entry))
    return built


# --------------------------------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------------------------------


def file_for(path: str, ctype: str) -> str:
    """Where a URL path's content is stored under sites/<outlet>/ (routes are explicit in the manifest)."""
    rel = path.lstrip("/")
    if "?" in rel:  # a route with a query (a Joomla feed, ?page=2, ?page=all): no "?" or "&" in file names
        stem, query = rel.split("?", 1)
        rel = f"{stem.rstrip('/') or 'index'}__{re.sub(r'[^A-Za-z0-9]+', '-', query)}"
        return rel + (".html" if ctype == HTML_TYPE else ".xml")
    if not rel or rel.endswith("/"):
        return rel + ("index.html" if ctype == HTML_TYPE else "index.xml")
    if ctype == HTML_TYPE and not rel.endswith(".html") and not rel.endswith(".php"):
        return rel + ".html"
    return rel


def build_outlet(spec: OutletSpec, articles: list[Article]) -> tuple[list[Page], dict[str, object]]:
    theme = spec.theme
    arts = sorted(articles, key=lambda a: a.published, reverse=True)
    for a in arts:
        assert re.match(spec.article_pattern, a.path), (spec.id, a.path)
    for p in spec.distractors:
        assert not re.match(spec.article_pattern, p), (spec.id, p)
    assert re.match(spec.article_pattern, spec.private)
    assert any(spec.private.startswith(d) for d in spec.disallow)
    newest = arts[0].published
    pages: list[Page] = []
    sources: dict[str, list[str]] = {a.path: [] for a in arts}

    for a in arts:
        others = [o for o in arts if o is not a]
        pages.extend(article_pages(theme, a, others))
        amp = theme.amp_path(a)
        if spec.serve_amp and amp:
            pages.append(Page(amp, theme.amp_page(a), HTML_TYPE, a.published, "amp"))

    # The private (robots-disallowed) page is a real-looking article, so a crawl that ignores robots shows.
    private = Article(spec.id, spec.private, "Draf redaksi: jangan diterbitkan", newest,
                      ["Naskah ini masih dalam penyuntingan dan belum boleh diterbitkan."])
    pages.append(Page(private.path, theme.article(private, arts), HTML_TYPE, newest, "private"))

    distractor_links = [Link(base() + p, t) for p, t in spec.distractors.items()]
    for p, t in spec.distractors.items():
        text = ("Silakan masuk untuk mengelola akun Anda." if "login" in p or "masuk" in p
                else f"Halaman {t} {spec.name}.")
        content = theme.simple(t, p, text)
        if "login" in p or "masuk" in p:
            content = content.replace("</p></div>", '</p><form method="post"><input name="log">'
                                      '<input type="password" name="pwd"><button>Masuk</button></form></div>')
        pages.append(Page(p, content, HTML_TYPE, newest, "page"))

    for root in spec.listings:
        if root == "/":
            continue  # the home page as a listing (built below): one page, the newest five
        n_pages = -(-len(arts) // spec.per_page)
        for n in range(1, n_pages + 1):
            chunk = arts[(n - 1) * spec.per_page: n * spec.per_page]
            for a in chunk:
                sources[a.path].append(f"listing:{n}")
            extra = distractor_links + ([Link(base() + spec.private, "Draf redaksi")] if n == 1 else [])
            title = "Berita Terkini" if "terkini" in root else root.strip("/").split("/")[-1].title()
            pages.append(Page(spec.page_url(root, n),
                              theme.listing(title, chunk, extra, n, n_pages,
                                            lambda k, r=root: base() + spec.page_url(r, k)),
                              HTML_TYPE, chunk[0].published, "listing"))

    headline = arts[0]
    pages.append(Page("/", theme.home(arts[:5], headline.url + spec.headline_query,
                                      distractor_links + [Link(base() + r, "Indeks") for r in spec.listings
                                                          if r != "/"]),
                      HTML_TYPE, newest, "listing" if "/" in spec.listings else "page"))
    for a in arts[:5]:
        sources[a.path].append("home")

    feed_items = arts[: spec.feed_items]
    if theme.feed_path:
        if theme.feed_type == ATOM_TYPE:
            feed = atom(spec.name, theme.feed_path, feed_items)
        else:
            wordpress = isinstance(theme, WordPressTheme)
            feed = rss(spec.name, "/", theme.feed_path, feed_items, wordpress=wordpress)
        pages.append(Page(theme.feed_path, feed, theme.feed_type, newest, "feed"))
        if theme.feed_path in spec.feeds:
            for a in feed_items:
                sources[a.path].append("feed")

    # Every outlet serves sitemap index -> news sitemap (+ a pages sitemap); robots.txt names the index.
    index_path = spec.sitemaps[0] if spec.sitemaps else "/sitemap.xml"
    news_path, pages_path = "/sitemap-news.xml", "/sitemap-pages.xml"
    if isinstance(theme, WordPressTheme):
        news_path, pages_path = "/post-sitemap.xml", "/page-sitemap.xml"
    pages.append(Page(index_path, sitemap_index([(news_path, newest), (pages_path, newest)]), XML_TYPE,
                      newest, "sitemap"))
    pages.append(Page(news_path, news_sitemap(spec.name, arts), XML_TYPE, newest, "sitemap"))
    pages.append(Page(pages_path, page_sitemap(list(spec.distractors), newest), XML_TYPE, newest, "sitemap"))
    if spec.sitemaps:
        for a in arts:
            sources[a.path].append("sitemap")
    pages.append(Page("/robots.txt", robots(spec.disallow, index_path), TEXT_TYPE, newest, "robots"))

    manifest: dict[str, object] = {
        "name": spec.name,
        "home": "/",
        "feeds": spec.feeds,
        "sitemaps": spec.sitemaps,
        "listings": spec.listings,
        "listing_pages": {r: [r] if r == "/" else
                          [spec.page_url(r, n) for n in range(1, -(-len(arts) // spec.per_page) + 1)]
                          for r in spec.listings},
        "article_pattern": spec.article_pattern,
        "canonical_rewrites": spec.canonical_rewrites,
        "max_listing_pages": spec.max_listing_pages,
        "region": spec.region,
        "disallowed": [spec.private],
        "articles": [
            {"path": a.path, "title": a.title, "published": a.published.isoformat(), "lang": a.lang,
             "seed": a.seed, "amp": theme.amp_path(a) if spec.serve_amp else None, "sources": sources[a.path],
             **paging_manifest(a)}
            for a in arts
        ],
    }
    return pages, manifest


def write_pages(out: Path, outlet_id: str, pages: Iterable[Page]) -> dict[str, dict[str, str]]:
    """Write an outlet's files under ``out/<outlet-id>/``; its routes (URL path -> file, type, kind, time)."""
    routes: dict[str, dict[str, str]] = {}
    for page in pages:
        if page.kind == "redirect":  # no file: the route answers 301 with the page's content as Location
            routes[page.path] = {"file": "", "type": page.ctype, "kind": page.kind, "location": page.content,
                                 "modified": page.modified.isoformat()}
            continue
        rel = page.path if page.kind == "fault" else file_for(page.path, page.ctype)
        target = out / outlet_id / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")
        if page.kind != "fault":
            assert page.path not in routes, (outlet_id, page.path)
            routes[page.path] = {"file": rel, "type": page.ctype, "kind": page.kind,
                                 "modified": page.modified.isoformat()}
    return dict(sorted(routes.items()))


def build(seeds: Path, out: Path) -> None:
    all_articles = composed()
    by_title = {a.title: base() + a.path for a in all_articles if a.outlet == "belitong-ekspres"}
    babel = seed_antara_babel(seeds)
    ln_related = [a for a in all_articles if a.outlet == "linesnews"][:2]
    inline_related = ('<div class="inline-related">'
                      '<span class="inline-related-title">Bacaan Lainnya</span><ul>'
                      + "".join(f'<li><a href="{a.url}">{esc(a.title)}</a></li>' for a in ln_related)
                      + "</ul></div>")
    all_articles += [
        babel,
        seed_antara_bengkulu(seeds),
        seed_belitong(seeds, by_title),
        seed_trawang(seeds),
        seed_linesnews(seeds, inline_related),
        syndicated_copy(babel),
        *paged_articles(),
    ]
    if out.exists():
        shutil.rmtree(out)
    manifest: dict[str, object] = {
        "about": "Generated by tools/build_fixture_site.py; do not edit by hand.",
        "outlets": {},
    }
    outlets: dict[str, object] = {}
    for spec in outlet_specs():
        pages, entry = build_outlet(spec, [a for a in all_articles if a.outlet == spec.id])
        if spec.id == "trawang-news":
            fault_pages, faults = build_faults(spec.theme, [a for a in all_articles if a.outlet == spec.id])
            entry["faults"] = faults
            entry["fault_markers"] = {"listing": FAULT_LINKS, "feed": FAULT_ITEMS,
                                      "listing_links": "_faults/listing-links.html",
                                      "feed_items": "_faults/feed-items.xml"}
            pages += fault_pages.values()
        entry["routes"] = write_pages(out, spec.id, pages)
        outlets[spec.id] = entry
    for oid, pages, entry in onboarding_outlets():
        entry["routes"] = write_pages(out, oid, pages)
        outlets[oid] = entry
    manifest["outlets"] = outlets
    text = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    (out / "manifest.json").write_text(text, encoding="utf-8")


def stale_files(built: Path, committed: Path) -> list[str]:
    """Paths (relative) that differ between a fresh build and the committed site, or exist in only one."""
    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    fresh, kept = files(built), files(committed) if committed.is_dir() else {}
    return sorted(name for name in fresh.keys() | kept.keys() if fresh.get(name) != kept.get(name))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", nargs="?", default=str(SEEDS),
                        help="directory holding the seed articles (default: tools/seeds)")
    parser.add_argument("--out", default=str(OUT), help="output directory (default: %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help="build into a temporary directory and fail if --out differs from it")
    args = parser.parse_args(argv)
    seeds = Path(args.seeds)
    if not seeds.is_dir():
        print(f"build_fixture_site: no seeds directory at {seeds}", file=sys.stderr)
        return 2
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            build(seeds, Path(tmp) / "sites")
            stale = stale_files(Path(tmp) / "sites", Path(args.out))
        if stale:
            print(f"{args.out} is stale ({len(stale)} files differ, e.g. {', '.join(stale[:3])}): "
                  "run python tools/build_fixture_site.py", file=sys.stderr)
            return 1
        return 0
    build(seeds, Path(args.out))
    size = sum(p.stat().st_size for p in Path(args.out).rglob("*") if p.is_file())
    print(f"wrote {args.out} ({size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
