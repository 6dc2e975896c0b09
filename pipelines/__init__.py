"""Scrapy item pipelines, one module per stage (order in crawler.settings.ITEM_PIPELINES)."""
