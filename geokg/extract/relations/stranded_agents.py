"""A "by" agent of an act noun that the parser hung on the noun's verb (issue 13).

In "Chile condemned the airstrikes by Peru on Bolivia" the parser often attaches "by Peru" and
"on Bolivia" to "condemned", not to "airstrikes". An active verb has no "by" agent of its own,
so a "by" phrase right after the verb's object act noun names the act's agent:

* :func:`verb_by_agents`: the criticized act's owner ("condemned the shelling by Peru" is
  CRITICIZES Peru, as "condemned Peru's shelling" is; ``naming._act_owner``);
* :func:`stranded_attack` (``stranded_agent.v1``): an ``ATTACKS`` noun's agent attacks the
  targets of the noun's own slot, or of the cue's target prepositions the parser moved onto the
  verb after the agent ("the airstrikes by Peru on Bolivia": Peru ATTACKS Bolivia).

Only where the "by" phrase follows the object's own phrase with nothing between (not "hit
the base on Monday by ..."), the verb is active (a passive's "by" names its own agent: "the
raid was condemned by Chile"), and the noun names no agent of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.owned_places import place_owners
from geokg.extract.relations.slots import _slot_targets
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.lexicon import Cue

__all__ = ["stranded_attack", "verb_by_agents"]

RULE = "stranded_agent.v1"
_OWN_AGENT_DEPS = frozenset({"poss", "amod", "compound", "nmod"})


def _by_phrase(ctx: SentenceContext, o: Token) -> Token | None:
    """The "by" preposition on the active verb of object ``o`` right after ``o``'s phrase."""
    if o.dep_ != "dobj" or ctx.is_passive(o.head):
        return None
    v = o.head
    end = max(t.i for t in o.subtree)
    for c in v.children:
        if c.dep_ == "prep" and ctx.lemma(c) == "by" and c.i == end + 1:
            return c
    return None


def verb_by_agents(ctx: SentenceContext, o: Token) -> list[Token]:
    """The objects of a "by" phrase the parser hung on the active verb of the act noun ``o``
    right after its phrase ("condemned the airstrikes by Peru")."""
    by = _by_phrase(ctx, o)
    return [] if by is None else [p for p in by.children if p.dep_ == "pobj"]


def stranded_attack(ctx: SentenceContext, n: Token, cue: Cue) -> list[Candidate]:
    """``stranded_agent.v1``: the stranded "by" agent of an ``ATTACKS`` noun object attacks
    the noun's targets (its own slot, else the cue's prepositions after the agent)."""
    if cue.type.value != "ATTACKS" or cue.pos != "noun":
        return []
    by = _by_phrase(ctx, n)
    if by is None or any(c.dep_ in _OWN_AGENT_DEPS and c.i in ctx.ent_at for c in n.children):
        return []
    agents = ctx.args_of([p for p in by.children if p.dep_ == "pobj"], strict=cue.strict)
    if not agents:
        return []
    lem = ctx.lemma(n)
    toks = _slot_targets(ctx, n, cue, lem).tokens()
    if not toks:
        moved = _slot_targets(ctx, n.head, cue, lem).tokens()
        toks = [t for t in moved if t.i > by.i]
    targets = ctx.args_of(toks, strict=cue.strict)
    targets += place_owners(ctx, targets, cue)
    return [
        Candidate(s, "ATTACKS", t, n.i, n.i, RULE, cue.conf, cue.id)
        for s in agents
        for t in targets
        if s.name != t.name
    ]
