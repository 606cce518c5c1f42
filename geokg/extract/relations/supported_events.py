"""Armed acts done "in support of" a party (``event_in_support.v1``).

A support noun ("support", "backing", a SUPPORTS noun cue) that is the object of "in" under an
event noun of armed force gives the event's owner SUPPORTS the noun's "of" party: "Chilean
airstrikes in support of Peru", "Bolivia's operation in support of the Peruvian army" (CAMEO
07 and 19: force used on a party's side; SCHEMA.md SUPPORTS "in support of"). The event noun is
an ATTACKS or INVADES noun cue, or one of ``_ARMED_EVENTS`` (missions, sorties, deployments);
its owner is its possessive, demonym or name compound, or its "by"/"from" phrase. A verb's
"in support of" ("intervened in support of Peru") is the support noun's own reading
(``nouns.py``); an act with no owner ("protests in support of Peru") and a support of a thing
("airstrikes in support of a ceasefire") give nothing here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.slots import _NOUN_POS
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.lexicon import Cue

__all__ = ["event_in_support"]

RULE = "event_in_support.v1"
# event nouns of armed force that are no ATTACKS cue of their own
_ARMED_EVENTS = frozenset(
    {
        "operation",
        "mission",
        "sortie",
        "deployment",
        "intervention",
        "patrol",
        "flight",
        "exercise",
        "drill",
        "campaign",
    }
)
_ARMED_TYPES = frozenset({"ATTACKS", "INVADES"})
_OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})


def _armed_event(ctx: SentenceContext, tok: Token) -> bool:
    """Whether the noun names an act of armed force."""
    lem = ctx.lemma(tok)
    if lem in _ARMED_EVENTS or tok.lower_ in _ARMED_EVENTS:
        return True
    return any(c.type.value in _ARMED_TYPES for c in ctx.lex.lookup("noun", lem))


def _owners(ctx: SentenceContext, event: Token) -> list[EntityAnnotation]:
    """The event's possessive, demonym or name compound before it, else its by/from phrase."""
    out: list[EntityAnnotation] = []
    for c in event.children:
        if c.dep_ in _OWNER_DEPS and c.i < event.i and c.i in ctx.ent_at:
            out.extend(ctx.args(c))
    if not out:
        out.extend(ctx.args_of([o for _, o in ctx.prep_objects(event, ("by", "from"))]))
    return out


def event_in_support(ctx: SentenceContext, n: Token, cue: Cue) -> list[Candidate]:
    """``event_in_support.v1``: the owner of an armed act SUPPORTS the party the act's "in
    support of" phrase names."""
    if cue.type.value != "SUPPORTS" or n.dep_ != "pobj":
        return []
    prep = n.head
    if prep.dep_ != "prep" or ctx.lemma(prep) != "in":
        return []
    event = prep.head
    if event.pos_ not in _NOUN_POS or not _armed_event(ctx, event):
        return []
    targets = ctx.args_of([o for _, o in ctx.prep_objects(n, ("of",))])
    if not targets:
        return []
    out: list[Candidate] = []
    for s in _owners(ctx, event):
        for t in targets:
            if s.name != t.name:
                out.append(Candidate(s, "SUPPORTS", t, n.i, event.i, RULE, cue.conf, cue.id))
    return out
