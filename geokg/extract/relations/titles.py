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
_POSS_MARKS = frozenset({"'s", "’s", "'", "’"})


def _is_title_token(ctx: SentenceContext, tok: Token) -> tuple[bool, bool]:
    """(part of a title, head word of a title)."""
    lem = ctx.lemma(tok)
    low = tok.lower_
    if lem in ctx.lex.title_heads or low in ctx.lex.title_heads:
        return True, True
    if lem in ctx.lex.title_modifiers or low in ctx.lex.title_modifiers:
        return True, False
    return False, False


def _role_text(ctx: SentenceContext, toks: list[Token]) -> str:
    words = [
        t.text
        for t in toks
        if t.lower_ not in ctx.lex.title_temporal and t.lower_ not in ctx.lex.title_honorifics
    ]
    text = " ".join(words).replace(" - ", "-").strip(" -")
    return text


def _led_before(ctx: SentenceContext, i: int) -> tuple[EntityAnnotation | None, int]:
    """The led entity ending just before token ``i`` ("Russian", "Turkey 's", "Arab League")."""
    doc = ctx.doc
    j = i
    if j >= ctx.start and doc[j].text in _POSS_MARKS:
        j -= 1
    if j < ctx.start:
        return None, j
    ent = ctx.ent_at.get(j)
    if ent is None:
        # "the party's leader X": a definite description standing for an entity named
        # before ("its leader X" is left alone: a pronoun's antecedent is too often wrong here)
        tok = doc[j]
        if tok.dep_ == "poss" and tok.pos_ == "NOUN":
            found = [e for e in ctx.args(tok, strict=True) if e.label in _LED]
            if len(found) == 1:
                return found[0], j
        return None, j
    if ent.label not in _LED:
        return None, j
    return ent, ent.start


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
    if led is None:
        for _, obj in ctx.prep_objects(head, {"of"}):
            e = ctx.ent_at.get(obj.i)
            if e is None:
                # "the president of the commission": a description of an entity named before
                found = [f for f in ctx.args(obj, strict=True) if f.label in _LED]
                e = found[0] if len(found) == 1 else None
            if e is not None and e.label in _LED:
                led = e
                break
    toks.sort(key=lambda t: t.i)
    return led, toks
