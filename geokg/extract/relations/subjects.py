"""The logical subjects of a verb: :func:`subjects`, :func:`is_passive`, purpose clauses.

Follows subject and object control ("declined to meet", "urged X to join"), shared subjects
of coordinated verbs, relative clauses, participles modifying a noun ("the Chad-led force")
and gerunds after prepositions ("accused Canada of helping"). The functions take the
sentence's :class:`~geokg.extract.relations.syntax.SentenceContext` as their first argument.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.act_agents import attack_in_agents
from geokg.extract.relations.attempts import acting_modifiers, thwarted_attempt, to_infinitive
from geokg.extract.relations.co_agents import co_agents

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import SentenceContext

__all__ = [
    "climb_to_verb",
    "climbs_to",
    "headline_subject",
    "is_passive",
    "is_purpose_clause",
    "misread_acl_clause",
    "rather_than",
    "subjects",
    "to_infinitive",
]

_SUBJ = frozenset({"nsubj", "csubj", "expl-none"})
_RELATIVE = frozenset({"which", "who", "that", "whom", "whose"})
_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "X"})
# subordinators of a subjectless participle clause ("while supporting", "after meeting")
_PARTICIPLE_MARKS = frozenset({"while", "when", "after", "before", "since", "by", "upon", "once"})

# verbs whose prepositional object controls their infinitive: "called on Peru to ..."
_PREP_CONTROL = {"call": "on", "prevail": "on", "appeal": "to", "count": "on", "rely": "on"}


def rather_than(ctx: SentenceContext, clause: Token) -> bool:
    """A bare clause after "rather than" / "instead of" ("negotiated rather than *attack*");
    the adverb hangs on the connective or on the clause."""
    pairs = ctx.lex.negating_adverbials
    return any(
        m.dep_ in ("mark", "prep")
        and m.i < clause.i
        and any(
            c.dep_ == "advmod" and ctx.lemma(m) in pairs.get(ctx.lemma(c), ())
            for c in (*m.children, *clause.children)
        )
        for m in clause.children
    )


def climbs_to(
    tok: Token, target: Token, *, stop_deps: frozenset[str] = frozenset(), limit: int = 12
) -> bool:
    """Whether ``target`` is ``tok`` or one of its heads, climbing at most ``limit`` heads and
    never out of a token whose dependency is in ``stop_deps`` (a relative clause, say)."""
    node = tok
    for _ in range(limit):
        if node.i == target.i:
            return True
        if node.dep_ in stop_deps or node.head.i == node.i:
            return False
        node = node.head
    return False


def climb_to_verb(tok: Token, limit: int) -> Token:
    """The nearest verb at or above ``tok``, climbing at most ``limit`` heads; where none is
    reached, the token the climb stopped at (callers check its part of speech)."""
    v = tok
    hops = 0
    while v.pos_ not in _VERBAL and v.head.i != v.i and hops < limit:
        v = v.head
        hops += 1
    return v


def is_purpose_clause(v: Token) -> bool:
    """An adverbial infinitive clause ("moved troops *to encircle* Kyiv")."""
    return v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


_COMMA_DEPS = frozenset({"npadvmod", "nsubj", "dep", "appos", "advmod"})


def is_passive(ctx: SentenceContext, v: Token) -> bool:
    """Whether a verb is in the passive voice (or a past participle modifying a noun)."""
    for c in v.children:
        if c.dep_ in ("nsubjpass", "auxpass", "csubjpass"):
            return True
    return v.tag_ == "VBN" and v.dep_ in ("acl", "amod") and not misread_acl_clause(v)


def _comma_subjects(ctx: SentenceContext, v: Token, subj: Token) -> list[Token]:
    """Headline coordination without "and": in "Iran, Egypt agree to ..." the parser
    hangs "Iran" on the verb; an entity joined to the subject by a comma alone is one."""
    out: list[Token] = []
    doc = ctx.doc
    i = subj.left_edge.i
    while i - 2 >= ctx.start and doc[i - 1].text == ",":
        prev = doc[i - 2]
        if prev.i not in ctx.ent_at or prev.head.i != v.i or prev.dep_ not in _COMMA_DEPS:
            break
        out.append(prev)
        i = prev.left_edge.i
    return out


def _listed_before(ctx: SentenceContext, v: Token) -> list[Token]:
    """The rest of a subject list the parser joined to a verb tagged as a noun: in
    "Chile, Peru and Bolivia contest X's claims" the verb hangs as the last conjunct of
    "Chile"; each entity the chain passes through (and its other conjuncts) is a subject."""
    out: list[Token] = []
    tok = v
    while tok.dep_ == "conj" and tok.head.i < tok.i and tok.head.i in ctx.ent_at:
        tok = tok.head
        out.append(tok)
        out.extend(
            c
            for c in tok.children
            if c.dep_ == "conj" and c.i < v.i and c.i in ctx.ent_at and c not in out
        )
    return out


def misread_clause(ctx: SentenceContext, v: Token) -> tuple[Token, Token] | None:
    """``(subject, object)`` of a clause the parser read as a noun phrase.

    "Trump hosted Erdogan at ...": the root is a name modified by the verb, and the name
    right before the verb hangs on the root or is the verb's subject; two distinct entities.
    Not "the Saudi-led coalition" (hyphenated, the name on the participle) nor "a Qatar
    hosted summit" (the root is no entity) nor a sentence with a verb as its root.
    """
    head = v.head
    if (
        v.dep_ != "amod"
        or v.tag_ not in ("VBN", "VBD")
        or head.dep_ != "ROOT"
        or head.i < v.i
        or head.i not in ctx.ent_at
    ):
        return None
    prev = ctx.doc[v.i - 1]
    attached = (prev.head.i == head.i and prev.dep_ in ("nmod", "compound")) or (
        prev.head.i == v.i and prev.dep_ == "nsubj"
    )
    if attached and prev.i in ctx.ent_at and ctx.ent_at[prev.i] is not ctx.ent_at[head.i]:
        return prev, head
    return None


def misread_acl_clause(v: Token) -> bool:
    """ "The Saudi-led coalition bombed Yemen": the parser made the subject the root and the
    verb right after it a participle on it; a participle takes no direct object, so with one
    the noun is the verb's subject (only where the sentence has no other root verb)."""
    head = v.head
    return (
        v.tag_ in ("VBN", "VBD")
        and head.dep_ == "ROOT"
        and head.pos_ in ("NOUN", "PROPN")
        and v.i == head.i + 1
        and any(c.dep_ == "dobj" for c in v.children)
    )


