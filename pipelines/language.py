"""Stage 3: the body's language (deterministic langdetect, with a Malay check)."""

from __future__ import annotations

from pantau.analysis.language import detect_language

from crawler.items import PageItem


class LanguagePipeline:
    def process_item(self, item: PageItem) -> PageItem:
        item.language = detect_language(item.body)
        return item
