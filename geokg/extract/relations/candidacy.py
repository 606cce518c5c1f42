"""Candidate status given to a state: MEMBER_OF with status ``applicant`` (SCHEMA.md MEMBER_OF).

"The EU granted Ukraine candidate status", "Ukraine was granted candidate status by the EU",
"the bloc gave candidate status to Moldova": the one the status is given to is the applicant,
the organization the giver or the status's modifier ("EU candidate status"); status received
("Moldova received EU candidate status") goes to the subject. Status won or held ("Georgia won
EU candidate status", "Ukraine's candidate status") is the noun cue's own reading
(``candidate_status.noun``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.slots import _VERB_POS, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["granted_status"]

_CUE = "candidate_status.noun"


def _organizations(ctx: SentenceContext, toks: list[Token]) -> list[EntityAnnotation]:
    return [e for e in ctx.args_of(toks, strict=True) if e.label.value == "Organization"]


def granted_status(ctx: SentenceContext) -> list[Candidate]:
    """ "The EU granted Ukraine candidate status": Ukraine MEMBER_OF the EU (applicant)."""
    cue = ctx.lex.cue(_CUE)
    if cue is None or not ctx.has_lemma(cue.lemmas):
        return []
    out: list[Candidate] = []
    for n in ctx.tokens():
        if ctx.lemma(n) not in cue.lemmas or n.dep_ != "dobj":
            continue
        mods = [c for c in n.children if c.dep_ in ("amod", "compound", "nmod")]
        if not any(ctx.lemma(m) in cue.requires_modifiers for m in mods):
            continue
        v = n.head
        if v.pos_ not in _VERB_POS:
            continue
        lem = ctx.lemma(v)
        agents, patients = ctx.subjects(v)
        by = [o for _, o in ctx.prep_objects(v, ("by", "from"))]
        if lem in ctx.lex.giving_verbs:
            if ctx.is_passive(v):
                recipients, givers = patients, agents + by
            else:
                # "granted Ukraine candidate status": the parser may read the recipient as a
                # second object or a modifier of the status
                to = [o for _, o in ctx.prep_objects(v, ("to",))]
                others = [c for c in ctx.children(v, "dobj") if c.i != n.i]
                recipients, givers = ctx.children(v, "dative") + to + others + mods, agents
        elif lem in ctx.lex.recipient_verbs and not ctx.is_passive(v):
            # "Moldova received EU candidate status"
            recipients, givers = agents, by
        else:
            continue
        applicants = [
            e for e in ctx.args_of(recipients, strict=True) if e.label.value != "Organization"
        ]
        orgs = _organizations(ctx, mods) or _organizations(ctx, givers)
        out.extend(_pairs(ctx, applicants, orgs, cue, n, "nominal_light_verb.v1", anchor=v))
    return out
