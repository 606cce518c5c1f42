"""Strikes on unnamed sites of a named state: "Chilean jets struck targets in Peru".

A verb of armed attack ("strike", "hit", "bomb", "shell", "pound", "raid") whose object is a
generic site noun ("targets", "positions", "sites", "facilities", "bases") owned by no one the
sentence names, placed by an "in" or "inside" phrase (on the object or on the verb) naming a
state: the sites struck are that state's ground, so the attacker ATTACKS the state (CAMEO 18/19
assault, fight; SCHEMA.md ATTACKS: attack, bomb, strike). Sites with an owner or kind of their
own ("Bolivian targets in Peru", "rebel positions in Peru", "military targets" is kept as a
kind of the state's sites) are that owner's, read elsewhere or not at all; an event placed at
a meeting ("struck a deal at a summit in Peru") has no site noun and gives nothing
(``struck_sites.v1``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.slots import _VERB_POS, _pairs

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.lexicon import Cue
    from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["states_in", "struck_sites"]

_RULE = "struck_sites.v1"
# verbs of armed attack whose object is struck (attack.verb, bombard.verb, strike.verb lemmas)
_STRIKING = frozenset({"strike", "hit", "bomb", "shell", "pound", "bombard", "raid", "attack"})
_STRIKING |= {"target", "strafe", "destroy"}
# generic site nouns: what is struck names no owner of its own
_SITES = frozenset({"target", "targets", "position", "positions", "site", "sites", "facility"})
_SITES |= {"facilities", "installation", "installations", "base", "bases", "depot", "depots"}
# modifiers that leave the sites the state's own ("several military targets")
_PLAIN_MODS = frozenset({"military", "several", "multiple", "key", "strategic", "numerous"})
_PLAIN_MODS |= {"various", "other", "new", "more", "suspected", "dozens", "scores", "some"}
_PLAIN_DEPS = frozenset({"det", "nummod", "quantmod", "punct", "cc"})
_IN = ("in", "inside")


def _plain_site(ctx: SentenceContext, o: Token) -> bool:
    """Whether an object is a generic site noun with no owner or kind of its own."""
    if (ctx.lemma(o) not in _SITES and o.lower_ not in _SITES) or o.i in ctx.ent_at:
        return False
    for c in o.children:
        if c.i > o.i or c.dep_ in _PLAIN_DEPS:
            continue
        if c.dep_ in ("amod", "advmod") and ctx.lemma(c) in _PLAIN_MODS and c.i not in ctx.ent_at:
            continue
        return False  # "rebel positions", "Bolivian targets", "its bases"
    return True


def _attack_cue(ctx: SentenceContext, v: Token) -> Cue | None:
    """The ATTACKS verb cue of the verb's lemma that takes a direct object."""
    for cue in ctx.lex.lookup("verb", ctx.lemma(v)):
        if cue.type.value == "ATTACKS" and "dobj" in cue.target and not cue.particle:
            return cue
    return None


def states_in(
    ctx: SentenceContext, v: Token, o: Token, preps: tuple[str, ...] = _IN
) -> list[EntityAnnotation]:
    """The states the "in" phrase (``preps``) of the object ``o`` names, or that of the verb
    ``v`` after the object ("struck targets in Peru", "built roads in Peru")."""
    objs = [x for _, x in ctx.prep_objects(o, preps)]
    objs += [x for _, x in ctx.prep_objects(v, preps) if x.i > o.i]
    return [e for e in ctx.args_of(objs, strict=True) if e.label.value == "Country"]


def struck_sites(ctx: SentenceContext) -> list[Candidate]:
    """ "Chilean jets struck targets in Peru": Chile ATTACKS Peru."""
    if not ctx.has_lemma(_SITES):
        return []
    out: list[Candidate] = []
    for v in ctx.tokens():
        if v.pos_ not in _VERB_POS or ctx.lemma(v) not in _STRIKING or ctx.is_passive(v):
            continue
        sites = [o for o in ctx.children(v, "dobj") if _plain_site(ctx, o)]
        if not sites:
            continue
        cue = _attack_cue(ctx, v)
        if cue is None:
            continue
        agents, _ = ctx.subjects(v)
        attackers = ctx.args_of(agents)
        for o in sites:
            out.extend(_pairs(ctx, attackers, states_in(ctx, v, o), cue, v, _RULE))
    return out
