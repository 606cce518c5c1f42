"""The host of talks between two parties meets each of them (``hosted_talks.v1``).

"Qatar hosted talks between the United States and the Taliban", "Egypt brokered a meeting
between Israel and Hamas": the parties meet each other (the meeting noun's own reading), and
the host or mediator takes part in the talks with each (CAMEO 04 consult, 043 host a visit,
046 mediate; the PLOVER set annotates the host of a meeting between two parties as meeting
them). Only the subject of a hosting verb whose object is the meeting noun, never one of the
pair itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.slots import _VERB_POS, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.lexicon import Cue

__all__ = ["hosts_of"]

_HOSTING_VERBS = frozenset(
    {"host", "mediate", "broker", "convene", "organize", "organise", "arrange", "facilitate"}
)


def hosts_of(
    ctx: SentenceContext, n: Token, pair: list[EntityAnnotation], cue: Cue
) -> list[Candidate]:
    """Host MEETS each of ``pair`` for a meeting noun ``n`` that a hosting verb takes."""
    if cue.type.value != "MEETS" or n.dep_ != "dobj":
        return []
    verb = n.head
    if verb.pos_ not in _VERB_POS or ctx.lemma(verb) not in _HOSTING_VERBS:
        return []
    names = {e.name for e in pair}
    agents, _ = ctx.subjects(verb)
    hosts = [h for h in ctx.args_of(agents, strict=True) if h.name not in names]
    return _pairs(ctx, hosts, pair, cue, n, "hosted_talks.v1", anchor=verb)
