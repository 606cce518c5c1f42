"""Goods received from a party are trade; arms received are not (``receive_goods.verb``).

"Cuba receives oil shipments from Peru", "Chile gets gas from Bolivia": a verb of receiving
whose object is a goods noun and whose "from" phrase names the sender reads as TRADES_WITH
(the cue ``receive_goods.verb``, CAMEO 061, as "buys oil from" is). Its "shipments" and
"imports" are goods only when they are not arms: "received arms shipments from Peru" is
help (SCHEMA.md: giving arms to a party is SUPPORTS), so the trade reading of an object
with an arms or aid modifier is dropped here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["arms_not_goods"]

_CUE = "receive_goods.verb"
# modifiers that make a shipment arms or aid, not goods
_NOT_GOODS = frozenset({"arms", "arm", "weapon", "weapons", "military", "ammunition", "aid"})
_NOT_GOODS |= {"humanitarian", "relief", "missile", "missiles", "munitions", "defense"}


def arms_not_goods(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """Drop the trade reading of "received arms shipments from X"; the object it had
    consumed (verbs.py) is free again for its own reading (the arms noun's SUPPORTS)."""
    out: list[Candidate] = []
    for c in found:
        if c.cue == _CUE:
            objs = ctx.children(ctx.doc[c.trigger], "dobj")
            mods = {m.lower_ for o in objs for m in o.subtree if m.i != o.i}
            if mods & _NOT_GOODS:
                ctx.consumed.difference_update(t.i for o in objs for t in o.subtree)
                continue
        out.append(c)
    return out
