"""Progress lines: an outlet says something only once it has something to say."""

from __future__ import annotations

import pytest
from scrapy.utils.test import get_crawler

from crawler.progress import ProgressReporter


def test_no_all_zero_lines_and_only_changes(capsys: pytest.CaptureFixture[str]) -> None:
    crawler = get_crawler(settings_dict={"PANTAU_PROGRESS": True})
    reporter = ProgressReporter.from_crawler(crawler)
    stats = reporter.crawler.stats
    assert stats is not None
    stats.set_value("pantau/antara-babel/pages_fetched", 0)
    stats.set_value("pantau/linesnews/pages_fetched", 0)
    reporter.report()
    assert capsys.readouterr().err == ""  # both outlets known, neither has fetched anything
    stats.set_value("pantau/antara-babel/pages_fetched", 3)
    reporter.report()
    reporter.report()  # nothing moved since: no line
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("  antara-babel: fetched 3, new 0")
