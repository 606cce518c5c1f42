"""Structural relations: LEADS from titles, appositions, possessives of rule and "under X".

Rule ids:

* ``leads_title.v1``: a title between the led entity and the person, "Kenyan President
  William Ruto", "Chile's President Boric", "OAS Secretary General Luis Almagro";
  or after the person, "King Harald of Norway".
* ``leads_appos.v1``: "X, the prime minister of Y", "Felipe VI, Spain's king", "Qatar's emir,
  Sheikh Hamad".
* ``leads_possessive.v1``: "Putin's Russia", "Joseph Kony's LRA" (role: leader).
* ``leads_gov_of.v1``: "the regime of Daniel Ortega in Nicaragua".
* ``leads_under.v1``: "under Alexander the Great ..., Macedon grew ..." (led entity a Country).
* ``member_party_title.v1``: a party adjective before a member's title, "Republican Senator
  X", "Labour lawmakers X and Y": MEMBER_OF the party (status member), not LEADS.
* ``leads_predicate.v1``: a title predicated of the person: "X served as UN secretary
  general", "X is Kenya's foreign minister", "X was elected president of Chile".

A bare title with no led entity joined to it ("President Gabriel Boric") gives nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.schema import EntityLabel

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["leads_candidates"]

_PEOPLE = frozenset({EntityLabel.LEADER, EntityLabel.PERSON})
_LED = frozenset(
    {EntityLabel.COUNTRY, EntityLabel.ORGANIZATION, EntityLabel.PLACE, EntityLabel.GROUP}
)
_POSS_MARKS = frozenset({"'s", "’s", "'", "’"})
_TEMPORAL_PREPS = frozenset({"during", "throughout", "since", "before", "after", "until"})


def leads_candidates(ctx: SentenceContext) -> list[Candidate]:
    """LEADS candidates of one sentence."""
    out: list[Candidate] = []
    people = [e for e in ctx.entities if e.label in _PEOPLE]
    if not people:
        return out
    for person in people:
        out.extend(_title_before(ctx, person))
        out.extend(_title_after(ctx, person))
        out.extend(_appositive(ctx, person))
        out.extend(_possessive(ctx, person))
        out.extend(_under(ctx, person))
        out.extend(_government_of_titled(ctx, person))
        out.extend(_predicate(ctx, person))
    out = _party_members(ctx, people, out)
    return out


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


def _title_before(ctx: SentenceContext, person: EntityAnnotation) -> list[Candidate]:
    doc = ctx.doc
    title: list[Token] = []
    has_head = False
    # a title the entity component kept inside the span ("President William Ruto")
    k = person.start
    while k < person.end - 1:
        part, head = _is_title_token(ctx, doc[k])
        if not part and doc[k].lower_ not in ctx.lex.title_honorifics:
            break
        has_head = has_head or head
        title.append(doc[k])
        k += 1
    i = person.start - 1
    while i >= ctx.start and i not in ctx.ent_at:
        part, head = _is_title_token(ctx, doc[i])
        if not part and doc[i].lower_ in ctx.lex.title_honorifics:
            part = True
        if not part and title and doc[i].dep_ == "amod" and doc[i].tag_ in ("JJ", "VBG", "VBN"):
            part = True  # "Norway's visiting King Harald", "Peru's embattled president"
        if not part:
            break
        has_head = has_head or head
        title.insert(0, doc[i])
        i -= 1
    if not title or not has_head:
        return []
    led, _ = _led_before(ctx, i)
    if led is None:
        return []
    role = _role_text(ctx, title)
    return [_make(ctx, person, led, title[0].i, title[-1].i + 1, "leads_title.v1", role)]


def _title_after(ctx: SentenceContext, person: EntityAnnotation) -> list[Candidate]:
    """ "King Harald of Norway", "Emperor Naruhito of Japan": title before, led entity after."""
    doc = ctx.doc
    j = person.end
    if j + 1 >= ctx.end or doc[j].lower_ != "of":
        return []
    led = ctx.ent_at.get(j + 1)
    if led is None or led.label not in _LED:
        if j + 2 < ctx.end and doc[j + 1].lower_ == "the":
            led = ctx.ent_at.get(j + 2)
        if led is None or led.label not in _LED:
            return []
    i = person.start - 1
    title: list[Token] = []
    has_head = False
    while i >= ctx.start and i not in ctx.ent_at:
        part, head = _is_title_token(ctx, doc[i])
        if not part:
            break
        has_head = has_head or head
        title.insert(0, doc[i])
        i -= 1
    # the title may sit inside the person's span when the entity component kept it
    if not has_head:
        first = doc[person.start]
        part, head = _is_title_token(ctx, first)
        if head:
            title = [first]
            has_head = True
    if not has_head:
        return []
    role = _role_text(ctx, title)
    return [_make(ctx, person, led, title[0].i, title[-1].i + 1, "leads_title.v1", role)]


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
            if e is not None and e.label in _LED:
                led = e
                break
            for c in obj.children:
                if c.dep_ in ("compound", "amod") and c.i in ctx.ent_at:
                    pass
    toks.sort(key=lambda t: t.i)
    return led, toks


def _appositive(ctx: SentenceContext, person: EntityAnnotation) -> list[Candidate]:
    out: list[Candidate] = []
    doc = ctx.doc
    span_toks = [doc[i] for i in range(person.start, person.end)]
    root = next((t for t in span_toks if not (person.start <= t.head.i < person.end)), None)
    if root is None:
        return out
    candidates: list[Token] = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        candidates.append(root.head)
    for t in candidates:
        if t.i in ctx.ent_at:
            continue
        led, toks = _title_phrase_led(ctx, t)
        if led is None or led.name == person.name:
            continue
        role = _role_text(ctx, toks)
        out.append(_make(ctx, person, led, toks[0].i, toks[-1].i + 1, "leads_appos.v1", role))
    return out


def _possessive(ctx: SentenceContext, person: EntityAnnotation) -> list[Candidate]:
    """ "Putin's Russia", "Daniel Ortega's Sandinista Front"; "the regime of X in Y"."""
    doc = ctx.doc
    out: list[Candidate] = []
    last = doc[person.end - 1]
    if last.head.i in range(person.start, person.end):
        root = doc[person.start]
        for t in (doc[i] for i in range(person.start, person.end)):
            if not (person.start <= t.head.i < person.end):
                root = t
    else:
        root = last
    nxt = person.end
    if root.dep_ == "poss" and nxt < ctx.end and doc[nxt].text in _POSS_MARKS:
        led = ctx.ent_at.get(root.head.i)
        if led is not None and led.label in (EntityLabel.COUNTRY, EntityLabel.ORGANIZATION):
            out.append(
                _make(
                    ctx, person, led, nxt, nxt + 1, "leads_possessive.v1", ctx.lex.possessive_role
                )
            )
        elif ctx.lemma(root.head) in ctx.lex.rule_nouns:
            out.extend(_rule_noun_led(ctx, person, root.head))
    for c in root.conjuncts:
        # "President X and his party": the party the person is coordinated with is his own
        org = ctx.ent_at.get(c.i)
        if (
            org is not None
            and org.label == EntityLabel.ORGANIZATION
            and c.i > root.i
            and any(g.dep_ == "poss" and g.lower_ in ("his", "her") for g in c.children)
        ):
            poss = next(g for g in c.children if g.dep_ == "poss")
            out.append(
                _make(ctx, person, org, poss.i, poss.i + 1, "leads_possessive.v1",
                      ctx.lex.possessive_role)
            )  # fmt: skip
    if root.dep_ == "compound" and ctx.lemma(root.head) in ctx.lex.rule_nouns:
        # "the Biden administration", "the Orban government" named as the state itself
        led = ctx.ent_at.get(root.head.i)
        when = root.head.dep_ == "pobj" and ctx.lemma(root.head.head) in _TEMPORAL_PREPS
        if led is not None and led.label == EntityLabel.COUNTRY and not when:
            # ("during the Biden administration" names a period, not who governs)
            role = "head of " + ctx.lemma(root.head)
            out.append(
                _make(ctx, person, led, root.head.i, root.head.i + 1, "leads_possessive.v1", role)
            )
    if root.dep_ == "pobj" and ctx.lemma(root.head) == "of":
        noun = root.head.head
        if ctx.lemma(noun) in ctx.lex.rule_nouns:
            out.extend(_rule_noun_led(ctx, person, noun))
    return out


def _government_of_titled(ctx: SentenceContext, person: EntityAnnotation) -> list[Candidate]:
    """ "the government of President X", "President X's government": with exactly one state in
    the sentence, X leads it."""
    doc = ctx.doc
    if person.start == ctx.start or not _is_title_token(ctx, doc[person.start - 1])[1]:
        return []
    root = doc[person.end - 1]
    for t in (doc[i] for i in range(person.start, person.end)):
        if not (person.start <= t.head.i < person.end):
            root = t
    noun = None
    if root.dep_ == "poss" and ctx.lemma(root.head) in ctx.lex.rule_nouns:
        noun = root.head
    elif (
        root.dep_ == "pobj"
        and ctx.lemma(root.head) == "of"
        and ctx.lemma(root.head.head) in ctx.lex.rule_nouns
    ):
        noun = root.head.head
    if noun is None:
        return []
    states = {e.name: e for e in ctx.entities if e.label == EntityLabel.COUNTRY}
    if len(states) != 1:
        return []
    (led,) = states.values()
    title = doc[person.start - 1]
    return [_make(ctx, person, led, title.i, title.i + 1, "leads_gov_of.v1", title.text)]


def _rule_noun_led(ctx: SentenceContext, person: EntityAnnotation, noun: Token) -> list[Candidate]:
    """ "the regime of Milosevic in Serbia", "the Syrian government": the state is in the NP."""
    led: EntityAnnotation | None = None
    e: EntityAnnotation | None
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i in ctx.ent_at:
            if ctx.stance_prefixed(c):
                continue
            e = ctx.ent_at[c.i]
            if e.label == EntityLabel.COUNTRY:
                led = e
    if led is None:
        for _, obj in ctx.prep_objects(noun, {"in", "of"}):
            e = ctx.ent_at.get(obj.i)
            if e is not None and e.label == EntityLabel.COUNTRY:
                led = e
        obj_of = [o for _, o in ctx.prep_objects(noun, {"of"})]
        for o in obj_of:
            for _, obj in ctx.prep_objects(o, {"in"}):
                e = ctx.ent_at.get(obj.i)
                if e is not None and e.label == EntityLabel.COUNTRY:
                    led = e
    if led is None:
        return []
    role = "head of " + ctx.lemma(noun)
    return [_make(ctx, person, led, noun.i, noun.i + 1, "leads_gov_of.v1", role)]


def _under(ctx: SentenceContext, person: EntityAnnotation) -> list[Candidate]:
    """ "Russia under Putin", "Under Alexander the Great ..., Macedon grew ..."."""
    doc = ctx.doc
    root = None
    for i in range(person.start, person.end):
        t = doc[i]
        if not (person.start <= t.head.i < person.end):
            root = t
    if root is None or root.dep_ != "pobj" or ctx.lemma(root.head) != "under":
        return []
    prep = root.head
    gov = prep.head
    led: list[EntityAnnotation] = []
    if gov.pos_ in ("NOUN", "PROPN"):
        led = [ctx.ent_at[gov.i]] if gov.i in ctx.ent_at else ctx.args(gov)
    elif gov.pos_ in ("VERB", "AUX"):
        agents, patients = ctx.subjects(gov)
        led = ctx.args_of(agents + patients, strict=True)
    led = [e for e in led if e.label == EntityLabel.COUNTRY and e.name != person.name]
    if len(led) != 1:
        return []
    return [_make(ctx, person, led[0], prep.i, prep.i + 1, "leads_under.v1", "leader")]


# verbs that predicate a role of their subject: "X is/became/served as/was named (as) ..."
_ROLE_VERBS = frozenset(
    {"be", "become", "serve", "remain", "act", "work", "return", "stay", "continue",
     "name", "appoint", "elect", "reelect", "re-elect", "nominate", "install", "choose",
     "confirm", "swear", "sworn", "designate"}
)  # fmt: skip


def _predicate(ctx: SentenceContext, person: EntityAnnotation) -> list[Candidate]:
    """ "X served as UN secretary general", "X is Kenya's foreign minister", "X was elected
    president of Chile": a title with its led entity predicated of the person."""
    doc = ctx.doc
    root = None
    for i in range(person.start, person.end):
        t = doc[i]
        if not (person.start <= t.head.i < person.end):
            root = t
    if root is None or root.dep_ not in ("nsubj", "nsubjpass"):
        return []
    v = root.head
    if v.pos_ not in ("VERB", "AUX") or ctx.lemma(v) not in _ROLE_VERBS:
        return []
    titles: list[Token] = [c for c in v.children if c.dep_ in ("attr", "oprd")]
    titles.extend(o for _, o in ctx.prep_objects(v, {"as"}))
    titles.extend(c for c in v.children if c.dep_ == "xcomp" and c.pos_ in ("NOUN", "PROPN"))
    out: list[Candidate] = []
    for t in titles:
        if t.i in ctx.ent_at:
            continue
        led, toks = _title_phrase_led(ctx, t)
        if led is None or led.name == person.name:
            continue
        role = _role_text(ctx, toks)
        out.append(_make(ctx, person, led, toks[0].i, toks[-1].i + 1, "leads_predicate.v1", role))
    return out


