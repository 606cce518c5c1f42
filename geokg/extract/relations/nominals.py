"""Definite descriptions that stand for an entity named before: "the bloc", "the kingdom".

In "Ghana asked ECOWAS for help. The bloc sent troops." the description "the bloc" names
ECOWAS. :func:`definite_antecedent` resolves such a description to the most recent entity
mention that agrees with it: an organization of a fitting kind for "the bloc", "the alliance",
"the organization", "the union" (a name with "Union" in it), "the commission", "the court",
"the council" (likewise), "the agency", a
state for "the kingdom", "the island nation", "the Gulf state", an intergovernmental body for
"the regional body" (a bare "the body" is left alone), an armed or non-governmental group
for "the group" ("Amnesty ... The rights group accused ..."), an armed group for its fighters
in the plural ("Hamas ... the militants", "the rebels", "the insurgents"); one that the same
sentence says was founded (``founded.py``) only where no other fits ("left X and formed Y,
accusing the bloc" is X). It looks in the sentence
before the description, then a few sentences back (the component marks relations with an
endpoint from an earlier sentence as ``context``). A description with a name inside ("the
NATO alliance", "the Western alliance") is that name, not an anaphor, and is left to the
entity component. An entity of the description's own clause that binds it or comes after it is
never its antecedent ("Tokyo pledged aid to the island nation": not Japan). "the junta", "the
regime", "the government", "the authorities" take the one country named before them in their
sentence or, failing that, in the previous sentence of the paragraph (nothing with two, or with
a leader or person in view); a bare "the country" or "the nation" only the one country named
before it in its own sentence, and not inside a relative clause; as a possessor ("the country's
army") with none there, the one country of the previous sentence, as "the government" does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.founded import founded_here

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["DESCRIPTION_NOUNS", "definite_antecedent"]

_ORG_KINDS: dict[str, frozenset[str]] = {
    "bloc": frozenset({"bloc", "igo", "alliance"}),
    "alliance": frozenset({"alliance", "bloc"}),
    "organization": frozenset({"igo", "bloc", "alliance", "agency"}),
    "organisation": frozenset({"igo", "bloc", "alliance", "agency"}),
    "union": frozenset({"bloc", "igo"}),
    "commission": frozenset({"igo"}),
    "coalition": frozenset({"alliance", "bloc"}),
    "party": frozenset({"party"}),
    "movement": frozenset({"party", "armed_group"}),
    "body": frozenset({"igo", "bloc", "alliance"}),
    # "the court", "the council": a court or an intergovernmental council named before it
    "court": frozenset({"court"}),
    "council": frozenset({"igo"}),
    "agency": frozenset({"igo", "agency"}),
    # "the group" is an armed group or a non-governmental one named before ("the rights
    # group"); its fighters in the plural only an armed group ("the militants")
    "group": frozenset({"armed_group", "ngo"}),
    "militants": frozenset({"armed_group"}),
    "insurgents": frozenset({"armed_group"}),
    "rebels": frozenset({"armed_group"}),
    "jihadists": frozenset({"armed_group"}),
    "extremists": frozenset({"armed_group"}),
}
# org nouns too common to stand alone: "the body" is an organization only with one of these
_ORG_MODIFIERS: dict[str, frozenset[str]] = {
    "body": frozenset(
        {"regional", "continental", "intergovernmental", "multilateral", "world", "global"}
    ),
}
# head nouns that name a state, with the modifiers that may come with them
_STATE_NOUNS: dict[str, frozenset[str]] = {
    "kingdom": frozenset(),
    "emirate": frozenset(),
    "sultanate": frozenset(),
    "nation": frozenset({"island", "gulf", "african", "asian", "arab", "baltic", "balkan"}),
    "state": frozenset({"island", "gulf", "baltic", "balkan", "city", "city-"}),
    "country": frozenset({"island", "gulf", "landlocked", "baltic", "balkan"}),
    "republic": frozenset({"island", "former", "soviet", "islamic"}),
    # "the self-governing island": a state only with a word of self-rule ("the island" alone
    # is as often a place the entity component did not name)
    "island": frozenset({"governing", "ruled", "self-governing", "self-ruled", "democratic"}),
}
# nouns for a state's rulers: "the junta", "the regime", "the authorities" stand for the one
# state in focus (a bare "the government" too); a Leader nearby may have an unnamed state of
# his own, so these look at the sentence before the description and the one before it only
_RULER_NOUNS: dict[str, frozenset[str]] = {
    "junta": frozenset({"military", "ruling"}),
    "regime": frozenset({"military", "ruling"}),
    "government": frozenset({"military", "interim", "transitional"}),
    "authorities": frozenset({"military", "interim", "transitional"}),
}
_STATE_NOUNS.update(_RULER_NOUNS)
# state nouns that stand for a state only with a modifier ("the island nation", not "the state")
_NEED_MODIFIER = frozenset({"nation", "state", "country", "republic", "island"})
_BARE_IN_SENTENCE = frozenset({"country", "nation"})
_BARE_DEPS = frozenset({"poss", "nsubj", "nsubjpass", "dobj", "pobj"})
# verbs whose object takes an "of" complement: "accuse X of Y", "warn X of Y"
_OF_VERBS = frozenset(
    {"accuse", "suspect", "warn", "remind", "inform", "notify", "convince", "strip", "deprive",
     "clear", "rid", "rob", "absolve"}
)  # fmt: skip
_PEOPLE = frozenset({"Leader", "Person"})
_NAMED_BY_HEAD = {
    "union": "Union", "commission": "Commission", "court": "Court", "council": "Council"
}  # fmt: skip
_LOOKBACK = 3
#: Head nouns of the descriptions resolved here (the component looks for them in sentences
#: with fewer than two entities), and those "led by" resolves ("The group is now led by X":
#: ``led_by.py``).
DESCRIPTION_NOUNS = (
    frozenset(_ORG_KINDS) | frozenset(_STATE_NOUNS) | {"group", "militia", "faction", "network"}
)


def _own_prep(ctx: SentenceContext, prep: Token) -> bool:
    """Whether a preposition on the description belongs to it ("the alliance *of
    democracies*") rather than to the verb the parser left it off ("accused the bloc *of
    bias*", "the bloc *of serving* ...")."""
    noun = prep.head
    if ctx.lemma(prep) != "of":
        return True
    if any(c.dep_ == "pcomp" for c in prep.children):
        return False
    return not (noun.dep_ == "dobj" and ctx.lemma(noun.head) in _OF_VERBS)


def _region_word(ctx: SentenceContext, tok: Token, allowed: frozenset[str] | None) -> bool:
    """A one-word place name the entity component read inside a state description ("the
    *Gulf* state", "the *Baltic* nation"): a modifier of the description, not a name."""
    ent = ctx.ent_at[tok.i]
    return (
        allowed is not None
        and ent.label.value == "Place"
        and ent.end - ent.start == 1
        and tok.dep_ in ("amod", "compound")
        and tok.lower_ in allowed
    )


def _fits(noun: str, ent: EntityAnnotation) -> bool:
    if noun in _ORG_KINDS:
        if ent.label.value != "Organization" or ent.kind not in _ORG_KINDS[noun]:
            return False
        # "the union", "the commission": a name with that word in it
        return noun not in _NAMED_BY_HEAD or _NAMED_BY_HEAD[noun] in ent.name
    return ent.label.value == "Country"


_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "conj"})


