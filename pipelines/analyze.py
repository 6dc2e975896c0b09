"""Stage 4: quotes, officials, regions and tags: the same analysis as ``pantau analyze``."""

from __future__ import annotations

from crawler.items import PageItem
from pantau.analysis.core import analyze_clean_body


class AnalyzePipeline:
    def process_item(self, item: PageItem) -> PageItem:
        item.analysis = analyze_clean_body(item.body, title=item.title, language=item.language,
                                           fallback_region=item.fallback_region)
        return item
