"""The subject pronoun of a main clause after a fronted adverbial clause.

In "While Chile backs Peru, it has criticized Bolivia" and "Although Chile buys arms from
Peru, it has ...", the main clause's "it" continues the subject of the fronted clause (Chile),
not the nearest name before it (Peru): a writer who means the object names it again. The same
holds for a clause joined by "but" ("Chile avoided criticizing Peru, but it has ..."). Of two
fronted clauses, the one nearest the pronoun is the one it continues.
:func:`continued_subject` gives that subject where the sentence has this shape; the nearest
mention stays the reading everywhere else (:func:`~geokg.extract.relations.pronouns.pronoun`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation, unique_spans

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["continued_subject"]

# markers of a fronted adverbial clause whose subject a main-clause pronoun continues
_MARKERS = frozenset(
    {"while", "although", "though", "whereas", "as", "after", "before", "since", "when",
     "because", "once", "until", "despite"}
)  # fmt: skip
_SUBJ = frozenset({"nsubj", "nsubjpass"})
_VERBAL = frozenset({"VERB", "AUX"})


def _clause_subjects(
    ctx: SentenceContext, v: Token, labels: frozenset[str]
) -> list[EntityAnnotation]:
    """The named subjects of a clause with one of the labels; none where a subject is a
    pronoun or a noun that is no name (its reading would be a guess)."""
    subjects = [c for c in v.children if c.dep_ in _SUBJ]
    if not subjects:
        return []
    found: list[EntityAnnotation] = []
    for s in subjects:
        ent = ctx.ent_at.get(s.i)
        if ent is None or ent.label.value not in labels:
            return []
        found.append(ent)
        found.extend(ctx.ent_at[c.i] for c in s.conjuncts if c.i in ctx.ent_at and c.i != s.i)
    return unique_spans(found)


def continued_subject(
    ctx: SentenceContext, tok: Token, labels: frozenset[str], plural: bool
) -> list[EntityAnnotation] | None:
    """The entities a main-clause subject pronoun continues, or ``None``.

    Args:
        ctx: The sentence.
        tok: The pronoun ("it", "they").
        labels: The entity labels the pronoun may take.
        plural: Whether the pronoun is plural ("they" takes a coordinated subject only).
    """
    if tok.dep_ not in _SUBJ or tok.head.pos_ not in _VERBAL:
        return None
    v = tok.head
    clauses: list[Token] = []
    for c in v.children:
        if c.dep_ == "advcl" and c.i < tok.i and c.pos_ in _VERBAL:
            marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
            if marks & _MARKERS:
                clauses.append(c)
    first = v.head
    if (
        v.dep_ == "conj"
        and first.pos_ in _VERBAL
        and first.i < tok.i
        and any(c.dep_ == "cc" and c.lower_ == "but" for c in first.children if c.i < tok.i)
    ):
        clauses.append(first)  # "Chile avoided criticizing Peru, but it has ..."
    if not clauses or (len(clauses) > 1 and v.dep_ == "conj"):
        return None
    # "On Monday, while the talks went on, after Chile criticized Peru, it ...": the clause
    # nearest the pronoun is the one its subject continues
    found = _clause_subjects(ctx, max(clauses, key=lambda c: c.i), labels)
    if not found or (len(found) > 1) != plural:
        return None
    return found
