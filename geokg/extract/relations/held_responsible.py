"""Verb idioms (``requires_complement``) that need an adjective complement: "held Peru
*responsible*" (CAMEO HOLD * RESPONSIBLE, 112). The parser hangs the adjective in three places:
on the verb ("Peru was held responsible"), on the object as a modifier ("held Peru
responsible"), or as the head of a small clause whose subject is the object ("will hold Peru
accountable": ``ccomp`` with ``nsubj``). A passive's "by" agent hung on the adjective is the
verb's agent ("Peru was held responsible by Chile": ``subjects.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.lexicon import Cue
    from geokg.extract.relations.syntax import SentenceContext

_COMPLEMENTS = frozenset({"acomp", "oprd", "advcl", "xcomp", "ccomp", "amod"})


def complement_objects(
    ctx: SentenceContext, v: Token, cue: Cue, obj_tokens: list[Token]
) -> list[Token] | None:
    """The verb's objects when its required adjective is there, else None.

    A small clause read as ``ccomp`` gives its subject as the object ("hold Peru accountable");
    an adjective elsewhere in the sentence is no complement ("held talks with responsible
    officials": the adjective modifies the pobj, not the verb or its object).
    """
    wanted = cue.requires_complement
    for c in v.children:
        if c.dep_ not in _COMPLEMENTS or ctx.lemma(c) not in wanted:
            continue
        small = [s for s in c.children if s.dep_ == "nsubj"] if c.dep_ == "ccomp" else []
        return obj_tokens or small
    if any(c.dep_ == "amod" and ctx.lemma(c) in wanted for o in obj_tokens for c in o.children):
        return obj_tokens
    return None
