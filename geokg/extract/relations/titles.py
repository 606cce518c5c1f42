"""Title helpers shared by the LEADS rules.

Which tokens form a title, the entity a title phrase names ("Kenya's foreign minister",
"secretary general of the OAS"), the role text, and the candidate built from them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.schema import EntityLabel

if TYPE_CHECKING:
    from spacy.tokens import Token


_LED = frozenset(
    {EntityLabel.COUNTRY, EntityLabel.ORGANIZATION, EntityLabel.PLACE, EntityLabel.GROUP}
)
_ITS_LED = frozenset({EntityLabel.COUNTRY, EntityLabel.ORGANIZATION})
_POSS_MARKS = frozenset({"'s", "’s", "'", "’"})


def _is_title_token(ctx: SentenceContext, tok: Token) -> tuple[bool, bool]:
    """(part of a title, head word of a title)."""
    lem = ctx.lemma(tok)
    low = tok.lower_
    if lem in ctx.lex.title_heads or low in ctx.lex.title_heads:
        return True, True
    before = ctx.lex.qualified_title_heads.get(low)
    if before and tok.i > ctx.start and ctx.doc[tok.i - 1].lower_ in before:
        return True, True
    if lem in ctx.lex.title_modifiers or low in ctx.lex.title_modifiers:
        return True, False
    return False, False


def _role_text(ctx: SentenceContext, toks: list[Token]) -> str:
    words = [
        t.text
        for t in toks
        if (t.lower_ not in ctx.lex.title_temporal and t.lower_ not in ctx.lex.title_honorifics)
        or _inner_hyphen(t)
    ]
    text = " ".join(words).replace(" - ", "-").strip(" -")
    return text


def _inner_hyphen(tok: Token) -> bool:
    """A hyphen inside a word ("co-founder"), not a dash set off by spaces."""
    return tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not tok.nbor(-1).whitespace_


def _led_before(ctx: SentenceContext, i: int) -> tuple[EntityAnnotation | None, int]:
    """The led entity ending just before token ``i`` ("Russian", "Turkey 's", "Arab League")."""
    doc = ctx.doc
    j = i
    if j >= ctx.start and doc[j].text in _POSS_MARKS:
        j -= 1
    if j < ctx.start:
        return None, j
    if doc[j].text == ")" and j - 2 >= ctx.start and doc[j - 2].text == "(":
        # "International Atomic Energy Agency (IAEA) chief X": the acronym in parentheses
        # repeats the name before it
        j -= 1
    ent = ctx.ent_at.get(j)
    if ent is None:
        # "the party's leader X": a definite description standing for an entity named before
        tok = doc[j]
        if tok.dep_ == "poss" and tok.pos_ == "NOUN":
            found = [e for e in ctx.args(tok, strict=True) if e.label in _LED]
            if len(found) == 1:
                return found[0], j
        return its_antecedent(ctx, tok), j
    if ent.label not in _LED:
        return None, j
    return ent, ent.start


def its_antecedent(ctx: SentenceContext, tok: Token) -> EntityAnnotation | None:
    """The state or organization an "its" before a title stands for: the first conjunct of
    the phrase ("Siemens and its chief executive X"), else the subject of the nearest clause
    above the phrase ("Hamas said its political chief X ...", "Kenya sent its envoy X"). The
    subject must itself be the named Country or Organization: "the Kenyan government
    demanded news of its leader X" gives nothing (a demonym on a noun is not the owner), nor
    do "his/her leader X" (a person's leader is not named by the possessive); "their" takes
    an Organization only ("the Taliban said their leader X")."""
    if tok.lower_ not in ("its", "their") or tok.dep_ != "poss":
        return None
    head = tok.head
    hops = 0
    while head.dep_ in ("compound", "appos") and head.head.i != head.i and hops < 3:
        head = head.head
        hops += 1
    if head.dep_ == "conj":
        found = _owner(ctx, [head.head], tok)
    else:
        found = None
        node = head
        for _ in range(8):
            if node.head.i == node.i:
                break
            node = node.head
            subjects = [
                c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i
            ]
            if subjects:
                found = _owner(ctx, subjects, tok)
                break
    if found is None:
        return None
    if tok.lower_ == "their":
        # "The Taliban said their leader X ...": only an Organization, and only where it is
        # the last entity named before the pronoun
        last = max((e for e in ctx.entities if e.end <= tok.i), key=lambda e: e.start)
        ok = found.label == EntityLabel.ORGANIZATION and last.name == found.name
        return found if ok else None
    # the nearest mention must agree ("Russia criticized NATO over remarks by its chief X":
    # the clause's subject is not the owner)
    near = {e.name for e in ctx.pronoun(tok)}
    return found if near == {found.name} else None


def _owner(ctx: SentenceContext, heads: list[Token], tok: Token) -> EntityAnnotation | None:
    """The one Country or Organization named by the phrase heads ``heads`` before ``tok``."""
    found = {
        e.name: e
        for e in (ctx.ent_at.get(t.i) for t in heads)
        if e is not None and e.label in _ITS_LED and ctx.start <= e.start and e.end <= tok.i
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _named_inside(ctx: SentenceContext, obj: Token) -> EntityAnnotation | None:
    """ "founder of the Acme Research consultancy": the one Organization named on an
    organization noun (not "director of the NATO desk")."""
    if ctx.lemma(obj) not in ctx.lex.organization_heads:
        return None
    found = {
        ctx.ent_at[c.i].name: ctx.ent_at[c.i]
        for c in obj.children
        if c.dep_ == "compound"
        and c.i in ctx.ent_at
        and ctx.ent_at[c.i].label == EntityLabel.ORGANIZATION
    }
    return next(iter(found.values())) if len(found) == 1 else None


# the parts of an organization whose head is one of its leaders: "chief of the Paris bureau of
# Oxfam", "head of the Kenya office of the Red Cross", "commander of the militia's northern
# wing"
_UNIT_NOUNS = frozenset(
    {"office", "bureau", "division", "branch", "department", "chapter", "section", "unit",
     "wing", "affiliate", "arm"}
)  # fmt: skip


# units named for their area as well, whose heads lead no organization either way ("program
# director" is annotated both ways)
_AREA_UNITS = _UNIT_NOUNS | {"desk", "program", "programme"}


def _unit_scope(title: Token, led: EntityAnnotation) -> bool:
    """ "the bureau chief of Kenya", "deputy division chief of Iran": the head of a unit whose
    area is the state or place named, not a leader of it."""
    return led.label.value in ("Country", "Place") and any(
        c.dep_ in ("compound", "nmod") and c.lower_ in _AREA_UNITS for c in title.children
    )


def _unit_owner(ctx: SentenceContext, unit: Token) -> EntityAnnotation | None:
    """The Organization that owns a unit noun by an "of" phrase or a possessive ("the Asia
    division *of Amnesty International*", "*Oxfam's* Kenya office"), else None."""
    if ctx.lemma(unit) not in _UNIT_NOUNS or unit.i in ctx.ent_at:
        return None
    owners = [c for c in unit.children if c.dep_ == "poss"]
    owners += [o for _, o in ctx.prep_objects(unit, {"of"})]
    found = {
        ctx.ent_at[o.i].name: ctx.ent_at[o.i]
        for o in owners
        if o.i in ctx.ent_at and ctx.ent_at[o.i].label == EntityLabel.ORGANIZATION
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _make(
    ctx: SentenceContext,
    person: EntityAnnotation,
    led: EntityAnnotation,
    trigger: int,
    trigger_end: int,
    rule: str,
    role: str,
) -> Candidate:
    return Candidate(
        source=person,
        type="LEADS",
        target=led,
        trigger=trigger,
        anchor=trigger,
        rule=rule,
        confidence=ctx.lex.confidence(rule, 0.8),
        cue="title",
        role=role or ctx.lex.possessive_role,
        structural=True,
        trigger_end=trigger_end,
    )


def _counted(noun: Token) -> bool:
    """ "the two country's presidents": a description of several entities."""
    return any(c.dep_ == "nummod" or c.lower_ in ("both", "two", "three") for c in noun.children)


def _title_phrase_led(
    ctx: SentenceContext, head: Token
) -> tuple[EntityAnnotation | None, list[Token]]:
    """For a title noun ("president", "tsar"): the led entity joined to it and the title tokens."""
    _part, is_head = _is_title_token(ctx, head)
    if not is_head:
        return None, []
    toks = [head]
    led: EntityAnnotation | None = None
    e: EntityAnnotation | None
    for c in head.children:
        if c.dep_ in ("compound", "amod") and c.i not in ctx.ent_at:
            p, _ = _is_title_token(ctx, c)
            if p:
                toks.append(c)
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i in ctx.ent_at:
            e = ctx.ent_at[c.i]
            if e.label in _LED:
                led = e
        elif c.dep_ == "poss" and led is None:
            led = its_antecedent(ctx, c)  # "Siemens and its chief executive, X"
            if led is None and c.tag_ == "NN" and head.tag_ != "NNS" and not _counted(c):
                # "the bloc's chairperson, X": the description's entity named before
                found = [f for f in ctx.args(c, strict=True) if f.label in _LED]
                led = found[0] if len(found) == 1 else None
    if led is None:
        for _, obj in ctx.prep_objects(head, {"of"}):
            e = ctx.ent_at.get(obj.i)
            if e is None:
                e = _unit_owner(ctx, obj)
            if e is None:
                # "the president of the commission": a description of an entity named before
                found = [f for f in ctx.args(obj, strict=True) if f.label in _LED]
                e = found[0] if len(found) == 1 else _named_inside(ctx, obj)
            if e is not None and e.label in _LED:
                led = e
                break
    toks.sort(key=lambda t: t.i)
    return led, toks
