"""An attack named as a clause's subject stands for its agent: "Airstrikes by the Somali army
killed 50 militants", "an attack by Peruvian troops hit the base" (the attackers did what
their strikes did; CAMEO 18/19 code the one who carries out the strike).

Only a subject whose noun is an ``ATTACKS`` event cue (``cues.jsonl``) and only its "by"
agent: "the attack on Peruvian soldiers killed 12" names its target, not an agent, and "an
attack by gunmen" names no party.

A state's own forces named by where they serve act for it (SCHEMA.md: a state's organs
acting for it name the state): "Security forces in Mali killed 20 militants", "Police in
Kenya arrested ..." name Mali and Kenya. Only a subject, only a noun of ``lexicon.json``
``host_forces`` that nothing else owns ("French troops in Mali" stay France's) and only a
``Country`` as its "in" object ("forces in the Tigray region" name no state).

An agentless passive done "in" an attack names the attack's owner as its agent: "Ahmed was
killed in a Kenyan airstrike", "two soldiers were wounded in an attack by Peru" (Kenya and
Peru did it; CAMEO 18/19 code the one who carries out the strike). Only an ``ATTACKS`` noun
and only its demonym, name or possessive modifier or its "by" agent: "killed in an attack
on the base" and "killed in the fighting" name no agent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.syntax import SentenceContext

_SUBJECTS = frozenset({"nsubj"})


def attack_agents(ctx: SentenceContext, tok: Token, depth: int) -> list[EntityAnnotation]:
    """The "by" agents of an attack noun that is a clause's subject, the state an unowned
    forces noun serves in ("security forces in Mali"); empty otherwise."""
    if tok.dep_ not in _SUBJECTS or tok.pos_ not in ("NOUN", "PROPN"):
        return []
    if ctx.lemma(tok) in ctx.lex.host_forces or tok.lower_ in ctx.lex.host_forces:
        return host_states(ctx, tok)
    if not _attack_noun(ctx, tok):
        return []
    return [
        e
        for _, p in ctx.prep_objects(tok, ("by",))
        for e in ctx.args(p, strict=False, depth=depth + 1)
    ]


def host_states(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation]:
    """The states named by the "in" phrase of a ``host_forces`` noun that no modifier or
    possessive owns: "security forces in Mali" (Mali); "French troops in Mali", "its forces
    in Mali" and "the forces of Chad in Mali" serve elsewhere and give nothing."""
    if ctx.lemma(tok) not in ctx.lex.host_forces and tok.lower_ not in ctx.lex.host_forces:
        return []
    for c in tok.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.i in ctx.ent_at):
            return []
    if ctx.prep_objects(tok, ("of", "from")):
        return []
    return [
        e
        for _, p in ctx.prep_objects(tok, ("in",))
        for m in (p, *p.conjuncts)
        if (e := ctx.ent_at.get(m.i)) is not None and e.label.value == "Country"
    ]


_OWNERS = frozenset({"amod", "compound", "poss", "nmod"})


def attack_in_agents(ctx: SentenceContext, v: Token, patients: list[Token]) -> list[Token]:
    """The agent tokens of the attack nouns in the "in" phrases of a passive participle with
    patients: "killed in a Kenyan airstrike" (Kenyan), "killed in a raid by Kenyan forces"
    (forces); empty otherwise."""
    out: list[Token] = []
    if not patients or v.tag_ != "VBN":
        return out
    for _, n in ctx.prep_objects(v, ("in",)):
        for m in (n, *n.conjuncts):
            if not _attack_noun(ctx, m):
                continue
            out.extend(c for c in m.children if c.dep_ in _OWNERS and c.i in ctx.ent_at)
            out.extend(p for _, p in ctx.prep_objects(m, ("by",)))
    return out


def _attack_noun(ctx: SentenceContext, tok: Token) -> bool:
    """Whether the noun is an ``ATTACKS`` event cue ("strike", "raid", "offensive")."""
    return any(c.type.value == "ATTACKS" for c in ctx.lex.lookup("noun", ctx.lemma(tok)))
