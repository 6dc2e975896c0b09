"""Small article pages in the layouts real Indonesian CMSs use, with the traps generic extraction falls into.

Each page is built from the same six-paragraph story so a test can say exactly
which paragraphs the body must hold.
"""

from __future__ import annotations

STORY = [
    "SLEMAN - Badan Pengawas Pemilu Kabupaten Sleman meminta seluruh aparatur sipil negara menjaga "
    "netralitas selama masa kampanye.",
    "Ketua Bawaslu Sleman Arjuna Al Ichsan mengatakan, pihaknya sudah menerima tiga laporan dugaan "
    "pelanggaran netralitas.",
    "\"Kami akan klarifikasi semua pihak yang dilaporkan, termasuk kepala desa,\" katanya di Sleman, Senin.",
    "Menurut dia, ASN yang terbukti melanggar akan direkomendasikan kepada Badan Kepegawaian Negara untuk "
    "dijatuhi sanksi.",
    "Bawaslu juga membuka posko pengaduan di setiap kecamatan agar masyarakat mudah melapor.",
    "Selain itu, pengawas kelurahan diminta aktif memantau kegiatan kampanye di wilayah masing-masing.",
]
TITLE = "Bawaslu Sleman Minta ASN Jaga Netralitas"
URL = "https://warta-sleman.example/berita/2024/11/04/bawaslu-sleman-minta-asn-jaga-netralitas"
DESCRIPTION = "Bawaslu Kabupaten Sleman meminta seluruh ASN menjaga netralitas selama masa kampanye."


def paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def page(body: str, *, title: str = TITLE, description: str | None = DESCRIPTION) -> str:
    meta = f'<meta name="description" content="{description}">' if description else ""
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title} - Warta Sleman</title>'
            f'<meta property="og:title" content="{title}">{meta}</head><body>'
            '<header><a href="/">Warta Sleman</a><nav><a href="/politik">Politik</a></nav></header>'
            f"{body}<footer>Redaksi Warta Sleman</footer></body></html>")


def comments(n: int) -> str:
    text = ("Saya setuju sekali dengan langkah Bawaslu ini, semoga pemilu berjalan jujur, adil, dan damai tanpa "
            "ada intimidasi dari pihak mana pun di desa kami.")
    return "".join(f"<div class='respon'><b>Warga {i}</b><p>{text} Salam dari dusun {i}, Sleman.</p></div>"
                   for i in range(n))


def teasers(n: int) -> str:
    return "".join(f"<div class='item'><h3><a href='/b/{i}'>Judul berita lain nomor {i} tentang pemilu</a></h3>"
                   f"<p>Ringkasan berita lain nomor {i}, dengan koma, dan beberapa kata lagi agar panjang.</p></div>"
                   for i in range(n))


NEXT_STORY = "".join(f"<p>Harga cabai rawit di Pasar Beringharjo turun menjadi Rp40 ribu per kilogram, kata "
                     f"pedagang, Senin, dan pasokan dari Magelang lancar (laporan {i}).</p>" for i in range(8))
SHORT = [line.split(",")[0].rstrip(".") + "." for line in STORY]

# name -> (page, the paragraphs its body must be)
LAYOUTS: dict[str, tuple[str, list[str]]] = {
    "unmarked reader comments outscoring a short article": (
        page(f"<h1>{TITLE}</h1><div class='isi'>{paragraphs(STORY[:3])}</div>"
             f"<div class='suara-pembaca'>{comments(12)}</div>"), STORY[:3]),
    "article split in two by an ad slot": (
        page(f"<h1>{TITLE}</h1><div class='main'><div class='part'>{paragraphs(STORY[:3])}</div>"
             "<div class='slot'><a href='/x'>Promo</a></div>"
             f"<div class='part'>{paragraphs(STORY[3:])}</div></div><div class='side'>{teasers(5)}</div>"), STORY),
    "old table layout with <br> paragraphs": (
        page(f"<table><tr><td class='kiri'><a href='/'>Beranda</a><br><a href='/p'>Politik</a></td>"
             f"<td><font size=4><b>{TITLE}</b></font><br><br>{'<br><br>'.join(STORY)}</td></tr></table>"), STORY),
    "short paragraphs beside a long teaser column": (
        page(f"<h1>{TITLE}</h1><div class='konten'>{paragraphs(SHORT)}</div>"
             f"<div class='kolom-kanan'>{teasers(10)}</div>"), SHORT),
    "one <div> per paragraph": (
        page(f"<h1>{TITLE}</h1><div class='story'>"
             + "".join(f"<div class='para'><p>{line}</p></div>" for line in STORY) + "</div>"), STORY),
    "next article appended below": (
        page(f"<article><h1>{TITLE}</h1><div class='body'>{paragraphs(STORY[:4])}</div></article>"
             f"<article class='next'><h2>Harga Cabai Turun</h2><div class='body'>{NEXT_STORY}</div></article>"),
        STORY[:4]),
    "lead written as loose text before the first <p>": (
        page(f"<h1>{TITLE}</h1><div class='detail'><b>SLEMAN</b> - {STORY[0][9:]}<p><p>{STORY[1]}<p><p>{STORY[2]}"
             f"<p><p>{STORY[3]}</div>"), [STORY[0], *STORY[1:4]]),
    "paragraphs as <div>s with <br>s (ANTARA)": (
        page(f"<h1>{TITLE}</h1><div id='content_news'>" + "".join(f"<div>{line}</div><div><br></div>"
                                                                  for line in STORY) + "</div>"), STORY),
}
