"""The bundled fixture news site: six local outlets over loopback HTTP, for tests and ``pantau demo``.

See :mod:`pantau.fixture_site.server` for what is served, the fault pages and the expected crawl behaviour.
"""

from pantau.fixture_site.server import FAULT_OUTLET, FixtureSite, RequestRecord

__all__ = ["FAULT_OUTLET", "FixtureSite", "RequestRecord"]
