"""Attacks a party receives: "Kenyan troops came under attack from X" (``under_attack.v1``).

An event noun of armed force (an ATTACKS noun cue) is what a verb of receiving takes: "came
under attack", "were under bombardment", "faced attacks", "suffered raids", "repelled an
assault", "fended off an offensive" (``lexicon.json`` → ``received_attack``: the verb and the
preposition that joins the noun, "" for a direct object). The attacker is the noun's own
source (its ``from``/``by`` phrase, possessive or demonym: "came under Russian bombardment") or
the verb's ``from``/``by`` phrase; the attacked is the verb's subject (CAMEO 18/19, SCHEMA.md
ATTACKS). An occupation is undergone the same way ("remains under Israeli occupation",
"Crimea, under Russian occupation since 2014": INVADES, SCHEMA.md "invade, occupy"). The
subject must be a party or an armed body or place that stands for one ("Chilean troops",
"Peruvian positions"): "Chile's plan came under attack from Peru" is criticism of a plan, not
an assault, and gives nothing here; fire taken for a reason ("came under fire over its
tariffs") is criticism (``received.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.received import figurative_fire
from geokg.extract.relations.slots import _VERB_POS, _word_in
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.lexicon import Cue

__all__ = ["received_attack"]

_SOURCE_PREPS = frozenset({"from", "by"})
# assaults and occupations can be undergone ("came under attack", "remains under occupation")
_RECEIVED_TYPES = frozenset({"ATTACKS", "INVADES"})
_MOD_DEPS = frozenset({"poss", "amod", "compound", "nmod"})


def _receiving_verb(ctx: SentenceContext, n: Token) -> Token | None:
    """The verb of receiving whose object (or "under"-object) is the noun ``n``, or the party
    an "under" phrase describes ("Crimea, under Russian occupation since 2014")."""
    if n.dep_ == "dobj":
        v, prep = n.head, ""
    elif n.dep_ == "pobj" and n.head.dep_ == "prep":
        v, prep = n.head.head, ctx.lemma(n.head)
    else:
        return None
    if prep == "under" and v.i in ctx.ent_at and v.i < n.i:
        return v
    if v.pos_ not in _VERB_POS and v.pos_ != "AUX":
        return None
    want = ctx.lex.attack_receiving_verbs.get(ctx.lemma(v))
    return v if want is not None and want == prep else None


def _attacked(ctx: SentenceContext, v: Token) -> list[EntityAnnotation]:
    """The verb's subjects that are parties, or armed bodies and held places standing for one."""
    if v.i in ctx.ent_at:
        return ctx.args(v)
    agents, patients = ctx.subjects(v)
    lex = ctx.lex
    out: list[EntityAnnotation] = []
    for a in agents + patients:
        armed = _word_in(ctx, a, lex.led_actor_nouns) or _word_in(ctx, a, lex.transparent_nouns)
        if a.i in ctx.ent_at or armed:
            out.extend(ctx.args(a))
    return out


def _attackers(ctx: SentenceContext, n: Token, v: Token) -> list[EntityAnnotation]:
    """The noun's own source (possessive, demonym, from/by), else the verb's from/by phrase."""
    out: list[EntityAnnotation] = []
    for c in n.children:
        if c.dep_ in _MOD_DEPS and c.i < n.i and c.i in ctx.ent_at:
            out.extend(ctx.args(c))
    froms = [o for _, o in ctx.prep_objects(n, _SOURCE_PREPS)]
    if not froms and not out:
        froms = [o for _, o in ctx.prep_objects(v, _SOURCE_PREPS)]
    out.extend(ctx.args_of(froms))
    return out


def received_attack(ctx: SentenceContext, n: Token, cue: Cue) -> list[Candidate]:
    """``under_attack.v1``: the attacker ATTACKS (or the occupier INVADES) the subject of the
    verb of receiving, or the party the "under" phrase describes."""
    if cue.type.value not in _RECEIVED_TYPES:
        return []
    v = _receiving_verb(ctx, n)
    if v is None or figurative_fire(ctx, n) is not None:
        return []  # "came under fire over its tariffs" is criticism (received.py)
    targets = _attacked(ctx, v)
    if not targets:
        return []
    out: list[Candidate] = []
    for s in _attackers(ctx, n, v):
        for t in targets:
            if s.name != t.name:
                out.append(
                    Candidate(s, cue.type.value, t, n.i, v.i, "under_attack.v1", cue.conf, cue.id)
                )
    return out
