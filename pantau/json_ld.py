"""The JSON-LD objects of a page (``<script type="application/ld+json">``), one walk for all readers.

News pages state their headline and publication time there (schema.org ``NewsArticle``), as one
object, a list of objects, or a ``@graph`` of them beside the page's other entities. Blocks that
are not JSON, or JSON that is no object, are skipped: a broken block on a page is common and
says nothing about the article.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement


def json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Each block's object (or the objects of a block that is a list) and its ``@graph``, in page order."""
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        if isinstance(data, dict):
            graph = data.get("@graph")
            data = [data, *(graph if isinstance(graph, list) else [])]
        if isinstance(data, list):
            yield from (node for node in data if isinstance(node, dict))
