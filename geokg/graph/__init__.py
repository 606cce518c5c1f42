"""The graph side: aggregation, stores, exports and the Cypher query library (no spaCy here)."""
