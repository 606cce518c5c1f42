"""The entity side of extraction: the ``geokg_entities`` component and its rule modules.

The factory is importable as ``geokg.extract.entities:make_entity_component`` (the spaCy entry
point); importing :mod:`geokg.extract.entities.component` registers it. Modules, one concern
each (lower ones never import upper ones):

* :mod:`~geokg.extract.entities.names` - name normalisation and person-alias merging (no spaCy);
* :mod:`~geokg.extract.entities.lexicon` - the gazetteer and word classes, loaded from data;
* :mod:`~geokg.extract.entities.candidates` - candidate and resolved mention types, overlap policy;
* :mod:`~geokg.extract.entities.syntax` - head nouns, lemmas, name-span trimming;
* :mod:`~geokg.extract.entities.titles` - roles and titles (Leader evidence);
* :mod:`~geokg.extract.entities.companies` - cues, kinds and names of unlisted companies;
* :mod:`~geokg.extract.entities.ner` - candidates from the model's NER;
* :mod:`~geokg.extract.entities.missed` - names the NER skipped (lists, descriptors, surnames);
* :mod:`~geokg.extract.entities.organs` - administrations and party adjectives;
* :mod:`~geokg.extract.entities.acronyms` - acronyms a document defines;
* :mod:`~geokg.extract.entities.groups` - demonym/place + collective noun groups;
* :mod:`~geokg.extract.entities.west` - "the West";
* :mod:`~geokg.extract.entities.gazetteer` - gazetteer lookup and all proposals of a Doc;
* :mod:`~geokg.extract.entities.demonyms`, :mod:`~geokg.extract.entities.metonymy`,
  :mod:`~geokg.extract.entities.people` - resolution per family;
* :mod:`~geokg.extract.entities.resolve` - candidate -> typed, canonical annotation;
* :mod:`~geokg.extract.entities.component` - the spaCy component.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from geokg.extract.entities.lexicon import Lexicons, default_lexicons

if TYPE_CHECKING:
    from geokg.extract.entities.component import (
        EntityComponent,
        leader_titles,
        lexicons,
        make_entity_component,
        make_longest_first,
    )
    from geokg.extract.entities.titles import TitleEvidence, title_evidence

# The spaCy-side names load on first use, so that spaCy-free stages (coref, the distributed
# coordinator) can import the lexicon and the name helpers without importing spaCy.
_LAZY = {
    "EntityComponent": "component",
    "leader_titles": "component",
    "lexicons": "component",
    "make_entity_component": "component",
    "make_longest_first": "component",
    "TitleEvidence": "titles",
    "title_evidence": "titles",
}


def __getattr__(name: str) -> Any:
    """Import the spaCy-side names (the component, title evidence) when first asked for."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{module}"), name)


__all__ = [
    "EntityComponent",
    "Lexicons",
    "TitleEvidence",
    "default_lexicons",
    "leader_titles",
    "lexicons",
    "make_entity_component",
    "make_longest_first",
    "title_evidence",
]
