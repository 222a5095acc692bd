"""YAML with the position of every value, and pydantic errors turned into Chinese problems."""
