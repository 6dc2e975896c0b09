"""pytest fixtures shared by every test; plain helpers are in ``helpers.py`` (tests import them from there)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d
