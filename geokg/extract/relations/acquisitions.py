"""Arms and aid acquired from a supplier: the supplier SUPPORTS the receiver.

SCHEMA.md news conventions: selling or giving arms, loans or aid to a party is SUPPORTS
(seller/giver -> receiver); CAMEO 07 (provide aid) / PLOVER AID seen from the receiving side.
Two constructions besides the verb ("Algeria bought Russian jets", ``buy_arms.verb``):

* the acquisition as a noun, the goods' origin named by a demonym or an entity modifying them
  ("Kenya's purchase of Russian jets", "the procurement of Turkish drones by Ethiopia"): the
  ``ofmod`` target slot of a noun cue (:func:`goods_origins`);
* the acquisition as a participle on the goods ("Peru showed off its newly acquired Korean
  tanks", "Ghana's recently purchased Brazilian aircraft"): ``participle.v1``
  (:func:`acquired_goods`), the receiver being the goods' owner or the subject of the verb
  whose object they are;
* the receiver named by a role noun ("Peru, the largest buyer of Korean tanks", "Peru is the
  top recipient of Japanese aid"): ``role_noun.v1`` (:func:`receiver_roles`), the supplier
  named on the goods (demonym, name or "from" phrase).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.slots import _VERB_POS, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.lexicon import Cue

__all__ = ["acquired_goods", "goods_origins", "receiver_roles", "supplied_for"]

# the verb cue whose lemmas and goods define an acquisition
_BUY_CUE = "buy_arms.verb"


def goods_origins(ctx: SentenceContext, n: Token, cue: Cue) -> list[Token]:
    """The tokens naming the origin of the acquired goods of noun ``n`` ("purchase of Russian
    jets" -> "Russian"), for a cue with the ``ofmod`` target slot; the goods must be in the
    cue's ``requires_prep_object`` list."""
    if "ofmod" not in cue.target:
        return []
    out: list[Token] = []
    for p, obj in ctx.prep_objects(n, cue.requires_prep_object):
        if ctx.lemma(obj) in cue.requires_prep_object[p] and obj.i not in ctx.ent_at:
            out.extend(_origins(ctx, obj))
    return out


def _origins(ctx: SentenceContext, goods: Token) -> list[Token]:
    """Modifiers of ``goods`` that name a state ("Russian", "French-made"): a company's goods
    ("Boeing jets") are commerce, not a state's support."""
    out: list[Token] = []
    for c in goods.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < goods.i:
            ent = ctx.ent_at.get(c.i)
            if ent is not None and ent.label.value == "Country":
                out.append(c)
    return out


def acquired_goods(ctx: SentenceContext) -> list[Candidate]:
    """ "Peru showed off its newly acquired Korean tanks": a participle of an acquisition verb
    on goods whose origin is named; the supplier SUPPORTS the goods' owner (possessor, else the
    subject of the verb taking the goods as its object)."""
    cue = ctx.lex.cue(_BUY_CUE)
    if cue is None or not ctx.has_lemma(cue.lemmas):
        return []
    out: list[Candidate] = []
    for tok in ctx.tokens():
        if tok.tag_ != "VBN" or tok.dep_ not in ("amod", "acl"):
            continue
        if ctx.lemma(tok) not in cue.lemmas:
            continue
        goods = tok.head
        if ctx.lemma(goods) not in cue.objects or goods.i in ctx.ent_at:
            continue
        sellers = [ctx.ent_at[c.i] for c in _origins(ctx, goods)]
        sellers.extend(e for _, o in ctx.prep_objects(tok, ("from",)) for e in ctx.args(o))
        if not sellers:
            continue
        owners = [e for c in goods.children if c.dep_ == "poss" for e in ctx.args(c, strict=True)]
        anchor = tok
        if not owners and goods.dep_ == "dobj":
            agents, _ = ctx.subjects(goods.head)
            owners = ctx.args_of(agents, strict=True)
            anchor = goods.head
        out.extend(_pairs(ctx, owners, sellers, cue, tok, "participle.v1", anchor=anchor))
    return out


# the verb cue whose lemmas supply goods "for" a party's weapons, army or war
_SUPPLY_FOR_CUE = "supply_for_military.verb"


def supplied_for(ctx: SentenceContext) -> list[Candidate]:
    """ "China ships components for Russia's weapons": goods supplied for a party's weapons,
    army or war support that party (``svo_active.v1``). The verb cue
    (``supply_for_military.verb``) reads the "for" phrase on the verb; here it hangs on the
    goods, and its owner (possessor or demonym: "for the Russian army") is the target."""
    cue = ctx.lex.cue(_SUPPLY_FOR_CUE)
    if cue is None or not ctx.has_lemma(cue.lemmas):
        return []
    purposes = cue.requires_prep_object.get("for", frozenset())
    out: list[Candidate] = []
    for v in ctx.tokens():
        if v.pos_ not in _VERB_POS or ctx.lemma(v) not in cue.lemmas:
            continue
        owners: list[EntityAnnotation] = []
        for goods in ctx.children(v, "dobj"):
            if goods.i in ctx.ent_at:
                continue
            for _, purpose in ctx.prep_objects(goods, ("for",)):
                if ctx.lemma(purpose) not in purposes or purpose.i in ctx.ent_at:
                    continue
                for c in purpose.children:
                    if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.i < purpose.i):
                        owners.extend(ctx.args(c, strict=True))
        if not owners:
            continue
        agents, _ = ctx.subjects(v)
        sources = ctx.args_of(agents, strict=True)
        out.extend(_pairs(ctx, sources, owners, cue, v, "svo_active.v1"))
    return out


