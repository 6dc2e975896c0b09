"""One walk over a page's JSON-LD: objects, lists and @graph alike; broken or odd blocks skipped."""

from __future__ import annotations

import lxml.html

from pantau.extract import extract_page
from pantau.json_ld import json_ld_objects

ARTICLE = '{"@type": "NewsArticle", "headline": "Sekda imbau ASN netral", "datePublished": "2024-10-01T09:00"}'


def page(*blocks: str) -> str:
    scripts = "".join(f'<script type="application/ld+json">{b}</script>' for b in blocks)
    return f"<html><head>{scripts}</head><body><p>Isi.</p></body></html>"


def test_objects_come_from_objects_lists_and_graphs_in_page_order() -> None:
    html = page('{"@type": "WebSite", "@graph": [{"@type": "Person"}, 3]}', f"[{ARTICLE}, \"x\"]")
    assert [o["@type"] for o in json_ld_objects(lxml.html.fromstring(html))] == ["WebSite", "Person", "NewsArticle"]


def test_broken_and_odd_blocks_are_skipped_not_fatal() -> None:
    """A null @graph, a bare string or number, and text that is no JSON were each a crash or a
    dead end for one of the two readers before they shared this walk."""
    html = page('{"@graph": null}', '"just a string"', "42", "{not json", ARTICLE)
    extracted = extract_page(html, "https://contoh.id/berita/1")
    assert extracted.title == "Sekda imbau ASN netral"
    assert extracted.published is not None and extracted.published.isoformat() == "2024-10-01T09:00:00+07:00"
