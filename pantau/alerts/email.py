"""Alert messages, in Indonesian, as plain text and HTML.

Per article: headline, outlet (by name), published time in WIB, region, each tag with
the sentence that triggered it (tags sharing one sentence together), each quoted
official with one quote, a snippet cut at a word, and the link. A digest puts a
period's articles in one message. Everything taken from articles is HTML-escaped.

Headers as a mail client shows them: ``Date`` in WIB (+0700, the readers' zone), and
lines up to 998 characters (RFC 5322's limit) so a headline-long subject stays on its
``Subject:`` line instead of being folded, which some clients show as a leading space.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Sequence
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

from pantau.analysis.taxonomy import label
from pantau.config import AlertRule
from pantau.outlet_names import outlet_name
from pantau.text import evidence_by_sentence, pair_quotes, place_line, published_line, shorten
from pantau.wib import WIB

SNIPPET_CHARS = 320
QUOTE_CHARS = 300
MAIL_POLICY = policy.default.clone(max_line_length=998)


def _region(doc: dict[str, Any]) -> str:
    return "; ".join(place_line(r) for r in doc.get("regions") or []) or "wilayah tidak diketahui"


def _sections(doc: dict[str, Any]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(tag labels, evidence sentence) pairs and (official, one quote) pairs."""
    tags = [(", ".join(label(t) for t in grouped), sentence) for grouped, sentence in evidence_by_sentence(doc)]
    quoted: dict[str, tuple[str, str]] = {}
    for quote in doc.get("quotes") or []:
        if quote.get("speaker") and quote["speaker"] not in quoted:
            who = quote["speaker"] + (f" ({quote['role']})" if quote.get("role") else "")
            quoted[quote["speaker"]] = (who, shorten(quote["text"], QUOTE_CHARS))
    return tags, list(quoted.values())


def _snippet(doc: dict[str, Any]) -> str:
    return pair_quotes(shorten(doc.get("body") or "", SNIPPET_CHARS))


def _article_text(doc: dict[str, Any]) -> str:
    tags, quotes = _sections(doc)
    lines = [doc.get("title") or "(tanpa judul)",
             f"{outlet_name(doc['outlet'])} · {published_line(doc.get('published'))} · {_region(doc)}", ""]
    lines += ["Topik:"] + [f"  - {label}: {sentence}" for label, sentence in tags]
    if quotes:
        lines += ["Kutipan pejabat:"] + [f"  - {who}: “{text}”" for who, text in quotes]
    lines += ["", _snippet(doc), f"Baca: {doc['url']}"]
    return "\n".join(lines)


def _article_html(doc: dict[str, Any]) -> str:
    e = html.escape
    tags, quotes = _sections(doc)
    parts = [
        f"<h2><a href=\"{e(doc['url'])}\">{e(doc.get('title') or '(tanpa judul)')}</a></h2>",
        f"<p>{e(outlet_name(doc['outlet']))} · {e(published_line(doc.get('published')))} · {e(_region(doc))}</p>",
        "<p><b>Topik</b></p><ul>" + "".join(f"<li><b>{e(label)}</b>: {e(s)}</li>" for label, s in tags) + "</ul>",
    ]
    if quotes:
        parts.append("<p><b>Kutipan pejabat</b></p><ul>"
                     + "".join(f"<li>{e(who)}: “{e(text)}”</li>" for who, text in quotes) + "</ul>")
    parts.append(f"<p>{e(_snippet(doc))}</p><p><a href=\"{e(doc['url'])}\">Baca selengkapnya</a></p>")
    return "\n".join(parts)


def new_message(sender: str, recipients: Sequence[str], subject: str, key: str | None = None) -> EmailMessage:
    """The headers every pantau mail has: From, To, Subject, Date in WIB (+0700), a Message-ID.

    ``key``: what the message is about; the same key gives the same Message-ID on every try, so a
    mail system that de-duplicates by Message-ID shows a message sent twice (see the outbox) once.
    """
    domain = sender.rpartition("@")[2] or "pantau.local"
    message = EmailMessage(policy=MAIL_POLICY)
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime.now(WIB))
    message["Message-ID"] = make_msgid(domain=domain) if key is None else \
        f"<pantau.{hashlib.sha1(key.encode()).hexdigest()[:32]}@{domain}>"
    return message


def _message(rule: AlertRule, sender: str, subject: str, text: str, body_html: str,
             key: str | None = None) -> EmailMessage:
    message = new_message(sender, rule.recipients, subject, key)
    message["X-Pantau-Rule"] = rule.name
    message.set_content(text + f"\n\n— pantau, aturan peringatan “{rule.name}”\n")
    message.add_alternative(f"<html><body>{body_html}<hr><p>pantau, aturan peringatan "
                            f"“{html.escape(rule.name)}”</p></body></html>", subtype="html")
    return message


def article_message(rule: AlertRule, doc: dict[str, Any], sender: str) -> EmailMessage:
    message = _message(rule, sender, f"[pantau] {doc.get('title') or doc['url']}", _article_text(doc),
                       _article_html(doc), key=f"{rule.name}\n{doc['url']}")
    message["X-Pantau-Story"] = doc["url"]
    return message


def digest_message(rule: AlertRule, docs: list[dict[str, Any]], sender: str) -> EmailMessage:
    text = "\n\n".join(f"{i}. " + _article_text(d) for i, d in enumerate(docs, 1))
    body_html = "<hr>".join(_article_html(d) for d in docs)
    return _message(rule, sender, f"[pantau] Ringkasan {rule.name}: {len(docs)} berita netralitas ASN",
                    f"{len(docs)} berita baru untuk aturan “{rule.name}”:\n\n{text}", body_html,
                    key="\n".join([rule.name, *sorted(d["url"] for d in docs)]))


def trial_message(rule: AlertRule, sender: str) -> EmailMessage:
    return _message(rule, sender, f"[pantau] Uji coba aturan {rule.name}",
                    "Ini pesan uji coba dari pantau. Jika Anda menerimanya, pengiriman email berfungsi.",
                    "<p>Ini pesan uji coba dari pantau. Jika Anda menerimanya, pengiriman email berfungsi.</p>")
