"""People from a party met as its representatives (``met_delegation.v1``, MEETS).

"Chile met officials from Peru", "Chile's president received a delegation from Peru": the
parser often hangs the "from" phrase on the verb, not on the people it describes, so the
object names no party. CAMEO 04 (consult: meet, host, receive a visit) and SCHEMA.md
("Ministers from A, B and C met" gives MEETS; officials and envoys stand for their state)
make the subject meet the party the people come from. Only a meeting verb's object that is a
representative noun (officials, a delegation, envoys, ministers) with no party of its own,
and a "from" phrase right after it; "Chile withdrew troops from Peru" is no meeting verb.
People with no party of their own met "in" a state are that state's ("Chile met officials in
Peru", "met with officials in Peru and Bolivia": Chile MEETS each); a city or region names
only where ("met officials in Lima" gives nothing), and people with a party of their own are
that party's ("met Bolivian officials in Peru" is Bolivia, read elsewhere).
"""

from __future__ import annotations

from geokg.extract.relations.slots import _VERB_POS, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["met_delegations"]

_MEET_CUE = "meet.verb"
_MEETING_VERBS = frozenset({"meet", "host", "receive", "welcome", "greet"})
_PARTIES = frozenset({"Country", "Organization", "Group"})
# where the people are met: a state or a body stands for whose people they are, a place does not
_HOSTS_OF_PEOPLE = frozenset({"Country", "Organization"})
# people who represent a party in talks (inspectors, monitors or troops are met on duty, not
# in talks: "Kenya welcomed inspectors from the agency" gives nothing)
_REPRESENTATIVES = frozenset({"official", "officials", "delegation", "delegations", "envoy"}) | {
    "envoys",
    "minister",
    "ministers",
    "leader",
    "leaders",
    "representative",
    "representatives",
    "diplomat",
    "diplomats",
    "negotiator",
    "negotiators",
    "lawmaker",
    "lawmakers",
    "legislator",
    "legislators",
    "delegate",
    "delegates",
    "counterpart",
    "counterparts",
    "emissary",
    "emissaries",
}


def met_delegations(ctx: SentenceContext) -> list[Candidate]:
    """ "Chile met officials from Peru": Chile MEETS Peru."""
    cue = ctx.lex.cue(_MEET_CUE)
    if cue is None or not ctx.has_lemma(_MEETING_VERBS) or not ctx.has_lemma({"from", "in"}):
        return []
    people = ctx.lex.agent_via_from & _REPRESENTATIVES
    out: list[Candidate] = []
    for v in ctx.tokens():
        if v.pos_ not in _VERB_POS or ctx.lemma(v) not in _MEETING_VERBS:
            continue
        met = ctx.children(v, "dobj") + [o for _, o in ctx.prep_objects(v, ("with",))]
        objs = [
            o for o in met if (ctx.lemma(o) in people or o.lower_ in people) and not ctx.args(o)
        ]
        if not objs:
            continue
        edge = max(o.right_edge.i for o in objs)
        froms = [
            p
            for c in v.children
            if c.dep_ == "prep" and ctx.lemma(c) == "from" and c.i == edge + 1
            for p in c.children
            if p.dep_ == "pobj"
        ]
        parties = [e for e in ctx.args_of(froms, strict=True) if e.label.value in _PARTIES]
        after = {o.i + 1 for o in objs}
        ins = [
            p
            for t in (v, *objs)
            for c in t.children
            if c.dep_ == "prep" and ctx.lemma(c) == "in" and c.i in after
            for p in c.children
            if p.dep_ == "pobj"
        ]
        parties += [e for e in ctx.args_of(ins, strict=True) if e.label.value in _HOSTS_OF_PEOPLE]
        agents, _ = ctx.subjects(v)
        hosts = ctx.args_of(agents, strict=False)
        out.extend(_pairs(ctx, hosts, parties, cue, v, "met_delegation.v1"))
    return out