def _binds(ctx: SentenceContext, ent: EntityAnnotation, tok: Token) -> bool:
    """Whether the entity is the subject of a clause the description stands in: in "Iran
    accused the kingdom", "the kingdom" cannot be Iran."""
    root = ctx.root_of(ent)
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    node = tok
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ in _CLAUSE_DEPS:
            return False
        node = node.head
    return node.i == verb.i


def definite_antecedent(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation] | None:
    """The entity a definite description stands for, or ``None`` if it is not one.

    Args:
        ctx: The sentence (linked to its discourse for earlier sentences).
        tok: The head noun of the description.
    """
    noun = tok.lower_
    if tok.pos_ != "NOUN" or (noun not in _ORG_KINDS and noun not in _STATE_NOUNS):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    allowed = _STATE_NOUNS.get(noun)
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
    regional = False
    for c in tok.children:
        if c.i in ctx.ent_at:
            if not _region_word(ctx, c, allowed):
                return None  # "the NATO alliance": a name, not an anaphor
            regional = True  # "the Gulf state": a state, never the place "Gulf"
        if c.dep_ in ("poss", "relcl", "acl", "appos") or (c.dep_ == "prep" and _own_prep(ctx, c)):
            return None  # "the alliance of X", "the bloc's ..."
        if allowed is not None and c.dep_ in ("amod", "compound") and c.lower_ not in allowed:
            return None  # "the Westphalian state": a concept, not a state named before
    required = _ORG_MODIFIERS.get(noun)
    if required is not None and not mods & required:
        return None  # bare "the body"
    if noun in _NEED_MODIFIER and not any(c.dep_ in ("amod", "compound") for c in tok.children):
        # bare "the state", "the country": too often generic, or the document's own country;
        # "the country"/"the nation" only for the one country named before it in its sentence
        return _sole_country(ctx, tok) if noun in _BARE_IN_SENTENCE else None
    # this sentence before the description, then up to _LOOKBACK sentences back, latest first;
    # an organization this sentence founds only where no other fits ("left X and formed Y,
    # accusing the bloc of ...": X; "formed Y, and Z later joined the bloc": Y)
    new = founded_here(ctx) if noun in _ORG_KINDS else frozenset()
    if noun in _RULER_NOUNS:
        return _ruled_state(ctx, tok)
    before = [e for e in ctx.entities if e.end <= tok.i and not _binds(ctx, e, tok)]
    for e in reversed(before):
        if _fits(noun, e) and e.name not in new:
            return [e]
    found = _earlier(ctx, noun, _disjoint(ctx, tok))
    if found is None and new:
        found = [e for e in before if e.name in new and _fits(noun, e)][-1:] or None
    return [] if found is None and regional else found


