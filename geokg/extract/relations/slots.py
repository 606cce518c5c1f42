"""Shared argument helpers of the event families: target slots, pairing, mutual readings.

A cue token's targets are reached through its prepositions and objects (:class:`_Targets`,
split into mutual, directed and "between" slots); :func:`_emit`, :func:`_pairs` and
:func:`_mutual` turn sources and targets into candidates with the cue's label restrictions,
direction and reciprocity ("Canada backs Ukraine", "war with B" both ways, "war against B" one).
Modifier helpers read a noun's premodifiers ("Chilean-Peruvian relations").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.lexicon import Cue
from geokg.extract.relations.owned_land import owned_territory
from geokg.extract.relations.owned_places import place_owners
from geokg.extract.relations.stranded import mend_objects, stranded_verb
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.schema import RelationType

if TYPE_CHECKING:
    from spacy.tokens import Token


_VERB_POS = frozenset({"VERB", "AUX"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_ADJ_POS = frozenset({"ADJ", "ADV"})
_COPULAS = frozenset({"be", "become", "remain", "seem", "appear", "stay", "look", "grow"})
_RECIPROCAL_OBJECTS = frozenset({"other", "another"})
# targets reached through these keep a reciprocal cue mutual ("war with", "clash with")
_MUTUAL_PREPS = frozenset({"with", "between", "among"})
_MOD_DEPS = ("amod", "compound", "nmod", "npadvmod")
_POSS_MARKS = frozenset({"'s", "’s", "'", "’"})
# participles whose hyphen-joined agent stands outside the noun's parties: a broker or mediator
_THIRD_PARTY_ACTS = frozenset({"broker", "mediate", "facilitate"})


def _resolves(ctx: SentenceContext, tgt: _Targets, cue: Cue) -> bool:
    """Whether any target token resolves to an entity."""
    return bool(ctx.args_of([*tgt.tokens(), *tgt.between], strict=cue.strict))


def _word_in(ctx: SentenceContext, tok: Token, words: frozenset[str]) -> bool:
    """The token's lemma or its lowercase form is listed ("troops" and "troop" both match)."""
    return ctx.lemma(tok) in words or tok.lower_ in words


def _pairs(
    ctx: SentenceContext,
    sources: list[EntityAnnotation],
    targets: list[EntityAnnotation],
    cue: Cue,
    tok: Token,
    rule: str,
    *,
    both: bool = False,
    anchor: Token | None = None,
) -> list[Candidate]:
    out: list[Candidate] = []
    if cue.reverse:
        sources, targets = targets, sources
    conf = cue.conf
    status = cue.status.value if cue.status else None
    a = (anchor or tok).i
    place_ok = ctx.lex.strict_place_labels
    for s in sources:
        for t in targets:
            if s.name == t.name:
                continue
            if cue.target_labels and t.label.value not in cue.target_labels:
                continue
            if cue.source_labels and s.label.value not in cue.source_labels:
                continue
            if cue.strict_place and t.label.value not in place_ok:
                continue
            if cue.type.value == "MEETS" and _place_without_person(s, t):
                continue  # "the delegation visited Bucharest": a state does not meet a place
            rtype = _verbal_attack(ctx, cue, tok, s, t)
            out.append(Candidate(s, rtype, t, tok.i, a, rule, conf, cue.id, cue.role, status))
            if both:
                out.append(Candidate(t, rtype, s, tok.i, a, rule, conf, cue.id, cue.role, status))
    return out


_PEOPLE = frozenset({"Leader", "Person"})


def _verbal_attack(
    ctx: SentenceContext, cue: Cue, tok: Token, a: EntityAnnotation, b: EntityAnnotation
) -> str:
    """The type of a cue's relation between two mentions: one person "attacking" another
    ("the opposition leader attacked the prime minister") is a verbal attack, CRITICIZES
    (CAMEO 111); a state or armed group attacking a person stays an attack."""
    if (
        cue.type.value == "ATTACKS"
        and a.label.value in _PEOPLE
        and b.label.value in _PEOPLE
        and ctx.lemma(tok) in ctx.lex.verbal_attack_words
    ):
        return "CRITICIZES"
    return cue.type.value


