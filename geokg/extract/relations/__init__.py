"""Typed relation extraction: the ``geokg_relations`` spaCy component and its rule data.

The factory is importable as ``geokg.extract.relations:make_relation_component`` (the
``spacy_factories`` entry point).
"""

from geokg.extract.relations.component import (
    DedupePolicy,
    RelationComponent,
    dedupe_per_sentence,
    make_dedupe_policy,
    make_relation_component,
)
from geokg.extract.relations.lexicon import DEFAULT_PATTERNS_DIR, Cue, RelationLexicon

__all__ = [
    "DEFAULT_PATTERNS_DIR",
    "Cue",
    "DedupePolicy",
    "RelationComponent",
    "RelationLexicon",
    "dedupe_per_sentence",
    "make_dedupe_policy",
    "make_relation_component",
]
