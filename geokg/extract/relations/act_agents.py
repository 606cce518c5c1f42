"""An attack named as a clause's subject stands for its agent: "Airstrikes by the Somali army
killed 50 militants", "an attack by Peruvian troops hit the base" (the attackers did what
their strikes did; CAMEO 18/19 code the one who carries out the strike).

Only a subject whose noun is an ``ATTACKS`` event cue (``cues.jsonl``) and only its "by"
agent: "the attack on Peruvian soldiers killed 12" names its target, not an agent, and "an
attack by gunmen" names no party.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.syntax import SentenceContext

_SUBJECTS = frozenset({"nsubj"})


def attack_agents(ctx: SentenceContext, tok: Token, depth: int) -> list[EntityAnnotation]:
    """The "by" agents of an attack noun that is a clause's subject; empty otherwise."""
    if tok.dep_ not in _SUBJECTS or tok.pos_ not in ("NOUN", "PROPN"):
        return []
    if not any(c.type.value == "ATTACKS" for c in ctx.lex.lookup("noun", ctx.lemma(tok))):
        return []
    return [
        e
        for _, p in ctx.prep_objects(tok, ("by",))
        for e in ctx.args(p, strict=False, depth=depth + 1)
    ]