# titles of a party's members, not of its leaders
_MEMBER_TITLES = frozenset(
    {"senator", "senators", "sen.", "representative", "representatives", "rep.", "congressman",
     "congresswoman", "congressmen", "lawmaker", "lawmakers", "legislator", "legislators",
     "member", "members", "deputy", "deputies", "mp", "mps", "politician", "politicians",
     "candidate", "candidates", "activist", "activists", "delegate", "delegates", "governor",
     "mayor", "councillor", "councilor", "strategist", "operative", "nominee"}
)  # fmt: skip


def _party_members(
    ctx: SentenceContext, people: list[EntityAnnotation], found: list[Candidate]
) -> list[Candidate]:
    """ "Republican Senator X", "Labour lawmakers X and Y": the party's members.

    A member's title after a party name joins the person to the party as MEMBER_OF; any LEADS
    the title rules read from the same title is dropped (a senator does not lead the party).
    """
    doc = ctx.doc
    out: list[Candidate] = []
    members: set[int] = set()
    for person in people:
        i = person.start - 1
        title: list[Token] = []
        while i >= ctx.start and i not in ctx.ent_at and len(title) < 3:
            title.insert(0, doc[i])
            i -= 1
        # "Republican lawmakers X and Y": a later conjunct shares the first one's title
        root = next(
            (doc[k] for k in range(person.start, person.end)
             if not person.start <= doc[k].head.i < person.end),
            doc[person.start],
        )  # fmt: skip
        if root.dep_ == "conj" and root.head.i in ctx.ent_at:
            first = ctx.ent_at.get(root.head.i)
            prev = [m for m in out if m.source.start == (first.start if first else -1)]
            for m in prev:
                out.append(
                    Candidate(person, "MEMBER_OF", m.target, m.trigger, m.anchor,
                              "member_party_title.v1", m.confidence, "title", None, "member",
                              structural=True)
                )  # fmt: skip
                members.add(person.start)
            continue
        if not title or title[-1].lower_ not in _MEMBER_TITLES:
            continue
        party = ctx.ent_at.get(i)
        if party is None or party.label != EntityLabel.ORGANIZATION or party.kind != "party":
            continue
        if any(t.lower_ not in _MEMBER_TITLES and t.lower_ not in ctx.lex.title_temporal
               and ctx.lemma(t) not in ctx.lex.title_modifiers for t in title):  # fmt: skip
            continue
        conf = ctx.lex.confidence("member_party_title.v1", 0.8)
        out.append(
            Candidate(person, "MEMBER_OF", party, title[0].i, title[0].i,
                      "member_party_title.v1", conf, "title", None, "member", structural=True,
                      trigger_end=title[-1].i + 1)
        )  # fmt: skip
        members.add(person.start)
    kept = [c for c in found if not (c.type == "LEADS" and c.source.start in members)]
    return kept + out
