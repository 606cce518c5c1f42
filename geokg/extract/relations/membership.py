"""Membership over time: expulsion, suspension, readmission, frozen participation, exit.

SCHEMA.md ``MEMBER_OF`` carries a status (``member``, ``applicant``, ``former``). The verbs
that change a state's standing in an organization say which (``lexicon.json`` →
``membership_changes``; ``membership.v1``):

* **ended** ("Chile was expelled from the bloc", "Peru was kicked out of the OAS", "the
  Commonwealth ousted Fiji", "X was ousted from the Y party"): status ``former``, and the
  organization BREAKS_WITH the member it expelled;
* **suspended** ("Peru was suspended from Mercosur", "the AU suspended Niger", "Chile froze
  its participation in the treaty body", "suspended its membership in X"): status
  ``member``. A suspension withholds a member's rights; the state stays a member until it
  leaves or is expelled (the decision this module takes under SCHEMA.md);
* **restored** ("Fiji was readmitted to the Commonwealth", "the bloc reinstated Mali"):
  status ``member``;
* **left** with a particle ("Niger pulled out of the G5", "Chile opted out of X"): status
  ``former`` (the plain verbs, "quit", "left", are cue entries: ``leave.verb``).

The member is the passive subject or the active object (a named entity, never a demonym:
"the bloc expelled Russian diplomats" expels no state); the organization is the "from",
"out of", "to" or "in" object, else the active subject or passive "by" agent when that is an
Organization ("the AU suspended Niger"). Frozen participation takes the possessor of the
frozen noun, else the clause's subject.

:func:`membership_statuses` then reads the status a role noun's own words give
("a *former* member", "an EU *candidate* country", "*no longer* a member": former, not
negated) and drops the membership a partnership noun was read as ("NATO partner Ukraine",
"a NATO global partner": a partner of an organization is no member of it; "Turkey's NATO
partners", fellow members named by their owner, stay).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geokg.extract.relations.slots import _modifier_tokens
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.extract.relations.titles import _named_inside

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation

__all__ = ["changed_membership", "listed_members", "membership_statuses"]

RULE = "membership.v1"
_ORG = "Organization"
_ORG_PREPS = ("from", "of", "to", "into", "in")
# the status each group of verbs gives (``lexicon.json`` → ``membership_changes``)
_STATUS = {"ending": "former", "suspending": "member", "restoring": "member", "leaving": "former"}


def _words(ctx: SentenceContext, key: str) -> frozenset[str]:
    return ctx.lex.membership_changes.get(key, frozenset())


def _particle_out(ctx: SentenceContext, v: Token) -> bool:
    """ "kicked out of", "pulled out of": an "out" particle (or preposition) on the verb."""
    return any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ == "out" for c in v.children)


def _kind(ctx: SentenceContext, v: Token) -> str | None:
    lem = ctx.lemma(v)
    if v.lower_ in _words(ctx, "restoring"):
        return "restoring"  # "readmitted": the lemmatizer may miss the prefixed verb
    if lem in _words(ctx, "ending"):
        return "ending"
    if lem in _words(ctx, "ending_out") and _particle_out(ctx, v):
        return "ending"
    if lem in _words(ctx, "suspending"):
        return "suspending"
    if lem in _words(ctx, "restoring"):
        return "restoring"
    if lem in _words(ctx, "leaving_out") and _particle_out(ctx, v):
        return "leaving"
    return None


def _org_objects(ctx: SentenceContext, v: Token) -> list[Token]:
    """The "from X", "out of X", "to X" objects of a verb (or of its "out" particle)."""
    heads = [v, *(c for c in v.children if c.lower_ == "out" and c.dep_ in ("prt", "prep"))]
    return [o for h in heads for _, o in ctx.prep_objects(h, _ORG_PREPS)]


def _orgs(ctx: SentenceContext, toks: list[Token]) -> list[EntityAnnotation]:
    found = [e for e in ctx.args_of(toks, strict=True) if e.label.value == _ORG]
    if not found:
        # "was thrown out of the Likud party": the organization named on its kind noun
        named = (_named_inside(ctx, t) for t in toks if t.i not in ctx.ent_at)
        found = [e for e in named if e is not None]
    return found


def changed_membership(ctx: SentenceContext) -> list[Candidate]:
    """ "Peru was suspended from Mercosur", "the AU expelled Mali", "Chile froze its
    participation in X", "Niger pulled out of the G5": MEMBER_OF with the verb's status."""
    heads = (
        _words(ctx, "admitting_verbs")
        | {"part"}
        | _words(ctx, "ending")
        | _words(ctx, "ending_out")
        | _words(ctx, "suspending")
        | _words(ctx, "restoring")
        | _words(ctx, "leaving_out")
        | _words(ctx, "freezing")
        | _words(ctx, "renouncing")
    )
    if not heads or not ctx.has_lemma(heads):
        return []
    conf = ctx.lex.confidence(RULE, 0.65)
    out: list[Candidate] = []
    for v in ctx.tokens():
        if v.pos_ not in ("VERB", "AUX"):
            continue
        found = _participation(ctx, v) or _admitted_as(ctx, v) or _part_of(ctx, v)
        kind = _kind(ctx, v)
        if found is None and kind is not None:
            found = _changed(ctx, v, kind)
        if found is None:
            continue
        members, orgs, status = found
        # a suspension presupposes the membership: "could suspend X", "was not suspended"
        # leave X a member (structural: never hedged; anchored on X, so nothing negates it)
        kept = kind == "suspending" or ctx.lemma(v) in _words(ctx, "freezing")
        out.extend(
            Candidate(
                m,
                "MEMBER_OF",
                o,
                v.i,
                m.start if kept else v.i,
                RULE,
                conf,
                RULE,
                status=status,
                structural=kept,
            )
            for m in members
            for o in orgs
            if m.name != o.name
        )
        if status == "former" and kind is None:
            # "renounced its membership of X": leaving, the member's break (SCHEMA.md)
            out.extend(
                Candidate(m, "BREAKS_WITH", o, v.i, v.i, RULE, conf, RULE)
                for m in members
                for o in orgs
                if m.name != o.name
            )
        if kind == "ending":
            # an expulsion is the organization's break with the member (CAMEO 16, reduce
            # relations; SCHEMA.md news conventions read leaving an organization the same way)
            out.extend(
                Candidate(o, "BREAKS_WITH", m, v.i, v.i, RULE, conf, RULE)
                for m in members
                for o in orgs
                if m.name != o.name
            )
    return out


