"""Troops withdrawn from a land the sentence calls occupied: the occupier INVADES it.

An occupation or invasion word with no patient of its own ("after a decade of
occupation", "the invasion forces", "called the troops occupiers") takes its patient from
the withdrawal the sentence states: "Chile will withdraw its troops from Peru after years of
occupation", "Chile completed the withdrawal of its invasion forces from Peru", "Bolivia
urged the pullout of Chilean troops from Peru and called them occupiers" give
Chile INVADES Peru (CAMEO 192, occupy territory; SCHEMA.md INVADES: occupy). The occupier is
the owner of the withdrawn troops ("Chilean forces", "its troops" read through the verb's
subject), else the party that carries the withdrawal out ("Chile completed / began the
withdrawal of invasion forces"); a party demanding a withdrawal is never the occupier.
The occupation is presupposed by the withdrawal, whatever the withdrawal's own modality: the
relation's predicate is the occupation word.

Nothing without an occupation word ("Chile withdrew its troops from Peru": a drawdown, no
occupation stated), nor where the word has a patient or an owner of its own that differs
("Chile pulled its troops from Peru after the Bolivian invasion of Paraguay": read by the
noun's own cue, or not at all), nor for a withdrawal from a body or a deal, a place that is no
state, or troops withdrawn by someone not their owner in the passive with no owner named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.lexicon import Cue
from geokg.extract.relations.slots import _NOUN_POS, _VERB_POS, _pairs

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["withdrawn_occupiers"]

_RULE = "withdrawn_occupiers.v1"

_CUE = Cue.from_dict(
    {"id": "withdrawn_occupiers.noun", "type": "INVADES", "pos": "noun",
     "lemmas": ["occupation"], "conf": 0.6,
     "source": "CAMEO 192 (occupy territory); usage in unlabeled VOA corpus and PLOVER: "
     "troops withdrawn from a land called occupied name its occupier", "cameo": "192"}
)  # fmt: skip

# occupation words (lemmas): "occupation", "occupying forces", "invasion forces", "occupier"
_OCCUPATION = frozenset({"occupation", "occupy", "occupier", "invasion", "invade", "invader"})
# verbs and nouns of withdrawing troops ("pull" only with "out"/"back")
_WITHDRAW_VERBS = frozenset({"withdraw", "pull", "remove", "evacuate", "redeploy"})
_WITHDRAW_NOUNS = frozenset({"withdrawal", "pullout", "pull-out", "removal", "pullback"})
_WITHDRAW_NOUNS |= {"drawdown", "evacuation", "redeployment"}
_PULL_PARTICLES = frozenset({"out", "back"})
_TROOPS = frozenset({"troop", "troops", "force", "forces", "army", "armies", "soldier"})
_TROOPS |= {"soldiers", "contingent", "contingents", "unit", "units", "military", "garrison"}
# verbs by which a party carries out a withdrawal it owns ("completed the withdrawal")
_CARRY_OUT = frozenset({"speed", "complete", "begin", "start", "accelerate", "finish", "order"})
_CARRY_OUT |= {"announce", "slow", "delay", "halt", "continue", "carry", "conduct", "hasten"}
_CARRY_OUT |= {"launch", "finalize", "finalise", "postpone", "suspend"}
_OWN_MODS = ("poss", "amod", "compound", "nmod")


def _bare_occupations(ctx: SentenceContext) -> list[Token]:
    """Occupation words with no patient of their own in the sentence."""
    out = []
    for t in ctx.tokens():
        if ctx.lemma(t) not in _OCCUPATION or t.i in ctx.ent_at:
            continue
        own = [x for _, x in ctx.prep_objects(t, ("of", "into", "against"))]
        own += ctx.children(t, "dobj")
        if own and ctx.args_of(own, strict=True):
            continue  # "the invasion of Paraguay", "occupying Arica": the noun's own cue
        out.append(t)
    return out


def _owners(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation] | None:
    """The parties named as owners of ``tok`` ("Chilean forces", "Chile's withdrawal"); an
    empty list where a possessive pronoun stands there ("its troops"), ``None`` where no
    owner is written."""
    mods = [c for c in tok.children if c.dep_ in _OWN_MODS and c.i < tok.i]
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in mods):
        return []
    named = ctx.args_of([c for c in mods if c.pos_ != "PRON"], strict=True)
    return named or None


def _states_from(ctx: SentenceContext, *heads: Token) -> list[EntityAnnotation]:
    objs = [x for h in heads for _, x in ctx.prep_objects(h, ("from",))]
    # a hyphenated name the recognizer cut ("Bosnia-Herzegovina"): its first part's entity
    objs += [c for x in objs if x.i not in ctx.ent_at for c in ctx.children(x, "compound")]
    return [e for e in ctx.args_of(objs, strict=True) if e.label.value == "Country"]


_Found = tuple[list["EntityAnnotation"], list["EntityAnnotation"]]


def _verb_withdrawals(ctx: SentenceContext, v: Token) -> _Found:
    """``(occupiers, places)`` of "X withdrew its troops from Y"."""
    lem = ctx.lemma(v)
    if lem == "pull" and not any(
        c.dep_ in ("prt", "prep") and c.lower_ in _PULL_PARTICLES for c in v.children
    ):
        return [], []
    troops = [o for o in ctx.children(v, "dobj") if ctx.lemma(o) in _TROOPS]
    places = _states_from(ctx, v, *troops)
    if not troops or not places:
        return [], []
    occupiers: list[EntityAnnotation] = []
    for o in troops:
        own = _owners(ctx, o)
        if own:
            occupiers.extend(own)
        elif own is not None and not ctx.is_passive(v):
            agents, _ = ctx.subjects(v)  # "Chile withdrew its troops": the subject's
            occupiers.extend(ctx.args_of(agents))
    return occupiers, places


def _noun_withdrawals(ctx: SentenceContext, n: Token) -> _Found:
    """``(occupiers, places)`` of "the withdrawal of Chilean forces from Y", "Chile's
    withdrawal from Y", "Chile completed the withdrawal of invasion forces from Y"."""
    troops = [x for _, x in ctx.prep_objects(n, ("of",)) if ctx.lemma(x) in _TROOPS]
    places = _states_from(ctx, n, *troops)
    if not places:
        return [], []
    occupiers = list(_owners(ctx, n) or [])
    for o in troops:
        occupiers.extend(_owners(ctx, o) or [])
    if not occupiers and troops and n.dep_ == "dobj" and ctx.lemma(n.head) in _CARRY_OUT:
        agents, _ = ctx.subjects(n.head)  # the party that carries its withdrawal out
        occupiers = ctx.args_of(agents)
    return occupiers, places


def withdrawn_occupiers(ctx: SentenceContext) -> list[Candidate]:
    """ "Chile withdrew its troops from Peru after years of occupation": Chile INVADES Peru."""
    if not ctx.has_lemma(_OCCUPATION) or not (
        ctx.has_lemma(_WITHDRAW_VERBS) or ctx.has_lemma(_WITHDRAW_NOUNS)
    ):
        return []
    words = _bare_occupations(ctx)
    if not words:
        return []
    out: list[Candidate] = []
    for t in ctx.tokens():
        lem = ctx.lemma(t)
        if t.pos_ in _VERB_POS and lem in _WITHDRAW_VERBS:
            occupiers, places = _verb_withdrawals(ctx, t)
        elif t.pos_ in _NOUN_POS and lem in _WITHDRAW_NOUNS:
            occupiers, places = _noun_withdrawals(ctx, t)
        else:
            continue
        for w in words:
            owned = _owners(ctx, w)
            sources = [o for o in occupiers if not owned or o in owned]
            targets = [p for p in places if p not in occupiers]
            out.extend(_pairs(ctx, sources, targets, _CUE, t, _RULE, anchor=w))
            if sources and targets:
                break
    return out
