"""Attempts thwarted by the subject, and the infinitive marker (:func:`thwarted_attempt`).

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

__all__ = ["thwarted_attempt", "to_infinitive"]


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