def _place_without_person(a: EntityAnnotation, b: EntityAnnotation) -> bool:
    """A place on one side and no person on the other (a person's visit to a place is
    the one meeting with a place that news convention records)."""
    labels = {a.label.value, b.label.value}
    return "Place" in labels and not labels & {"Leader", "Person"}


def _mutual(
    ctx: SentenceContext,
    ents: list[EntityAnnotation],
    cue: Cue,
    tok: Token,
    rule: str,
    anchor: Token | None = None,
) -> list[Candidate]:
    """Every pair of coordinated entities, both directions for directed types."""
    out: list[Candidate] = []
    both = not cue.type.symmetric
    for i, a in enumerate(ents):
        for b in ents[i + 1 :]:
            if _own_side(ctx, b):
                continue  # "President X and his party agreed": one side, not two
            out.extend(_pairs(ctx, [a], [b], cue, tok, rule, both=both, anchor=anchor))
    return out


def _own_side(ctx: SentenceContext, ent: EntityAnnotation) -> bool:
    """A conjunct owned by the one before it: "X and his party", "Y and its allies"."""
    root = ctx.root_of(ent)
    return root.dep_ == "conj" and any(
        c.dep_ == "poss" and c.lower_ in _OWN_POSSESSIVES for c in root.children
    )


def _modifier_tokens(ctx: SentenceContext, tok: Token) -> list[Token]:
    """Modifiers of a noun, including hyphen-joined ones ("Chilean-Peruvian relations")."""
    mods: list[Token] = []
    for c in tok.children:
        if c.dep_ in _MOD_DEPS:
            mods.append(c)
            for g in c.children:
                # "a China-brokered detente": a third party's act ("the US-led war": its agent)
                if g.dep_ in _MOD_DEPS and g.i < c.i and ctx.lemma(c) not in _THIRD_PARTY_ACTS:
                    mods.append(g)
            # "military and economic ties", "its defense, trade and investment ties"
            mods.extend(g for g in c.conjuncts if g.i < tok.i and g not in mods)
    verb = stranded_verb(ctx, tok) if mods else None  # "X's tilt to Y alarmed *Z*": Z is no mod
    return mods if verb is None else [m for m in mods if m.i < verb.i]


def _coordinated_premodifiers(ctx: SentenceContext, tok: Token) -> set[str]:
    """ "its energy, investment and arms *ties* with X": bare nouns coordinated before a head
    noun that has the complement are its premodifiers."""
    if tok.dep_ != "conj" or not any(c.dep_ == "prep" for c in tok.children):
        return set()
    return {
        ctx.lemma(c)
        for c in tok.conjuncts
        if c.i < tok.i and c.pos_ == "NOUN" and not any(g.dep_ == "prep" for g in c.children)
    }


def _modifier_lemmas(ctx: SentenceContext, tok: Token) -> set[str]:
    """Lemmas of a noun's modifiers; words of an entity's name ("the European common market")
    are names, not modifiers."""
    ent_at = ctx.ent_at
    lems = {ctx.lemma(c) for c in _modifier_tokens(ctx, tok) if c.i not in ent_at}
    lems |= _coordinated_premodifiers(ctx, tok)
    doc = ctx.doc
    # "free-trade deal": the hyphen splits the modifier into several tokens before the noun
    i = tok.i - 1
    while (
        i >= ctx.start and i >= tok.i - 4 and doc[i].dep_ in ("compound", "amod", "punct", "nmod")
    ):
        if i not in ent_at:
            lems.add(ctx.lemma(doc[i]))
        i -= 1
    return lems


