"""Extraction: raw text -> cleaned text with raw offsets -> spaCy Doc -> typed records."""
