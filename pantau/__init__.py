"""pantau: watch Indonesian regional news for civil-servant election-neutrality stories."""

__version__ = "0.1.0"
