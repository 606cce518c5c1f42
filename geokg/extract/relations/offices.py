"""Offices read from the office noun's own phrase: states chairing blocs, "as" titles.

Rule ids:

* ``leads_chair.v1``: a state holding the chair of an organization (SCHEMA.md: LEADS covers "a
  state that leads a bloc"), role "chair": "Ghana, as chair of the African Union, ...",
  "Laos, the current chair of ASEAN", "the rotating chair of ASEAN, Laos", "Chile is the
  chair of the bloc this year", "Chile took over the rotating presidency of the bloc",
  "Norway's chairmanship of the council", "the presidency of the bloc, held by Chile",
  "under Chile's chairmanship, the bloc adopted ..." (the organization acting). The
  office noun must name the organization ("of X", "X's chair"); the holder must be a
  Country. A possessive or demonym before a person's office ("the Kenyan chair of the
  commission") names the person's nationality, not the holder: only the abstract nouns
  (chairmanship, presidency) take their holder from there.
* ``leads_as_title.v1``: "X, as prime minister of Y, signed ...", "As foreign minister of Y,
  X ...": a parenthetical title introduced by "as" describes the subject of its clause, or the
  name it hangs on.

An "as" phrase after a verb with an entity object may describe the object ("Chile backed Peru
as chair of the bloc"): it is left alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.extract.relations.titles import _make, _role_text, _title_phrase_led
from geokg.schema import EntityLabel

if TYPE_CHECKING:
    from spacy.tokens import Token


__all__ = ["office_candidates"]

_VERB_POS = frozenset({"VERB", "AUX"})
_COPULAS = frozenset({"be", "become", "remain", "serve", "act"})
_CHAIR_ROLE = "chair"
_PEOPLE = frozenset({EntityLabel.LEADER, EntityLabel.PERSON})


def office_candidates(ctx: SentenceContext) -> list[Candidate]:
    """LEADS candidates from office nouns: states chairing organizations, "as" titles."""
    out: list[Candidate] = []
    lex = ctx.lex
    for tok in ctx.tokens():
        if tok.i in ctx.ent_at or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        lem = ctx.lemma(tok)
        if lem in lex.state_offices or tok.lower_ in lex.state_offices:
            out.extend(_state_chair(ctx, tok))
        if (lem in lex.title_heads or tok.lower_ in lex.title_heads) and _set_off(ctx, tok):
            out.extend(_as_title(ctx, tok))
    return out


def _as_phrase(tok: Token) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ == "as"


def _set_off(ctx: SentenceContext, tok: Token) -> bool:
    """A parenthetical "as" phrase: ", as president of Y," or a sentence-initial "As ...,"
    ("served as president of Y" is a predicate: ``leads_predicate.v1``)."""
    if not _as_phrase(tok):
        return False
    i = tok.head.i
    return i == ctx.start or ctx.doc[i - 1].text == ","


def _as_holders(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation]:
    """The clause subject an "as TITLE" phrase describes (none where it may describe another
    party: "Chile backed Peru as chair of the bloc", "voted for Peru as chair")."""
    as_ = tok.head
    gov = as_.head
    if gov.i in ctx.ent_at:
        # "Ruto, as president of Kenya, ...": hung on the name, if set off by commas
        return [ctx.ent_at[gov.i]] if _set_off(ctx, tok) else []
    if gov.pos_ not in _VERB_POS:
        return []
    if as_.i > gov.i and _named_objects(ctx, gov, as_.i):
        return []  # a depictive after the verb may describe the verb's object instead
    agents, patients = ctx.subjects(gov)
    return ctx.args_of(agents + patients, strict=True)


def _named_objects(ctx: SentenceContext, verb: Token, before: int) -> bool:
    """Whether the verb has an entity object before token ``before`` ("backed Peru", "voted
    for Peru"); a name deeper inside the object ("its stance toward Peru") does not count."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < before]
    objs.extend(
        o
        for p in verb.children
        if p.dep_ == "prep" and p.i < before
        for o in p.children
        if o.dep_ == "pobj"
    )
    return any(o.i in ctx.ent_at for o in objs)


def _as_title(ctx: SentenceContext, tok: Token) -> list[Candidate]:
    """ "X, as prime minister of Y, signed ...": a person with a title and its led entity."""
    out: list[Candidate] = []
    led, toks = _title_phrase_led(ctx, tok)
    if led is None:
        return out
    role = _role_text(ctx, toks)
    for person in _as_holders(ctx, tok):
        if person.label in _PEOPLE and person.name != led.name:
            out.append(
                _make(ctx, person, led, toks[0].i, toks[-1].i + 1, "leads_as_title.v1", role)
            )
    return out


