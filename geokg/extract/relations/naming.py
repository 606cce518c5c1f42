"""Naming and evaluating a party (CAMEO 111/112): "called X a rogue state", "labelled X an
aggressor".

The speaker criticizes the party named, or the owner of the act named, only where a pejorative
says so; neutral naming ("called X a partner") states nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.lexicon import Cue
from geokg.extract.relations.slots import (
    _named_owners,
    _pairs,
    _participle_agents,
)
from geokg.extract.relations.stranded_agents import verb_by_agents
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token


_PARTITIVES = frozenset({"one", "some", "any", "each"})


def _act_owner(ctx: SentenceContext, o: Token) -> list[EntityAnnotation]:
    """The entity that owns an act noun: "Washington's decision", "the Israeli strikes"."""
    out = _named_owners(ctx, o)
    # "the claims made by Peru", "the allegations by Peru's army"
    agents = _participle_agents(ctx, o) + [a for _, a in ctx.prep_objects(o, {"by"})]
    agents += verb_by_agents(ctx, o)  # "condemned the strikes by Peru", "by" on the verb
    out.extend(e for a in agents for e in ctx.args(a))
    return out


def _naming(ctx: SentenceContext, v: Token, cue: Cue) -> list[Candidate]:
    """Calling someone names: "called Netanyahu a war criminal", "presented the West as
    decadent", "branded the leader a traitor". The complement must be a pejorative
    (``lexicon.json`` ``pejoratives``); the one named is the target."""
    lex = ctx.lex
    listing = ctx.lemma(v) in lex.terror_listing_verbs and _terror_listing(ctx, v)
    if cue.type.value == "SANCTIONS":
        return _listed(ctx, v, cue) if listing else []
    if listing:
        return []  # a formal listing is a sanction (designate_terrorist.verb), not a verdict
    objs = ctx.children(v, "dobj", "dative")
    complements = ctx.children(v, "oprd", "acomp", "xcomp")
    as_phrases = _as_complements(v)
    if len(objs) > 1:
        complements.append(objs[-1])
        objs = objs[:-1]
    if not objs and len(complements) > 1 and complements[0].pos_ in ("NOUN", "PROPN"):
        # 'called Peru's claims "baseless"': a quoted verdict parsed as a second complement
        objs = [complements.pop(0)]
    # "dismissed the U.N. report and later statements by Peru as propaganda"
    objs.extend(c for o in list(objs) for c in o.conjuncts if c.i > o.i and c not in objs)
    for o in objs:
        complements.extend(c for c in o.children if c.dep_ == "appos")
        # "dismissed Peru's offer as a ploy": the parser may hang "as" on the object
        as_phrases.extend(_as_complements(o))
        # "called the claims baseless" parsed with the adjective after its noun; a rejecting
        # verb's object carries its verdict before it too ("rejected Peru's baseless claims")
        rejecting = ctx.lemma(v) in lex.denial_verbs or ctx.lemma(v) in lex.rejection_verbs
        complements.extend(c for c in o.children if c.dep_ == "amod" and (c.i > o.i or rejecting))
    complements.extend(as_phrases)
    # "dismissed Peru's response as stalling": dismissing as anything is the verdict; but
    # "dismissed X as interior minister" removes someone from an office
    dismissive = ctx.lemma(v) in lex.dismissive_verbs and any(
        ctx.lemma(a) not in lex.title_heads for a in as_phrases
    )
    if not objs or not (dismissive or any(_pejorative(ctx, c) for c in complements)):
        return []
    named = [o for o in objs if o not in complements]
    agents, _ = ctx.subjects(v)
    sources = ctx.args_of(agents)
    targets = ctx.args_of(named, strict=True)
    if not targets:
        # "called Kenya's claims baseless": the one whose act is named
        targets = [e for o in named for e in _act_owner(ctx, o)]
    return _pairs(ctx, sources, targets, cue, v, "svo_active.v1")


def _as_complements(tok: Token) -> list[Token]:
    """What an "as" phrase on ``tok`` says: "as a ploy", "as stalling", and "as baseless"
    (an adjective the parser hangs on "as" as a modifier)."""
    return [
        a
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for a in c.children
        if a.dep_ in ("pobj", "pcomp", "amod", "acomp")
    ]


def _pejorative(ctx: SentenceContext, tok: Token) -> bool:
    words = ctx.lex.pejoratives
    if ctx.lemma(tok) in words or tok.lower_ in words:
        return True
    if tok.lower_ in _PARTITIVES:
        # "called Peru one of the worst offenders": the partitive's "of" noun is the verdict
        return any(_pejorative(ctx, p) for _, p in ctx.prep_objects(tok, ("of",)))
    return any(
        c.dep_ in ("amod", "compound", "conj") and (ctx.lemma(c) in words or c.lower_ in words)
        for c in tok.children
    )


def _labels(ctx: SentenceContext, v: Token) -> tuple[list[Token], list[Token]]:
    """``(named, labels)`` of a listing verb: the party listed and what it is listed as,
    active ("designated Peru's militia (as) a terror group") or passive ("the militia was
    designated a terrorist group", where the parser makes the label an object)."""
    _, patients = ctx.subjects(v)
    objs = ctx.children(v, "dobj")
    labels = ctx.children(v, "oprd", "xcomp") + _as_complements(v)
    for o in objs:
        labels += [c for c in o.children if c.dep_ == "appos"] + _as_complements(o)
    if patients:
        return patients, labels + objs
    return [o for o in objs if o not in labels], labels


def _terror_label(ctx: SentenceContext, tok: Token) -> bool:
    words = ctx.lex.terror_labels
    return ctx.lemma(tok) in words or any(
        c.dep_ in ("amod", "compound") and ctx.lemma(c) in words for c in tok.children
    )


def _terror_listing(ctx: SentenceContext, v: Token) -> bool:
    """Whether a listing verb lists its party as a terrorist body (lexicon.json
    ``terror_listing``): "designated X a terrorist organization", "listed X as a terror group"."""
    return any(_terror_label(ctx, t) for t in _labels(ctx, v)[1])


def _listed(ctx: SentenceContext, v: Token, cue: Cue) -> list[Candidate]:
    """A state lists a party as a terrorist body: the lister SANCTIONS the party listed
    (SCHEMA.md SANCTIONS; CAMEO 163). The passive's agent may hang on the label noun ("was
    designated a terrorist organization by Chile")."""
    named, labels = _labels(ctx, v)
    agents, patients = ctx.subjects(v)
    if patients:
        agents = agents + [a for t in (v, *labels) for _, a in ctx.prep_objects(t, {"by"})]
    # "Peru's militia is a group that is designated ...": the copula's subject is the one listed
    named = [s for n in named for s in (ctx.children(n.head, "nsubj") if n.dep_ == "attr" else [n])]
    sources = ctx.args_of(agents)
    targets = ctx.args_of(named, strict=True)
    return _pairs(ctx, sources, targets, cue, v, "svo_active.v1")
