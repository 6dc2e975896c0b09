"""The Scrapy project: settings, the item, the outlet registry and the one generic spider."""
