"""Pronouns inside one sentence: :func:`pronoun` and :func:`referring_object`.

"it/its/itself" take a state or organization, "he/his/him" a person, "they/their/them" a
coordination of entities, a group or a pair nominal ("Chile and Peru said they ...", "both
sides recalled their envoys"); reflexives take the
subject of their clause; a fronted possessive refers forward ("In its bid to join the bloc,
Ghana ..."). What the sentence cannot resolve is handed to the discourse
(:class:`~geokg.extract.relations.context.Discourse`). The functions take the sentence's
:class:`~geokg.extract.relations.syntax.SentenceContext` as their first argument.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation, unique_spans
from geokg.extract.relations.act_agents import host_states
from geokg.extract.relations.fronted_clauses import continued_subject
from geokg.extract.relations.nominals import definite_antecedent
from geokg.extract.relations.pairs import pair_anaphor
from geokg.extract.relations.shared_subjects import (
    interrupted_subject,
    meeting_speaker,
    shared_subject_owner,
)
from geokg.extract.relations.speakers import FIRST_PERSON, first_person, speaker_side
from geokg.extract.relations.subjects import _VERBAL, claim_clause, climb_to_verb
from geokg.extract.relations.titled_owners import titled_owner
from geokg.extract.relations.warned_pronouns import warner_pronoun

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["pronoun", "referring_object"]


_STATES = frozenset({"Country", "Organization", "Group"})


_PEOPLE = frozenset({"Leader", "Person"})


_PLURAL = frozenset({"Country", "Organization", "Group", "Leader", "Person"})


_PRONOUN_LABELS: dict[str, frozenset[str]] = {
    "it": _STATES, "its": _STATES, "itself": _STATES,
    "he": _PEOPLE, "his": _PEOPLE, "him": _PEOPLE, "himself": _PEOPLE,
    "she": _PEOPLE, "her": _PEOPLE, "herself": _PEOPLE,
    "they": _PLURAL, "their": _PLURAL, "them": _PLURAL, "themselves": _PLURAL,
}  # fmt: skip


_SUBJ = frozenset({"nsubj", "nsubjpass"})


_REFLEXIVE = frozenset({"itself", "himself", "herself", "themselves"})


_POSSESSIVE = frozenset({"its", "his", "her", "their"})


# adjectives of a party's disposition to act: their "it" is the party ("it is ready to")
_WILLING = frozenset({"ready", "willing", "prepared", "eager", "keen", "determined", "able"}) | {
    "unable",
    "unwilling",
    "reluctant",
    "committed",
    "poised",
    "open",
}


def _expletive_it(tok: Token) -> bool:
    """ "it is likely that ...", "make it clear", "it seems": ``it`` refers to nothing."""
    head = tok.head
    deps = {c.dep_ for c in head.children}
    if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in (
        "be",
        "’",
        "'",
        "seem",
        "appear",
        "take",
        "remain",
    ):
        if not deps & {"ccomp", "csubj"} and any(
            c.dep_ == "acomp" and c.lemma_.lower() in _WILLING for c in head.children
        ):
            return False  # "Chile said it was ready to help Peru": a willing party
        return bool(deps & {"ccomp", "xcomp", "csubj"}) or "acomp" in deps
    if tok.dep_ == "dobj" and ("ccomp" in deps or "oprd" in deps or "xcomp" in deps):
        return True
    return tok.dep_ == "nsubj" and head.dep_ in ("ccomp", "xcomp") and head.pos_ == "ADJ"


def _relative_clauses_without(ctx: SentenceContext, tok: Token) -> set[int]:
    """Token indices inside relative clauses that do not contain ``tok``."""
    out: set[int] = set()
    for t in ctx.tokens():
        if t.i >= tok.i:
            break
        if t.dep_ in ("relcl", "acl") and not (t.left_edge.i <= tok.i <= t.right_edge.i):
            out.update(range(t.left_edge.i, t.right_edge.i + 1))
    return out


def pronoun(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation]:
    """The antecedent of a pronoun inside the sentence (nearest compatible mention before it).

    "it/its/itself" take a state or organization, "he/his/him" a person, "they/their/them"
    a coordination of entities or a group. Expletive "it" ("it is likely that") is skipped.
    Reflexives take the subject of their clause.
    """
    low = tok.lower_
    if low in FIRST_PERSON:
        return first_person(ctx, tok)  # "'We back Kenya,' Uganda said": the quote's speaker
    side = speaker_side(ctx, tok)
    if side:
        return side  # "Chilean official Ana Diaz says they will ...": Chile
    labels = _PRONOUN_LABELS.get(low)
    if labels is None:
        return []
    if low == "it" and (tok.dep_ == "expl" or _expletive_it(tok)):
        return []
    if low in _REFLEXIVE:
        v = climb_to_verb(tok.head, 4)
        agents, _ = ctx.subjects(v)
        found = [e for a in agents if a.i != tok.i and a.pos_ != "PRON" for e in ctx.args(a)]
        if found:
            return found
    if low in _POSSESSIVE and tok.dep_ == "poss":
        parallel = _parallel_possessor(ctx, tok) or _repeated_possessive(ctx, tok)
        if parallel is not None:
            return parallel
        shared = shared_subject_owner(ctx, tok, labels, labels is _PLURAL)
        if shared is not None:
            return shared  # "Japan called Korea and offered its help": Japan's help
    warner = warner_pronoun(ctx, tok, labels)
    if warner is not None:
        return warner  # "Chile warned Peru that it would ...": Chile
    denier = _denier(ctx, tok, labels)
    if denier:
        return denier
    continued = continued_subject(ctx, tok, labels, labels is _PLURAL)
    if continued is not None:
        return continued  # "While Chile backs Peru, it has ...": Chile
    if low not in _REFLEXIVE:
        aside = interrupted_subject(ctx, tok, labels, labels is _PLURAL)
        if aside is None:
            aside = meeting_speaker(ctx, tok, labels, labels is _PLURAL)
        if aside is not None:
            return aside  # "Kenya, after meeting Uganda, said its troops ...": Kenya's
    skip = _relative_clauses_without(ctx, tok)
    if low not in _POSSESSIVE and tok.dep_ in ("dobj", "dative", "pobj"):
        skip |= _own_subject_tokens(ctx, tok)
    passed: list[EntityAnnotation] = []
    for i in range(tok.i - 1, ctx.start - 1, -1):
        e = ctx.ent_at.get(i)
        if e is not None and low == "its" and i not in skip and _origin_of_thing(ctx, i):
            passed.append(e)  # "bought Chinese drones, angering its partners": not China's
            continue
        if e is None and labels is _PLURAL and i not in skip and ctx.doc[i].tag_ == "NNS":
            # "the two countries recalled their envoys": the pair the nominal stands for
            pair = pair_anaphor(ctx, ctx.doc[i])
            if pair:
                return pair
        if e is None and labels is _STATES and i not in skip and ctx.doc[i].dep_ in _SUBJ:
            # "the bloc said it would ...": the entity the description stands for
            named = definite_antecedent(ctx, ctx.doc[i])
            if named:
                return named
        if e is None or e.label.value not in labels or i in skip:
            continue
        owner = _owner_of_setting(ctx, e, labels) if low == "its" else None
        if owner is not None:
            return [owner]  # "Moscow's calculus in Syria ... its rivalry": Moscow's
        if labels is _PLURAL:
            t = ctx.doc[i]
            conj = [ctx.ent_at[c.i] for c in t.conjuncts if c.i in ctx.ent_at]
            if conj:
                return unique_spans([e, *conj])
            if e.label.value != "Group" and t.tag_ not in ("NNS", "NNPS"):
                # "Kenyan officials said they ...": the plural noun the entity modifies
                h = t.head
                if t.dep_ == "pobj" and h.head.i < tok.i and e in host_states(ctx, h.head):
                    return [e]  # "security forces in Mali said they ...": Mali
                if not (
                    t.dep_ in ("amod", "compound")
                    and h.tag_ in ("NNS", "NNPS")
                    and h.i < tok.i
                    and ctx.lemma(h) not in ctx.lex.private_nouns
                ):
                    continue
        return [e]
    if passed:
        return passed[:1]
    if labels is _PLURAL and tok.head.lower_ in ("between", "among"):
        # "a gulf of mistrust between them": the two entities named before
        names: dict[str, EntityAnnotation] = {}
        for e in ctx.entities:
            if e.end <= tok.i and e.label.value in _STATES:
                names.setdefault(e.name, e)
        if len(names) == 2:
            return list(names.values())
    if low in _POSSESSIVE:
        # "In its 2019 push to isolate Venezuela, Washington ...": a fronted possessive refers
        # forward to the main clause's subject
        root = tok
        hops = 0
        while root.head.i != root.i and hops < 12:
            root = root.head
            hops += 1
        agents, _ = ctx.subjects(root)
        ahead: list[EntityAnnotation] = []
        for a in agents:
            if a.i <= tok.i:
                continue
            # entity tokens and their modifiers only: no recursion into other pronouns
            for t in (a, *(c for c in a.children if c.dep_ in ("amod", "compound"))):
                e = ctx.ent_at.get(t.i)
                if e is not None and e.label.value in labels:
                    ahead.append(e)
        if ahead:
            return ahead[:1]
    titled = titled_owner(ctx, tok)
    if titled:
        return titled  # "Chile's president said his forces ...": Chile's forces
    if ctx.discourse is not None:
        return ctx.discourse.antecedent(ctx, tok)
    return []


# nouns a demonym on which names the state acting ("the Chinese embassy said its staff ...")
_ACTING_NOUNS = frozenset({"embassy", "ministry", "consulate", "parliament", "state", "side"})
# the object slots where a demonym tells where a thing comes from ("bought Chinese drones")
_THING_SLOTS = frozenset({"dobj", "pobj", "dative", "oprd"})


def _owner_of_setting(
    ctx: SentenceContext, e: EntityAnnotation, labels: frozenset[str]
) -> EntityAnnotation | None:
    """The owner of a noun on which the entity is only the place ("Moscow's calculus in
    Syria", "Turkey's troops in Iraq"): the owner acts there and is what "its" takes up."""
    t = ctx.root_of(e)
    if t.dep_ != "pobj" or ctx.lemma(t.head) != "in" or t.head.dep_ != "prep":
        return None
    for c in t.head.head.children:
        owner = ctx.ent_at.get(c.i)
        if c.dep_ == "poss" and owner is not None and owner.label.value in labels:
            return owner
    return None


def _origin_of_thing(ctx: SentenceContext, i: int) -> bool:
    """A demonym on an object noun that names a thing, not the state acting: "Hungary bought
    Chinese drones, angering its partners" (its = Hungary), "Kenya said it downed Somali
    drones over its territory". The government, the army and the embassy stay the state."""
    e = ctx.ent_at[i]
    t = ctx.root_of(e)
    if t.dep_ not in ("amod", "compound") or e.label.value != "Country" or t.pos_ == "PROPN":
        return False
    h = t.head
    if h.i in ctx.ent_at or h.pos_ != "NOUN":
        return False
    lem = ctx.lemma(h)
    lex = ctx.lex
    if lem in _ACTING_NOUNS or lem in lex.rule_nouns or lem in lex.led_actor_nouns:
        return False
    top = h
    hops = 0
    while top.dep_ == "conj" and hops < 6:
        top = top.head
        hops += 1
    return top.dep_ in _THING_SLOTS


def _denier(ctx: SentenceContext, tok: Token, labels: frozenset[str]) -> list[EntityAnnotation]:
    """ "Uganda denied Kenya's claims that it had armed the rebels": the subject pronoun of a
    claim's that-clause, where the claim is what the main subject denies or rejects, is that
    subject (the one the claim is about), not the nearer owner of the claim."""
    if tok.dep_ not in _SUBJ:
        return []
    clause = tok.head
    lex = ctx.lex
    claims = [clause.head, *(c for c in clause.head.children if c.dep_ == "dobj")]
    claim = next(
        (
            n
            for n in claims
            if n.i != clause.i
            and ctx.lemma(n) in lex.report_nouns
            and getattr(claim_clause(n), "i", None) == clause.i
        ),
        None,
    )
    if claim is None or claim.dep_ not in ("dobj", "nsubjpass"):
        return []
    verb = claim.head
    if ctx.lemma(verb) not in lex.denial_verbs and ctx.lemma(verb) not in lex.rejection_verbs:
        return []
    agents, _ = ctx.subjects(verb)
    return [e for a in agents if a.pos_ != "PRON" for e in ctx.args(a) if e.label.value in labels]


def referring_object(ctx: SentenceContext, tok: Token) -> bool:
    """An object "it"/"them" that takes up a subject named earlier in the sentence ("While
    this Belarus lasts, European leaders will isolate *it* ..."); other
    object pronouns often mean events or things and are not relation targets."""
    if tok.lower_ not in ("it", "them"):
        return False
    found = ctx.pronoun(tok)
    if not found:
        return False
    doc = ctx.doc
    return all(
        ctx.in_sentence(doc[e.start])
        and doc[e.end - 1].dep_ in ("nsubj", "nsubjpass")
        and e.end <= tok.i
        for e in found
    )


def _own_subject_tokens(ctx: SentenceContext, tok: Token) -> set[int]:
    """Tokens of the subject of an object pronoun's own clause: "European leaders will
    isolate *it*" — a plain pronoun object is never its clause's subject."""
    v = tok.head
    if tok.dep_ == "pobj" and v.dep_ == "prep":
        v = v.head
    if v.pos_ not in _VERBAL:
        return set()
    agents, patients = ctx.subjects(v)
    out: set[int] = set()
    for a in agents + patients:
        if a.i != tok.i:
            out.update(range(a.left_edge.i, a.right_edge.i + 1))
    return out


def _parallel_possessor(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation] | None:
    """A possessive on a later conjunct refers like the first conjunct's possessor: "Russia's
    ties with Turkey and its partnership with Iran", "its ties with A; its partnership with
    B; and its rapprochement with C" (not Turkey, not A)."""
    n = tok.head
    if n.dep_ != "conj":
        return None
    first = n
    hops = 0
    while first.dep_ == "conj" and first.head.i != first.i and hops < 8:
        first = first.head
        hops += 1
    for c in first.children:
        if c.dep_ != "poss" or c.i >= tok.i:
            continue
        if c.i in ctx.ent_at:
            return [ctx.ent_at[c.i]]
        if c.lower_ == tok.lower_:
            return ctx.pronoun(c)
    for i in range(ctx.start, tok.i):
        t = ctx.doc[i]
        if t.lower_ == tok.lower_ and t.dep_ == "poss":
            return ctx.pronoun(t)
    return None


def _repeated_possessive(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation] | None:
    """The same possessive twice in one clause refers to one holder: "India balanced its ties
    with Chile against its friendship with Peru" (its = India both times, not Chile)."""
    v = climb_to_verb(tok.head, 6)
    for i in range(ctx.start, tok.i):
        t = ctx.doc[i]
        if t.lower_ == tok.lower_ and t.dep_ == "poss" and climb_to_verb(t.head, 6).i == v.i:
            return ctx.pronoun(t) or None
    return None
