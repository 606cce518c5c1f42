"""The host of talks between two parties meets each of them (``hosted_talks.v1``).

"Qatar hosted talks between the United States and the Taliban", "Egypt brokered a meeting
between Israel and Hamas": the parties meet each other (the meeting noun's own reading), and
the host or mediator takes part in the talks with each (CAMEO 04 consult, 043 host a visit,
046 mediate; the PLOVER set annotates the host of a meeting between two parties as meeting
them). Only the subject of a hosting verb whose object is the meeting noun, never one of the
pair itself.

The host of a gathering meets those who attend it (``hosted_gathering.v1``, same evidence):
"Chile hosted a summit attended by Peru and Bolivia", "Peru and Bolivia attended a summit
hosted by Chile", "Chile hosted a summit of A and B": the host MEETS each attendee or each
party the meeting noun pairs. A gathering with no named host or no named attendee gives
nothing new ("Chile hosted a summit on climate", "Peru attended a summit in Santiago").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.slots import _VERB_POS, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.lexicon import Cue

__all__ = ["hosted_gatherings", "hosts_of"]

_HOSTING_VERBS = frozenset(
    {"host", "mediate", "broker", "convene", "organize", "organise", "arrange", "facilitate"}
)


# the participles, which the tagger may read as adjectives ("a U.N.-organized meeting")
_HOSTED = frozenset(
    {"hosted", "mediated", "brokered", "convened", "organized", "organised", "arranged"}
    | {"facilitated"}
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


_ATTENDING = frozenset({"attend", "join", "address"})
_MEETING_PARTIES = frozenset({"Country", "Organization", "Leader", "Group"})
_MEET_CUE = "meet.verb"


def _meeting_noun(ctx: SentenceContext, n: Token) -> bool:
    return n.i not in ctx.ent_at and any(
        c.type.value == "MEETS" for c in ctx.lex.lookup("noun", ctx.lemma(n))
    )


def _hosting(ctx: SentenceContext, n: Token) -> tuple[list[EntityAnnotation], Token | None]:
    """The hosts of a meeting noun and the hosting verb: its subject ("Chile hosted a
    summit") or its by-agent ("a summit hosted by Chile")."""
    if n.dep_ == "dobj" and ctx.lemma(n.head) in _HOSTING_VERBS:
        agents, _ = ctx.subjects(n.head)
        return ctx.args_of(agents, strict=True), n.head
    for c in n.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and ctx.lemma(c) in _HOSTING_VERBS:
            by = [o for _, o in ctx.prep_objects(c, ("by",))]
            return ctx.args_of(by, strict=True), c
        if c.dep_ == "amod" and c.lower_ in _HOSTED:
            # "a U.N.-organized meeting", "a Chile-hosted summit": the hyphen-joined agent
            agents = [
                a
                for a in c.children
                if a.dep_ in ("npadvmod", "compound", "nmod")
                and a.i + 2 == c.i
                and ctx.doc[a.i + 1].text == "-"
            ]
            if agents:
                return ctx.args_of(agents, strict=True), c
    return [], None


def _attendees(ctx: SentenceContext, n: Token) -> tuple[list[EntityAnnotation], Token | None]:
    """Who attends a meeting noun, and the attending verb when it is the clause's own: the
    subject of "attended a summit" (its negation and modality count), the by-agent of "a
    summit attended by A and B"."""
    if n.dep_ == "dobj" and ctx.lemma(n.head) in _ATTENDING:
        agents, _ = ctx.subjects(n.head)
        return ctx.args_of(agents, strict=True), n.head
    toks: list[Token] = []
    for c in n.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and ctx.lemma(c) in _ATTENDING:
            toks.extend(o for _, o in ctx.prep_objects(c, ("by",)))
    return ctx.args_of(toks, strict=True), None


def hosted_gatherings(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """Host MEETS each attendee of a hosted gathering, and each party it pairs."""
    cue = ctx.lex.cue(_MEET_CUE)
    if cue is None or not (
        ctx.has_lemma(_HOSTING_VERBS) or any(t.lower_ in _HOSTED for t in ctx.tokens())
    ):
        return []
    out: list[Candidate] = []
    for n in ctx.tokens():
        if n.pos_ not in ("NOUN", "PROPN") or not _meeting_noun(ctx, n):
            continue
        hosts, verb = _hosting(ctx, n)
        if not hosts or verb is None:
            continue
        guests, attending = _attendees(ctx, n)
        for c in found:
            if c.type == "MEETS" and c.trigger == n.i:
                guests.extend((c.source, c.target))
        names = {h.name for h in hosts}
        met = {frozenset((c.source.name, c.target.name)) for c in found if c.type == "MEETS"}
        hosts = [h for h in hosts if h.label.value in _MEETING_PARTIES]
        for g in guests:
            if g.name in names or g.label.value not in _MEETING_PARTIES:
                continue
            fresh = [h for h in hosts if frozenset((h.name, g.name)) not in met]
            anchor = attending or verb  # "did not attend the summit hosted by X": denied
            out.extend(_pairs(ctx, fresh, [g], cue, n, "hosted_gathering.v1", anchor=anchor))
    return out