def headline_subject(ctx: SentenceContext, v: Token) -> Token | None:
    """The subject of a headline's future "X to VERB": "Chile to visit Peru next week".

    The parser reads the line as a noun modified by an infinitive, or as the infinitive with
    the noun hanging loose before it ("dep"); where that noun opens the sentence, is a named
    entity and no argument of another word, it is the verb's subject ("a country to visit").
    """
    head = v.head  # the loose noun of a root infinitive: "Chile to sanction Peru"
    if v.dep_ == "ROOT":
        head = next((c for c in v.lefts if c.dep_ in ("dep", "npadvmod")), v)
    if v.dep_ not in ("relcl", "acl", "ROOT") or not to_infinitive(v) or head.i >= v.i:
        return None
    if head.i not in ctx.ent_at or head.left_edge.i != ctx.start:
        return None
    if head.dep_ not in ("ROOT", "dep", "nsubj") or any(c.dep_ == "det" for c in head.children):
        return None
    return head


def _controllers(
    ctx: SentenceContext, gov: Token, agents: list[Token], patients: list[Token]
) -> list[Token]:
    """Who does what a verb's complement says: its subjects; in a passive both the by-agent
    and the subject, except for an object-control verb, whose passive subject is its object
    ("Peru was accused by Chile of arming the rebels": Peru armed them)."""
    if not ctx.is_passive(gov):
        return agents
    if patients and ctx.lemma(gov) in ctx.lex.object_control:
        return patients
    return agents + patients


def claim_clause(n: Token) -> Token | None:
    """The that-clause a noun states ("the allegation that Y armed ..."), also where the
    parser hung it on the verb the noun is the object of ("denied X's claims that Y ...")."""
    for c in n.children:
        if c.i > n.i and c.dep_ in ("acl", "ccomp") and c.pos_ in _VERBAL and _that(c):
            return c
    if n.dep_ in ("dobj", "nsubjpass"):
        for c in n.head.children:
            if (
                c.i > n.i
                and c.dep_ in ("ccomp", "advcl")
                and _that(c)
                and c.left_edge.i == n.right_edge.i + 1
            ):
                return c
    return None


