"""An act named again without its agent: the agent stated for it earlier (``recalled_agent.v1``).

Analysis prose states an act once with its agent ("Chile annexed the Atacama region in 1884")
and then names it by its noun alone: "the annexation of the Atacama region reshaped the
border", "the invasion of Bolivia turned sour for the government". The noun has its patient
but no agent in its own sentence. Where an earlier sentence of the same document stated that
act (same type, same patient) asserted and not denied, by exactly one agent, that agent is the
noun's agent, as ``context: true`` with the lower confidence of a discourse inference. Two
different agents for the act make it ambiguous: nothing is recalled. The types are the acts one
party does to another that a news or analysis text names by a noun again and again: invasion,
annexation (``lexicon.json`` ``recalled_types``).

Not recalled: a noun with any agent of its own (a possessive, a demonym, a "by" phrase: the
noun's own reading decides), a noun whose cue already fired, and acts first stated later in the
text (the discourse is read in order).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.slots import _NOUN_POS, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["RULE", "recalled_agents"]

RULE = "recalled_agent.v1"
# the noun's own agent slots: any of these names the act's agent in its own sentence
_AGENT_DEPS = frozenset({"poss", "amod", "compound", "nmod"})


def recalled_agents(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """Agentless act nouns whose act an earlier sentence stated (module docstring)."""
    discourse = ctx.discourse
    lex = ctx.lex
    if discourse is None or not discourse.has_agents():
        return []
    fired = {c.trigger for c in found}
    out: list[Candidate] = []
    for n in ctx.tokens():
        if n.pos_ not in _NOUN_POS or n.i in fired or n.i in ctx.ent_at:
            continue
        cues = [
            c
            for c in lex.lookup("noun", ctx.lemma(n))
            if c.type.value in lex.recalled_types and c.target_preps
        ]
        if not cues or _has_agent(ctx, n):
            continue
        for cue in cues:
            targets = ctx.args_of([o for _, o in ctx.prep_objects(n, cue.target_preps)])
            for t in targets:
                agent = discourse.known_agent(cue.type.value, t.name)
                if agent is not None:
                    out.extend(_pairs(ctx, [agent], [t], cue, n, RULE))
            if out:
                break
    return out


def _has_agent(ctx: SentenceContext, n: Token) -> bool:
    """Whether the noun names an agent of its own: "Chile's invasion", "its invasion", "the
    Chilean invasion", "the invasion by Chile" ("the bloodless invasion" names none)."""
    for c in n.children:
        if c.dep_ == "poss" or (c.dep_ in _AGENT_DEPS and (c.i in ctx.ent_at or c.pos_ == "PROPN")):
            return True
    return bool(ctx.prep_objects(n, ("by",)))
