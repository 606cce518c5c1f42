"""geokg: typed, auditable knowledge graphs of international politics from news text."""

__version__ = "0.1.0"
__all__ = ["__version__"]
