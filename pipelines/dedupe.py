"""Stage 5: content fingerprint (unchanged pages) and body sketch (syndicated copies).

Which page of a syndicated story is the original is decided when the page is stored
(stage 7, :mod:`pantau.stories`): the decision and the writes it implies must be one step,
under the lock the store stage holds, or two crawls storing one story at once could both
call their page the original.
"""

from __future__ import annotations

from crawler.items import PageItem
from pantau.documents import fingerprint
from pantau.state import body_sketch

__all__ = ["DedupePipeline", "fingerprint"]


class DedupePipeline:
    def process_item(self, item: PageItem) -> PageItem:
        item.fingerprint = fingerprint(item.title, item.body)
        item.sketch = body_sketch(item.body)
        return item