def _that(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def _authors(ctx: SentenceContext, doc_noun: Token, depth: int) -> list[Token]:
    """Who wrote a statement, letter or report ("Kenya issued a statement accusing Y", "said
    in a letter urging Y", "Chile's note protesting ..."): its owner or a name modifying it,
    its "by"/"from" phrase, else the subject of the verb it is the object of (or of the verb
    its "in" phrase hangs on)."""
    found = [
        c
        for c in doc_noun.children
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.i in ctx.ent_at)
    ]
    found.extend(p for _, p in ctx.prep_objects(doc_noun, ("by", "from")))
    if found:
        return found
    gov = doc_noun.head
    if doc_noun.dep_ == "pobj" and ctx.lemma(gov) == "in":
        gov = gov.head
    elif doc_noun.dep_ != "dobj":
        return []
    if gov.pos_ not in _VERBAL or gov.i == doc_noun.i:
        return []
    a, p = ctx.subjects(gov, depth + 1)
    return a + p if ctx.is_passive(gov) else a


def subjects(ctx: SentenceContext, v: Token, depth: int = 0) -> tuple[list[Token], list[Token]]:
    """The logical subjects of a verb: ``(agents, passive patients)``.

    Follows subject and object control ("declined to meet", "urged X to join"),
    shared subjects of coordinated verbs, relative clauses, participles modifying a noun
    ("the jet shot down by ...", "Syrian-backed militia") and gerunds after prepositions
    ("accused Russia of bombing").
    """
    agents: list[Token] = []
    patients: list[Token] = []
    for c in v.children:
        dep = c.dep_
        if dep in _SUBJ:
            agents.append(c)
        elif dep in ("nsubjpass", "csubjpass"):
            patients.append(c)
        elif dep == "agent":
            agents.extend(g for g in c.children if g.dep_ == "pobj")
        elif dep == "oprd" and any(x.dep_ in ("auxpass", "nsubjpass") for x in v.children):
            # "Peru was held responsible by Chile": the "by" phrase hung on the complement
            agents.extend(
                g
                for b in c.children
                if b.dep_ in ("prep", "agent") and b.lower_ == "by"
                for g in b.children
                if g.dep_ == "pobj"
            )
    if not agents and not patients:
        # the parser hangs the subject on the auxiliary: "that Iran *had* armed ...",
        # "Chile *is* opposed to Peru"
        for aux in v.children:
            if aux.dep_ in ("aux", "auxpass"):
                agents.extend(c for c in aux.children if c.dep_ == "nsubj")
                patients.extend(c for c in aux.children if c.dep_ == "nsubjpass")
    if not agents and v.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "dobj" for c in v.children):
        # a verb tagged as a noun ("Chile and Bolivia contest Peru's claims"): the names
        # the parser hung before it as modifiers are its subject
        agents.extend(
            c
            for c in v.children
            if c.dep_ in ("nmod", "compound") and c.i < v.i and c.i in ctx.ent_at
        )
        if agents:
            agents.extend(_listed_before(ctx, v))
    if agents:
        agents.extend(_comma_subjects(ctx, v, agents[0]))
        agents.extend(co_agents(ctx, v, agents[0]))
    dep = v.dep_
    if (
        dep == "acl"
        and v.tag_ == "VBN"
        and not patients
        and v.head.i != v.i
        and any(c.dep_ == "agent" for c in v.children)
    ):
        # "the Houthis, backed by Iran, ...": the noun the participle modifies is its
        # patient, the by-phrase its agent
        patients.append(v.head)
    if dep == "relcl":
        head = v.head
        agents = [head if ctx.lemma(a) in _RELATIVE else a for a in agents]
        patients = [head if ctx.lemma(p) in _RELATIVE else p for p in patients]
    if agents or patients or depth > 6:
        return agents or attack_in_agents(ctx, v, patients), patients  # "killed in X's raid"
    if (headline := headline_subject(ctx, v)) is not None:
        return [headline], []  # "Chile to visit Peru": a headline's future
    head = v.head
    if head.i == v.i:
        return agents, patients
    if dep in ("acomp", "oprd") and head.pos_ in _VERBAL:
        return ctx.subjects(head, depth + 1)
    if dep == "xcomp" or (dep == "ccomp" and any(c.dep_ == "aux" for c in v.children)):
        if ctx.lemma(head) in ctx.lex.object_control:
            objs = ctx.children(head, "dobj")
            if objs:
                return objs, []
        via = _PREP_CONTROL.get(ctx.lemma(head))
        if via and (objs := [o for p, o in ctx.prep_objects(head, {via}) if o.i < v.i]):
            return objs, []  # "called on Peru to stop attacking Chile": Peru stops
        a, p = ctx.subjects(head, depth + 1)
        return _controllers(ctx, head, a, p), []
    if dep == "conj" and head.pos_ in _VERBAL:
        return ctx.subjects(head, depth + 1)
    if dep == "pcomp":
        gov = head.head
        if gov.pos_ in _VERBAL:
            pairs = ctx.lex.negating_adverbials  # "praised X instead of criticizing Y": not X
            instead = any(ctx.lemma(head) in pairs.get(ctx.lemma(c), ()) for c in head.children)
            objs = [] if instead else ctx.children(gov, "dobj")
            # "accused Peru of arming ...": the object controls a gerund after it, not one
            # before ("Before sanctioning X, Y held talks")
            if objs and ctx.lemma(gov) in ctx.lex.object_control and head.i > objs[0].i:
                return objs, []
            a, p = ctx.subjects(gov, depth + 1)
            return _controllers(ctx, gov, a, p), []
        if gov.pos_ in _NOMINAL:
            poss = ctx.children(gov, "poss")
            if poss:
                return poss, []
            if (
                gov.dep_ == "dobj"
                and head.dep_ == "prep"
                and ctx.lemma(gov.head) in ctx.lex.object_control
            ):
                # "accused Armenian-backed rebels of shelling ...": the parser hangs "of" on
                # the object, which is still the gerund's subject (not the accuser)
                return [gov], []
            # "in the hope of countering", "with the goal of isolating": the clause's subject
            up = gov.head
            if gov.dep_ in ("pobj", "dobj") and up.dep_ == "prep":
                up = up.head
            if up.pos_ in _VERBAL and up.i != v.i:
                a, p = ctx.subjects(up, depth + 1)
                return (a + p if ctx.is_passive(up) else a), []
            return [gov], []
        if (
            gov.pos_ in ("ADV", "ADJ")
            and gov.dep_ in ("advmod", "npadvmod")
            and gov.head.pos_ in _VERBAL
            and ctx.lemma(head) in ctx.lex.negating_adverbials.get(ctx.lemma(gov), ())
        ):
            # "stopped short of recognizing", "is far from backing", "instead of meeting":
            # the subject of the clause the adverbial modifies
            a, p = ctx.subjects(gov.head, depth + 1)
            return (a + p if ctx.is_passive(gov.head) else a), []
        if gov.pos_ == "ADJ" and gov.dep_ == "acomp" and gov.head.pos_ in _VERBAL:
            # "Kenya is close to realigning with X", "keen on deepening ties": the subject
            # of the adjective's clause
            a, _ = ctx.subjects(gov.head, depth + 1)
            return a, []
        return agents, patients
    if (
        dep == "relcl"
        and v.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
    ):
        dep = "acl"  # "found a way to support Uganda": an infinitive, not a relative clause
    if dep == "acl":
        if misread_acl_clause(v):
            return [head], []
        if v.tag_ == "VBN":
            return agents, [head]
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            # "a proposal for the council to lift sanctions": "for X to" names the doer
            doers = [
                o
                for p in ctx.children(head, "prep")
                if p.lower_ == "for" and p.i < v.i
                for o in ctx.children(p, "pobj")
                if o.i == v.i - 2 or o.right_edge.i == v.i - 2
            ]
            if doers:
                return doers, []
            owners = ctx.children(head, "poss")
            if not owners:
                owners = [c for c in head.children if c.dep_ in ("amod", "compound")]
                owners = acting_modifiers(ctx, head, [c for c in owners if c.i in ctx.ent_at])
            if not owners and thwarted_attempt(ctx, head):
                return [], []  # "resisted attempts to isolate X": the attempt is not theirs
            if not owners and head.dep_ in ("dobj", "attr", "pobj", "nsubjpass"):
                # "signed an agreement to increase trade": the signers
                up = head.head
                if head.dep_ == "pobj" and up.dep_ == "prep":
                    up = up.head
                if up.pos_ in _VERBAL:
                    a, p = ctx.subjects(up, depth + 1)
                    return (a + p if ctx.is_passive(up) else a), []
            return owners, []
        if ctx.lemma(head) in ctx.lex.speech_documents:
            return _authors(ctx, head, depth) or [head], []
        return [head], []
    if dep == "amod" and v.tag_ in ("VBN", "VBD"):
        mods = [c for c in v.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod")]
        return mods, [head]
    # "..., the West moved to isolate Russia": a purpose clause shares the subject
    if (
        is_purpose_clause(v)
        or (
            dep == "advcl"
            and v.tag_ in ("VBG", "VBN")
            and all(ctx.lemma(m) in _PARTICIPLE_MARKS for m in ctx.children(v, "mark"))
        )
        or (dep == "advcl" and rather_than(ctx, v))
    ):
        # "..., while backing the Libyan government", "after meeting Lula": the
        # participle shares the main clause's subject
        a, p = ctx.subjects(head, depth + 1)
        return (a + p if ctx.is_passive(head) else a), []
    return agents, patients