def _modifiers_ok(ctx: SentenceContext, tok: Token, cue: Cue) -> bool:
    if not cue.requires_modifiers and not cue.veto_modifiers:
        return True
    lems = _modifier_lemmas(ctx, tok)
    if cue.requires_modifiers and not (lems & cue.requires_modifiers):
        return False
    if not (cue.veto_modifiers and lems & cue.veto_modifiers):
        return True
    if not (lems - _coordinated_premodifiers(ctx, tok)) & cue.veto_modifiers:
        return True  # "investment and arms ties": only a coordinated premodifier vetoes
    # "military and economic ties": a vetoed modifier coordinated with another kind
    for c in tok.children:
        if c.dep_ not in _MOD_DEPS or not c.conjuncts:
            continue
        group = {ctx.lemma(g) for g in (c, *c.conjuncts)}
        if group & cue.veto_modifiers and group - cue.veto_modifiers:
            return True
    return False


def _prep_object_ok(ctx: SentenceContext, tok: Token, cue: Cue) -> bool:
    """``requires_prep_object``: a preposition of ``tok`` whose object has one of the lemmas."""
    if not cue.requires_prep_object:
        return True
    to_objects = cue.requires_prep_object.get("to", frozenset())
    for c in tok.children:
        if c.dep_ == "xcomp" and c.lower_ in to_objects and _bare_to_noun(c):
            return True  # "took Peru to court", "court" misread as an infinitive
        if c.dep_ != "prep":
            continue
        if c.lower_ == "out" and "out" not in cue.requires_prep_object:
            # "pulled out of the deal": "out of" is "from" (``SentenceContext.prep_objects``)
            c = next((g for g in c.children if g.dep_ == "prep" and g.lower_ == "of"), c)
            allowed = cue.requires_prep_object.get("from") if c.lower_ == "of" else None
        else:
            allowed = cue.requires_prep_object.get(ctx.lemma(c))
        if allowed and any(
            ctx.lemma(p) in allowed for p in c.children if p.dep_ in ("pobj", "pcomp")
        ):
            return True
    return False


def _bare_to_noun(tok: Token) -> bool:
    """An "xcomp" with only "to" and modifiers: a "to" phrase's noun read as a verb."""
    deps = {c.dep_ for c in tok.children}
    return "aux" in deps and not deps & {"nsubj", "dobj", "ccomp", "xcomp"}


class _Targets:
    """Target tokens of a cue, split by how they were reached."""

    __slots__ = ("between", "directed", "mutual")

    def __init__(self) -> None:
        self.mutual: list[Token] = []  # dobj, "with": reciprocal cues go both ways
        self.directed: list[Token] = []  # "against", "on", "to" ...: one way
        self.between: list[Token] = []  # "between A and B"

    def extend(self, other: _Targets) -> None:
        self.mutual.extend(other.mutual)
        self.directed.extend(other.directed)
        self.between.extend(other.between)

    def tokens(self) -> list[Token]:
        return self.mutual + self.directed


def _slot_targets(
    ctx: SentenceContext, tok: Token, cue: Cue, lem: str, *, skip_from: bool = False
) -> _Targets:
    """Prepositional target tokens of a cue token."""
    preps = set(cue.target_preps)
    excluded = cue.exclude_lemma_target.get(lem)
    if excluded:
        preps -= excluded
    if skip_from:
        preps.discard("from")
    out = _Targets()
    for p, obj in ctx.prep_objects(tok, preps | {"between", "among"}):
        allowed = cue.target_prep_constraints.get(p)
        if allowed is not None and lem not in allowed:
            continue
        prep = obj.head
        if p == "with" and prep.i > tok.i + 1 and ctx.doc[prep.i - 1].text == ",":
            # "traded barbs, with Chile at one point saying ...": an absolute clause set off
            # by a comma says what went on, not who the partner was
            continue
        if p == "with" and obj.i not in ctx.ent_at and _help_noun(ctx, obj):
            continue  # "fought the rebels with American aid": an instrument, not a party
        if p in ("between", "among"):
            if cue.mutual or cue.reciprocal or cue.each_target:
                out.between.append(obj)
            continue
        if p in _MUTUAL_PREPS or p in cue.mutual_preps:
            out.mutual.append(obj)
        else:
            out.directed.append(obj)
    # "X's tariffs on Y angered Z", "X's decision to sell jets to Y angered Z": Y, not Z
    out.mutual = mend_objects(ctx, tok, out.mutual)
    out.directed = mend_objects(ctx, tok, out.directed)
    return out


