"""One-word PERSON tags that are no name: a dictionary word, or a word with digits.

The small model tags capitalised words at the start of a sentence or a crosshead as people
("Cherry picking is no option", "Europeans are moving south") and names of diseases and
products with digits ("COVID-19 testing"). A one-word PERSON span that the tagger reads as a
common noun (NN, NNS) or a plural proper noun (NNPS), and that is an English dictionary word
(its form, its lemma or, for a plural, its singular), is no person, unless the Doc also
writes it after a capitalised first name ("Ana Brown ... Brown said"); a span with a digit
in it is never a person. A singular proper noun ("Brown said") is left to the model: many
surnames are words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.syntax import lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["not_a_person_word"]


def not_a_person_word(span: Span, common: frozenset[str]) -> bool:
    """Whether a span the model tagged PERSON is a word, not a person's name.

    Args:
        span: The PERSON span (titles and articles stripped).
        common: English dictionary words (lower case); empty where the pipeline has none.

    Returns:
        True for a span with a digit, or a one-word common-noun or plural span that is a
        dictionary word and no surname of a name the Doc writes in full.
    """
    if any(ch.isdigit() for ch in span.text):
        return True
    if len(span) != 1 or not common:
        return False
    tok = span[0]
    if tok.tag_ not in _WORD_TAGS:
        return False
    singular = tok.lower_[:-1] if tok.tag_ == "NNPS" and tok.lower_.endswith("s") else ""
    if not {tok.lower_, lemma(tok), singular} & common:
        return False
    return tok.text not in _surnames(span.doc)


_WORD_TAGS = frozenset({"NN", "NNS", "NNPS"})


def _surnames(doc: Doc) -> frozenset[str]:
    """The words the Doc writes right after a capitalised proper noun ("Ana Brown")."""
    return frozenset(
        t.text for t in doc[1:] if doc[t.i - 1].pos_ == "PROPN" and doc[t.i - 1].is_title
    )
