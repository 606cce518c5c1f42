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
* ``leads_led_rule.v1``: "Peru's government, led by Prime Minister X" (``led_by.py``).
* ``leads_named_body.v1``: "X, who leads the Popular Force party" (``led_by.py``).
* ``member_party_affiliation.v1``: "Senator X of the Y Party", "X, a lawmaker from the Y
  Party" (``affiliations.py``).
* ``member_party_title.v1``: a party adjective before a member's title, "Republican Senator
  X", "Labour lawmakers X and Y": MEMBER_OF the party (status member), not LEADS.
* ``leads_predicate.v1``: a title predicated of the person: "X served as UN secretary
  general", "X is Kenya's foreign minister", "X was elected president of Chile", also in a
  relative clause ("X, who is Kenya's foreign minister, ...") or a coordinated predicate ("X
  served as ... and was later Chile's president"); an office taken up or given up ("X took
  over / stepped down / resigned as head of Y", "rose to power as leader of Y", "refused to
  step down as ...", "was ousted as president of Y", never the remover's "ousted X as").

A bare title with no led entity joined to it ("President Gabriel Boric") gives nothing, nor does
a past service post ("former Kenyan ambassador X", "a retired Chilean admiral":
:mod:`~geokg.extract.relations.former`); a former head keeps LEADS ("former President X").

This module holds the dispatcher and the title rules; the possessive, "of" and "under" rules
are in :mod:`~geokg.extract.relations.governments`, the shared title helpers in
:mod:`~geokg.extract.relations.titles`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.affiliations import party_affiliations
from geokg.extract.relations.former import drop_former_service
from geokg.extract.relations.governments import _government_of_titled, _possessive, _under
from geokg.extract.relations.led_by import led_named_body, led_rule_noun
from geokg.extract.relations.offices import office_candidates
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.extract.relations.titles import (
    _LED,
    _is_title_token,
    _led_before,
    _make,
    _role_text,
    _title_phrase_led,
    _unit_scope,
)
from geokg.schema import EntityLabel

if TYPE_CHECKING:
    from spacy.tokens import Token


__all__ = ["leads_candidates"]

_PEOPLE = frozenset({EntityLabel.LEADER, EntityLabel.PERSON})


def leads_candidates(ctx: SentenceContext) -> list[Candidate]:
    """LEADS candidates of one sentence."""
    out: list[Candidate] = office_candidates(ctx)
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
        out.extend(led_rule_noun(ctx, person))
        out.extend(led_named_body(ctx, person))
        out.extend(party_affiliations(ctx, person))
        out.extend(_predicate(ctx, person))
    out = _party_members(ctx, people, out)
    out = [c for c in out if not _business_title_of_state(ctx, c)]
    return drop_former_service(ctx, out)


def _business_title_of_state(ctx: SentenceContext, cand: Candidate) -> bool:
    """ "Kenyan CEO X", "X, a Chinese founder": a business title leads no state."""
    if cand.type != "LEADS" or cand.target.label == EntityLabel.ORGANIZATION or not cand.role:
        return False
    words = cand.role.lower().split()
    return bool(words) and words[-1] in ctx.lex.business_heads


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
    portfolio: list[Token] = []
    if not title:
        j = _of_portfolio(ctx, i)
        if j is not None:
            portfolio = list(doc[j : i + 1])
            i = j - 1
        else:
            i = _skip_complement(ctx, i)
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
    if any(t.lower_ in _ENVOY_WORDS for t in title):
        led = _sending_state(ctx, led)
    title += portfolio
    role = _role_text(ctx, title)
    return [_make(ctx, person, led, title[0].i, title[-1].i + 1, "leads_title.v1", role)]


_ENVOY_WORDS = frozenset({"ambassador", "envoy", "emissary", "representative", "delegate"})


def _sending_state(ctx: SentenceContext, posted: EntityAnnotation) -> EntityAnnotation:
    """The state that sends an envoy whose post is named before the title ("Russia's *U.N.*
    ambassador X", "the Peruvian *U.S.* envoy X": Russia, Peru), else the post's own entity
    ("the U.S. ambassador X")."""
    k = posted.start - 1
    if k > ctx.start and ctx.doc[k].text in ("'s", "’s"):
        k -= 1
    owner = ctx.ent_at.get(k) if k >= ctx.start else None
    if owner is not None and owner.label == EntityLabel.COUNTRY and owner.name != posted.name:
        return owner
    return posted


_COMPLEMENT_PREPS = frozenset({"for", "to", "at", "on"})


def _skip_complement(ctx: SentenceContext, i: int) -> int:
    """Where the title ends when its complement stands between it and the name: "U.S. special
    envoy for Ukraine X", "Russia's ambassador to the UN X", "Sweden's minister for foreign
    trade X" (the complement names no led entity). Else ``i`` itself."""
    doc = ctx.doc
    j = i
    ents: set[str] = set()
    while j >= ctx.start and i - j < 6:
        tok = doc[j]
        if tok.lower_ in _COMPLEMENT_PREPS and j > ctx.start and j < i:
            _part, head = _is_title_token(ctx, doc[j - 1])
            return j - 1 if head and len(ents) <= 1 else i
        e = ctx.ent_at.get(j)
        if e is not None:
            ents.add(e.name)
        elif not (
            tok.lower_ == "the"
            or (tok.is_lower and tok.pos_ in ("NOUN", "ADJ"))
            or (tok.is_alpha and tok.text[:1].isupper() and tok.pos_ == "PROPN")
        ):
            return i
        j -= 1
    return i


def _of_portfolio(ctx: SentenceContext, i: int) -> int | None:
    """Where an "of" portfolio that ends at ``i`` starts, after a title head: "Peru's minister
    of defense X", "Minister of Foreign Affairs X", "army chief of staff X" (the portfolio
    names no entity). None when there is none."""
    doc = ctx.doc
    j = i
    while j > ctx.start and i - j < 4:
        tok = doc[j]
        if j in ctx.ent_at:
            return None
        if tok.lower_ == "of":
            head = _is_title_token(ctx, doc[j - 1])[1]
            return j if head and j < i and tok.right_edge.i == i else None
        if not (tok.is_alpha and (tok.pos_ in ("NOUN", "ADJ", "PROPN", "DET"))):
            return None
        j -= 1
    return None


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


def _appositive(ctx: SentenceContext, person: EntityAnnotation) -> list[Candidate]:
    out: list[Candidate] = []
    doc = ctx.doc
    span_toks = [doc[i] for i in range(person.start, person.end)]
    root = next((t for t in span_toks if not (person.start <= t.head.i < person.end)), None)
    if root is None:
        return out  # the sentence's own root: no apposition to read
    candidates: list[Token] = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        candidates.append(root.head)
        of = root.head.head
        if root.head.i in ctx.ent_at and root.head.dep_ == "pobj" and ctx.lemma(of) == "of":
            # "the president of the commission, X": the parser hung the person on the led
            # entity; the apposition belongs to the title that "of" depends on
            candidates.append(of.head)
    # "Kenyan Foreign Minister A; Defense Minister B" parsed with B in apposition to A's title:
    # a title before the person with another person in between is that person's title
    others = [e.start for e in ctx.entities if e.label in _PEOPLE and e.start != person.start]
    candidates = [t for t in candidates if not any(t.i < k < person.start for k in others)]
    out.extend(_led_by_titles(ctx, person, candidates, "leads_appos.v1"))
    return out


def _led_by_titles(
    ctx: SentenceContext, person: EntityAnnotation, titles: list[Token], rule: str
) -> list[Candidate]:
    """LEADS for each title token that names its led entity ("prime minister of Y")."""
    out: list[Candidate] = []
    for t in titles:
        if t.i in ctx.ent_at or _post_at_organization(ctx, t):
            continue
        led, toks = _title_phrase_led(ctx, t)
        if led is None or led.name == person.name or _unit_scope(t, led):
            continue
        if t.lower_ in _ENVOY_WORDS:
            led = _sending_state(ctx, led)
        role = _role_text(ctx, toks)
        out.append(_make(ctx, person, led, toks[0].i, toks[-1].i + 1, rule, role))
    return out


def _post_at_organization(ctx: SentenceContext, title: Token) -> bool:
    """ "the Japan chair at a think tank", "Asia director at a rights group": a post held at
    an organization; the state before it is the post's subject area, not a led state."""
    return any(
        ctx.ent_at[o.i].label.value == "Organization"
        for p, o in ctx.prep_objects(title, ("at",))
        if o.i in ctx.ent_at
    )


# verbs that predicate a role of their subject: "X is/became/served as/was named (as) ..."
_ROLE_VERBS = frozenset(
    {"be", "become", "serve", "remain", "act", "work", "return", "stay", "continue",
     "name", "appoint", "elect", "reelect", "re-elect", "nominate", "install", "choose",
     "confirm", "swear", "sworn", "designate"}
)  # fmt: skip
# verbs of taking up or giving up an office whose subject held it: "X took over / stepped
# down / resigned / quit as head of Y", "X rose to prominence as emir of Y", "X succeeded
# Z as chairman of Y" (a former head keeps LEADS, as "former President X" does)
_OFFICE_CHANGE_VERBS = frozenset(
    {"take", "step", "resign", "quit", "retire", "rise", "emerge", "succeed", "replace",
     "reappoint", "re-appoint", "inaugurate", "stand"}
)  # fmt: skip
# verbs of removal from an office: only their passive subject held it ("X was ousted as
# president of Y"); the active subject is the one who removed ("the army ousted X as ...")
_REMOVAL_VERBS = frozenset(
    {"oust", "remove", "depose", "topple", "unseat", "sack", "fire", "dismiss", "overthrow"}
)  # fmt: skip


def _predicate(ctx: SentenceContext, person: EntityAnnotation) -> list[Candidate]:
    """ "X served as UN secretary general", "X is Kenya's foreign minister", "X was elected
    president of Chile": a title with its led entity predicated of the person."""
    root = ctx.root_of(person)
    verbs: list[Token] = []
    if root.dep_ in ("nsubj", "nsubjpass"):
        verbs.append(root.head)
    # "X, who is Kenya's foreign minister, ...": a relative clause predicates the title
    verbs.extend(
        c
        for c in root.children
        if c.dep_ == "relcl"
        and any(s.dep_ in ("nsubj", "nsubjpass") and s.lower_ == "who" for s in c.children)
    )
    # "X served as A and was later B": a coordinated predicate without its own subject
    verbs.extend(
        c
        for v in list(verbs)
        for c in v.conjuncts
        if c.i > v.i and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
    )
    # "X refused to step down as ...", "X is expected to take over as ...": the office change
    # of a controlled complement is the subject's
    verbs.extend(
        c
        for v in list(verbs)
        for c in v.children
        if c.dep_ == "xcomp" and ctx.lemma(c) in _OFFICE_CHANGE_VERBS
        and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
    )  # fmt: skip
    titles: list[Token] = []
    for v in verbs:
        if v.pos_ not in ("VERB", "AUX"):
            continue
        lemma = ctx.lemma(v)
        passive = any(c.dep_ == "nsubjpass" for c in v.children)
        if lemma in _OFFICE_CHANGE_VERBS or (lemma in _REMOVAL_VERBS and passive):
            titles.extend(o for _, o in ctx.prep_objects(v, {"as"}))
            # "rose to power / prominence as the emir of Y": the parser hangs "as" on the goal
            for _, goal in ctx.prep_objects(v, {"to"}):
                titles.extend(o for _, o in ctx.prep_objects(goal, {"as"}))
            continue
        if lemma not in _ROLE_VERBS:
            continue
        titles.extend(c for c in v.children if c.dep_ in ("attr", "oprd"))
        titles.extend(o for _, o in ctx.prep_objects(v, {"as"}))
        titles.extend(c for c in v.children if c.dep_ == "xcomp" and c.pos_ in ("NOUN", "PROPN"))
    return _led_by_titles(ctx, person, titles, "leads_predicate.v1")


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
        root = ctx.root_of(person)
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
        if party is not None and party.label == EntityLabel.COUNTRY and party.start > ctx.start:
            party = ctx.ent_at.get(party.start - 1)  # "Democratic U.S. Congressman X"
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
