"""Who a reported statement is attributed to, where the attribution names no party.

Wire copy attributes a statement to a bare official: "..., officials said", "a spokesman
said that ...", "'...,' the minister said". Such a speaker names no state or body, and is
read as speaking for the statement's own actor: "Chile will impose sanctions if Peru does not
withdraw, officials said" is Chile's threat, as "a Chilean official said" would make it. A
speaker that names a party ("U.S. officials", "Bolivia's foreign minister"), one that is no
official ("analysts", "experts": their words are a prediction) and one qualified in any other
way ("Western officials", "an official in Lima") are not bare, and keep their own reading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["bare_official"]

# nouns of people and bodies that speak for a government by office
_OFFICIALS = frozenset(
    {"official", "spokesman", "spokeswoman", "spokesperson", "minister", "ministry",
     "government", "aide", "administration", "cabinet"}
)  # fmt: skip
# the only words a bare official phrase holds besides its noun
_BARE = frozenset({"det", "punct"})


def bare_official(ctx: SentenceContext, tok: Token) -> bool:
    """Whether ``tok`` is an official noun that names no party and carries no qualifier
    ("officials", "a spokesman", "the minister").

    Args:
        ctx: The sentence.
        tok: The subject of a reporting verb.

    Returns:
        True for a bare official speaker.
    """
    if ctx.lemma(tok) not in _OFFICIALS or tok.i in ctx.ent_at:
        return False
    return all(c.dep_ in _BARE for c in tok.children)
