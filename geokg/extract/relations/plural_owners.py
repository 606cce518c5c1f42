"""Plural possessives and pronouns that point to a pair or list: "their", "they".

:func:`split_owners` (via :func:`named_pair`) and :func:`held_together` read "their" on a
mutual relation noun, :func:`object_group` the coordinated object of the previous sentence
for "they"/"their" across sentences, :func:`reason_phrase` a noun's reason phrase.

"their" normally refers to a coordination ("Chile and Peru ended *their* dispute"), which
:func:`~geokg.extract.relations.pronouns.pronoun` resolves. In "Brazil never criticised
Chile's tariffs, and *their* partnership has grown" no coordination is named: the owners of a
mutual relation noun are the two states of the clause before it, split over different roles.
:func:`split_owners` takes them only where that reading is the only one: the noun names no
other party ("their ties *with Peru*" is another frame), the sentence names exactly two
entities of one kind (two states or two organizations) as parties (a patient, topic or
setting such as "Chile's seizure *of Bolivian boats*" or "criticized A *over B*" is none),
and no person or group, and no plural noun or other subject before "their" (officials,
rebels, "he") could be its antecedent.

:func:`reason_phrase` says when a relation noun is the reason of its verb ("cut ties with A
*over its ties with B*", "punished A *for* ..."): the verb does not act on the noun then, and
a noun cue's veto of that verb ("cut ties" ends them) does not apply to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.pairs import bilateral_pair

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.relations.lexicon import Cue
    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["held_together", "named_pair", "object_group", "reason_phrase", "split_owners"]

# prepositions that name the other party of a relation noun: "their ties *with* Peru"
_PARTY_PREPS = frozenset({"with", "between", "among", "to", "against", "toward", "towards"})
# the kinds a split pair may be: two states or two organizations, never a mix
_KINDS = frozenset({"Country", "Organization"})
# labels that make "their" ambiguous: people and armed or political groups may own it
_OTHER_OWNERS = frozenset({"Leader", "Person", "Group"})
# dependencies of a plural noun that could be the antecedent of "their"
_ANTECEDENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "conj", "appos", "attr"})
# prepositions whose object is a patient, topic or setting, never a party to "their X":
# "the invasion *of* Ukraine", "criticized A *over* B", "the war *in* B"
_SETTING_PREPS = frozenset(
    {"of", "over", "about", "in", "on", "into", "across", "near", "at", "since", "during",
     "after", "before", "amid", "despite"}
)  # fmt: skip
# prepositions of a reason phrase: "over its ties with B", "for their support of X"
_REASON_VIA = frozenset({"pobj:over", "pobj:for"})


def reason_phrase(via: str) -> bool:
    """Whether a noun hangs on its governing verb as the reason ("over", "for")."""
    return via in _REASON_VIA


def held_together(
    ctx: SentenceContext,
    owners: list[EntityAnnotation],
    cue: Cue,
    gov: Token | None,
    via: str,
) -> bool:
    """Whether the owners of a mutual relation noun hold it with each other ("Chile and Peru
    ended *their* dispute"): not when the verb whose object the noun is names the other party
    itself ("Egypt and Jordan renewed their treaties *with Israel*", the parser having hung
    "with Israel" on the verb).

    Args:
        ctx: The sentence of the noun.
        owners: The entities the noun's possessive and modifiers name.
        cue: The noun's cue entry.
        gov: The verb the noun is an argument of, if any.
        via: How the noun hangs on it ("dobj", "pobj:with", ...).
    """
    if len(owners) < 2 or not (cue.mutual or cue.reciprocal):
        return False
    if gov is None or via != "dobj":
        return True
    return not any(ctx.args(o) for _, o in ctx.prep_objects(gov, ("with", "between", "among")))


def named_pair(ctx: SentenceContext, n: Token, cue: Cue) -> list[EntityAnnotation]:
    """The two parties of a mutual relation noun that names none in its own frame: those of a
    "bilateral" noun (:func:`~geokg.extract.relations.pairs.bilateral_pair`), else the two
    owners of "their" named apart (:func:`split_owners`)."""
    return bilateral_pair(ctx, n, cue) or split_owners(ctx, n, cue)


def _setting(ctx: SentenceContext, ent: EntityAnnotation) -> bool:
    """Whether an entity is the object of a patient, topic or setting preposition, or of
    any preposition inside a noun phrase ("the invasion of Ukraine", "criticized A over B")."""
    root = ctx.root_of(ent)
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    return ctx.lemma(root.head) in _SETTING_PREPS or root.head.head.pos_ in ("NOUN", "PROPN")


def split_owners(ctx: SentenceContext, n: Token, cue: Cue) -> list[EntityAnnotation]:
    """The two owners of "their" on a mutual relation noun, named apart in the clause before.

    Args:
        ctx: The sentence of the noun.
        n: The relation noun (the caller has found no source and no target for it).
        cue: Its cue entry (only a mutual or reciprocal one holds between the two).

    Returns:
        The two entities, or ``[]`` when the reading is not the only one.
    """
    if not (cue.mutual or cue.reciprocal):
        return []
    their = next((c for c in n.children if c.dep_ == "poss" and c.lower_ == "their"), None)
    if their is None:
        return []
    if any(c.dep_ == "prep" and ctx.lemma(c) in _PARTY_PREPS for c in n.children):
        return []  # "their ties with Peru": another frame names the other party
    names: dict[str, EntityAnnotation] = {}
    for e in ctx.entities:
        if not ctx.in_sentence(ctx.doc[e.start]) or e.label.value == "Place":
            continue
        if e.label.value in _OTHER_OWNERS:
            return []  # a person or group may own it
        if _setting(ctx, e):
            continue  # "Russia's invasion of Ukraine", "over Ukraine": no owner of "their"
        names.setdefault(e.name, e)
    pair = list(names.values())
    if len(pair) != 2 or pair[0].label.value != pair[1].label.value:
        return []
    if pair[0].label.value not in _KINDS:
        return []
    for i in range(ctx.start, their.i):
        t = ctx.doc[i]
        if i in ctx.ent_at:
            continue
        if t.dep_ in ("nsubj", "nsubjpass") or (
            t.tag_ in ("NNS", "NNPS") and t.dep_ in _ANTECEDENT_DEPS
        ):
            # "the rebels vowed to continue their war", "A's wealthy invest in B to keep
            # their investment", "he said ...": a subject that is no entity may own it
            return []
    return pair


# the kinds a group named as an object may be for "they"/"their" in the next sentence
_GROUP_KINDS = frozenset({"Country", "Organization", "Group"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "dative"})


def object_group(prev: SentenceContext, subjects: list[Token]) -> list[EntityAnnotation]:
    """The coordinated object of the previous sentence as the antecedent of "they"/"their"
    when that sentence's subject is one entity: in "Kenya criticized Uganda and Rwanda on
    Monday. *Their* support for the rebels has grown." the plural pronoun cannot mean Kenya.

    Conservative: exactly one coordination of entities of one kind (states, organizations or
    groups) in the sentence, hanging on a main verb as its object ("criticized A and B") or
    in a phrase on it or on its object ("imposed curbs on A and B"), and no plural noun
    naming no entity (curbs, officials, rebels) that the pronoun could mean instead.

    Args:
        prev: The previous sentence.
        subjects: The subject tokens of its main clauses (the caller found one entity there).

    Returns:
        The entities of the group, or ``[]``.
    """
    verbs = {t.head.i for t in subjects}
    groups: list[list[EntityAnnotation]] = []
    for t in prev.tokens():
        if t.i in prev.ent_at:
            continue
        if t.tag_ in ("NNS", "NNPS") and t.dep_ in _ARGUMENT_DEPS:
            return []  # "imposed curbs on A and B. Their ...": the curbs may be meant
    for t in prev.tokens():
        if (
            t.dep_ == "conj"
            or t.i not in prev.ent_at
            or not any(c.dep_ == "conj" for c in t.children)
        ):
            continue
        members = [prev.ent_at[t.i]]
        members.extend(prev.ent_at[c.i] for c in t.conjuncts if c.i in prev.ent_at)
        groups.append(members)
        host = t.head.head if t.dep_ == "pobj" else t.head
        if host.dep_ == "dobj" and host.head.i in verbs and host.i not in prev.ent_at:
            # "imposed a ban on A and B" (not "criticized rebels from A and B")
            host = host.head
        if t.dep_ not in ("dobj", "pobj") or host.i not in verbs:
            return []  # a group that is no object of the main clause
    if len(groups) != 1:
        return []
    group = groups[0]
    labels = {e.label.value for e in group}
    names = {e.name for e in group}
    if len(labels) != 1 or not labels <= _GROUP_KINDS or len(names) < 2:
        return []
    return group
