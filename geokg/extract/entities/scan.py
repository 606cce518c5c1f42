"""Doc-wide token scans over the Doc's arrays: the few positions a rule looks at.

Many entity rules walk every token of a chunk for a handful of words ("radio", a party
adjective, a title). Turning each token into a Python ``Token`` object costs more than the
rule itself; these helpers find the positions whose text, lowercase form or lemma qualifies
with one vectorised pass over ``doc.to_array`` (and one test per distinct word), so that a rule
visits only those tokens, in document order, as its own walk would have.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import ENT_TYPE, LEMMA, LOWER, ORTH, POS
from spacy.symbols import PROPN

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["lemma_or_lower_in", "lower_in", "text_in", "text_where", "unnamed_proper_nouns"]


def _positions(doc: Doc, attr: int, words: Collection[str]) -> list[int]:
    if not words or not len(doc):
        return []
    strings = doc.vocab.strings
    wanted = np.array([strings[w] for w in words], dtype=np.uint64)
    return np.flatnonzero(np.isin(doc.to_array(attr), wanted)).tolist()


def text_in(doc: Doc, words: Collection[str]) -> list[int]:
    """Positions of the tokens whose text is one of ``words`` (``tok.text in words``)."""
    return _positions(doc, ORTH, words)


def lower_in(doc: Doc, words: Collection[str]) -> list[int]:
    """Positions of the tokens whose lowercase form is one of ``words`` (``tok.lower_``)."""
    return _positions(doc, LOWER, words)


def lemma_or_lower_in(doc: Doc, words: Collection[str]) -> list[int]:
    """Positions of the tokens whose lowercase lemma (its text where the lemma is empty, as
    :func:`~geokg.extract.entities.syntax.lemma` reads it) or lowercase form is in ``words``."""
    if not words or not len(doc):
        return []
    arr = doc.to_array([LEMMA, LOWER])
    strings = doc.vocab.strings
    lemmas = np.unique(arr[:, 0])
    # an empty lemma falls back to the text, whose lowercase is the LOWER column
    good = [h for h in lemmas.tolist() if strings[h].lower() in words]
    lowers = np.array([strings[w] for w in words], dtype=np.uint64)
    hits = np.isin(arr[:, 0], np.array(good, dtype=np.uint64)) | np.isin(arr[:, 1], lowers)
    return np.flatnonzero(hits).tolist()


def text_where(doc: Doc, test: Callable[[str], object]) -> list[int]:
    """Positions of the tokens whose text passes ``test`` (called once per distinct text)."""
    if not len(doc):
        return []
    orths = doc.to_array(ORTH)
    strings = doc.vocab.strings
    forms = np.unique(orths)
    good = [h for h in forms.tolist() if test(strings[h])]
    return np.flatnonzero(np.isin(orths, np.array(good, dtype=np.uint64))).tolist()


def unnamed_proper_nouns(doc: Doc) -> list[int]:
    """Positions of the proper nouns outside the model's entities (``not tok.ent_type_ and
    tok.pos_ == "PROPN"``)."""
    if not len(doc):
        return []
    arr = doc.to_array([ENT_TYPE, POS])
    return np.flatnonzero((arr[:, 0] == 0) & (arr[:, 1] == PROPN)).tolist()