_Found = tuple[list["EntityAnnotation"], list["EntityAnnotation"], str]


def _changed(ctx: SentenceContext, v: Token, kind: str) -> _Found | None:
    passive = ctx.is_passive(v)
    agents, patients = ctx.subjects(v)
    orgs = _orgs(ctx, _org_objects(ctx, v))
    if kind == "leaving":
        members_toks = agents
    elif passive:
        members_toks = patients
        if not orgs:
            # "Niger was suspended by the African Union"
            orgs = _orgs(ctx, [o for _, o in ctx.prep_objects(v, ("by",))])
    else:
        members_toks = ctx.children(v, "dobj")
        if not orgs:
            orgs = _orgs(ctx, agents)  # "the AU suspended Niger"
    members = [e for e in ctx.args_of(members_toks, strict=True) if e.label.value != "Place"]
    if not members or not orgs:
        return None
    return members, orgs, _STATUS[kind]


def _participation(ctx: SentenceContext, v: Token) -> _Found | None:
    """ "Chile froze its participation in X", "suspended its membership of X": the owner of
    the frozen membership, else the subject, is a member still."""
    lem = ctx.lemma(v)
    renounced = lem in _words(ctx, "renouncing") and (
        lem != "give" or any(c.dep_ == "prt" and c.lower_ == "up" for c in v.children)
    )
    if lem not in _words(ctx, "freezing") and not renounced:
        return None
    nouns = _words(ctx, "participation_nouns")
    for o in ctx.children(v, "dobj"):
        if ctx.lemma(o) not in nouns:
            continue
        orgs = _orgs(ctx, [p for _, p in ctx.prep_objects(o, _ORG_PREPS)])
        orgs = orgs or _orgs(ctx, [p for _, p in ctx.prep_objects(v, _ORG_PREPS)])
        orgs = orgs or [
            ctx.ent_at[c.i]
            for c in o.children
            if c.dep_ in ("compound", "nmod", "amod")
            and c.i in ctx.ent_at
            and ctx.ent_at[c.i].label.value == _ORG
        ]
        owners = [c for c in o.children if c.dep_ == "poss"]
        members = ctx.args_of(owners, strict=True)
        if not members:
            agents, patients = ctx.subjects(v)
            members = ctx.args_of(agents if not ctx.is_passive(v) else patients, strict=True)
        members = [e for e in members if e.label.value not in (_ORG, "Place")] or [
            e for e in members if e.label.value == _ORG and e not in orgs
        ]
        if members and orgs:
            # "gave up / renounced its membership of X": a member no more (a frozen one is)
            return members, orgs, "former" if renounced else "member"
    return None


