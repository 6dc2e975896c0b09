"""Synthetic Indonesian regional news, deterministic from an index.

Every benchmark needs many articles that make the analysis do real work:
officials with titles, quotations with attribution verbs, datelines naming
towns, neutrality cues (advisories, alleged violations, sanctions, social
media, village heads) mixed with ordinary local news that carries none. The
text is assembled from the sentence templates and word lists below, seeded by
the article's index, so ``story(i)`` is the same article in every process (the
site server, the crawl references and the stage timings all see the same page).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from pantau.wib import WIB

EPOCH = datetime(2024, 1, 2, 7, 0, tzinfo=WIB)
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


@dataclass(frozen=True)
class Place:
    province: str
    regency: str  # "Kabupaten X" / "Kota X"
    short: str  # how copy names it: "Belitung", "Bengkulu Utara"
    town: str  # the dateline town


PLACES: tuple[Place, ...] = (
    Place("Kepulauan Bangka Belitung", "Kabupaten Belitung", "Belitung", "Tanjungpandan"),
    Place("Kepulauan Bangka Belitung", "Kabupaten Belitung Timur", "Belitung Timur", "Manggar"),
    Place("Kepulauan Bangka Belitung", "Kabupaten Bangka", "Bangka", "Sungailiat"),
    Place("Kepulauan Bangka Belitung", "Kabupaten Bangka Tengah", "Bangka Tengah", "Koba"),
    Place("Kepulauan Bangka Belitung", "Kabupaten Bangka Selatan", "Bangka Selatan", "Toboali"),
    Place("Kepulauan Bangka Belitung", "Kabupaten Bangka Barat", "Bangka Barat", "Muntok"),
    Place("Kepulauan Bangka Belitung", "Kota Pangkalpinang", "Pangkalpinang", "Pangkalpinang"),
    Place("Bengkulu", "Kota Bengkulu", "Kota Bengkulu", "Bengkulu"),
    Place("Bengkulu", "Kabupaten Bengkulu Utara", "Bengkulu Utara", "Arga Makmur"),
    Place("Bengkulu", "Kabupaten Rejang Lebong", "Rejang Lebong", "Curup"),
    Place("Bengkulu", "Kabupaten Kaur", "Kaur", "Bintuhan"),
    Place("Bengkulu", "Kabupaten Mukomuko", "Mukomuko", "Mukomuko"),
    Place("Sumatera Selatan", "Kabupaten Ogan Komering Ilir", "Ogan Komering Ilir", "Kayuagung"),
    Place("Sumatera Selatan", "Kota Palembang", "Palembang", "Palembang"),
    Place("Sumatera Selatan", "Kabupaten Musi Banyuasin", "Musi Banyuasin", "Sekayu"),
    Place("Jambi", "Kabupaten Kerinci", "Kerinci", "Siulak"),
    Place("Jambi", "Kabupaten Muaro Jambi", "Muaro Jambi", "Sengeti"),
    Place("Riau", "Kabupaten Kampar", "Kampar", "Bangkinang"),
    Place("Riau", "Kabupaten Indragiri Hilir", "Indragiri Hilir", "Tembilahan"),
    Place("Kepulauan Riau", "Kabupaten Karimun", "Karimun", "Tanjung Balai Karimun"),
    Place("Kepulauan Riau", "Kabupaten Natuna", "Natuna", "Ranai"),
    Place("Lampung", "Kabupaten Lampung Selatan", "Lampung Selatan", "Kalianda"),
    Place("Lampung", "Kabupaten Tanggamus", "Tanggamus", "Kotaagung"),
    Place("Kalimantan Barat", "Kabupaten Sambas", "Sambas", "Sambas"),
    Place("Kalimantan Barat", "Kabupaten Ketapang", "Ketapang", "Ketapang"),
    Place("Sulawesi Tengah", "Kabupaten Poso", "Poso", "Poso"),
    Place("Nusa Tenggara Barat", "Kabupaten Lombok Timur", "Lombok Timur", "Selong"),
    Place("Jawa Tengah", "Kabupaten Banyumas", "Banyumas", "Purwokerto"),
    Place("Jawa Timur", "Kabupaten Jember", "Jember", "Jember"),
    Place("Maluku Utara", "Kabupaten Halmahera Barat", "Halmahera Barat", "Jailolo"),
)

FIRST_NAMES = ("Ahmad", "Budi", "Rudi", "Hendra", "Yuliana", "Sri", "Dedi", "Agus", "Rina", "Fitriani",
               "Heikal", "Joko", "Mikron", "Nurman", "Robianto", "Isnan", "Juaidi", "Asyraf", "Dewi", "Eko",
               "Syamsul", "Wahyu", "Teguh", "Indra", "Kurniawan", "Siti", "Lestari", "Bambang", "Yusuf",
               "Rahmat", "Zulkarnain", "Marlina", "Herman", "Gusti", "Irwan", "Novita", "Arif", "Fajar")
LAST_NAMES = ("Saputra", "Alamsyah", "Fikri", "Susilo", "Hidayat", "Pratama", "Antariksa", "Sunanda",
              "Fajri", "Suryadin", "Wijaya", "Setiawan", "Kurnia", "Rahman", "Nugroho", "Siregar",
              "Harahap", "Lubis", "Syahputra", "Maulana", "Hakim", "Ramadhan", "Gunawan", "Purnomo",
              "Wibowo", "Santoso", "Firmansyah", "Hasibuan", "Tanjung", "Marpaung")
# "{where}" is the regency as copy writes it ("Belitung", "Kota Bengkulu").
ROLES = ("Bupati {where}", "Penjabat Bupati {where}", "Sekretaris Daerah {where}", "Ketua Bawaslu {where}",
         "Kepala BKPSDM {where}", "Ketua KPU {where}", "Inspektur Daerah {where}", "Kapolres {where}",
         "Anggota Bawaslu {where}", "Kepala Dinas Kominfo {where}", "Camat {town}", "Kepala Desa {village}")
VILLAGES = ("Air Saga", "Membalong", "Sijuk", "Kelubi", "Simpang Renggiang", "Lubuk Besar", "Rias",
            "Penyak", "Kemuja", "Tanjung Gunung", "Air Putih", "Padang Jaya", "Sungai Liat Tengah")
WEEKDAY_FORMS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

# Neutrality stories: lead, body sentences, quotes. Slots: {role} {name} {short} {where} {town}
# {province} {day} {village} {n} {party}.
NEUTRAL_LEADS = (
    "{role} {name} mengingatkan seluruh aparatur sipil negara (ASN) di lingkungan Pemerintah {where} "
    "untuk menjaga netralitas menjelang Pilkada 2024.",
    "{role} {name} mengimbau ASN dan kepala desa di {where} tidak terlibat politik praktis selama masa "
    "kampanye Pemilu 2024.",
    "Badan Pengawas Pemilu (Bawaslu) {where} menerima laporan dugaan pelanggaran netralitas ASN yang "
    "mengunggah foto bersama calon legislatif di media sosial.",
    "Sebanyak {n} ASN di lingkungan Pemerintah {where} dijatuhi sanksi karena terbukti melanggar "
    "netralitas dalam Pemilu 2024, kata {role} {name}.",
    "{role} {name} menegaskan kepala desa dan perangkat desa di {where} dilarang ikut kampanye pasangan "
    "calon kepala daerah.",
)
NEUTRAL_SENTENCES = (
    "ASN dilarang memberikan tanda suka, mengomentari atau membagikan unggahan peserta pemilu di media "
    "sosial.",
    "Larangan itu diatur dalam Undang-Undang Nomor 20 Tahun 2023 tentang ASN dan Surat Keputusan Bersama "
    "lima instansi tentang pedoman netralitas pegawai.",
    "Bawaslu {short} telah membentuk posko pengaduan di setiap kecamatan untuk menampung laporan "
    "masyarakat.",
    "Pegawai yang terbukti berpihak dapat dikenai hukuman disiplin mulai dari teguran tertulis hingga "
    "penurunan jabatan.",
    "Menurut dia, pose jari yang menyerupai nomor urut pasangan calon juga dapat dianggap sebagai bentuk "
    "keberpihakan.",
    "Hasil klarifikasi terhadap terlapor akan diteruskan kepada Badan Kepegawaian Negara untuk "
    "ditindaklanjuti.",
    "Selama masa kampanye, pengawas kelurahan dan desa diminta mencatat setiap kegiatan yang dihadiri "
    "aparatur pemerintah.",
    "Pemerintah {where} juga menyebarkan surat edaran kepada seluruh kepala perangkat daerah dan camat.",
    "Kepala desa {village} sempat dipanggil untuk dimintai keterangan terkait kehadirannya dalam "
    "kampanye {party}.",
    "Masyarakat dapat melapor melalui nomor pengaduan atau datang langsung ke kantor Bawaslu {short}.",
)
NEUTRAL_QUOTES = (
    "ASN harus netral, tidak boleh ada tawar-menawar soal itu",
    "Kami tidak akan ragu memberikan sanksi kepada pegawai yang terbukti melanggar",
    "Jangan sampai ASN terjebak dalam politik praktis hanya karena unggahan di media sosial",
    "Silakan masyarakat melapor jika menemukan ASN yang tidak netral, identitas pelapor kami lindungi",
    "Kepala desa adalah pelayan masyarakat, jadi tidak boleh memihak kepada salah satu pasangan calon",
    "Kami sudah mengklarifikasi terlapor dan hasilnya akan kami teruskan ke BKN",
    "Netralitas ASN adalah kunci agar pilkada berjalan jujur dan adil",
)
OTHER_LEADS = (
    "Harga cabai merah di Pasar {town} turun menjadi Rp{n} ribu per kilogram menjelang akhir pekan.",
    "Dinas Kesehatan {where} mengimbau warga mewaspadai demam berdarah saat musim hujan.",
    "Pemerintah {where} menyalurkan bantuan beras kepada {n} keluarga penerima manfaat.",
    "Ratusan warga {village} bergotong royong membersihkan saluran air menjelang musim hujan.",
    "Pemuda {town} menggelar turnamen sepak bola antardesa yang diikuti {n} tim.",
)
OTHER_SENTENCES = (
    "Kegiatan itu dihadiri perwakilan kecamatan, tokoh masyarakat dan warga setempat.",
    "Menurut pedagang, pasokan dari daerah sentra produksi kembali normal sejak pekan lalu.",
    "Petugas juga melakukan pengasapan di beberapa lingkungan yang ditemukan jentik nyamuk.",
    "Bantuan tersebut bersumber dari cadangan pangan pemerintah daerah tahun anggaran 2024.",
    "Panitia berharap kegiatan serupa dapat digelar setiap tahun untuk mempererat persaudaraan.",
    "Warga diminta menguras, menutup dan mendaur ulang barang bekas yang dapat menampung air.",
    "Jalan menuju lokasi sempat tergenang setelah hujan deras mengguyur {town} sejak sore.",
    "Pihaknya akan terus memantau perkembangan harga bahan pokok hingga akhir tahun.",
)
OTHER_QUOTES = (
    "Kami berharap harga tetap stabil sampai akhir tahun",
    "Warga jangan panik, petugas kami siaga di setiap puskesmas",
    "Bantuan ini semoga meringankan beban keluarga yang membutuhkan",
    "Gotong royong seperti ini harus terus kita jaga bersama",
)
# Detail sentences are assembled from these parts, so stories share few word 5-grams (as real ones do).
DETAIL_SUBJECTS = ("Petugas gabungan", "Tim pemantau kecamatan", "Sejumlah warga", "Para camat", "Pengurus RT",
                   "Relawan demokrasi", "Dinas terkait", "Perwakilan organisasi pemuda", "Tokoh adat",
                   "Pengawas kelurahan", "Anggota DPRD setempat", "Pelajar dan mahasiswa")
DETAIL_VERBS = ("mendatangi", "meninjau", "memeriksa", "mendata ulang", "mengunjungi", "menyisir",
                "membahas", "menggelar pertemuan di", "menyampaikan aspirasi ke", "mengecek kesiapan")
DETAIL_OBJECTS = ("balai desa", "kantor kecamatan", "gudang logistik", "pasar tradisional", "posko terpadu",
                  "sekretariat panitia", "aula kantor bupati", "gedung serbaguna", "rumah dinas camat",
                  "lapangan kantor desa", "pelabuhan rakyat", "puskesmas pembantu")
DETAIL_TIMES = ("pada pagi hari", "sejak pukul {h}.00 WIB", "hingga sore", "selama {d} hari terakhir",
                "sepanjang pekan ini", "menjelang akhir bulan", "setelah salat Jumat", "pada malam hari")
DETAIL_TAILS = ("bersama {n} orang peserta", "dengan anggaran Rp{n} juta", "di {village}", "di Kecamatan {town}",
                "yang berjarak {d} kilometer dari pusat kota", "atas undangan pemerintah desa",
                "sesuai jadwal yang disusun panitia", "tanpa kendala berarti")
ATTRIBUTIONS = ('"{q}," kata {role} {name} di {town}, {day}.', '"{q}," ujar {short_name}.',
                '"{q}," tegasnya.', '{short_name} menegaskan, "{q}."', '"{q}," katanya menambahkan.')
PARTIES = ("salah satu calon bupati", "pasangan calon nomor urut 2", "calon anggota DPRD", "partai politik")
TAG_WORDS = ("netralitas ASN", "Pilkada 2024", "Pemilu 2024", "Bawaslu", "kepala desa", "pemerintahan",
             "ekonomi", "kesehatan", "olahraga")


@dataclass(frozen=True)
class Story:
    """One synthetic article: what the page templates and the store benchmark need."""

    index: int
    title: str
    paragraphs: tuple[str, ...]
    author: str
    editor: str
    published: datetime
    place: Place
    speaker: str
    role: str
    neutrality: bool
    tags: tuple[str, ...]

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.title.casefold()).strip("-")[:80]

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def _detail(rng: random.Random, slots: dict[str, str]) -> str:
    """One sentence of concrete detail, assembled from parts."""
    values = {**slots, "h": str(rng.randrange(7, 17)), "d": str(rng.randrange(2, 40)),
              "n": str(rng.randrange(5, 900))}
    return " ".join((rng.choice(DETAIL_SUBJECTS), rng.choice(DETAIL_VERBS), rng.choice(DETAIL_OBJECTS),
                     rng.choice(DETAIL_TAILS).format(**values), rng.choice(DETAIL_TIMES).format(**values))) + "."


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


@cache
def story(index: int, *, paragraphs: int = 18) -> Story:
    """Article ``index``: about 60% neutrality stories, the rest ordinary local news (memoised)."""
    rng = random.Random(index * 7919 + 17)
    place = rng.choice(PLACES)
    neutrality = rng.random() < 0.6
    name = _person(rng)
    village = rng.choice(VILLAGES)
    where = place.short if place.regency.startswith("Kabupaten") else place.regency
    role = rng.choice(ROLES).format(where=where, town=place.town, village=village)
    published = EPOCH + timedelta(minutes=37 * index + rng.randrange(30))
    slots = {
        "role": role, "name": name, "short": place.short, "where": where, "town": place.town,
        "province": place.province, "day": DAYS[published.weekday()], "village": village,
        "n": str(rng.randrange(3, 400)), "party": rng.choice(PARTIES), "short_name": name.split()[-1],
    }
    leads: tuple[str, ...]
    sentences: tuple[str, ...]
    quotes: tuple[str, ...]
    leads, sentences, quotes = ((NEUTRAL_LEADS, NEUTRAL_SENTENCES, NEUTRAL_QUOTES) if neutrality
                                else (OTHER_LEADS, OTHER_SENTENCES, OTHER_QUOTES))
    # each story draws on its own part of the pools, so stories differ in cues (and so in tags)
    sentences = tuple(rng.sample(sentences, k=min(len(sentences), 6)))
    quotes = tuple(rng.sample(quotes, k=min(len(quotes), 4)))
    dateline = f"{place.town.upper()} - "
    body = [dateline + rng.choice(leads).format(**slots)]
    while len(body) < paragraphs:
        if rng.random() < 0.4:
            body.append(rng.choice(ATTRIBUTIONS).format(q=rng.choice(quotes), **slots))
        else:
            cue = rng.choice(sentences).format(**slots)
            body.append(" ".join([cue, *(_detail(rng, slots) for _ in range(rng.randint(1, 2)))]))
        if rng.random() < 0.15:  # a second official quoted in the same story
            other, other_role = _person(rng), rng.choice(ROLES).format(where=where, town=place.town,
                                                                       village=village)
            body.append(f'"{rng.choice(quotes)}," kata {other_role} {other}.')
    title_word = rng.choice(("ingatkan", "imbau", "minta", "tegaskan")) if neutrality else "soroti"
    subject = rng.choice(("ASN jaga netralitas jelang Pilkada 2024", "kepala desa tidak ikut kampanye",
                          "ASN bijak bermedia sosial", "sanksi bagi ASN yang tidak netral")) if neutrality \
        else body[0].split(" - ", 1)[1].split(",")[0][:60].rstrip(".")
    actor = rng.choice(("Pemkab", "Bawaslu", "Sekda", "Bupati", "Pj Bupati", "BKPSDM", "KPU"))
    title = f"{actor} {place.short} {title_word} {subject}" if neutrality else subject
    tags = tuple(rng.sample(TAG_WORDS[:5] if neutrality else TAG_WORDS[5:], k=3 if neutrality else 2))
    return Story(index=index, title=f"{title} ({index})", paragraphs=tuple(body[:paragraphs]),
                 author=_person(rng), editor=_person(rng), published=published, place=place,
                 speaker=name, role=role, neutrality=neutrality, tags=tags)
