"""The OOXML layer: the zip container (read safely, written reproducibly) and namespaces."""
