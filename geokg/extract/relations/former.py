"""Former envoys and retired officers: a past service post joins no one to the state.

SCHEMA.md ("Conventions settled while annotating news"): a former head keeps ``LEADS`` ("former
Chilean President X", "the former NATO chief X" led what the title names), but a diplomat or
officer out of service ("former Kenyan ambassador X", "a retired Chilean admiral, X") no longer
acts for the state; the title only says where the person once served. The title rules read such
titles like any other; this veto drops the ``LEADS`` they give.
"""

from __future__ import annotations

from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.extract.relations.titles import _is_title_token

__all__ = ["drop_former_service"]

_LOOK_BACK = 3  # words before the title phrase (and its led entity) read for "former"


def drop_former_service(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """Drop LEADS read from a past service post ("former Kenyan ambassador X").

    Args:
        ctx: The sentence.
        found: The LEADS (and other structural) candidates so far.

    Returns:
        The candidates without those whose title is a service post marked as past.
    """
    return [c for c in found if not (c.type == "LEADS" and _past_service(ctx, c))]


def _past_service(ctx: SentenceContext, cand: Candidate) -> bool:
    doc = ctx.doc
    posts, past = ctx.lex.service_posts, ctx.lex.past_markers
    end = cand.trigger_end if cand.trigger_end > cand.trigger else cand.trigger + 1
    title = [doc[i] for i in range(cand.trigger, min(end, ctx.end))]
    # every head word a service post ("Secretary General" is a head of an organization)
    heads = [t for t in title if t.lower_ in posts or _is_title_token(ctx, t)[1]]
    if not heads or any(t.lower_ not in posts for t in heads):
        return False
    first = min(cand.trigger, cand.target.start)
    window = [doc[i] for i in range(max(ctx.start, first - _LOOK_BACK), end)]
    stop = max(
        (i for i, t in enumerate(window) if t.is_punct or (t.pos_ == "VERB" and t.dep_ != "amod")),
        default=-1,
    )  # "said retired Turkish admiral X": the clause verb ends the phrase, "retired" does not
    if stop >= 0 and window[stop].i < first:
        window = window[stop + 1 :]
    return any(t.lower_ in past for t in window)