def _organizations(ctx: SentenceContext, office: Token) -> list[EntityAnnotation]:
    """The organization an office noun names: "chair of ASEAN", "ASEAN's chair", "the bloc"."""
    orgs: list[EntityAnnotation] = []
    for _, obj in ctx.prep_objects(office, {"of"}):
        orgs.extend(ctx.args(obj, strict=True))
    for c in office.children:
        if c.dep_ in ("poss", "compound", "nmod") and c.i in ctx.ent_at:
            orgs.append(ctx.ent_at[c.i])
    return [e for e in orgs if e.label == EntityLabel.ORGANIZATION]


def _state_chair(ctx: SentenceContext, office: Token) -> list[Candidate]:
    orgs = _organizations(ctx, office) or _chaired_subject(ctx, office)
    if not orgs:
        return []
    holders, anchor, structural = _chair_holders(ctx, office)
    out: list[Candidate] = []
    org_names = {o.name for o in orgs}
    for state in holders:
        if state.label != EntityLabel.COUNTRY or state.name in org_names:
            continue
        for org in orgs:
            cand = _make(ctx, state, org, office.i, office.i + 1, "leads_chair.v1", _CHAIR_ROLE)
            cand.anchor = anchor
            cand.structural = structural
            out.append(cand)
    return out


def _chaired_subject(ctx: SentenceContext, office: Token) -> list[EntityAnnotation]:
    """ "Under Laos's chairmanship, ASEAN adopted ...": the organization acting under a state's
    chairmanship is the one chaired."""
    prep = office.head
    if office.dep_ != "pobj" or ctx.lemma(prep) not in ("under", "during"):
        return []
    if ctx.lemma(office) not in ctx.lex.office_nouns or prep.head.pos_ not in _VERB_POS:
        return []
    agents, _ = ctx.subjects(prep.head)
    return [e for e in ctx.args_of(agents, strict=True) if e.label == EntityLabel.ORGANIZATION]


def _chair_holders(ctx: SentenceContext, office: Token) -> tuple[list[EntityAnnotation], int, bool]:
    """Who holds the office, the token the modality walk starts from, and whether the link is
    structural (an apposition: never hedged) or predicated by a verb."""
    lex = ctx.lex
    dep = office.dep_
    head = office.head
    # "Laos, the current chair of ASEAN": the office is an apposition of the state
    if dep == "appos" and head.i in ctx.ent_at:
        return [ctx.ent_at[head.i]], office.i, True
    # "the rotating chair of ASEAN, Laos": the state is the office's apposition, or the parser
    # hung it on the organization named by "of"
    appos = [ctx.ent_at[c.i] for c in office.children if c.dep_ == "appos" and c.i in ctx.ent_at]
    for _, obj in ctx.prep_objects(office, {"of"}):
        appos.extend(
            ctx.ent_at[c.i] for c in obj.children if c.dep_ == "appos" and c.i in ctx.ent_at
        )
    appos.extend(_split_apposition(ctx, office))
    if appos:
        return appos, office.i, True
    # "the presidency of the union, now held by Chile": a participle of holding
    held = [c for c in office.children if c.dep_ == "acl" and ctx.lemma(c) in lex.office_verbs]
    for v in held:
        agents = [o for _, o in ctx.prep_objects(v, {"by"})]
        if agents:
            return ctx.args_of(agents, strict=True), v.i, False
    # "ASEAN chair Laos": the office as a compound of the state's name
    if dep == "compound" and head.i in ctx.ent_at:
        return [ctx.ent_at[head.i]], office.i, True
    if _as_phrase(office):
        # "Ghana, as chair of the African Union, called for ..."
        return _as_holders(ctx, office), head.head.i, False
    if head.pos_ in _VERB_POS:
        lem = ctx.lemma(head)
        if (dep in ("attr", "oprd") and lem in _COPULAS) or (
            dep == "dobj" and lem in lex.office_verbs and ctx.lemma(office) in lex.office_nouns
        ):
            # "Chile is the chair of the bloc", "Chile took over the presidency of the bloc"
            agents, patients = ctx.subjects(head)
            return ctx.args_of(agents + patients, strict=True), head.i, False
    if ctx.lemma(office) in lex.office_nouns:
        # "Norway's chairmanship of the council", "the French presidency of the union"
        owners = [
            ctx.ent_at[c.i]
            for c in office.children
            if c.dep_ in ("poss", "amod") and c.i in ctx.ent_at
        ]
        return owners, office.i, True
    return [], office.i, True


def _split_apposition(ctx: SentenceContext, office: Token) -> list[EntityAnnotation]:
    """ "The chair of the bloc, Laos, hosted ...": a name set off by commas right after the
    office's phrase that the parser made a second subject of the same verb."""
    doc = ctx.doc
    comma = office.right_edge.i + 1
    if comma + 1 >= ctx.end or doc[comma].text != ",":
        return []
    ent = ctx.ent_at.get(comma + 1)
    if ent is None or ent.start != comma + 1 or ent.end >= ctx.end or doc[ent.end].text != ",":
        return []
    root = ctx.root_of(ent)
    if root.dep_ != office.dep_ or root.head.i != office.head.i:
        return []
    return [ent]
