"""Article-URL pattern inference on realistic URL sets of many Indonesian news CMSs.

Each case gives what discovery would see on a site (URLs its feed or news sitemap lists as
articles, links of its home and listing pages with their usual noise: tags, categories,
pages, authors, date archives, static pages, AMP twins) and then URLs the inference never
saw: newer articles (other ids, slugs, sections) that the pattern must take, and noise it
must leave. Real URL shapes of each CMS; the hosts are the outlets' or look like them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from crawler.patterns import in_scope, infer_pattern, scope_of, segment_kind
from crawler.sources import matches_article


@dataclass
class Case:
    home: str
    articles: list[str]  # listed as articles (feed items / news sitemap)
    links: list[str]  # seen on home and listing pages: articles and noise, not marked
    must_match: list[str]
    must_not_match: list[str]


def site(home: str, paths: list[str]) -> list[str]:
    origin = re.match(r"^https?://[^/]+", home)
    assert origin
    return [origin.group(0) + p for p in paths]


CASES: dict[str, Case] = {
    "wordpress-date-slug": Case(
        "https://linesnews.co.id/",
        site("https://linesnews.co.id/", [
            "/2024/10/01/bawaslu-basel-ingatkan-asn-jaga-netralitas-di-medsos/",
            "/2024/10/01/harga-cabai-di-toboali-turun-jelang-akhir-tahun/",
            "/2024/09/30/pemuda-toboali-gelar-turnamen-sepak-bola-antar-desa/",
            "/2024/09/29/kpu-bangka-selatan-rekrut-petugas-kpps/",
            "/2024/09/28/dinkes-bangka-selatan-imbau-warga-waspada-dbd/",
        ]),
        site("https://linesnews.co.id/", [
            "/2024/10/01/bawaslu-basel-ingatkan-asn-jaga-netralitas-di-medsos/amp/",
            "/category/berita/", "/category/politik/", "/tag/netralitas-asn/", "/page/2/", "/author/linesnews/",
            "/2024/10/", "/tentang-kami/", "/kontak/", "/wp-login.php", "/feed/", "/",
        ]),
        site("https://linesnews.co.id/", [
            "/2025/01/15/pj-gubernur-babel-lantik-pejabat-eselon-dua/",
            "/2025/01/15/pj-gubernur-babel-lantik-pejabat-eselon-dua/amp/",
            "/2025/01/15/pj-gubernur-babel-lantik-pejabat-eselon-dua/?utm_source=whatsapp",
        ]),
        site("https://linesnews.co.id/", [
            "/category/pemerintahan/", "/tag/pilkada-2024/", "/2024/11/", "/2024/11/02/", "/page/3/",
            "/author/admin/", "/tentang-kami/", "/2024/10/01/bawaslu-basel-ingatkan-asn/feed/",
        ]) + ["https://other.example/2024/10/01/judul-berita-di-situs-lain/"],
    ),
    "wordpress-post-name": Case(
        "https://www.trawangnews.com/",
        site("https://www.trawangnews.com/", [
            "/kaitan-pilkada-belitung-2024-pemkab-belitung-menghimbau-asn-untuk-bersikap-netral/",
            "/dua-kepala-desa-di-belitung-dilaporkan-ke-bawaslu/",
            "/pj-bupati-belitung-tinjau-gudang-logistik-pilkada-2024/",
            "/festival-maras-taun-2024-ramaikan-tanjungpandan/",
        ]),
        site("https://www.trawangnews.com/", [
            "/category/daerah/", "/category/budaya/", "/tag/pilkada-belitung/", "/tentang-kami/", "/page/2/",
            "/author/trawang-news/", "/wp-login.php", "/festival-maras-taun-2024-ramaikan-tanjungpandan/amp/",
        ]),
        site("https://www.trawangnews.com/", [
            "/warga-membalong-gotong-royong-bersihkan-saluran-air/",
            "/warga-membalong-gotong-royong-bersihkan-saluran-air/amp/",
        ]),
        site("https://www.trawangnews.com/", [
            "/category/politik/", "/tag/asn/", "/kebijakan-privasi/", "/page/4/", "/author/admin/",
            "/tag/netralitas-asn-pilkada-belitung/", "/category/berita-daerah-belitung/",
        ]),
    ),
    "antara-berita-id-with-amp": Case(
        "https://babel.antaranews.com/",
        site("https://babel.antaranews.com/", [
            "/berita/381390/sekda-belitung-ingatkan-asn-tidak-unggah-foto-bersama-caleg",
            "/berita/381412/bawaslu-bangka-tengah-awasi-netralitas-kepala-desa",
            "/berita/381371/harga-lada-putih-di-bangka-belitung-naik",
            "/berita/381355/bangka-belitung-tin-exports-rise-in-november",
        ]),
        site("https://babel.antaranews.com/", [
            "/amp/berita/381390/sekda-belitung-ingatkan-asn-tidak-unggah-foto-bersama-caleg",
            "/terkini", "/terkini/2", "/politik", "/ekonomi", "/tag/netralitas-asn", "/indeks", "/login",
            "/tentang-kami",
        ]),
        site("https://babel.antaranews.com/", [
            "/berita/400001/pemprov-babel-gelar-apel-netralitas-asn",
            "/amp/berita/400001/pemprov-babel-gelar-apel-netralitas-asn",
            "/berita/400001/pemprov-babel-gelar-apel-netralitas-asn?utm_source=antaranews&utm_medium=desktop",
        ]),
        site("https://babel.antaranews.com/", ["/terkini/3", "/tag/pemilu-2024", "/politik", "/berita", "/foto"]),
    ),
    "bacakoran-read-id-amp-and-pages": Case(
        "https://belitongekspres.bacakoran.co/",
        site("https://belitongekspres.bacakoran.co/", [
            "/read/7426/masa-kampanye-pilkada-2024-diskominfo-belitung-imbau-asn",
            "/read/7420/angin-puting-beliung-rusak-10-bangunan-di-membalong",
            "/read/7411/17573-pasangan-di-belitung-belum-catatkan-pernikahan",
            "/read/7405/pj-bupati-hadiri-deklarasi-kampanye-damai",
        ]),
        site("https://belitongekspres.bacakoran.co/", [
            "/amp/7426/masa-kampanye-pilkada-2024-diskominfo-belitung-imbau-asn",
            "/read/7426/masa-kampanye-pilkada-2024-diskominfo-belitung-imbau-asn/2",
            "/kategori/pemerintahan", "/kategori/pemerintahan/2", "/tag/pilkada-2024", "/indeks-berita",
            "/author/dodi-pratama", "/login",
        ]),
        site("https://belitongekspres.bacakoran.co/", [
            "/read/8001/bupati-belitung-resmikan-pasar-ikan-baru",
            "/amp/8001/bupati-belitung-resmikan-pasar-ikan-baru",
            "/read/8001/bupati-belitung-resmikan-pasar-ikan-baru/15",
        ]),
        site("https://belitongekspres.bacakoran.co/", [
            "/kategori/politik", "/kategori/politik/3", "/tag/asn", "/indeks-berita", "/author/yudiansyah",
            "/read", "/amp",
        ]),
    ),
    "tribun-section-id-slug": Case(
        "https://bangka.tribunnews.com/",
        site("https://bangka.tribunnews.com/", [
            "/bangka-raya/1102345/bawaslu-babel-temukan-dugaan-asn-tidak-netral",
            "/belitung/1102340/pemkab-belitung-gelar-apel-netralitas",
            "/pangkalpinang/1102331/harga-beras-di-pangkalpinang-naik",
            "/bangka-raya/1102329/kpu-babel-tetapkan-dpt-pilkada-2024",
            "/bangka-barat/1102301/nelayan-mentok-keluhkan-cuaca-buruk",
        ]),
        site("https://bangka.tribunnews.com/", [
            "/bangka-raya", "/belitung", "/tag/pilkada-2024", "/topic/netralitas-asn", "/index-news",
            "/index-news/2", "/tribunners", "/redaksi",
        ]),
        site("https://bangka.tribunnews.com/", [
            "/bangka-selatan/1109999/bupati-basel-minta-kades-netral",
            "/bangka-selatan/1109999/bupati-basel-minta-kades-netral?page=2",
        ]),
        site("https://bangka.tribunnews.com/", [
            "/bangka-selatan", "/tag/asn", "/topic/pilkada-2024", "/index-news/3", "/redaksi", "/page/123/",
            "/2024/10/", "/tag/1234567/pilkada", "/halaman/200",
        ]),
    ),
    "detik-network-member-under-a-path": Case(
        "https://www.detik.com/sumut/",
        site("https://www.detik.com/", [
            "/sumut/berita/d-7512345/bawaslu-sumut-ingatkan-asn-jaga-netralitas",
            "/sumut/hukum-dan-kriminal/d-7512300/polisi-tangkap-pelaku-curanmor-di-medan",
            "/sumut/bisnis/d-7512290/harga-cabai-di-medan-turun",
            "/sumut/berita/d-7512201/pj-gubernur-sumut-lantik-kepala-opd",
            "/sumsel/berita/d-7512222/berita-tetangga-yang-bukan-sumut",
        ]) + ["https://news.detik.com/berita/d-7512111/berita-nasional-di-subdomain-lain"],
        site("https://www.detik.com/", [
            "/sumut/indeks", "/sumut/tag/pilkada-sumut", "/sumut/berita", "/sumut/bisnis", "/sumut/",
            "/sumsel/", "/sumut/berita/indeks",
        ]),
        site("https://www.detik.com/", [
            "/sumut/sepakbola/d-7599999/psms-medan-menang-tipis",
            "/sumut/berita/d-7599998/kpu-sumut-gelar-debat-kandidat",
        ]),
        site("https://www.detik.com/", [
            "/sumsel/berita/d-7599997/berita-sumsel-bukan-sumut", "/sumut/indeks", "/sumut/tag/asn",
            "/sumut/berita", "/berita/d-7599996/di-luar-jalur-sumut",
        ]) + ["https://news.detik.com/sumut/berita/d-7599995/subdomain-lain"],
    ),
    "kompas-read-date-id-slug": Case(
        "https://regional.kompas.com/",
        site("https://regional.kompas.com/", [
            "/read/2024/10/01/12345678/bawaslu-temukan-pelanggaran-netralitas-asn",
            "/read/2024/10/01/09451231/banjir-rendam-ratusan-rumah-di-bengkulu",
            "/read/2024/09/30/21001121/pemprov-babel-siapkan-anggaran-pilkada",
        ]),
        site("https://regional.kompas.com/", [
            "/tag/pilkada-2024", "/search/2024-10-01", "/sumatera", "/jawa-barat", "/read/2024/10/01",
            "/read/2024/10/01/12345678/bawaslu-temukan-pelanggaran-netralitas-asn?page=all",
        ]),
        site("https://regional.kompas.com/", [
            "/read/2025/01/02/05301011/kpu-tetapkan-pemenang-pilkada",
            "/read/2025/01/02/05301011/kpu-tetapkan-pemenang-pilkada?page=2",
        ]),
        site("https://regional.kompas.com/", ["/read/2025/01/02", "/tag/asn", "/sumatera", "/search/pilkada"]),
    ),
    "joomla-section-id-slug": Case(
        "https://wartapesisir.id/",
        site("https://wartapesisir.id/", [
            "/berita-daerah/1234-nelayan-koba-terima-bantuan-mesin-kapal",
            "/berita-daerah/1231-bupati-bangka-tengah-resmikan-jembatan",
            "/politik/1229-bawaslu-bateng-awasi-kampanye-di-desa",
        ]),
        site("https://wartapesisir.id/", [
            "/berita-daerah", "/politik", "/kontak", "/component/tags/tag/pemilu",
            "/berita-daerah?start=10", "/index.php?option=com_content&view=category&id=8",
        ]),
        site("https://wartapesisir.id/", ["/ekonomi/1300-harga-timah-dunia-naik-lagi"]),
        site("https://wartapesisir.id/", ["/ekonomi", "/kontak", "/component/tags/tag/asn"]),
    ),
    "slug-id-html": Case(
        "https://kabarserumpun.com/",
        site("https://kabarserumpun.com/", [
            "/daerah/2023/12/01/sekda-belitung-ingatkan-asn-tak-unggah-foto-bersama-caleg-8812.html",
            "/daerah/2023/11/30/bkd-babel-ingatkan-asn-tak-hadiri-deklarasi-caleg-8790.html",
            "/daerah/2023/11/29/dispar-babel-targetkan-500-ribu-wisatawan-8771.html",
        ]),
        site("https://kabarserumpun.com/", ["/daerah", "/nasional", "/redaksi", "/masuk"]),
        site("https://kabarserumpun.com/", ["/daerah/2024/01/05/warga-selindung-gotong-royong-9001.html"]),
        site("https://kabarserumpun.com/", ["/daerah", "/redaksi", "/daerah/2024/01/05"]),
    ),
    "cnn-dashed-id": Case(
        "https://www.cnnindonesia.com/",
        site("https://www.cnnindonesia.com/", [
            "/nasional/20241001123456-617-1150000/bawaslu-catat-pelanggaran-netralitas-asn",
            "/ekonomi/20241001101010-92-1149990/harga-emas-antam-naik",
            "/nasional/20240930201500-32-1149900/kpu-rilis-dpt-pilkada",
        ]),
        site("https://www.cnnindonesia.com/", ["/nasional", "/ekonomi", "/tag/pilkada", "/indeks/2"]),
        site("https://www.cnnindonesia.com/", ["/olahraga/20250101080000-142-1160000/timnas-menang"]),
        site("https://www.cnnindonesia.com/", ["/olahraga", "/tag/asn", "/indeks/3"]),
    ),
    "liputan6-section-read-id": Case(
        "https://www.liputan6.com/",
        site("https://www.liputan6.com/", [
            "/news/read/5712345/bkn-ingatkan-asn-netral-di-pilkada-2024",
            "/regional/read/5712300/banjir-bandang-terjang-desa-di-bengkulu",
            "/bisnis/read/5712290/harga-bbm-turun-mulai-hari-ini",
        ]),
        site("https://www.liputan6.com/", ["/news", "/regional", "/tag/pilkada", "/news/indeks"]),
        site("https://www.liputan6.com/", ["/bola/read/5799999/timnas-indonesia-lolos"]),
        site("https://www.liputan6.com/", ["/bola", "/tag/asn", "/news/indeks"]),
    ),
    "okezone-date-section-id": Case(
        "https://news.okezone.com/",
        site("https://news.okezone.com/", [
            "/read/2024/10/01/337/3068000/kpu-gelar-rapat-pleno-rekapitulasi",
            "/read/2024/10/01/340/3067990/polisi-amankan-kampanye-akbar",
            "/read/2024/09/30/337/3067900/bawaslu-temukan-asn-ikut-kampanye",
        ]),
        site("https://news.okezone.com/", ["/indeks", "/tag/pilkada", "/topic/asn"]),
        site("https://news.okezone.com/", ["/read/2025/01/02/338/3100000/mendagri-lantik-pj-gubernur"]),
        site("https://news.okezone.com/", ["/indeks", "/read/2025/01/02", "/topic/pemilu"]),
    ),
    "suara-date-id-slug": Case(
        "https://www.suara.com/",
        site("https://www.suara.com/", [
            "/news/2024/10/01/123456/bawaslu-minta-asn-tidak-ikut-kampanye",
            "/news/2024/10/01/101010/kpu-umumkan-jadwal-debat",
            "/bisnis/2024/09/30/200000/harga-beras-naik-lagi",
        ]),
        site("https://www.suara.com/", ["/news", "/bisnis", "/tag/pilkada", "/indeks"]),
        site("https://www.suara.com/", ["/lifestyle/2025/01/02/080000/tips-sehat-di-musim-hujan"]),
        site("https://www.suara.com/", ["/lifestyle", "/tag/asn", "/indeks", "/news/2025/01/02"]),
    ),
    "section-slug-without-id": Case(
        "https://www.jpnn.com/",
        site("https://www.jpnn.com/", [
            "/news/bkn-terima-laporan-asn-tidak-netral-di-pilkada",
            "/news/mendagri-minta-pj-kepala-daerah-netral",
            "/daerah/pemprov-bengkulu-gelar-apel-netralitas-asn",
            "/politik/kpu-tetapkan-jadwal-kampanye-pilkada-serentak",
        ]),
        site("https://www.jpnn.com/", ["/news", "/daerah", "/tag/pilkada-serentak-2024", "/tag/asn",
                                       "/indeks", "/author/redaksi-jpnn"]),
        site("https://www.jpnn.com/", ["/ekonomi/harga-cabai-rawit-turun-di-pasar-induk"]),
        site("https://www.jpnn.com/", ["/tag/pilkada-serentak-2025", "/author/redaksi-jpnn-com", "/news",
                                       "/indeks"]),
    ),
    "lokomedia-prefixed-slug-html": Case(
        "https://posoraya.id/",
        site("https://posoraya.id/", [
            "/berita-bupati-poso-ingatkan-asn-jaga-netralitas.html",
            "/berita-bawaslu-poso-temukan-tujuh-asn-langgar-netralitas.html",
            "/berita-banjir-rendam-sembilan-desa-di-lore-utara.html",
            "/berita-harga-cabai-rawit-di-pasar-poso-naik.html",
            "/berita-kpu-poso-gelar-debat-publik-kedua.html",
        ]),
        site("https://posoraya.id/", [
            "/kategori-1-politik.html", "/kategori-2-peristiwa.html", "/tag-asn.html", "/tag-kepala-desa.html",
            "/halaman-1-redaksi.html", "/halaman-2-pedoman-media-siber.html", "/agenda.html", "/indeks",
            "/indeks?page=2",
        ]),
        site("https://posoraya.id/", ["/berita-pemkab-poso-salurkan-bantuan-beras-untuk-korban-banjir.html"]),
        site("https://posoraya.id/", ["/kategori-3-ekonomi-dan-bisnis.html", "/tag-pilkada-poso-2026.html",
                                      "/halaman-3-tentang-kami-dan-redaksi.html", "/galeri-foto-kegiatan-bupati.html"]),
    ),
    "wordpress-without-permalinks": Case(
        "https://desa.contoh.id/",
        site("https://desa.contoh.id/", ["/?p=123", "/?p=130", "/?p=141", "/?p=152"]),
        site("https://desa.contoh.id/", ["/?page_id=2", "/?cat=3", "/?m=202410", "/?s=pemilu", "/?p=123&amp=1",
                                         "/wp-login.php"]),
        site("https://desa.contoh.id/", ["/?p=200", "/?p=200&amp=1", "/?utm_source=wa&p=201"]),
        site("https://desa.contoh.id/", ["/?page_id=5", "/?cat=4", "/?paged=2", "/", "/?p=abc"]),
    ),
    "php-query-id": Case(
        "https://diskominfo.contohkab.go.id/",
        site("https://diskominfo.contohkab.go.id/", [
            "/berita.php?id=1201", "/berita.php?id=1198&kategori=pemerintahan", "/berita.php?id=1187",
        ]),
        site("https://diskominfo.contohkab.go.id/", ["/berita.php", "/index.php?page=profil", "/galeri.php?id=3"]),
        site("https://diskominfo.contohkab.go.id/", ["/berita.php?id=1300&hl=id", "/berita.php?kategori=umum&id=1301"]),
        site("https://diskominfo.contohkab.go.id/", ["/berita.php", "/berita.php?page=2", "/galeri.php?id=4",
                                                      "/index.php?page=profil"]),
    ),
    "lokomedia-id-slugs-beside-a-paged-index": Case(  # few stories, all links: berita-<id>-<slug>.html
        "https://ranahberita.contoh.id/",
        [],
        site("https://ranahberita.contoh.id/", [
            "/berita-3229-bawaslu-agam-teruskan-rekomendasi-ke-bkn.html",
            "/berita-3222-angka-stunting-turun-pemkab-perkuat-posyandu.html",
            "/berita-3215-guru-pppk-di-pariaman-diperiksa.html",
            "/semua-berita.html", "/semua-berita-2.html", "/kategori-1-politik.html", "/kategori-2-ekonomi.html",
            "/statis-1-profil.html", "/hubungi-kami.html", "/",
        ]),
        site("https://ranahberita.contoh.id/", [
            "/berita-3301-harga-cabai-naik-di-pasar-atas.html", "/berita-987-bupati-lantik-pejabat.html",
        ]),
        site("https://ranahberita.contoh.id/", [
            "/semua-berita-3.html", "/semua-berita-12.html", "/kategori-3-peristiwa.html",
            "/statis-2-redaksi-dan-kontak.html", "/cetak-3229.html",
        ]),
    ),
    "joomla-non-sef": Case(  # Joomla without SEF URLs: every page is index.php, the view tells them apart
        "https://www.borneopost.contoh.id/",
        site("https://www.borneopost.contoh.id/", [
            "/index.php?option=com_content&view=article&id=512:bupati-ingatkan-asn-netral&catid=9&Itemid=109",
            "/index.php?option=com_content&view=article&id=507:harga-cabai-naik-di-pasar&catid=10&Itemid=110",
            "/index.php?option=com_content&view=article&id=498:banjir-rendam-tiga-desa&catid=11&Itemid=111",
        ]),
        site("https://www.borneopost.contoh.id/", [
            "/index.php?option=com_content&view=category&id=9&Itemid=109",
            "/index.php?option=com_content&view=featured&Itemid=101", "/index.php",
        ]),
        site("https://www.borneopost.contoh.id/", [
            "/index.php?option=com_content&view=article&id=530:camat-dipanggil-bawaslu&catid=12&Itemid=112",
            "/index.php?Itemid=109&catid=9&id=531%3Aasn-diperiksa&option=com_content&view=article",
        ]),
        site("https://www.borneopost.contoh.id/", [
            "/index.php?option=com_content&view=category&id=12&Itemid=112",
            "/index.php?option=com_content&view=archive&id=3&Itemid=130",
            "/index.php?option=com_content&view=category&id=9&Itemid=109&limitstart=10",
            "/index.php?option=com_content&view=featured&Itemid=101&format=feed&type=rss",
        ]),
    ),
    "feed-on-the-bare-host-home-on-www": Case(
        "https://www.radarbengkulu.id/",
        ["https://radarbengkulu.id/read/2024/10/01/1201/bawaslu-kota-bengkulu-awasi-kampanye",
         "https://radarbengkulu.id/read/2024/10/01/1199/pemprov-bengkulu-gelar-apel-netralitas"],
        site("https://www.radarbengkulu.id/", ["/read/2024/10/01/1201/bawaslu-kota-bengkulu-awasi-kampanye",
                                               "/kategori/politik", "/tag/pilkada"]),
        ["https://radarbengkulu.id/read/2025/01/02/1300/judul-baru-di-host-tanpa-www",
         "https://www.radarbengkulu.id/read/2025/01/02/1301/judul-baru-di-host-www"],
        ["https://radarbengkulu.id/kategori/politik", "https://lain.radarbengkulu.id/read/2025/01/02/1/x"],
    ),
    "listing-only-no-trusted-urls": Case(
        "https://suararejang.id/",
        [],
        site("https://suararejang.id/", [
            "/read/2024/10/01/1002003/bawaslu-rejang-lebong-awasi-netralitas-asn",
            "/read/2024/09/30/1002001/pemkab-rejang-lebong-salurkan-bantuan-beras",
            "/read/2024/09/29/1001990/petani-kopi-curup-panen-raya",
            "/read/2024/09/28/1001980/dprd-rejang-lebong-sahkan-apbd-perubahan",
            "/indeks", "/indeks?page=2", "/tag/pilkada-2024", "/tag/asn", "/penulis/andi-saputra",
            "/kanal/politik", "/kanal/ekonomi", "/redaksi", "/pedoman-media-siber", "/",
        ]),
        site("https://suararejang.id/", ["/read/2024/10/02/1002010/warga-curup-gotong-royong"]),
        site("https://suararejang.id/", ["/indeks", "/tag/bantuan", "/penulis/budi", "/kanal/olahraga",
                                         "/read/2024/10/02"]),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_inferred_pattern_takes_new_articles_and_leaves_the_noise(name: str) -> None:
    case = CASES[name]
    found = infer_pattern(case.home, [(u, True) for u in case.articles] + [(u, False) for u in case.links])
    assert found is not None
    pattern = re.compile(found.pattern)
    for url in case.articles:
        if in_scope(url, scope_of(case.home)):
            assert matches_article(pattern, url), (found.pattern, url)
    for url in case.must_match:
        assert matches_article(pattern, url), (found.pattern, url)
    for url in case.must_not_match:
        assert not matches_article(pattern, url), (found.pattern, url)
    for url in case.must_match:  # anchored on the host: the same path elsewhere is not this outlet's
        for elsewhere in (url.replace("://", "://lain.", 1), re.sub(r"://[^/]+", "://contoh.invalid", url)):
            assert not matches_article(pattern, elsewhere), (found.pattern, elsewhere)
    assert found.navigation_matched == ()


def test_pattern_is_anchored_on_host_and_path() -> None:
    found = infer_pattern("https://www.detik.com/sumut/", [
        ("https://www.detik.com/sumut/berita/d-7512345/bawaslu-sumut-ingatkan-asn", True),
        ("https://www.detik.com/sumut/berita/d-7512346/kpu-sumut-tetapkan-dpt", True),
    ])
    assert found is not None
    assert found.pattern.startswith(r"^https://www\.detik\.com/sumut/")


def test_amp_twins_are_admitted_in_the_pattern_itself() -> None:
    """Not only through canonical_url: the registry's pattern names the AMP form the site uses."""
    found = infer_pattern("https://babel.antaranews.com/", [
        ("https://babel.antaranews.com/berita/381390/sekda-belitung-ingatkan-asn", True),
        ("https://babel.antaranews.com/berita/381391/bawaslu-bangka-awasi-kades", True),
        ("https://babel.antaranews.com/amp/berita/381390/sekda-belitung-ingatkan-asn", False),
    ])
    assert found is not None
    assert re.match(found.pattern, "https://babel.antaranews.com/amp/berita/400000/judul-baru-sekali")
    found = infer_pattern("https://belitongekspres.bacakoran.co/", [
        ("https://belitongekspres.bacakoran.co/read/7426/masa-kampanye-pilkada", True),
        ("https://belitongekspres.bacakoran.co/read/7427/angin-puting-beliung", True),
        ("https://belitongekspres.bacakoran.co/amp/7426/masa-kampanye-pilkada", False),
    ])
    assert found is not None
    assert re.match(found.pattern, "https://belitongekspres.bacakoran.co/amp/8000/judul-baru")


