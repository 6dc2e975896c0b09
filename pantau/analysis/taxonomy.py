"""Tag ids and labels of docs/taxonomy.md.

Ids are stable: they are Elasticsearch keyword values, Kibana filters and
alert-rule terms. Labels may be translated.
"""

NEUTRALITY = "netralitas-asn"

# id -> (label id, label en), in the order of the taxonomy table.
TAGS: dict[str, tuple[str, str]] = {
    NEUTRALITY: ("Netralitas ASN", "Civil-servant neutrality"),
    "imbauan": ("Imbauan / peringatan", "Advisory / warning"),
    "dugaan-pelanggaran": ("Dugaan pelanggaran", "Alleged violation"),
    "sanksi": ("Sanksi", "Sanctions"),
    "media-sosial": ("Media sosial", "Social media conduct"),
    "foto-pose": ("Foto & pose", "Photos and gestures"),
    "kampanye": ("Keterlibatan kampanye", "Campaign involvement"),
    "pelaporan": ("Pelaporan", "Reporting channels"),
    "pengawasan": ("Pengawasan", "Monitoring"),
    "regulasi": ("Dasar hukum", "Legal basis"),
    "perangkat-desa": ("Kepala & perangkat desa", "Village officials"),
    "pemilu-2024": ("Pemilu 2024", "2024 general election"),
    "pilkada-2024": ("Pilkada 2024", "2024 regional elections"),
}

TAG_IDS: frozenset[str] = frozenset(TAGS)


def label(tag: str) -> str:
    """The Indonesian label of a tag; the id itself for one the taxonomy no longer has (an old article)."""
    return TAGS[tag][0] if tag in TAGS else tag
