"""The bundled fixture news site: six local outlets over loopback HTTP (twelve with ``onboarding=True``).

See :mod:`pantau.fixture_site.server` for what is served, the fault pages and the expected crawl behaviour.
"""

from pantau.fixture_site.server import FAULT_OUTLET, ONBOARDING_GROUP, FixtureSite, RequestRecord

__all__ = ["FAULT_OUTLET", "ONBOARDING_GROUP", "FixtureSite", "RequestRecord"]
