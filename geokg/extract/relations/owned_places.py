"""The state that owns an attacked place, named in the place's own phrase (issue 13).

A place, base or facility struck by an armed act is part of the state its phrase names as
owner: "Peruvian jets struck Chile's Arica airbase" is Peru ATTACKS Arica and Peru ATTACKS
Chile; "Peru shelled the Chilean port of Arica" the same. The owner is a Country entity that
is the possessor or the demonym of the noun the place names or modifies ("Chile's Arica
airbase", "the Chilean Arica refinery"), or of the settlement noun whose "of" object the place
is ("the Chilean city of Arica"). The place keeps its own relation (SCHEMA.md: a place target
stays a place).

Nothing else names an owner: a bare place ("Peruvian missiles hit Santiago": the capital as a
target stays a place, SCHEMA.md metonymy is for capitals acting), a place in an "in" phrase
("positions in northern Chile"), a region named as owner ("the Andean town of X": a Place, no
state), a hyphenated modifier ("Chilean-held Arica" says who holds it, not whose it is), or
the attacker's own state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.lexicon import Cue
    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["place_owners"]

_OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
# nouns whose "of" object names the place itself: "the Chilean city of Arica"
_SETTLEMENT_NOUNS = frozenset(
    {
        "city",
        "town",
        "village",
        "port",
        "capital",
        "province",
        "region",
        "district",
        "county",
        "island",
        "enclave",
        "outpost",
        "stronghold",
        "municipality",
        "settlement",
        "harbor",
        "harbour",
    }
)


def place_owners(
    ctx: SentenceContext, ents: list[EntityAnnotation], cue: Cue
) -> list[EntityAnnotation]:
    """The owner states of the Place targets of an ``ATTACKS`` cue, named in each place's
    own phrase; empty for other cues.

    Args:
        ctx: The sentence context.
        ents: The cue's target entities, as resolved.
        cue: The cue.

    Returns:
        Owner Country entities not already among ``ents``.
    """
    if cue.type.value != "ATTACKS":
        return []
    out: list[EntityAnnotation] = []
    for ent in ents:
        if ent.label.value != "Place":
            continue
        for owner in _owners(ctx, ent):
            if owner not in ents and owner not in out:
                out.append(owner)
    return out


def _owners(ctx: SentenceContext, ent: EntityAnnotation) -> list[EntityAnnotation]:
    tok = ctx.root_of(ent)
    if tok.dep_ in _OWNER_DEPS and tok.head.i > tok.i:
        noun = tok.head  # "Chile's Arica airbase": the airbase
    elif (
        tok.dep_ == "pobj"
        and ctx.lemma(tok.head) == "of"
        and ctx.lemma(tok.head.head) in _SETTLEMENT_NOUNS
    ):
        noun = tok.head.head  # "the Chilean city of Arica": the city
    else:
        noun = tok
    doc = ctx.doc
    found: list[EntityAnnotation] = []
    mods = [c for t in {noun, tok} for c in t.children if c.dep_ in _OWNER_DEPS and c.i < t.i]
    for c in sorted(mods, key=lambda m: m.i):
        owner = ctx.ent_at.get(c.i)
        if owner is None or owner == ent or owner in found or owner.label.value != "Country":
            continue
        if ctx.stance_prefixed(c) or _hyphenated(doc, owner.start, owner.end):
            continue  # "pro-Chilean", "Chilean-held": no owner
        found.append(owner)
    return found


def _hyphenated(doc: Doc, start: int, end: int) -> bool:
    """Whether a hyphen joins the mention to a neighbouring word ("Chilean-held")."""
    return (start > 0 and doc[start - 1].text == "-") or (end < len(doc) and doc[end].text == "-")
