"""Objects that stand for their owner, and members that are no partners of their own bloc.

* ``backed_proposal.v1``: backing a party's plan, proposal, bid, candidacy, position or cause
  supports its owner ("Chile backs Peru's plan for a ceasefire", "Chile endorsed the Peruvian
  proposal", "Chile supported a bid by Peru", "backed the Peruvian position"): a verb of the
  ``support.verb`` cue whose object is a proposal, goal or stance noun (``lexicon.json``
  ``proposal_nouns``, ``goal_nouns``, ``owned_stances``) gives SUPPORTS towards the noun's
  owner (:func:`proposal_owners`, shared with the converse, ``rejected_offer.v1`` in
  ``stances.py``). An organization modifying the noun is the goal or the forum, no owner
  ("Peru's UN bid": Peru; "a UN resolution": nobody named), nor is a noun's own "reluctance to
  endorse" an act stated.
* a territory noun owned by a state stands for that state as the object of an annexing verb
  ("Chile annexed two Peruvian provinces"): ``owned_land.py``.
* :func:`members_not_partners`: a state stated in one sentence as a member of an organization
  is no partner of that organization there ("NATO allies Chile and Peru": members, "Peru was
  admitted to the alliance"), and a verb whose object is admitted "as a member" states the
  admission alone ("the bloc welcomed Peru as a member" is no meeting, "accepted Peru as a
  member" no recognition).
* :func:`unnamed_holders`: support held by a crowd nobody names ("boosted global support for
  Peru", "drew widespread backing for Peru": ``lexicon.json`` ``unnamed_holders``) is no act
  of the light verb's subject, while a named holder still supports ("Chile's global support
  for Peru", "won widespread backing from Chile"). Other acts keep their subject ("launched
  widespread strikes on Peru").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.slots import _VERB_POS, _participle_agents
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["backed_proposals", "members_not_partners", "proposal_owners", "unnamed_holders"]

RULE = "backed_proposal.v1"
_SUPPORT_CUE = "support.verb"
_OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
# verb rules whose literal cue an "as a member" complement overrides
_VERB_RULES = frozenset({"svo_active.v1", "svo_passive.v1", "participle.v1"})
# the rule that takes a noun's holder from the subject of its (light) verb
_LIGHT_RULE = "nominal_light_verb.v1"


def proposal_owners(ctx: SentenceContext, p: Token) -> list[EntityAnnotation]:
    """Who put a proposal forward: its possessive or entity modifier ("Peru's plan", "the
    Peruvian offer"), its "from"/"by" phrase ("an offer from Peru") or the agent of a
    participle on it ("a plan drafted by Peru")."""
    owners: list[EntityAnnotation] = []
    for c in p.children:
        if c.dep_ in _OWNER_DEPS and c.i in ctx.ent_at:
            owners.append(ctx.ent_at[c.i])
        elif c.dep_ == "poss":
            owners.extend(ctx.args(c))
    for _, obj in ctx.prep_objects(p, {"from", "by"}):
        owners.extend(ctx.args(obj))
    owners.extend(e for a in _participle_agents(ctx, p) for e in ctx.args(a))
    return owners


def backed_proposals(ctx: SentenceContext) -> list[Candidate]:
    """ "Chile backs Peru's plan": Chile SUPPORTS Peru (module docstring)."""
    lex = ctx.lex
    cue = lex.cue(_SUPPORT_CUE)
    if cue is None or not ctx.has_lemma(cue.lemmas):
        return []
    wanted = lex.proposal_nouns | lex.goal_nouns | lex.owned_stances
    out: list[Candidate] = []
    for v in ctx.tokens():
        if v.pos_ not in _VERB_POS or ctx.lemma(v) not in cue.lemmas:
            continue
        if v.head.i != v.i and v.head.pos_ in ("NOUN", "PROPN"):
            continue  # "its reluctance to endorse X's plan": a noun's, not a stated act
        objs = ctx.children(v, "dobj")
        objs.extend(c for o in list(objs) for c in o.conjuncts)
        agents, _ = ctx.subjects(v)
        sources = ctx.args_of(agents, strict=True)
        for o in objs:
            if ctx.lemma(o) not in wanted:
                continue
            # "Peru's UN bid": the organization sought is no owner; "a UN resolution": the
            # forum it is put to, not who drafted it
            forums = {
                (e.start, e.end)
                for c in o.children
                if c.dep_ in ("compound", "amod", "nmod") and (e := ctx.ent_at.get(c.i))
                if e.label.value == "Organization"
            }
            owners = [e for e in proposal_owners(ctx, o) if (e.start, e.end) not in forums]
            for s in sources:
                for t in owners:
                    if s.name != t.name:
                        out.append(Candidate(s, "SUPPORTS", t, v.i, v.i, RULE, 0.65, cue.id))
    return out


def _admitted_as_member(ctx: SentenceContext, c: Candidate) -> bool:
    """The candidate's verb takes an "as" complement naming a membership role."""
    if c.rule not in _VERB_RULES or c.type == "MEMBER_OF":
        return False
    v = ctx.doc[c.trigger]
    for p in v.children:
        if p.dep_ == "prep" and p.lower_ == "as":
            for n in p.children:
                if n.dep_ == "pobj" and any(
                    cue.type.value == "MEMBER_OF" and cue.pos == "role"
                    for cue in ctx.lex.lookup("noun", ctx.lemma(n))
                ):
                    return True
    return False


def members_not_partners(ctx: SentenceContext, cands: list[Candidate]) -> list[Candidate]:
    """Drop a member's partnership with its own organization, and the literal verb reading
    beside an admission "as a member" (module docstring)."""
    members = {
        (c.source.name, c.target.name) for c in cands if c.type == "MEMBER_OF" and not c.negate
    }
    if not members:
        return cands
    kept = []
    for c in cands:
        pair = (c.source.name, c.target.name)
        if c.type == "PARTNERS_WITH" and (pair in members or pair[::-1] in members):
            continue  # "NATO allies Chile and Peru": members, not partners of NATO
        if pair[::-1] in members and _admitted_as_member(ctx, c):
            continue  # "the bloc welcomed Peru as a member": the admission, not a meeting
        kept.append(c)
    return kept


def unnamed_holders(ctx: SentenceContext, cands: list[Candidate]) -> list[Candidate]:
    """Drop a light verb's subject as the holder of an act noun held by an unnamed crowd
    (module docstring)."""
    words = ctx.lex.unnamed_holders
    kept = []
    for c in cands:
        n = ctx.doc[c.trigger]
        if (
            c.rule == _LIGHT_RULE
            and c.type == "SUPPORTS"
            and any(m.dep_ == "amod" and ctx.lemma(m) in words for m in n.children)
            and not any(m.dep_ == "poss" for m in n.children)
            and not ctx.prep_objects(n, {"from", "by"})
        ):
            continue  # "China's pressure boosted global support for Peru": not China's
        kept.append(c)
    return kept