def test_wordpress_amp_twins_end_in_a_slash_where_posts_do_not() -> None:
    """Posts at /<slug>, their AMP plugin twins at /<slug>/amp/: the pattern takes both forms of a new post."""
    posts = ["https://trawang.contoh.id/bupati-ingatkan-asn-jaga-netralitas",
             "https://trawang.contoh.id/banjir-rendam-tiga-desa-di-membalong"]
    found = infer_pattern("https://trawang.contoh.id/", [(p, True) for p in posts] + [(posts[0] + "/amp/", False)],
                          twins={posts[0] + "/amp/": posts[0]})
    assert found is not None
    for form in ("", "/amp/", "/amp"):
        assert re.match(found.pattern, "https://trawang.contoh.id/harga-lada-putih-naik-lagi" + form), form
    assert not re.match(found.pattern, "https://trawang.contoh.id/harga-lada-putih-naik-lagi/2/")


def test_sources_that_look_like_stories_are_left_out_by_name() -> None:
    """A listing at /berita-terkini-hari-ini/ has a story's shape on a WordPress site with post-name links."""
    articles = [("https://contoh.id/bupati-resmikan-pasar-ikan-baru/", True),
                ("https://contoh.id/warga-gotong-royong-bersihkan-saluran/", True)]
    found = infer_pattern("https://contoh.id/", articles, avoid=["https://contoh.id/berita-terkini-hari-ini/",
                                                                 "https://contoh.id/feed/"])
    assert found is not None
    assert not re.match(found.pattern, "https://contoh.id/berita-terkini-hari-ini/")
    assert re.match(found.pattern, "https://contoh.id/berita-terkini-hari-ini-di-desa/")
    assert re.match(found.pattern, "https://contoh.id/kpu-tetapkan-daftar-pemilih-tetap/")