def _help_noun(ctx: SentenceContext, tok: Token) -> bool:
    """Whether ``tok`` is a noun of help (``support.noun``'s lemmas: aid, backing, help)."""
    cue = ctx.lex.cue("support.noun")
    return cue is not None and ctx.lemma(tok) in cue.lemmas


def _emit(
    ctx: SentenceContext,
    sources: list[EntityAnnotation],
    tgt: _Targets,
    cue: Cue,
    tok: Token,
    rule: str,
    *,
    strict: bool,
    anchor: Token | None = None,
) -> list[Candidate]:
    """Source x target pairs; reciprocal cues go both ways unless the target is "against" X."""
    out: list[Candidate] = []
    mutual = ctx.args_of(tgt.mutual, strict=strict) + _economic_patients(ctx, tgt.mutual, cue)
    directed = ctx.args_of(tgt.directed, strict=strict) + _economic_patients(ctx, tgt.directed, cue)
    # "struck Chile's Arica airbase": the attacked place's owner too (owned_places.py)
    mutual += place_owners(ctx, mutual, cue)
    directed += place_owners(ctx, directed, cue)
    if sources:
        out.extend(_pairs(ctx, sources, mutual, cue, tok, rule, both=cue.reciprocal, anchor=anchor))
        out.extend(_pairs(ctx, sources, directed, cue, tok, rule, anchor=anchor))
    return out


def _is_state(ctx: SentenceContext, tok: Token) -> bool:
    """Whether ``tok`` is (part of) a Country entity."""
    return tok.i in ctx.ent_at and ctx.ent_at[tok.i].label.value == "Country"


def _poss_fallback(ctx: SentenceContext, n: Token) -> list[EntityAnnotation]:
    """An entity + 's right before the noun (or before its adjectives) the parser did not attach."""
    doc = ctx.doc
    i = n.i - 1
    hops = 0
    while i > ctx.start and hops < 3 and doc[i].pos_ in ("ADJ", "ADV") and doc[i].head.i == n.i:
        i -= 1
        hops += 1
    if i > ctx.start and doc[i].text in _POSS_MARKS and (i - 1) in ctx.ent_at:
        ent = ctx.ent_at[i - 1]
        if doc[i - 1].head.i != n.i:
            return [ent]
    return []


_THREAT_PREPS = frozenset({"to", "with", "against", "on", "from", "at", "into", "for"})
_OWN_POSSESSIVES = frozenset({"its", "their", "our", "his", "her"})


def _economic_patients(ctx: SentenceContext, toks: list[Token], cue: Cue) -> list[EntityAnnotation]:
    """The state a punitive measure falls on when its patient names no entity itself: its
    companies ("sanctions on Russian firms", "blacklisted Chinese companies"), though the same
    nouns are private elsewhere ("Russian firms signed deals" is no act of Russia), and the
    origin of its goods ("tariffs on imports from China", "duties on steel made in Mexico").
    SCHEMA.md news conventions: measures on a named state's trade are SANCTIONS on the state."""
    lex = ctx.lex
    if cue.strict_place:
        return owned_territory(ctx, [t for t in toks if t.i not in ctx.ent_at])
    if cue.type.value == "ATTACKS":
        # "killed dozens of Afghan soldiers", "struck scores of Russian positions": the counted
        return ctx.args_of(
            p
            for t in toks
            if t.i not in ctx.ent_at and ctx.lemma(t) in lex.quantity_nouns
            for _, p in ctx.prep_objects(t, ("of",))
        )
    if cue.type not in lex.economic_patient_types:
        return []
    out: list[EntityAnnotation] = []
    # "dozens of Chinese firms": the counted companies
    toks = toks + [
        p
        for t in toks
        if ctx.lemma(t) in lex.quantity_nouns
        for _, p in ctx.prep_objects(t, ("of",))
    ]
    for t in toks:
        if t.i in ctx.ent_at or ctx.args(t):
            continue
        if ctx.lemma(t) in lex.economic_patients:
            for c in _modifier_tokens(ctx, t):
                e = ctx.ent_at.get(c.i)
                if e is not None and e.label.value == "Country":
                    out.append(e)
        if ctx.lemma(t) not in lex.origin_nouns:
            continue  # "restrictions on protests from X": no goods or travellers, no origin
        # "imports from China", "cars made in Mexico", "travel / visitors from Peru"
        origins = [o for _, o in ctx.prep_objects(t, ("from",))]
        for v in t.children:
            if v.dep_ == "acl" and v.tag_ == "VBN":
                origins.extend(o for _, o in ctx.prep_objects(v, ("from", "in")))
        for o in origins:
            out.extend(e for e in ctx.args(o) if e.label.value in _ORIGIN_LABELS)
    return out


