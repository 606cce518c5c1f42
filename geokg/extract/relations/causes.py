"""Subjects that are causes, not holders, of a light verb's relation noun (:func:`acting`).

"China's bullying boosts global support for Taiwan", "Russia's aggression has increased
support for NATO": the subject of the light verb is an act of its owner, and the act is what
made the relation grow, so the owner holds no part of it. "China's government boosted its
support", "Russia's allies stepped up their aid" keep their owner: organs and participants act.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.lexicon import Cue
    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["acting", "passive_actors"]


def acting(ctx: SentenceContext, verb: Token, subjects: list[Token]) -> list[Token]:
    """The subjects of a light verb less the owned acts among them where the verb says the
    relation grew ("China's bullying boosts support"); "Turkey's efforts could provide
    impetus to its rapprochement" keeps them."""
    if ctx.lemma(verb) not in ctx.lex.growth_verbs:
        return subjects
    return [t for t in subjects if not _owned_act(ctx, t)]


def passive_actors(ctx: SentenceContext, verb: Token, via: str, cue: Cue) -> bool:
    """Whether a passive light verb's subjects act in the event noun it governs through
    ``via``: not those of an attack verb with the attack noun in its "in" phrase, who are the
    victims ("two Chilean soldiers were killed in the attack on Peru's border post")."""
    if not ctx.is_passive(verb) or via == "nsubjpass":
        return False
    attacked = any(c.type.value == "ATTACKS" for c in ctx.lex.lookup("verb", ctx.lemma(verb)))
    return not (via == "pobj:in" and cue.type.value == "ATTACKS" and attacked)


def _owned_act(ctx: SentenceContext, t: Token) -> bool:
    """A common noun with a possessor that names an act: a gerund ("its meddling") or an
    event cue of its own ("Russia's aggression"), not a role ("Russia's allies")."""
    if t.pos_ != "NOUN" or t.i in ctx.ent_at or not any(c.dep_ == "poss" for c in t.children):
        return False
    lem = ctx.lemma(t)
    lex = ctx.lex
    if lem in lex.rule_nouns or lem in lex.led_actor_nouns:
        return False
    cues = lex.lookup("noun", lem)
    if cues:
        return all(c.pos == "noun" for c in cues)
    return t.tag_ == "VBG" or (t.lower_.endswith("ing") and t.tag_ == "NN")