def test_slugs_have_no_dots_unless_the_site_s_do() -> None:
    plain = infer_pattern("https://contoh.id/", [("https://contoh.id/bupati-resmikan-pasar-ikan/", True),
                                                 ("https://contoh.id/warga-gotong-royong-bersihkan/", True)])
    assert plain is not None and not re.match(plain.pattern, "https://contoh.id/news-sitemap-1.xml")
    dotted = infer_pattern("https://contoh.id/", [("https://contoh.id/harga-emas-rp1.5-juta-per-gram/", True),
                                                  ("https://contoh.id/warga-gotong-royong-bersihkan/", True)])
    assert dotted is not None and re.match(dotted.pattern, "https://contoh.id/ihsg-naik-0.8-persen-hari-ini/")


@pytest.mark.parametrize("count", [4, 6])
def test_a_first_word_stories_share_by_chance_is_not_a_prefix(count: int) -> None:
    """Post-name stories that all start with "bupati-" say nothing about the next one: the pages beside them
    (WordPress static pages) are not named by a first word the way Lokomedia's kategori-/tag-/halaman- are."""
    stories = ["resmikan-pasar-ikan-baru", "lantik-pejabat-administrator", "tinjau-lokasi-banjir",
               "buka-festival-budaya", "serahkan-bantuan-beras", "pimpin-apel-netralitas-asn"][:count]
    found = infer_pattern("https://contoh.id/", [(f"https://contoh.id/bupati-{s}/", True) for s in stories] + [
        (f"https://contoh.id/{p}/", False) for p in ("tentang-kami", "hubungi-kami", "pedoman-media-siber")])
    assert found is not None
    assert re.match(found.pattern, "https://contoh.id/warga-gotong-royong-bersihkan-saluran/")


