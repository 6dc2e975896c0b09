"""Reading stored documents back into articles: the input side of ``pantau import``.

``Article.to_doc()`` is what both stores keep and what ``pantau export`` prints;
this is its inverse, with the checks a file from elsewhere needs (an export of
another pantau, an edited file). pydantic validates the document against the
same dataclasses the analysis fills, so a document that imports is one the
stores, the search and Kibana can use; one that does not gets a one-line reason
naming the field.
"""

from __future__ import annotations

from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, ValidationError

from pantau.models import Analysis, Article, Official, Quote, Region, TagEvidence

__all__ = ["DocumentError", "article_from_doc"]


class DocumentError(ValueError):
    """The object is not an article document; the message names the first wrong field."""


class _Document(BaseModel):
    """The fields of ``Article.to_doc()``; others (``id``, derived from the URL) are ignored."""

    model_config = ConfigDict(extra="ignore", strict=False)

    url: str
    outlet: str
    title: str | None = None
    published: AwareDatetime | None = None
    fetched: AwareDatetime
    author: str | None = None
    editor: str | None = None
    language: str
    body: str
    tags: list[str] = []
    tag_evidence: list[TagEvidence] = []
    regions: list[Region] = []
    officials: list[Official] = []
    quotes: list[Quote] = []
    # absent in a hand-made document: the first crawl of the page then finds it "updated"
    fingerprint: str = ""
    duplicate_of: str | None = None


def article_from_doc(obj: Any) -> Article:
    """The article of a document (a parsed JSON object), or :class:`DocumentError`."""
    if not isinstance(obj, dict):
        raise DocumentError(f"not a JSON object but {type(obj).__name__}")
    try:
        doc = _Document.model_validate(obj)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "document"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise DocumentError(f"{where}: {first['msg']}{more}") from None
    return Article(
        url=doc.url, outlet=doc.outlet, title=doc.title, published=doc.published, fetched=doc.fetched,
        analysis=Analysis(language=doc.language, body=doc.body, tags=doc.tags, evidence=doc.tag_evidence,
                          regions=doc.regions, officials=doc.officials, quotes=doc.quotes),
        author=doc.author, editor=doc.editor, fingerprint=doc.fingerprint, duplicate_of=doc.duplicate_of,
    )
