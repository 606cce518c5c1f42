"""LEADS from a definite title that names its state but no person: "the Kenyan president".

Rule id ``leads_anaphor.v1``. In "Ruto arrived in Accra on Monday. The Kenyan president ..."
the title "the Kenyan president" refers to a leader mentioned before; the rule takes the most
recent ``Leader`` mention (in this sentence before the title, or in the few sentences before)
that is known to hold a compatible role in that state, known from a ``LEADS`` relation found
earlier in the document or from the leaders' gazetteer (``resources/leaders.jsonl``, whose
entries name a country and a role). A relation whose leader stands in an earlier sentence is
marked ``context`` by the component, with its lower confidence.

A title joined to a name ("the Kenyan president William Ruto", "Ruto, the Kenyan president")
is left to :mod:`geokg.extract.relations.structural`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.schema import EntityLabel

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["KnownLeaders", "title_anaphors", "titled_actors"]

_LED = frozenset({EntityLabel.COUNTRY, EntityLabel.ORGANIZATION})
_PEOPLE = frozenset({EntityLabel.LEADER, EntityLabel.PERSON})
# titles that name whoever heads the state or government, whatever the office is called
_GENERIC = frozenset({"leader", "leaders", "head", "heads", "ruler", "rulers"})
_TOP_ROLES = (
    "president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "sultan",
    "shah", "tsar", "czar", "emperor", "monarch", "supreme leader", "leader", "chairman",
    "general secretary", "secretary-general", "secretary general", "taoiseach",
)  # fmt: skip
_LOOKBACK_SENTENCES = 5
# nouns naming an office rather than its holder's doings: "the prime minister's office"
_OFFICE_NOUNS = frozenset(
    {"office", "residence", "post", "palace", "seat", "title", "term", "tenure", "job", "role",
     "position", "press", "spokesman", "spokeswoman", "spokesperson", "website", "account"}
)  # fmt: skip
_MODIFIER_DEPS = ("amod", "compound", "nmod", "poss")


class KnownLeaders:
    """Who leads what, as far as the document and the gazetteer say.

    Args:
        gazetteer: Canonical leader name -> ``(led entity name, role)`` from the leaders' list.
    """

    def __init__(self, gazetteer: dict[str, tuple[str | None, str | None]]) -> None:
        self.gazetteer = gazetteer
        self.in_document: dict[str, tuple[str, str | None]] = {}

    def note(self, person: str, led: str, role: str | None) -> None:
        """Record a LEADS relation found in the document."""
        self.in_document.setdefault(person, (led, role))

    def office(self, person: str) -> tuple[str | None, str | None]:
        """``(led entity name, role)`` of a person, the document first."""
        if person in self.in_document:
            return self.in_document[person]
        return self.gazetteer.get(person, (None, None))


def _role_fits(title_words: set[str], role: str | None) -> bool:
    """Whether a title ("president", "foreign minister", "leader") can name a known role."""
    generic = bool(title_words & _GENERIC)
    if role is None:
        return generic
    low = role.lower()
    if generic:
        return any(r in low for r in _TOP_ROLES)
    return all(w in low for w in title_words)


def _led_entities(ctx: SentenceContext, t: Token) -> list[EntityAnnotation]:
    out: list[EntityAnnotation] = []
    for c in t.children:
        if c.dep_ not in _MODIFIER_DEPS:
            continue
        for g in (c, *c.conjuncts):
            e = ctx.ent_at.get(g.i)
            if e is not None and e.label in _LED and not ctx.stance_prefixed(g):
                out.append(e)
    for _, obj in ctx.prep_objects(t, {"of"}):
        e = ctx.ent_at.get(obj.i)
        if e is not None and e.label in _LED:
            out.append(e)
    first: dict[str, EntityAnnotation] = {}
    for e in out:
        first.setdefault(e.name, e)
    return list(first.values())


def _joined_to_person(ctx: SentenceContext, t: Token) -> bool:
    """The title belongs to a named person next to it (the structural rules' case)."""
    people = {i for e in ctx.entities if e.label in _PEOPLE for i in range(e.start, e.end)}
    if t.head.i in people and t.dep_ in ("compound", "appos", "amod", "nmod"):
        return True
    if t.dep_ == "appos" or any(c.dep_ == "appos" for c in t.children):
        return True
    nxt = t.i + 1
    return nxt < ctx.end and nxt in people


def title_anaphors(ctx: SentenceContext, known: KnownLeaders) -> list[Candidate]:
    """LEADS candidates of the definite titles in one sentence (see the module docstring)."""
    disc = ctx.discourse
    if disc is None:
        return []
    lex = ctx.lex
    out: list[Candidate] = []
    for t in ctx.tokens():
        if t.pos_ != "NOUN" or t.i in ctx.ent_at:
            continue
        lem = ctx.lemma(t)
        if lem not in lex.title_heads and t.lower_ not in lex.title_heads:
            continue
        if not any((c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in t.children):
            continue  # "a Kenyan minister" is someone, not the one mentioned before
        if _joined_to_person(ctx, t):
            continue
        if t.dep_ == "compound" or (t.dep_ == "poss" and ctx.lemma(t.head) in _OFFICE_NOUNS):
            continue  # "the president's office", "the prime minister post": the office
        leds = _led_entities(ctx, t)
        if not leds:
            continue
        words = {lem, t.lower_}
        toks = [t]
        for c in t.children:
            if c.dep_ in ("amod", "compound") and c.i not in ctx.ent_at:
                low = c.lower_
                if low in lex.title_modifiers and low not in lex.title_temporal:
                    words.add(low)
                    toks.append(c)
        role = " ".join(x.text for x in sorted(toks, key=lambda x: x.i))
        for led in leds:
            person = _antecedent(ctx, known, led.name, words, t.i)
            if person is None:
                continue
            out.append(
                Candidate(
                    source=person,
                    type="LEADS",
                    target=led,
                    trigger=t.i,
                    anchor=t.i,
                    rule="leads_anaphor.v1",
                    confidence=lex.confidence("leads_anaphor.v1", 0.7),
                    cue="title",
                    role=role,
                    structural=True,
                )
            )
    return out


def _antecedent(
    ctx: SentenceContext, known: KnownLeaders, led: str, words: set[str], before: int
) -> EntityAnnotation | None:
    """The most recent Leader mention before token ``before`` who holds such a title in
    ``led``, looking back a few sentences."""
    disc = ctx.discourse
    assert disc is not None
    first = max(0, ctx.index - _LOOKBACK_SENTENCES)
    for index in range(ctx.index, first - 1, -1):
        if index < 0 or index >= len(disc.sents):
            continue
        mentions = [e for e in disc.entities_in(index) if e.start < before]
        for e in reversed(mentions):
            if e.label != EntityLabel.LEADER:
                continue
            place, role = known.office(e.name)
            if place is None:
                continue
            if place == led and _role_fits(words, role):
                return e
    return None


def titled_actors(
    ctx: SentenceContext, candidates: list[Candidate], anaphors: list[Candidate]
) -> list[Candidate]:
    """The sentence's candidates with the anaphoric titles' leaders for their states: where
    "the Turkish and French leaders" resolved to the leaders named before (``anaphors``, the
    ``leads_anaphor.v1`` candidates), what those leaders did is theirs ("... had been
    exchanging angry barbs": the two leaders criticize each other, not their states), and the
    LEADS candidates are added. A state named by no resolved title is left as it is; one
    named by a title whose other states resolved (only one of the two leaders known) is
    dropped from the sentence's other relations."""
    persons: dict[tuple[int, int], EntityAnnotation] = {}
    titled: set[tuple[int, int]] = set()
    for a in anaphors:
        t = ctx.doc[a.trigger]
        mods = [g for c in t.children if c.dep_ in _MODIFIER_DEPS for g in (c, *c.conjuncts)]
        mods.extend(o for _, obj in ctx.prep_objects(t, {"of"}) for o in (obj, *obj.conjuncts))
        for g in mods:
            e = ctx.ent_at.get(g.i)
            if e is None:
                continue
            if (e.start, e.end) == (a.target.start, a.target.end):
                persons[(e.start, e.end)] = a.source
            else:
                titled.add((e.start, e.end))
    # "the Turkish and French leaders" with only one leader known: the other is a person
    # too, but no one can say who; the state would be a wrong reading
    unresolved = titled - persons.keys()
    out: list[Candidate] = []
    for c in candidates:
        ends = {(c.source.start, c.source.end), (c.target.start, c.target.end)}
        if not c.structural and ends & unresolved:
            continue
        src = persons.get((c.source.start, c.source.end), c.source)
        tgt = persons.get((c.target.start, c.target.end), c.target)
        if not c.structural and (src is not c.source or tgt is not c.target):
            c = replace(c, source=src, target=tgt)
        out.append(c)
    return out + anaphors
