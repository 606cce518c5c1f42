"""LEADS from possessives and phrases of rule.

* ``leads_possessive.v1``: "Putin's Russia", "Kony's LRA" (role: leader); a rule noun named
  for the person ("the Orban government") names the state.
* ``leads_gov_of.v1``: "the regime of X in Y", "the government of President X" (with exactly
  one state in the sentence).
* ``leads_under.v1``: "Russia under Putin", "under Alexander the Great ..., Macedon grew ..."
  (led entity a Country).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.extract.relations.titles import _POSS_MARKS, _is_title_token, _make
from geokg.schema import EntityLabel

if TYPE_CHECKING:
    from spacy.tokens import Token


_TEMPORAL_PREPS = frozenset({"during", "throughout", "since", "before", "after", "until"})


def _possessive(ctx: SentenceContext, person: EntityAnnotation) -> list[Candidate]:
    """ "Putin's Russia", "Daniel Ortega's Sandinista Front"; "the regime of X in Y"."""
    doc = ctx.doc
    out: list[Candidate] = []
    root = ctx.root_of(person)
    nxt = person.end
    if root.dep_ == "poss" and nxt < ctx.end and doc[nxt].text in _POSS_MARKS:
        led = ctx.ent_at.get(root.head.i) or _named_organization(ctx, root.head)
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


def _named_organization(ctx: SentenceContext, head: Token) -> EntityAnnotation | None:
    """The organization named inside "X's Likud party", "X's al-Qaeda network": a party,
    network or movement noun with the organization's name before it (not "X's NATO allies",
    "X's United Nations speech")."""
    if ctx.lemma(head) not in ctx.lex.organization_heads and head.lower_ not in (
        ctx.lex.organization_heads
    ):
        return None
    found = {
        ctx.ent_at[c.i].name: ctx.ent_at[c.i]
        for c in head.children
        if c.dep_ in ("compound", "amod", "nmod")
        and c.i in ctx.ent_at
        and ctx.ent_at[c.i].label == EntityLabel.ORGANIZATION
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _government_of_titled(ctx: SentenceContext, person: EntityAnnotation) -> list[Candidate]:
    """ "the government of President X", "President X's government": with exactly one state in
    the sentence, X leads it."""
    doc = ctx.doc
    if person.start == ctx.start or not _is_title_token(ctx, doc[person.start - 1])[1]:
        return []
    root = ctx.root_of(person)
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
    if led.start > noun.right_edge.i and _clause_argument(ctx, led):
        # "the government of President X accused Rwanda ...": a state named after the phrase
        # as an argument of the clause is not the state X rules ("... in Kenya" may be)
        return []
    title = doc[person.start - 1]
    return [_make(ctx, person, led, title.i, title.i + 1, "leads_gov_of.v1", title.text)]


_ARGUMENT_DEPS = frozenset({"dobj", "dative", "oprd", "attr", "nsubj", "nsubjpass", "appos"})


def _clause_argument(ctx: SentenceContext, ent: EntityAnnotation) -> bool:
    """Whether an entity is an object, complement or subject of a clause, or the object of a
    preposition other than one of place ("accused Rwanda", "a partner to France")."""
    root = ctx.root_of(ent)
    if root.dep_ == "pobj":
        return ctx.lemma(root.head) not in ("in", "of", "across", "throughout", "inside")
    return root.dep_ in _ARGUMENT_DEPS


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
    root = ctx.root_of(person)
    if root.dep_ != "pobj" or ctx.lemma(root.head) != "under":
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
