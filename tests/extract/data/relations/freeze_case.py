"""Freeze the pinned model's parse of a text into a ``cases.jsonl`` row (prints it).

Usage::

    python tests/extract/data/relations/freeze_case.py ID BEHAVIOUR "Text of one or more sentences."

The row holds the tokens (``word, pos, tag, dep, head, lemma, space``), the entity mentions
that ``geokg_entities`` found (with the kind "party" where set) and, as ``expected``, the
relations the current rules extract: check them by hand (and fix ``expected``) before appending
the row to ``cases.jsonl``. The tests then rebuild the Doc from the row without a model.
"""

from __future__ import annotations

import json
import sys

from geokg.extract.annotations import get_entities, get_relations
from geokg.extract.pipeline import load_nlp


def freeze(case_id: str, behaviour: str, text: str) -> dict[str, object]:
    """The case row of ``text`` as parsed by the pinned pipeline."""
    nlp = load_nlp()
    doc = nlp(text)
    tokens = [
        [t.text, t.pos_, t.tag_, t.dep_, t.head.i, t.lemma_, bool(t.whitespace_)] for t in doc
    ]
    entities = [
        [e.start, e.end, e.label.value, e.name, *([e.kind] if e.kind == "party" else [])]
        for e in get_entities(doc)
    ]
    expected = [
        [r.source.name, r.type.value, r.target.name, r.negated, r.modality.value]
        for r in get_relations(doc)
    ]
    return {
        "id": case_id,
        "behaviour": behaviour,
        "text": text,
        "tokens": tokens,
        "entities": entities,
        "expected": expected,
    }


if __name__ == "__main__":
    print(json.dumps(freeze(sys.argv[1], sys.argv[2], sys.argv[3]), ensure_ascii=False))
