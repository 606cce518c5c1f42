"""Fixed adverbials whose noun is a cue word but names no event (:func:`adverbial_idiom`).

"Kenya was told in advance of the strike" (before it), "in recognition of Press Freedom Day"
(honoring it), "in return for aid": a bare noun after its preposition, with no determiner,
owner or modifier, is a piece of the idiom (``lexicon.json`` ``adverbial_idioms``), while "in
the advance on the city" or "in its recognition of Kosovo" keep their event reading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["adverbial_idiom"]

# dependants that make the noun a phrase of its own: "in the advance", "in its recognition"
_PHRASE_DEPS = frozenset({"det", "poss", "amod", "compound", "nummod", "nmod"})


def adverbial_idiom(ctx: SentenceContext, n: Token) -> bool:
    """Whether a noun is the bare object of the preposition of a fixed adverbial idiom."""
    if n.dep_ != "pobj" or n.head.dep_ not in ("prep", "agent"):
        return False
    nouns = ctx.lex.adverbial_idioms.get(ctx.lemma(n.head))
    if not nouns or ctx.lemma(n) not in nouns:
        return False
    return not any(c.dep_ in _PHRASE_DEPS for c in n.children)