_ORIGIN_LABELS = frozenset({"Country", "Organization"})


def _named_owners(ctx: SentenceContext, noun: Token) -> list[EntityAnnotation]:
    """The parties a noun's own phrase names as its owner: the possessor ("Washington's
    decision") or an entity modifier ("the Israeli strikes"), not a stance-prefixed one
    ("pro-Russian")."""
    out: list[EntityAnnotation] = []
    for c in noun.children:
        if c.dep_ == "poss":
            out.extend(ctx.args(c, strict=True))
        elif c.dep_ in ("amod", "compound") and c.i in ctx.ent_at and not ctx.stance_prefixed(c):
            out.append(ctx.ent_at[c.i])
    return out


def _participle_agents(ctx: SentenceContext, noun: Token) -> list[Token]:
    """The by-agents of past participles modifying ``noun`` ("the claims made by Peru",
    "a statement issued by Chile"): the tokens that own what the noun names."""
    return [
        obj
        for c in noun.children
        if c.dep_ == "acl" and c.tag_ == "VBN"
        for _, obj in ctx.prep_objects(c, {"by"})
    ]


def place_parties(ctx: SentenceContext, cands: list[Candidate]) -> list[Candidate]:
    """A place named as one side of a mutual statement is a party to it ("tensions between
    Serbia and Kosovo", "trade between Europe and China"): a directed candidate whose mirror
    (same cue token and type, the ends swapped) has a source that is no place keeps the place
    as a source too (SCHEMA.md: a directed type stated mutually holds both ways), and a
    symmetric one of a mutual reading puts the place on the target side, where a place may
    stand ("Europe's talks with Iran" leaves the place a setting). Only a place named as a
    noun is a party; an adjective ("an Asian alliance") says where."""
    stated = {(c.trigger, c.type, c.source.name, c.target.name) for c in cands}
    out: list[Candidate] = []
    for c in cands:
        if (
            c.source.label.value == "Place"
            and c.target.label.value != "Place"
            and ctx.root_of(c.source).tag_ in ("NNP", "NNPS")
            and ctx.root_of(c.source).dep_ in _PARTY_DEPS
        ):
            if RelationType(c.type).symmetric and c.rule in _MUTUAL_RULES:
                c = replace(c, source=c.target, target=c.source)
            elif (c.trigger, c.type, c.target.name, c.source.name) in stated:
                c = replace(c, party=True)
        out.append(c)
    return out


# the readings that pair coordinated or "between" parties ("A and B clashed", "ties between A
# and B", "brought together A and B")
_MUTUAL_RULES = frozenset({"nominal_mutual.v1", "mutual_subjects.v1", "mutual_objects.v1"})
# where a named party stands in a mutual statement: "between A and B", "A and B clashed"
_PARTY_DEPS = frozenset({"pobj", "conj", "nsubj", "nsubjpass", "dobj", "appos"})