def _admitted_as(ctx: SentenceContext, v: Token) -> _Found | None:
    """ "NATO welcomed Finland as its 31st member", "the AU accepted X as a member", "X was
    admitted as a member of Y": the one taken in as a member is one."""
    if ctx.lemma(v) not in _words(ctx, "admitting_verbs"):
        return None
    roles = [
        o for _, o in ctx.prep_objects(v, ("as",)) if ctx.lemma(o) in _words(ctx, "list_nouns")
    ]
    if not roles:
        return None
    passive = ctx.is_passive(v)
    agents, patients = ctx.subjects(v)
    members = ctx.args_of(patients if passive else ctx.children(v, "dobj"), strict=True)
    orgs = _orgs(ctx, [o for r in roles for _, o in ctx.prep_objects(r, ("of", "in"))])
    orgs = orgs or _orgs(ctx, [c for r in roles for c in r.children if c.dep_ == "poss"])
    if not orgs:
        by = [o for _, o in ctx.prep_objects(v, ("by",))]
        orgs = _orgs(ctx, by if passive else agents)
    members = [e for e in members if e.label.value != "Place" and e not in orgs]
    return (members, orgs, "member") if members and orgs else None


def _part_of(ctx: SentenceContext, v: Token) -> _Found | None:
    """ "Ukraine is not part of NATO", "Chile became part of the bloc": a state that is part
    of an organization is its member (a place part of a state is no membership)."""
    if ctx.lemma(v) not in _COPULAS:
        return None
    for a in ctx.children(v, "attr", "oprd"):
        if ctx.lemma(a) != "part":
            continue
        orgs = _orgs(ctx, [o for _, o in ctx.prep_objects(a, ("of",))])
        agents, _ = ctx.subjects(v)
        members = [
            e
            for e in ctx.args_of(agents, strict=True)
            if e.label.value in ("Country", "Group") and e not in orgs
        ]
        if members and orgs:
            return members, orgs, "member"
    return None


_COPULAS = frozenset({"be", "become", "remain"})


# ------------------------------------------------------------------------ listed members
LIST_RULE = "listed_members.v1"


def listed_members(ctx: SentenceContext) -> list[Candidate]:
    """ "EU member states such as Chile and Peru", "the bloc's members, including Chile",
    "Chile and other OAS members", "the G7, including Japan": the states a plural membership
    noun of a named organization, or the organization itself, lists are its members."""
    nouns = _words(ctx, "list_nouns")
    if not nouns or not ctx.has_lemma(nouns | _words(ctx, "including")):
        return []
    conf = ctx.lex.confidence(LIST_RULE, 0.6)
    out: list[Candidate] = []
    for n in ctx.tokens():
        body = _named_body(ctx, n)
        if body is not None:
            # "the G7, including Japan and Canada", "the BRICS bloc, including Brazil": the
            # states it is said to include
            included = [
                o
                for _, h in ctx.prep_objects(n, _words(ctx, "including"))
                for o in (h, *h.conjuncts)
            ]
            out.extend(
                Candidate(
                    m, "MEMBER_OF", body, n.i, n.i, LIST_RULE, conf, LIST_RULE, status="member"
                )
                for m in ctx.args_of(included, strict=True)
                if m.label.value == "Country"
            )
            continue
        if n.tag_ not in ("NNS", "NNPS") or ctx.lemma(n) not in nouns:
            continue
        of_objects = [o for _, o in ctx.prep_objects(n, ("of", "in"))]
        # "member countries of OPEC, such as A": the list may hang on the organization
        listed = [t for h in (n, *of_objects) for t in _listed(ctx, h)]
        if n.dep_ == "nsubj" and ctx.lemma(n.head) in _words(ctx, "list_verbs"):
            # "the bloc's members include A and B"
            listed += [t for o in ctx.children(n.head, "dobj") for t in (o, *o.conjuncts)]
        if n.dep_ == "conj" and any(c.lower_ == "other" for c in n.children):
            # "Chile and other OAS members": the states joined to "other members" are ones
            listed += [t for t in (n.head, *n.head.conjuncts) if t.i != n.i]
        if not listed:
            continue
        # a named organization ("EU member states"), not an adjective ("other Western nations")
        named = [
            c for c in _modifier_tokens(ctx, n) if c.dep_ == "compound" or c.tag_ in ("NNP", "NNPS")
        ]
        orgs = _orgs(ctx, named + ctx.children(n, "poss"))
        orgs = orgs or _orgs(ctx, of_objects)
        members = [
            e for e in ctx.args_of(listed, strict=True) if e.label.value in ("Country", _ORG)
        ]
        out.extend(
            Candidate(m, "MEMBER_OF", o, n.i, n.i, LIST_RULE, conf, LIST_RULE, status="member")
            for m in members
            for o in orgs
            if m.name != o.name
        )
    return out


