"""A party that complains of another's attacks is their target: ``protested_attack.v1``.

An attack noun whose agent is named ("Peruvian air raids", "Peru's shelling", "strikes by
Peru") but whose target is not, as the object of a party's complaint or protest ("Chile
complained to the Security Council about Peruvian air raids", "Chile protested against Peru's
shelling", "Chile protested the raids by Peru"), names the complainer as the party attacked:
Peru ATTACKS Chile (CAMEO 18/19 assault, fight, read with the complaint CAMEO 111/114 that
states it; SCHEMA.md ATTACKS). The complaint itself stays CRITICIZES, read by the verb's own
cue. The attack is presupposed by the complaint: the complaint verb is the relation's predicate.

Only "complain" and "protest", whose subject speaks for itself: a third party's condemnation
("Chile condemned Peruvian air raids") or concern names no target. Nothing where the noun
names its own target or place ("raids on Bolivia", "strikes in Bolivia": read by the noun's
cue, or a third party's war), for a mutual noun ("Peru's war": no one side), for a complaint
about something else ("complained about Peruvian tariffs") or where the agent is the
complainer itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.slots import _NOUN_POS, _VERB_POS, _pairs

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.lexicon import Cue
    from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["protested_attacks"]

_RULE = "protested_attack.v1"
# verbs of a party's own complaint (criticize.verb lemmas): the complainer speaks for itself
_COMPLAIN = frozenset({"complain", "protest"})
# what the complaint is about: "complained over / about / of", "protested against / at"
_ABOUT = ("over", "about", "of", "against", "at")
# the attack noun's own target: a phrase that names another party ("raids on Bolivia")
_OWN_SLOTS = ("on", "against", "of", "upon")
# a place phrase of its own ("incursions near the shoal", "strikes in the south"): the ground
# is that phrase's, which need not be the complainer's
_PLACED = frozenset({"in", "into", "inside", "near", "across", "off", "along", "at", "around"})
_AGENT_MODS = ("amod", "poss", "compound", "nmod")


def _attack_cue(ctx: SentenceContext, n: Token) -> Cue | None:
    """The one-sided ATTACKS noun cue of ``n``, if any."""
    if n.pos_ not in _NOUN_POS:
        return None
    for cue in ctx.lex.lookup("noun", ctx.lemma(n)):
        if cue.type.value == "ATTACKS" and not cue.mutual and not cue.reciprocal:
            return cue
    return None


def _complained_of(ctx: SentenceContext, v: Token) -> list[Token]:
    """The nouns a complaint verb is about, with their coordinated nouns."""
    nouns = [x for _, x in ctx.prep_objects(v, _ABOUT)]
    for _, addressee in ctx.prep_objects(v, ("to",)):
        # "complained to the Council about X": the parser may hang "about" on the addressee
        nouns += [x for _, x in ctx.prep_objects(addressee, _ABOUT)]
    nouns += ctx.children(v, "dobj")
    out = []
    while nouns:
        n = nouns.pop()
        out.append(n)
        nouns.extend(ctx.children(n, "conj"))
    return out


def _agents(ctx: SentenceContext, v: Token, n: Token) -> list[EntityAnnotation]:
    """The parties the attack noun names as its agents ("Peruvian raids", "raids by Peru";
    "protested the raids by Peru": the parser may hang the noun's "by" on the verb)."""
    mods = [c for c in n.children if c.dep_ in _AGENT_MODS and c.i < n.i]
    mods += [x for _, x in ctx.prep_objects(n, ("by", "from"))]
    if n.dep_ == "dobj":
        mods += [x for _, x in ctx.prep_objects(v, ("by",)) if x.i > n.i]
    return ctx.args_of(mods, strict=True)


def protested_attacks(ctx: SentenceContext) -> list[Candidate]:
    """ "Chile complained over Peruvian air raids": Peru ATTACKS Chile."""
    if not ctx.has_lemma(_COMPLAIN):
        return []
    out: list[Candidate] = []
    for v in ctx.tokens():
        if v.pos_ not in _VERB_POS or ctx.lemma(v) not in _COMPLAIN or ctx.is_passive(v):
            continue
        agents, _ = ctx.subjects(v)
        complainers = ctx.args_of(agents)
        if not complainers:
            continue
        for n in _complained_of(ctx, v):
            cue = _attack_cue(ctx, n)
            if cue is None or any(ctx.lemma(c) in cue.veto_modifiers for c in n.children):
                continue
            own = [x for _, x in ctx.prep_objects(n, _OWN_SLOTS)]
            if (own and ctx.args_of(own)) or ctx.prep_objects(n, _PLACED):
                continue  # "raids on Bolivia", "strikes in the south"
            attackers = [a for a in _agents(ctx, v, n) if a not in complainers]
            parties = {e.name for e in complainers + attackers}
            if any(e.label.value == "Country" and e.name not in parties for e in ctx.entities):
                continue  # "protested over strikes in Bolivia": another state's ground
            # the complaint states the attack: the complaint verb is its predicate
            out.extend(_pairs(ctx, attackers, complainers, cue, n, _RULE, anchor=v))
    return out
