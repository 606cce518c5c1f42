"""A person's name the small model cut after a particle: "Zia-ul Haq Karimi" read as "Zia-ul".

A name never ends in a particle ("ul", "al", "bin", "van", ...). When the model's person span
does, the capitalised words right after it are the rest of the name: :func:`particle_tails`
proposes the whole name, so a longer name is never cut down to (and merged into) a listed
shorter one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import NER_PERSON, Candidate
from geokg.extract.entities.names import NAME_PARTICLES

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["particle_tails"]

_MAX_TAIL = 3
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "GPE", "NORP"})


def particle_tails(
    doc: Doc, gaz: dict[int, list[Candidate]], cands: list[Candidate]
) -> list[Candidate]:
    """Person candidates extended over the capitalised words after a trailing particle.

    Args:
        doc: The parsed Doc.
        gaz: Gazetteer candidates by token (a listed name after the particle stops the name).
        cands: The person candidates proposed so far.

    Returns:
        One longer person candidate per cut name.
    """
    out: list[Candidate] = []
    for c in cands:
        if c.kind != NER_PERSON or doc[c.end - 1].lower_ not in NAME_PARTICLES:
            continue
        end = c.end
        while end < len(doc) and end - c.end < _MAX_TAIL and _rest_word(doc, end, gaz):
            end += 1
        if end == c.end:
            continue
        span = doc[c.start : end]
        out.append(
            Candidate(c.start, end, span.start_char, span.end_char, NER_PERSON, span.text, 3)
        )
    return out


def _rest_word(doc: Doc, i: int, gaz: dict[int, list[Candidate]]) -> bool:
    """Whether token ``i`` is a capitalised word that can go on a person's name."""
    tok = doc[i]
    return (
        tok.is_alpha
        and tok.text[:1].isupper()
        and not tok.text.isupper()
        and i not in gaz
        and tok.ent_type_ not in _NOT_NAMES
        and not tok.is_sent_start
    )
