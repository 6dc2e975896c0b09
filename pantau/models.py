"""The shapes every part of pantau agrees on.

One article travels as an :class:`Article`: the crawler fills the page fields,
the analysis fills an :class:`Analysis`, the stores persist ``Article.to_doc()``.
The document shape is deliberately the Elasticsearch document (keyword lists,
nested quotes/officials) so the SQLite and Elasticsearch stores index the same
thing and ``pantau export`` prints it unchanged.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Region:
    province: str
    regency: str | None = None


@dataclass
class Official:
    name: str
    role: str | None = None


@dataclass
class Quote:
    text: str
    speaker: str | None
    role: str | None
    start: int
    end: int


@dataclass
class TagEvidence:
    """Why a tag was given: the sentences of the body that triggered it."""

    tag: str
    sentences: list[str]


@dataclass
class Analysis:
    """What ``pantau analyze`` prints (see docs/analysis-output.md), minus page metadata."""

    language: str
    body: str
    tags: list[str] = field(default_factory=list)
    evidence: list[TagEvidence] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class Article:
    """A stored article: page metadata plus its analysis."""

    url: str  # canonical URL, the identity of the story on its outlet
    outlet: str
    title: str | None
    published: datetime | None
    fetched: datetime
    analysis: Analysis
    author: str | None = None
    editor: str | None = None
    fingerprint: str = ""  # hash of the normalised body: equal hash = unchanged page
    duplicate_of: str | None = None  # canonical URL of the earlier article this one copies

    @property
    def id(self) -> str:
        from pantau.urls import article_id

        return article_id(self.url)

    def to_doc(self) -> dict[str, Any]:
        """The JSON document stored, indexed and exported."""
        a = self.analysis
        return {
            "id": self.id,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "fetched": self.fetched.isoformat(),
            "author": self.author,
            "editor": self.editor,
            "language": a.language,
            **_findings(a),
            "fingerprint": self.fingerprint,
            "duplicate_of": self.duplicate_of,
        }


def analysis_to_json(a: Analysis, *, title: str | None = None,
                     published: datetime | None = None) -> dict[str, Any]:
    """The ``pantau analyze`` object, in the field order of the spec."""
    return {
        "language": a.language,
        "title": title,
        "published": published.isoformat() if published else None,
        **_findings(a),
    }


def _findings(a: Analysis) -> dict[str, Any]:
    """Body to quotes, as a stored document and ``pantau analyze`` both write them (in this order)."""
    return {
        "body": a.body,
        "tags": list(a.tags),
        "tag_evidence": [asdict(e) for e in a.evidence],
        "regions": [asdict(r) for r in a.regions],
        "officials": [asdict(o) for o in a.officials],
        "quotes": [asdict(q) for q in a.quotes],
    }