def _named_body(ctx: SentenceContext, n: Token) -> EntityAnnotation | None:
    """The organization a word names: its own entity ("the G7") or a collective head word
    with an organization modifier ("the BRICS bloc")."""
    ent = ctx.ent_at.get(n.i)
    if ent is not None:
        return ent if ent.label.value == _ORG and ctx.root_of(ent).i == n.i else None
    if ctx.lemma(n) not in _words(ctx, "collective_heads"):
        return None
    orgs = _orgs(ctx, ctx.children(n, "compound", "nmod"))
    return orgs[0] if len(orgs) == 1 else None


def _listed(ctx: SentenceContext, n: Token) -> list[Token]:
    """The objects of "including", "like" or "such as" on a word, with their conjuncts."""
    heads: list[Token] = []
    for c in n.children:
        if c.dep_ != "prep":
            continue
        lem = ctx.lemma(c)
        such = any(g.lower_ == "such" for g in (*n.children, *c.children))
        if lem in _words(ctx, "list_preps") or (lem == "as" and such):
            heads.extend(g for g in c.children if g.dep_ == "pobj")
    return [t for h in heads for t in (h, *h.conjuncts)]


# ------------------------------------------------------------------------ statuses of roles
def membership_statuses(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """The status a role noun's own words give, and no membership from partnership nouns.

    Args:
        ctx: The sentence.
        found: The candidates so far.

    Returns:
        The candidates, MEMBER_OF role readings given their status ("former member":
        former; "candidate country": applicant; "no longer a member": former, stated) and
        without those a partner noun with no owner gave ("NATO partner Ukraine") and
        without a "former" membership of an informal grouping ("Russia's exit from the West").
    """
    if not any(c.type == "MEMBER_OF" for c in found):
        return found
    informal = _words(ctx, "informal_groupings")
    out: list[Candidate] = []
    for c in found:
        if c.type != "MEMBER_OF":
            out.append(c)
            continue
        if c.status == "former" and c.target.name.lower() in informal:
            continue  # "Russia's exit from the West": a drift away, not a body left
        if c.rule != "role_noun.v1":
            out.append(_sought(ctx, c))
            continue
        n = ctx.doc[c.trigger]
        partner = _words(ctx, "partner_nouns")
        words = {ctx.lemma(n)} | {ctx.lemma(t) for t in n.children if t.dep_ == "compound"}
        if words & partner and not any(t.dep_ == "poss" for t in n.children):
            continue  # "NATO partner Ukraine", "a NATO partner country": no member of it
        out.append(_role_status(ctx, n, c))
    return out


def _sought(ctx: SentenceContext, c: Candidate) -> Candidate:
    """ "Serbia is negotiating its accession to X", "Chile blocked Peru's entry into X",
    "candidates to join X": a membership still sought, negotiated or decided on is an
    application."""
    n = ctx.doc[c.trigger]
    if c.status != "member":
        return c
    if c.rule.startswith("svo") and n.dep_ in ("acl", "relcl", "xcomp"):
        # "candidates to join the EU", "its bid to join NATO": the joining is sought
        if ctx.lemma(n.head) in _words(ctx, "applicant_governors") | _words(
            ctx, "applicant_modifiers"
        ):
            return replace(c, status="applicant")
        return c
    if ctx.lemma(n) not in _words(ctx, "membership_nouns"):
        return c
    gov = n.head if n.dep_ in ("dobj", "nsubjpass") else None
    if n.dep_ == "pobj" and n.head.dep_ == "prep":
        gov = n.head.head  # "talks on Serbia's accession", "a vote on its membership"
    if gov is None or gov.i == n.i:
        return c
    if ctx.lemma(gov) in _words(ctx, "applicant_governors"):
        return replace(c, status="applicant")
    return c


def _role_status(ctx: SentenceContext, n: Token, c: Candidate) -> Candidate:
    mods = {ctx.lemma(t) for t in n.children if t.dep_ in ("amod", "compound", "nmod")}
    mods |= {t.lower_ for t in n.children if t.dep_ in ("amod", "compound", "nmod")}
    if mods & _words(ctx, "former_modifiers"):
        return replace(c, status="former")
    if mods & _words(ctx, "applicant_modifiers"):
        return replace(c, status="applicant")
    if any(t.lower_ in ("non", "non-member") for t in n.subtree if t.i <= n.i):
        # "non-EU member Norway", "a non-member": the role is denied
        return replace(c, negate=not c.negate)
    if _no_longer(ctx, n):
        # "Chile is no longer a member of X": it was one; the negation is of the present
        return replace(c, status="former", negate=not c.negate)
    return c


def _no_longer(ctx: SentenceContext, n: Token) -> bool:
    """ "no longer a member", "not a member any longer / anymore": a past membership."""
    v = n.head if n.dep_ in ("attr", "oprd") else n
    for a in (*v.children, *n.children):
        if a.lower_ == "anymore":
            return True
        if a.lower_ == "longer" and any(x.lower_ in ("no", "any") for x in a.children):
            return True
    return False
