"""Alert mail as an analyst reads it: outlet names, one line per evidence, cuts at words, paired quotes,
a WIB Date header and a subject on its own line."""

from __future__ import annotations

import email
import re
from email import policy
from typing import Any

from pantau.alerts.email import QUOTE_CHARS, SNIPPET_CHARS, article_message, digest_message
from pantau.config import AlertRule
from pantau.outlet_names import outlet_name

RULE = AlertRule(name="uji", recipients=["analis@example.org"])
OPENING = "Bawaslu Belitung mengimbau seluruh ASN menjaga netralitas selama masa kampanye Pilkada 2024."
TITLE = ("Bawaslu Basel Ingatkan ASN Jaga Netralitas dalam Beraktivitas di Medsos Menjelang Hari Pemungutan "
         "Suara Pilkada Serentak 2024")


def doc(body: str = OPENING + " Kata demi kata " * 40) -> dict[str, Any]:
    return {
        "id": "x", "url": "https://babel.antaranews.com/berita/1/x", "outlet": "antara-babel", "title": TITLE,
        "published": "2024-11-01T09:30:00+07:00", "body": body,
        "tags": ["netralitas-asn", "imbauan", "pengawasan", "sanksi", "kampanye"],
        "tag_evidence": [
            {"tag": "netralitas-asn", "sentences": [OPENING]},
            {"tag": "imbauan", "sentences": [OPENING]},
            {"tag": "pengawasan", "sentences": [OPENING]},
            {"tag": "sanksi", "sentences": [OPENING, "“Pelanggaran akan kami proses sesuai aturan."]},
            {"tag": "kampanye", "sentences": ["segera dilaporkan,” ucap Azhari."]},
        ],
        "regions": [{"province": "Kepulauan Bangka Belitung", "regency": "Kabupaten Belitung"}],
        "quotes": [{"text": "Jangan " + "ikut kampanye, " * 40, "speaker": "Azhari", "role": "Ketua Bawaslu",
                    "start": 0, "end": 1}],
    }


def plain(message: Any) -> str:
    return str(message.get_body(("plain",)).get_content())


def test_outlet_by_name_and_topics_grouped_by_sentence() -> None:
    text = plain(article_message(RULE, doc(), "pantau@localhost"))
    assert outlet_name("antara-babel") != "antara-babel"
    assert f"\n{outlet_name('antara-babel')} · 01-11-2024 09:30 WIB · " in text
    topics = text.split("Topik:\n")[1].split("Kutipan pejabat:")[0].splitlines()
    assert topics == [
        f"  - Netralitas ASN, Imbauan / peringatan, Pengawasan: {OPENING}",
        "  - Sanksi: “Pelanggaran akan kami proses sesuai aturan.”",  # its own sentence, quote closed
        "  - Keterlibatan kampanye: “segera dilaporkan,” ucap Azhari.",  # quote opened
    ]


def test_snippets_and_quotes_cut_at_a_word_with_an_ellipsis_only_when_cut() -> None:
    text = plain(article_message(RULE, doc(), "pantau@localhost"))
    snippet = text.split("\nBaca: ")[0].rsplit("\n", 1)[1]
    assert re.search(r" (Kata|demi|kata)…$", snippet) and len(snippet) <= SNIPPET_CHARS
    quote = re.search(r"Azhari \(Ketua Bawaslu\): “(.*)”", text)
    assert quote and re.search(r" (ikut|kampanye)…$", quote.group(1)) and len(quote.group(1)) <= QUOTE_CHARS
    short = plain(article_message(RULE, doc(OPENING), "pantau@localhost"))
    assert f"\n\n{OPENING}\nBaca: " in short and "…" not in short.split("Kutipan pejabat:")[0]


def test_date_in_wib_and_the_subject_on_its_own_line() -> None:
    raw = bytes(article_message(RULE, doc(), "pantau@localhost"))
    headers = raw.split(b"\n\n", 1)[0].decode()
    assert re.search(r"^Date: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0700$", headers, re.M)
    assert f"\nSubject: [pantau] {TITLE}\n" in headers
    for parse in (policy.compat32, policy.default):
        assert str(email.message_from_bytes(raw, policy=parse)["Subject"]) == f"[pantau] {TITLE}"


def test_digest_keeps_quote_marks_paired() -> None:
    text = plain(digest_message(RULE, [doc(), doc()], "pantau@localhost"))
    for line in text.splitlines():
        assert line.count("“") == line.count("”"), line


def test_the_mail_and_the_browse_page_tell_an_article_alike() -> None:
    """Time, region and tag labels come from one place (pantau.text, the taxonomy) for both."""
    from pantau.browse.plugin import article_context

    article = doc()
    article["tags"].append("tag-lama")  # a tag the taxonomy no longer has: shown by its id
    article["regions"].append({"province": "Bengkulu", "regency": None})
    page = article_context(article)
    text = plain(article_message(RULE, article, "pantau@localhost"))
    assert page["when"] == "01-11-2024 09:30 WIB"
    assert page["regions"] == ["Kabupaten Belitung, Kepulauan Bangka Belitung", "Bengkulu"]
    assert f" · {page['when']} · {'; '.join(page['regions'])}\n" in text
    topics = text.split("Topik:\n")[1].split("Kutipan pejabat:")[0]
    for labels, sentence in page["tags"]:
        assert f"  - {', '.join(name for name, _ in labels)}: {sentence}" in topics
    assert ("tag-lama", "tag-lama") in [pair for labels, _ in page["tags"] for pair in labels]
    undated = article_context({**article, "published": None})
    assert undated["when"] == "waktu terbit tidak diketahui" and "waktu terbit tidak diketahui" in \
        plain(article_message(RULE, {**article, "published": None}, "pantau@localhost"))
