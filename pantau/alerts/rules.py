"""Which stored articles an alert rule wants (contract: docs/configuration.md, ``[[alert]]``)."""

from __future__ import annotations

from typing import Any

from pantau.analysis.region_names import names_matching
from pantau.analysis.taxonomy import NEUTRALITY
from pantau.config import AlertRule
from pantau.store import ArticleStore


def rule_matches(rule: AlertRule, doc: dict[str, Any], store: ArticleStore) -> bool:
    """Every rule requires ``netralitas-asn``; the other conditions narrow it down."""
    tags = set(doc.get("tags") or [])
    if NEUTRALITY not in tags:
        return False
    if rule.tags_any and not tags & set(rule.tags_any):
        return False
    if rule.tags_all and not set(rule.tags_all) <= tags:
        return False
    if rule.outlets and doc.get("outlet") not in rule.outlets:
        return False
    if rule.regions:
        wanted = {name.casefold() for region in rule.regions for name in names_matching(region)}
        places = {p.casefold() for region in doc.get("regions") or [] for p in region.values() if p}
        if not wanted & places:
            return False
    return not rule.query or store.matches(doc["url"], rule.query)
