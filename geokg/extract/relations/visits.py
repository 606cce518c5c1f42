"""Visits and joint talks as meetings (CAMEO 042-044, PLOVER CONSULT).

"On a visit to Tokyo, the minister met ...", "X traveled to Paris for talks", "A will join B
for talks with C": the governing clause of a visit noun, where the parser leaves it unattached
(a time phrase, "during a visit to Tokyo", is read by :mod:`.circumstances`). A motion verb
that is a cue of its own elsewhere ("flew aid to X", "headed the delegation", "went to war")
still lends its destination to the talks it travels for ("flew / headed / went to Lima for
talks": :func:`lends_slots`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.lexicon import Cue
from geokg.extract.relations.slots import (
    _VERB_POS,
    _slot_targets,
)
from geokg.extract.relations.syntax import SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token


def _visit_governor(
    ctx: SentenceContext, n: Token, cue: Cue, gov: Token | None, via: str
) -> tuple[Token | None, str]:
    """ "On a trip to X, Y met ...": the clause's subject is the visitor, when the meeting
    noun names its own counterpart (time phrases, "during a visit to X": circumstances.py);
    "A joined B for talks with C" with "for talks" read on the object: the joining verb
    governs the talks."""
    h = n.head
    if (
        n.dep_ == "pobj"
        and h.dep_ == "prep"
        and ctx.lemma(h) == "for"
        and h.head.dep_ == "dobj"
        and ctx.lemma(h.head.head) in ctx.lex.companion_verbs
    ):
        return h.head.head, "pobj:for"
    if (
        n.dep_ == "pobj"
        and h.dep_ == "prep"
        and ctx.lemma(h) == "on"
        and h.head.pos_ in _VERB_POS
        and ctx.lemma(n) in ctx.lex.visit_nouns
        and ctx.args_of(_slot_targets(ctx, n, cue, ctx.lemma(n)).tokens())
    ):
        return h.head, "pobj:" + ctx.lemma(h)
    return gov, via


def lends_slots(ctx: SentenceContext, cue: Cue, gov: Token, via: str) -> bool:
    """Whether a cue verb governing a noun through a preposition still lends the noun its
    slots: an instrument ("hit Mexico with tariffs") or a motion verb that meeting talks are
    the purpose of ("flew to Lima for talks": "fly" of "flew aid to X" is not read here)."""
    glem = ctx.lemma(gov)
    if via == "pobj:with":
        return glem in ctx.lex.instrument_verbs
    return via == "pobj:for" and cue.type.value == "MEETS" and glem in ctx.lex.motion_verbs
