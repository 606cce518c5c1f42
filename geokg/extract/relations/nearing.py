"""Events a party is close to: not yet happened, so hedged.

"Chile and Peru are close to a deal", "Chile edged closer to an agreement with Peru": the
governor walk (``frames._governor``) takes the verb above "close" as the noun's light verb, so
the subject is the party; the event itself is only near, as with "nearing a deal" (a hedge verb).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geokg.extract.relations.frames import near_word

if TYPE_CHECKING:
    from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["near_events"]


def near_events(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """The candidates, those on an event noun after "close/closer/near to" made hedged.

    Args:
        ctx: The sentence.
        found: The event candidates of the sentence so far.

    Returns:
        The candidates, hedged where their event is only near.
    """
    out: list[Candidate] = []
    for c in found:
        n = ctx.doc[c.trigger]
        if n.dep_ == "pobj" and n.head.lower_ == "to" and near_word(n.head.head):
            c = replace(c, hedge=True)
        out.append(c)
    return out