def test_nothing_article_shaped_gives_no_pattern() -> None:
    assert infer_pattern("https://contoh.id/", [
        ("https://contoh.id/tag/pilkada", False), ("https://contoh.id/kontak", False),
        ("https://contoh.id/category/berita/", False), ("https://lain.id/berita/1/judul-berita-ini", True),
    ]) is None


@pytest.mark.parametrize(("segment", "kind"), [
    ("2024", "year"), ("10", "small"), ("381390", "id"), ("d-7512345", "prefixed"), ("sk1234567", "prefixed"),
    ("20241001123456-617-1150000", "dashed"), ("1234-nelayan-koba-terima-bantuan", "idslug"),
    ("bawaslu-ingatkan-asn", "word"), ("berita", "word"), ("pemilu-2024", "word"), ("8812.html", "id"),
    ("berita-3208-banjir-rendam-rumah.html", "wordid"), ("pilkada-2024-kpu-tetapkan-dpt", "word"),
    ("kategori-1-politik.html", "word"), ("semua-berita-2.html", "word"),
])
def test_segment_kinds(segment: str, kind: str) -> None:
    assert segment_kind(segment) == kind


def test_scope_of_home_url() -> None:
    assert scope_of("https://Babel.AntaraNews.com") == "https://babel.antaranews.com/"
    assert scope_of("https://www.detik.com/sumut") == "https://www.detik.com/sumut/"
    assert scope_of("https://contoh.id/index.php") == "https://contoh.id/"