def _sole_country(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation] | None:
    """The one country named before a bare "the country" in its sentence, where it owns or
    does something ("Kenya's ministry said the country's forces ..."); with two ("Chile
    accused Peru, and the country ...") or none, nothing."""
    if tok.dep_ not in _BARE_DEPS or any(a.dep_ == "relcl" for a in tok.ancestors):
        return None  # "rebels who entered the country": where people went, not an actor
    excluded = _disjoint(ctx, tok)
    fitting = [
        e
        for e in ctx.entities
        if e.end <= tok.i and e.label.value == "Country" and e.name not in excluded
    ]
    if not fitting and tok.dep_ == "poss":
        # "Kenya held a vote. The country's army ...": the one state named in the sentence before
        earlier = _previous_sentence(ctx) or []
        states = [e for e in earlier if e.label.value == "Country"]
        people = [e for e in earlier + ctx.entities if e.label.value in _PEOPLE]
        if len({e.name for e in states}) == 1 and not people and states[0].name not in excluded:
            return states[-1:]
    if len({e.name for e in fitting}) != 1:
        return None
    return fitting[-1:]


def _disjoint(ctx: SentenceContext, tok: Token) -> frozenset[str]:
    """Names the description cannot stand for: the entities of its own sentence that bind it
    or come after it ("Tokyo pledged aid to the island nation": not Japan; "the Gulf state
    restored ties with Doha": not Qatar)."""
    return frozenset(e.name for e in ctx.entities if e.start > tok.i or _binds(ctx, e, tok))


def _ruled_state(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation] | None:
    """The one state in focus that "the junta"/"the regime"/"the government" rules: the only
    country named in the description's sentence before it (not its own subject) or, where
    there is none, in the previous sentence of the paragraph. A leader or person in either
    may lead another, unnamed state: nothing then, as with two countries."""
    excluded = _disjoint(ctx, tok)
    window = [e for e in ctx.entities if e.end <= tok.i]
    people = [e for e in ctx.entities if e.label.value in _PEOPLE]
    fitting = [e for e in window if e.label.value == "Country" and e.name not in excluded]
    if not fitting:
        earlier = _previous_sentence(ctx)
        if earlier is None:
            return None
        people += [e for e in earlier if e.label.value in _PEOPLE]
        fitting = [e for e in earlier if e.label.value == "Country" and e.name not in excluded]
    if people or len({e.name for e in fitting}) != 1:
        return None
    return fitting[-1:]


def _previous_sentence(ctx: SentenceContext) -> list[EntityAnnotation] | None:
    """The entities of the sentence before, in the same paragraph; ``[]`` for the first
    sentence of a text without discourse, ``None`` across a paragraph break."""
    disc = ctx.discourse
    if disc is None or not 0 < ctx.index < len(disc.sents):
        return []
    if disc.paragraph_break(ctx.index):
        return None
    return disc.entities_in(ctx.index - 1)


def _earlier(
    ctx: SentenceContext, noun: str, excluded: frozenset[str] = frozenset()
) -> list[EntityAnnotation] | None:
    """The antecedent of a description in the sentences before its own (none of
    ``excluded``)."""
    disc = ctx.discourse
    if disc is None or ctx.index < 0:
        return None
    # earlier sentences, latest first: the nearest with a fitting entity decides; of several
    # there, its subject ("Qatar hosted Iran. X criticized the Gulf state": Qatar), else none
    for index in range(ctx.index - 1, max(0, ctx.index - _LOOKBACK) - 1, -1):
        fitting = [e for e in disc.entities_in(index) if _fits(noun, e) and e.name not in excluded]
        if len({e.name for e in fitting}) == 1:
            return fitting[-1:]
        if fitting:
            subjects = {e.name for _, ents in disc.subjects(index) for e in ents}
            chosen = [e for e in fitting if e.name in subjects]
            if len({e.name for e in chosen}) == 1:
                return chosen[-1:]
            return _most_mentioned(ctx, fitting, index)
    return None


def _most_mentioned(
    ctx: SentenceContext, fitting: list[EntityAnnotation], index: int
) -> list[EntityAnnotation] | None:
    """Of several fitting entities in one sentence, none its subject, the one the document has
    named most often up to there: the established topic ("ECOWAS ... left ECOWAS and formed the
    AES. The bloc ...": ECOWAS, named before; a tie resolves nothing)."""
    disc = ctx.discourse
    if disc is None:
        return None
    names = {e.name for e in fitting}
    counts = dict.fromkeys(names, 0)
    for j in range(index + 1):
        for e in disc.entities_in(j):
            if e.name in counts:
                counts[e.name] += 1
    ranked = sorted(counts.values(), reverse=True)
    if len(ranked) > 1 and ranked[0] > ranked[1]:
        best = max(counts, key=counts.__getitem__)
        return [e for e in fitting if e.name == best][-1:]
    return None
