"""Run the analysis stages in order (see the package docstring)."""

from __future__ import annotations

from pantau.analysis.clean import clean_body
from pantau.analysis.language import detect_language
from pantau.analysis.quotes import find_quotes_and_officials
from pantau.analysis.regions import find_regions
from pantau.analysis.tags import assign_tags
from pantau.models import Analysis, Region

__all__ = ["analyze", "analyze_clean_body"]


def analyze(text: str, *, title: str | None = None, fallback_region: Region | None = None) -> Analysis:
    """Analyse raw article text (junk and template repeats are cleaned away first)."""
    return analyze_clean_body(clean_body(text, title=title), title=title, fallback_region=fallback_region)


def analyze_clean_body(body: str, *, title: str | None = None, language: str | None = None,
                       fallback_region: Region | None = None) -> Analysis:
    """Analyse a body that is already clean (the crawl pipeline cleans and detects language in its own stages)."""
    language = language or detect_language(body)
    quotes, officials = find_quotes_and_officials(body)
    regions = find_regions(body, title=title, fallback=fallback_region)
    tags, evidence = assign_tags(body, title=title, language=language)
    return Analysis(language=language, body=body, tags=tags, evidence=evidence,
                    regions=regions, officials=officials, quotes=quotes)
