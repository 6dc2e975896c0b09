"""The generator of the bundled fixture news site, ``pantau/fixture_site/sites/`` (run ``tools/build_fixture_site.py``).

Why a generator: the fixture outlets share feed, sitemap, robots and page scaffolding, and the
five real seed articles must appear *verbatim* (with the junk their real templates wrap around
them) on the outlet they came from. The parts:

* ``content/*.yaml`` and :mod:`.content`: the articles written for the site, as data;
* :mod:`.seeds`: recipes that turn the real seed articles into articles (body verbatim, junk apart);
* :mod:`.themes`: each outlet's HTML, one class per CMS style;
* :mod:`.feeds`: RSS, Atom, sitemaps and robots.txt;
* :mod:`.outlets`: each outlet's theme, URL shapes, sources and distractors;
* :mod:`.assemble`: every page of every outlet, written with the manifest the server reads.

The generated files are committed, so an installed ``pantau`` (``pantau demo``, the test suite)
needs neither the seeds nor this package at run time; ``benchmarks/site.py`` reuses its themes
and feeds for its generated outlets.
"""

from pantau.fixture_site.generator.assemble import build, stale_files

__all__ = ["build", "stale_files"]
