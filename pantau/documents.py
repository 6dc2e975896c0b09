"""Reading stored documents back into articles: the input side of ``pantau import``.

``Article.to_doc()`` is what both stores keep and what ``pantau export`` prints;
this is its inverse, with the checks a file from elsewhere needs (an export of
another pantau, an edited file). pydantic validates the document against the
same dataclasses the analysis fills, so a document that imports is one the
stores, the search and Kibana can use; one that does not gets a one-line reason
naming the field.

What a file says is checked, not trusted: the URLs must be absolute http(s)
(stored in canonical form, as the crawl stores them), tags must be in the
taxonomy, a quote must be the text at its offsets in the body, ``duplicate_of``
must name another article, and the fingerprint is computed again from the
headline and body (a stale or made-up one would make the next crawl call a
changed page unchanged).
"""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlsplit

from pydantic import AwareDatetime, BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from pantau.analysis.clean import paragraph_key
from pantau.analysis.taxonomy import TAG_IDS
from pantau.errors import validation_problem
from pantau.models import Analysis, Article, Official, Quote, Region, TagEvidence
from pantau.urls import canonical_url

__all__ = ["DocumentError", "article_from_doc", "fingerprint"]


def fingerprint(title: str | None, body: str) -> str:
    """Equal for the same headline and text, whatever whitespace or punctuation moved."""
    return hashlib.sha1(f"{paragraph_key(title or '')}\n{paragraph_key(body)}".encode()).hexdigest()


def _article_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or value != value.strip() or " " in value:
        raise ValueError(f"not an absolute http(s) URL: {value[:100]!r}")
    return canonical_url(value)


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
    fingerprint: str = ""  # ignored: computed again from title and body
    duplicate_of: str | None = None

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        return _article_url(v)

    @field_validator("duplicate_of")
    @classmethod
    def _original(cls, v: str | None) -> str | None:
        return None if v is None else _article_url(v)

    @field_validator("tags")
    @classmethod
    def _tags(cls, v: list[str]) -> list[str]:
        unknown = [t for t in v if t not in TAG_IDS]
        if unknown:
            raise ValueError(f"tag(s) not in the taxonomy: {unknown}")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> _Document:
        if self.duplicate_of == self.url:
            raise ValueError("duplicate_of: an article cannot be a copy of itself")
        tags = set(self.tags)
        for evidence in self.tag_evidence:
            if evidence.tag not in tags:
                raise ValueError(f"tag_evidence: {evidence.tag!r} is not among the article's tags")
        for number, quote in enumerate(self.quotes):
            if not 0 <= quote.start <= quote.end <= len(self.body) or \
                    self.body[quote.start:quote.end] != quote.text:
                raise ValueError(f"quotes.{number}: the text is not at start {quote.start}, end {quote.end} "
                                 "of the body")
        return self


def article_from_doc(obj: Any) -> Article:
    """The article of a document (a parsed JSON object), or :class:`DocumentError`."""
    if not isinstance(obj, dict):
        raise DocumentError(f"not a JSON object but {type(obj).__name__}")
    try:
        doc = _Document.model_validate(obj)
    except ValidationError as exc:
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise DocumentError(validation_problem(exc, "document") + more) from None
    return Article(
        url=doc.url, outlet=doc.outlet, title=doc.title, published=doc.published, fetched=doc.fetched,
        analysis=Analysis(language=doc.language, body=doc.body, tags=doc.tags, evidence=doc.tag_evidence,
                          regions=doc.regions, officials=doc.officials, quotes=doc.quotes),
        author=doc.author, editor=doc.editor, fingerprint=fingerprint(doc.title, doc.body),
        duplicate_of=doc.duplicate_of,
    )
