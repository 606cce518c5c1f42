"""Meetings called off by a party (``called_off_meeting.v1``, MEETS, negated).

"Chile cancelled a planned visit to Peru", "the Spanish minister postponed talks with
Morocco", "Chile scrapped its summit with Peru": the subject of a verb that calls a meeting
off is the party that would have met the meeting noun's own counterpart (its "to", "with" or
"between" phrase); the meeting did not take place, so the relation is negated (CAMEO 04
consult; SCHEMA.md: a relation the sentence denies is negated, as a negating verb over the
noun's own frame makes "cancelled his trip to Peru"). A meeting noun that names another party
("cancelled Peru's visit", "the Peruvian visit") is read by the noun's own frame; the
subject's own ("its summit") is the subject's. A meeting with no counterpart ("cancelled a
summit in Lima") gives nothing, and a place is no counterpart of a state.
"""

from __future__ import annotations

from geokg.extract.relations.slots import _VERB_POS, _pairs, _slot_targets
from geokg.extract.relations.syntax import Candidate, SentenceContext

__all__ = ["called_off_meetings"]

_TALKS_CUE = "talks.noun"
# verbs that call a planned meeting off, all negating verbs of lexicon.json ("called off" is
# not read: the demanding "call" of the suppressors would silence it)
_CALLING_OFF = frozenset({"cancel", "postpone", "scrap"})
_MEETINGS = frozenset(
    {"visit", "trip", "talks", "talk", "meeting", "summit", "negotiations", "negotiation"}
)
_OWN_PARTY = frozenset({"poss", "amod", "compound", "nmod"})


def called_off_meetings(ctx: SentenceContext) -> list[Candidate]:
    """ "Chile cancelled a planned visit to Peru": Chile MEETS Peru, negated."""
    cue = ctx.lex.cue(_TALKS_CUE)
    if cue is None or not ctx.has_lemma(_CALLING_OFF):
        return []
    out: list[Candidate] = []
    for n in ctx.tokens():
        if n.dep_ != "dobj" or ctx.lemma(n) not in _MEETINGS:
            continue
        v = n.head
        if v.pos_ not in _VERB_POS:
            continue
        if ctx.lemma(v) not in _CALLING_OFF:
            continue
        targets = ctx.args_of(_slot_targets(ctx, n, cue, ctx.lemma(n)).tokens(), strict=cue.strict)
        if not targets:
            continue
        agents, _ = ctx.subjects(v)
        sources = ctx.args_of(agents, strict=False)
        own = ctx.args_of([c for c in n.children if c.dep_ in _OWN_PARTY])
        if any(e not in sources for e in own):
            continue  # "cancelled Peru's visit": the noun's own frame reads it
        out.extend(_pairs(ctx, sources, targets, cue, n, "called_off_meeting.v1", anchor=n))
    return out
