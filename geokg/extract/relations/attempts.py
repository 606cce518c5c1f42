"""Whose infinitive a noun's "to" clause is: attempts thwarted by the subject
(:func:`thwarted_attempt`), and things whose demonym is an origin (:func:`acting_modifiers`).

"Hungary moved to block efforts to impose sanctions on Russia", "Brazil resisted attempts
to isolate Venezuela", "X sought to blunt moves to sanction Turkey": the attempt is someone
else's, so the subject of the verb that blocks it is not the agent of the infinitive on the
attempt noun (``lexicon.json`` ``thwarting``). An offer, a call or a proposal is addressed to
the subject ("rejected calls to sever ties": the subject would sever them) and stays. A verb
that judges the attempt ("France welcomed efforts to impose sanctions on Iran") names no agent
of it either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["acting_modifiers", "thwarted_attempt", "to_infinitive"]


def to_infinitive(v: Token) -> bool:
    """Whether a verb has the infinitive marker "to" ("to visit")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def thwarted_attempt(ctx: SentenceContext, n: Token) -> bool:
    """Whether a noun is an attempt that the verb it is the object of blocks, rejects or judges."""
    lex = ctx.lex
    if n.dep_ != "dobj" or ctx.lemma(n) not in lex.attempt_nouns:
        return False
    verb = ctx.lemma(n.head)
    return (
        verb in lex.thwarting_verbs
        or verb in lex.negating_object_verbs
        or (verb in lex.judging_verbs)
    )


# endings of nominalised acts ("decision", "deployment", "refusal", "departure", "reliance")
_ACT_ENDINGS = ("ion", "ment", "al", "ure", "ance", "ence", "ing")


def acting_modifiers(ctx: SentenceContext, head: Token, mods: list[Token]) -> list[Token]:
    """The demonym modifiers of a noun that say who does what its "to" clause says: those of
    an act, plan or agent ("the Chinese plan to mediate", "Kenyan troops to fight"), not those
    of a thing, whose demonym is where it comes from ("Ukraine needs American weapons to
    defeat Russia": Ukraine defeats, the weapons are the means)."""
    if not mods:
        return mods
    lem = ctx.lemma(head)
    lex = ctx.lex
    acts = lex.proposal_nouns | lex.goal_nouns | lex.attempt_nouns | lex.rule_nouns
    if lem in acts or lem in lex.led_actor_nouns or lem in lex.transparent_nouns:
        return mods
    if lem.endswith(_ACT_ENDINGS):
        return mods
    # an event cue is an act ("the Russian attack to seize the city"); a cue that fires only
    # with its recipient ("weapons to X") names goods
    return mods if any(not c.requires_target_prep for c in lex.lookup("noun", lem)) else []
