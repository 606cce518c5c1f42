"""Founders of an organization are its members (``founding.v1``, MEMBER_OF status member).

"Kenya, Uganda and Tanzania founded the East African Community", "Chile co-founded the
Pacific Alliance", "Peru formed the Andean Community with Bolivia", "the Andean Community was
founded in 1969 by Peru and Bolivia", "since the founding of X by Chile and Peru", "Chile and
Peru set up a body known as the Andean Defense Alliance", "BRICS, the bloc formed by Brazil,
Russia, India and China": the states that found, create, form, establish, launch or set up
an intergovernmental body or alliance are its founding members (SCHEMA.md MEMBER_OF; the
"founding member" of the event lexicon, CAMEO actor codes).

The founders are the verb's logical subjects (every conjunct, control, the passive "by"
agent) and a co-founder "with" the subject ("A formed X with B"); only states count. The
organization is the verb's object (the passive subject, the noun a participle or relative
clause modifies) when that word is itself an Organization entity, or the name it is given
("a confederation *known as* X", "a pact *called* X", an apposition). It must be an
intergovernmental body, bloc or alliance, or a name the entity component could not type
whose head word names one ("... Confederation", "... Pact") founded by two states or more
(one state's "Alliance for X" may be its own body): a company, party, armed group or
a state's own agency founded by anyone gives nothing ("Chile set up a fund" has no
organization at all). Negation and modality come from the verb ("failed to create" is
negated; "plans to create", an intended membership, is status applicant like "seeks to join").
"""

from __future__ import annotations

from geokg.extract.relations.founded import (
    founded_organizations_of,
    founded_tokens,
    founding_noun,
    founding_verb,
    noun_founded_tokens,
)
from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["founded_organizations"]

RULE = "founding.v1"
_PARTNER_PREPS = ("with", "alongside")


def founded_organizations(ctx: SentenceContext) -> list[Candidate]:
    """ "Chile and Peru founded the Pacific Alliance": both MEMBER_OF it (status member)."""
    if not ctx.has_lemma(ctx.lex.founding_heads):
        return []
    out: list[Candidate] = []
    conf = ctx.lex.confidence(RULE)
    for v in ctx.tokens():
        if founding_verb(ctx, v):
            agents, patients = ctx.subjects(v)
            orgs = founded_organizations_of(ctx, founded_tokens(ctx, v, patients))
            # "A formed X with B": B is a founder too (the parser may hang "with B" on X)
            objects = [t for t in ctx.children(v, "dobj") if not ctx.is_passive(v)]
            agents += [o for t in [v, *objects] for _, o in ctx.prep_objects(t, _PARTNER_PREPS)]
        elif founding_noun(ctx, v):
            # "the founding of X by A and B", "Chile's creation of X"
            founded = noun_founded_tokens(ctx, v)
            orgs = founded_organizations_of(ctx, founded)
            # the parser may hang "by A" on the "of" object
            agents = [o for t in [v, *founded] for _, o in ctx.prep_objects(t, ("by",))]
            agents += ctx.children(v, "poss")
        else:
            continue
        if not orgs:
            continue
        founders = [e for e in ctx.args_of(agents, strict=True) if e.label.value == "Country"]
        for org in orgs:
            if org.kind is None and len({f.name for f in founders}) < 2:
                continue  # one state's "Alliance for X" of unknown kind: maybe its own body
            for f in founders:
                out.append(
                    Candidate(f, "MEMBER_OF", org, v.i, v.i, RULE, conf, RULE, status="member")
                )
    return out
