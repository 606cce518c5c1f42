"""Parsing a clause again alone: the shared step of the parse-repair components.

The small model reads a clause worse inside some sentences than alone: after a fronted phrase
("According to state media, Chile and Peru ..."), inside an attribution ("..., officials
said"), after an aside ("Chile, which has long ..., criticized Peru"), in a verbless
headline. The components ``geokg_headline_verbs``, ``geokg_reported_clauses``,
``geokg_mid_asides`` and ``geokg_fronted_phrases`` each make the clause a document of
its own, run it through the model's own tagger and parser (:func:`parse_alone`) and splice the
new reading (tags, lemmas, heads, labels) into the sentence. Tokens, offsets and the entity
recogniser's spans never change. Each component decides when to read a clause again and how
its reading joins the rest of the sentence; this module parses, and tells which clauses are
worth the parse (:func:`may_relate`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

__all__ = ["ACTOR_LABELS", "REREAD", "may_relate", "parse_alone"]

#: The pipes whose reading a re-read replaces (the entity recogniser's spans are kept).
REREAD = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "geokg_lemmas")
#: The entity recogniser's labels of the names a relation can hold between.
ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
# words that stand for a named party across the sentence ("Chile said it would back Peru")
_STAND_INS = frozenset({"he", "she", "it", "they", "his", "her", "its", "their", "him", "them"})


def may_relate(*spans: Span) -> bool:
    """Whether ``spans`` together name two parties, or one and a pronoun that may stand for
    another: only such a clause can hold a relation, and parsing is the pipeline's dearest
    step (most clauses in news name one party or none)."""
    names = sum(1 for span in spans for e in span.ents if e.label_ in ACTOR_LABELS)
    if names >= 2:
        return True
    return names == 1 and any(t.lower_ in _STAND_INS for span in spans for t in span)


def parse_alone(nlp: Language, docs: list[Doc]) -> list[Doc]:
    """Run the tokenised clauses ``docs`` through the pipes of :data:`REREAD`, in one batch.

    Args:
        nlp: The pipeline whose own pipes read the clauses.
        docs: Clauses made with ``nlp.make_doc`` (their tokens are the sentence's tokens).

    Returns:
        The parsed clauses, in order.
    """
    for name, proc in nlp.pipeline:
        if name in REREAD and docs:
            pipe = getattr(proc, "pipe", None)
            docs = list(pipe(docs)) if pipe is not None else [proc(d) for d in docs]
    return docs