# nouns naming the receiver of goods or aid
_RECEIVER_NOUNS = frozenset(
    {"buyer", "buyers", "recipient", "recipients", "importer", "importers", "customer"}
) | {"customers", "purchaser", "purchasers", "beneficiary", "beneficiaries"}
_WEAPON_TYPES_CUE = "buy_weapon_types.verb"
_COPULAS = frozenset({"be", "become", "remain"})


def receiver_roles(ctx: SentenceContext) -> list[Candidate]:
    """ "Peru is the largest buyer of Korean tanks": Korea SUPPORTS Peru (``role_noun.v1``)."""
    cue = ctx.lex.cue(_BUY_CUE)
    if cue is None or not ctx.has_lemma(_RECEIVER_NOUNS):
        return []
    extra = ctx.lex.cue(_WEAPON_TYPES_CUE)
    goods_words = cue.objects | (extra.objects if extra is not None else frozenset())
    out: list[Candidate] = []
    for n in ctx.tokens():
        if ctx.lemma(n) not in _RECEIVER_NOUNS or n.i in ctx.ent_at:
            continue
        givers: list[EntityAnnotation] = []
        for _, goods in ctx.prep_objects(n, ("of",)):
            if ctx.lemma(goods) not in goods_words or goods.i in ctx.ent_at:
                continue
            givers.extend(ctx.ent_at[c.i] for c in _origins(ctx, goods))
            givers.extend(e for _, o in ctx.prep_objects(goods, ("from",)) for e in ctx.args(o))
            if ctx.lemma(goods) in goods_words and goods.i not in ctx.ent_at:
                givers.extend(e for _, o in ctx.prep_objects(n, ("from",)) for e in ctx.args(o))
        givers = [g for g in givers if g.label.value != "Organization" or g.kind != "company"]
        if not givers:
            continue
        if n.dep_ == "attr" and ctx.lemma(n.head) in _COPULAS:
            agents, _ = ctx.subjects(n.head)
            receivers = ctx.args_of(agents, strict=True)
        elif n.dep_ == "appos":
            receivers = ctx.args(n.head, strict=True)
        else:
            continue
        # the cue reads its subject as the receiver (``reverse``)
        out.extend(_pairs(ctx, receivers, givers, cue, n, "role_noun.v1"))
    return out
