"""Outlet names for people: what mail, the article page and search output say instead of an outlet id."""

from __future__ import annotations

from functools import cache


@cache
def outlet_names() -> dict[str, str]:
    """Outlet id -> name from the built-in registry (outlets from other files are shown by id)."""
    from crawler.outlets import load_registry

    return {outlet.id: outlet.name for outlet in load_registry().values()}


def outlet_name(outlet_id: str) -> str:
    return outlet_names().get(outlet_id, outlet_id)
