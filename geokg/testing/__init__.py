"""Test helpers for geokg and for code that builds on it (not needed at run time)."""
