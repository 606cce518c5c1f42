"""Agreeing with a view is no agreement between parties (AGREES_WITH filter).

AGREES_WITH is a formal agreement: signing or reaching a deal, treaty or accord with a party
(SCHEMA.md; CAMEO 057 sign formal agreement). "Chile agreed with Peru on a truce" and "agreed
with Peru to open the border" name the other party of the agreement; "Chile agrees with Peru's
assessment", "agreed with the Peruvian proposal", "agreed with Peru's call for a ceasefire"
name a view, proposal or act that the subject shares (CAMEO 05 endorse at most), and its owner
is no party to any deal. So the "with" object of the verb "agree" that is such a noun, not a
party, gives no AGREES_WITH for the entities inside its phrase.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["views_not_agreements"]

_AGREE_CUE = "agree.verb"
# what a party thinks or says, read with the proposals, stances and evaluated acts of lexicon.json
_VIEWS = frozenset(
    {"assessment", "assessments", "view", "views", "analysis", "conclusion", "conclusions"}
    | {"argument", "arguments", "claim", "claims", "concern", "concerns", "approach"}
    | {"interpretation", "finding", "findings", "opinion", "verdict", "characterization"}
)


def _view_objects(ctx: SentenceContext, v: Token) -> list[Token]:
    """The "with" objects of the verb that name a view or proposal, not a party."""
    lex = ctx.lex
    views = _VIEWS | lex.proposal_nouns | lex.evaluated_acts | lex.owned_stances
    return [
        p
        for c in v.children
        if c.dep_ == "prep" and ctx.lemma(c) == "with"
        for p in (q for q in c.children if q.dep_ == "pobj")
        if p.i not in ctx.ent_at and p.pos_ == "NOUN" and ctx.lemma(p) in views
    ]


def views_not_agreements(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """The candidates less the AGREES_WITH of "agree with X's view" (X inside the view)."""
    if not any(c.cue == _AGREE_CUE for c in found):
        return found
    out: list[Candidate] = []
    for c in found:
        if c.cue == _AGREE_CUE and ctx.lemma(ctx.doc[c.trigger]) == "agree":
            views = _view_objects(ctx, ctx.doc[c.trigger])
            spans = [(p.left_edge.i, p.right_edge.i) for p in views]
            if any(lo <= e.start <= hi for lo, hi in spans for e in (c.source, c.target)):
                continue  # "agreed with Peru's proposal": Peru owns a view, not a deal
        out.append(c)
    return out
