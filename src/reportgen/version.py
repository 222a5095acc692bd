"""reportgen's version, kept apart so that any stage may name it without importing the API."""

__version__ = "0.1.0"
