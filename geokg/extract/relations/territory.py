"""Territorial claims: a state claiming another's land seeks to take it (``ANNEXES``, hedged).

SCHEMA.md types ``ANNEXES`` as annexing or taking over territory; a claim takes nothing over,
but it states a sought take-over, which the gold conventions annotate as hedged ``ANNEXES``
("designs on X's territory", the ``designs.noun`` cue, which also reads "Y's claim to Z").
This module reads the claiming verb and the claim noun whose object is land owned by a named
state, which the nominal cue cannot place:

* "Bolivia claims part of Chile's coastline", "Morocco claims two-thirds of Mali", "Serbia
  claims Kosovo", "Argentina claims the Falkland Islands" (``claimed_territory.v1``);
* "Morocco lays claim to Algeria's western desert", "Bolivia's claim to the northern
  provinces of Chile" (``claimed_territory.v1`` on the noun);
* two or more states claiming the same land are rival claimants, ``OPPOSES`` both ways ("India
  and Pakistan both claim the valley", "the islands, which both Japan and Russia claim").

Claims of speech or credit are not territory: "claims that Y ...", "claimed to be holding",
"claimed responsibility / victory / the attack" (no territorial object), nor a city or town a
force "claimed" in war reporting (a named place must be headed by a territory noun). Contesting
someone's claim is ``OPPOSES`` (``dispute.verb`` and the rejection verbs, ``verbs.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import unique_spans
from geokg.extract.relations.slots import _NOUN_POS, _VERB_POS, _mutual, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation

__all__ = ["claimed_territory", "land_claims_only"]

# the cue of a sought take-over of territory (its type, modality and confidence)
_CLAIM_CUE = "designs.noun"
_RULE = "claimed_territory.v1"
# the cue of a contested claim (rival claimants oppose each other)
_RIVAL_CUE = "dispute.verb"
_RELATIVES = frozenset({"which", "that"})
# the cue of rival claims (``cues.jsonl``), which must be claims to land
_RIVAL_CLAIMS_CUE = "rival_claims.noun"
# who claims land, and whose land is claimed
_CLAIMANTS = frozenset({"Country"})
_OWNERS = frozenset({"Country"})
_LANDS = frozenset({"Country", "Place"})
# verbs under which a claim noun is made or held ("laid claim to", "pressed its claim to")
_CLAIM_SUPPORT = frozenset(
    {"lay", "stake", "press", "assert", "renew", "make", "have", "hold", "pursue", "revive"}
)


def claimed_territory(ctx: SentenceContext) -> list[Candidate]:
    """Hedged ``ANNEXES`` from a named state to the land it claims (module docstring)."""
    cue = ctx.lex.cue(_CLAIM_CUE)
    lex = ctx.lex
    if cue is None or not ctx.has_lemma(lex.claim_words):
        return []
    out: list[Candidate] = []
    for tok in ctx.tokens():
        lem = ctx.lemma(tok)
        if tok.pos_ in _VERB_POS and lem in lex.claim_verbs:
            if ctx.children(tok, "ccomp", "xcomp") or ctx.is_passive(tok):
                continue  # "claims that Y ...", "claimed to be holding ..."
            objs = ctx.children(tok, "dobj")
            targets = [e for o in objs for e in _claimed(ctx, o, named=True)]
            agents, _ = ctx.subjects(tok)
            out.extend(_rival_claimants(ctx, tok, agents, objs))
        elif tok.pos_ in _NOUN_POS and lem in lex.claim_nouns:
            gov = tok.head
            held = tok.dep_ == "dobj" and ctx.lemma(gov) in _CLAIM_SUPPORT
            # "laid claim to ...": the parser may hang the claimed land on the verb
            heads = (tok, gov) if held else (tok,)
            lands = [o for h in heads for _, o in ctx.prep_objects(h, lex.claim_preps)]
            targets = [e for o in lands if o.i not in ctx.ent_at for e in _claimed(ctx, o)]
            agents = ctx.children(tok, "poss")
            if not agents and held:
                agents, _ = ctx.subjects(gov)  # "Morocco laid claim to ..."
        else:
            continue
        if not targets:
            continue
        sources = [e for e in ctx.args_of(agents, strict=True) if e.label.value in _CLAIMANTS]
        out.extend(_pairs(ctx, sources, unique_spans(targets), cue, tok, _RULE))
    return out


def land_claims_only(ctx: SentenceContext, out: list[Candidate]) -> list[Candidate]:
    """Drop rival claims that are not to land: "competing claims about the blast", "rival
    claims that the other fired first" are accounts that differ, not a territorial dispute.
    A claim to land names what it is to ("to / over / on the islands") or says so
    ("territorial", "maritime")."""
    return [c for c in out if c.cue != _RIVAL_CLAIMS_CUE or _land_claim(ctx, ctx.doc[c.trigger])]


def _land_claim(ctx: SentenceContext, n: Token) -> bool:
    lex = ctx.lex
    if any(c.dep_ in ("acl", "ccomp", "relcl") for c in n.children):
        return False
    if any(
        c.dep_ in ("amod", "compound") and ctx.lemma(c) in lex.claim_modifiers for c in n.children
    ):
        return True
    return bool(ctx.prep_objects(n, lex.claim_preps))


def _rival_claimants(
    ctx: SentenceContext, v: Token, agents: list[Token], objs: list[Token]
) -> list[Candidate]:
    """ "India and Pakistan both claim the valley", "islands which both Japan and Russia
    claim": states claiming the same land are rival claimants, ``OPPOSES`` both ways."""
    cue = ctx.lex.cue(_RIVAL_CUE)
    claimants = [e for e in ctx.args_of(agents, strict=True) if e.label.value in _CLAIMANTS]
    if cue is None or len(claimants) < 2:
        return []
    lands = list(objs)
    if v.dep_ == "relcl" and any(ctx.lemma(o) in _RELATIVES for o in objs):
        lands.append(v.head)  # "the islands, which both A and B claim"
    for o in lands:
        named = o.i in ctx.ent_at and ctx.ent_at[o.i].label.value in _LANDS
        if named or ctx.lemma(o) in ctx.lex.territory_nouns or _claimed(ctx, o):
            return _mutual(ctx, claimants, cue, v, _RULE)
    return []


def _claimed(ctx: SentenceContext, o: Token, *, named: bool = False) -> list[EntityAnnotation]:
    """The named land a claimed object stands for: a named state or territory itself (with
    ``named``: "Kosovo", "the Falkland Islands"), the owner of a territory noun ("Chile's
    coastline", "the provinces of Chile"), or what a share of it is taken of ("two-thirds of
    Mali", "part of Chile's coast")."""
    out: list[EntityAnnotation] = []
    lex = ctx.lex
    for t in (o, *o.conjuncts):
        lem = ctx.lemma(t)
        if t.i in ctx.ent_at:
            e = ctx.ent_at[t.i]
            country = e.label.value == "Country"
            if named and (country or (e.label.value in _LANDS and lem in lex.territory_nouns)):
                out.append(e)
            continue
        if lem in lex.territory_nouns:
            owners = [c for c in t.children if c.dep_ == "poss"]
            owners += [p for _, p in ctx.prep_objects(t, ("of",))]
            out.extend(e for e in ctx.args_of(owners, strict=True) if e.label.value in _OWNERS)
        elif lem in lex.share_nouns:
            for _, p in ctx.prep_objects(t, ("of",)):
                if p.i in ctx.ent_at and ctx.ent_at[p.i].label.value in _OWNERS:
                    out.append(ctx.ent_at[p.i])
                else:
                    out.extend(_claimed(ctx, p))
    return out
