"""The claimant of an attack is its agent (issue 13): ``claimed_attack.v1``.

A party that claims an armed act, or claims responsibility or credit for it, names itself its
agent: "the rebels claimed the rocket attack on Chile", "an attack on a Peruvian base was
claimed by the rebels", "the militia claimed responsibility for the bombing of Peru's embassy"
and "took credit for the raid on Chile" give the claimant ATTACKS the act's targets (its own
"on"/"against"/"of" slot, with the owner of an attacked place: ``owned_places.py``).

Claiming one's own act is an admission, the same as "admitted bombing Chile": the author
states it, and the relation is ``asserted`` as the verb's own modality makes it (SCHEMA.md
``reported`` is for acts a third party alleges: "Chile claims Peru bombed Arica"). A claim
whose act names no target gives nothing, and so does a claim that something else was an
attack ("Chile claimed the attack was staged": the noun is the clause's subject, no object of
the claim).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.owned_places import place_owners
from geokg.extract.relations.slots import _economic_patients, _slot_targets
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.lexicon import Cue

__all__ = ["claimed_attack"]

RULE = "claimed_attack.v1"
# "claimed the attack", "claimed responsibility for the attack", "took credit for it"
_CLAIM_VERBS = frozenset({"claim"})
_CLAIMED_NOUNS = frozenset({"responsibility", "credit"})
_CLAIMED_NOUN_VERBS = frozenset({"claim", "take", "accept", "admit"})


def _claim_verb(ctx: SentenceContext, n: Token) -> Token | None:
    """The verb by which a party claims the act the noun ``n`` names, if any."""
    if n.dep_ in ("dobj", "nsubjpass") and ctx.lemma(n.head) in _CLAIM_VERBS:
        return n.head
    if n.dep_ != "pobj" or ctx.lemma(n.head) != "for":
        return None
    owner = n.head.head
    if ctx.lemma(owner) in _CLAIMED_NOUNS and owner.dep_ == "dobj":
        v = owner.head  # "claimed responsibility for the attack"
        return v if ctx.lemma(v) in _CLAIMED_NOUN_VERBS else None
    if ctx.lemma(owner) in _CLAIMED_NOUN_VERBS and any(
        c.dep_ == "dobj" and ctx.lemma(c) in _CLAIMED_NOUNS for c in owner.children
    ):
        return owner  # "took credit for the attack": the parser hangs "for" on the verb
    return None


def claimed_attack(ctx: SentenceContext, n: Token, cue: Cue) -> list[Candidate]:
    """``claimed_attack.v1``: the claimant of an ``ATTACKS`` noun ATTACKS its targets."""
    if cue.type.value != "ATTACKS":
        return []
    v = _claim_verb(ctx, n)
    if v is None:
        return []
    agents, _ = ctx.subjects(v)
    claimants = ctx.args_of(agents, strict=cue.strict)
    if not claimants:
        return []
    tgt = _slot_targets(ctx, n, cue, ctx.lemma(n))
    targets = ctx.args_of(tgt.tokens(), strict=cue.strict)
    targets = (targets or _economic_patients(ctx, tgt.tokens(), cue)) + place_owners(
        ctx, targets, cue
    )
    return [
        Candidate(s, "ATTACKS", t, n.i, v.i, RULE, cue.conf, cue.id)
        for s in claimants
        for t in targets
        if s.name != t.name
    ]
