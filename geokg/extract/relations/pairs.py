"""Group nominals: "the two countries", "both sides", "the three nations", "the trio".

:func:`pair_anaphor` resolves a definite plural that counts its referents to exactly that many
entities of the kind its noun names: states for "countries", "nations", "governments",
"juntas", "NATO members"; people for "leaders", "presidents", "ministers"; any one kind for a
bare count ("the two", "all three", "both", "the pair", "the trio"), which must then find one
kind only. It takes the compatible entities before the nominal in its own sentence (exactly
that many, or one coordination of that size; "the latter two" the last two of a list), else
asks the sentence's discourse (:meth:`geokg.extract.relations.context.Discourse.group`) for
the group the previous sentences state together. A count or a kind that does not match
exactly resolves to nothing.
This module sits below :mod:`~geokg.extract.relations.syntax` (which calls it while resolving
arguments) and imports nothing above it at run time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from geokg.extract.relations.lexicon import Cue
    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["GROUP_WORDS", "bilateral_pair", "pair_anaphor"]


_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_DEFINITE = frozenset({"the", "these", "those"})
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
# nouns that are a counted group by themselves: "the pair", "the trio"
_COLLECTIVES = {"pair": 2, "duo": 2, "trio": 3, "quartet": 4}
# the kinds a bare count may name, each on its own: "the two" are two states, two
# organizations, two groups or two people, never a mix
_KINDS = (
    frozenset({"Country"}),
    frozenset({"Organization"}),
    frozenset({"Group"}),
    frozenset({"Leader", "Person"}),
)
# argument positions where a bare count ("the two", "all three", "both") stands for a group
_BARE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "conj"})
# members of a named organization are states ("the two NATO members"); of anything else
# ("the two committee members") they may be people
_MEMBER_NOUNS = frozenset({"member", "signatory"})
_COUNTRY = frozenset({"Country"})
_EVERY = frozenset({"each", "all", "both", "either"})
_PARTS = frozenset({"none", "some", "most", "many", "half", "part", "rest", "majority"})
# "the two sides of the border": the sides of a place are no parties
_SIDED_PLACES = frozenset(
    {"border", "frontier", "river", "strait", "sea", "ocean", "channel", "aisle", "line",
     "divide", "wall", "fence", "bridge", "street", "island", "coast", "mountain", "lake"}
)  # fmt: skip
# plurals that name a pair before them even uncounted: "the nuclear-armed neighbours"
_RIVAL_NOUNS = frozenset(
    {"neighbor", "neighbour", "rival", "foe", "adversary", "enemy", "belligerent"}
)
# plurals that name the pair just before when it was a pair ("The countries signed ...")
_PAIR_KIND_NOUNS = frozenset({"country", "nation", "leader", "president", "minister", "premier"})
# "bilateral ties", "bilateral trade": a relation noun that says it holds between two parties
_TWO_SIDED = frozenset({"bilateral"})
#: Words that can make a sentence's group nominal (the component looks for them).
GROUP_WORDS = frozenset({"both", *_COUNTS, *_COLLECTIVES, *_TWO_SIDED})


def _head_count(tok: Token) -> tuple[int, bool] | None:
    """``(count, latter)`` of a plural noun's group determiners ("the two", "both", "these
    four", "all three", "the latter two"), or ``None`` when it does not count definitely."""
    both = latter = every = False
    count = 0
    det = ""
    for c in tok.children:
        low = c.lower_
        if low == "both" and c.dep_ in ("det", "predet", "preconj"):
            both = True
        elif low in _COUNTS and c.dep_ == "nummod":
            count = _COUNTS[low]
            every = every or any(g.lower_ == "all" for g in c.children)
        elif low == "latter" and c.dep_ == "amod":
            latter = True
        elif low == "all" and c.dep_ in ("det", "predet"):
            every = True
        elif c.dep_ == "det":
            det = low
    if both and count in (0, 2):
        return 2, latter
    if count and (det in _DEFINITE or every):
        return count, latter
    return None


def _bare_count(ctx: SentenceContext, tok: Token) -> int | None:
    """The count of a bare group word standing as an argument: "the two", "all three",
    "both" (alone), "the pair", "the trio"."""
    low = tok.lower_
    if tok.dep_ not in _BARE_DEPS or any(
        c.dep_ == "prep" and not _of_them(c) for c in tok.children
    ):
        return None  # "the two of us", "both of the rebels": no bare group
    if low in _COLLECTIVES and tok.pos_ == "NOUN":
        dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
        if dets != ["the"] or any(c.dep_ in ("amod", "compound") for c in tok.children):
            return None  # "a pair", "the trio of experts": not the group named before
        return _COLLECTIVES[low]
    if low in _COUNTS and tok.pos_ == "NUM":
        if any(c.lower_ in _DEFINITE or c.lower_ == "all" for c in tok.children):
            return _COUNTS[low]
        return None
    if low == "both" and tok.pos_ in ("PRON", "DET") and all(_of_them(c) for c in tok.children):
        return 2
    return None


def _of_them(prep: Token) -> bool:
    """An "of them" on a bare count ("both of them", "the two of them", "all three of
    them"): the whole group, as the count alone."""
    objs = list(prep.children)
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and len(objs) == 1
        and objs[0].lower_ == "them"
        and not list(objs[0].children)
    )


def _uncounted_pair(ctx: SentenceContext, tok: Token) -> bool:
    """A definite plural of rivalry or neighbourhood that opens its sentence as its subject
    ("The nuclear-armed neighbours agreed ...", "The longtime foes signed ..."): the pair
    named before, though uncounted. Not "the allies" or "the partners" (often a wider camp),
    nor one with an owner, a phrase of its own or an entity inside ("the rivals of Iran",
    "the Gulf neighbours"), nor after an entity in its sentence."""
    lem = ctx.lemma(tok)
    if lem not in _RIVAL_NOUNS and lem not in _PAIR_KIND_NOUNS:
        return False
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss", "nummod", "predet")]
    if dets != ["the"]:
        return False
    if any(c.dep_ in ("prep", "relcl", "acl", "appos") or c.i in ctx.ent_at for c in tok.children):
        return False
    return not any(e.start < tok.i and ctx.in_sentence(ctx.doc[e.start]) for e in ctx.entities)


def _organization_modifier(ctx: SentenceContext, tok: Token) -> bool:
    for c in tok.children:
        e = ctx.ent_at.get(c.i)
        if c.dep_ in ("compound", "amod", "nmod") and e is not None:
            return e.label.value == "Organization"
    return False


def _partitive(tok: Token) -> bool:
    """ "one of the three", "some of the two countries": a part of the group, not the group
    ("each of", "all of", "both of" are every member)."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    part = tok.head.head
    if part.lower_ in _EVERY:
        return False
    return part.pos_ in ("NUM", "PRON", "DET", "ADJ") or part.lower_ in _PARTS


def _places(ctx: SentenceContext, tok: Token) -> bool:
    """ "the two sides of the border": sides of a place, not parties."""
    if ctx.lemma(tok) != "side":
        return False
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for o in c.children:
                if o.dep_ == "pobj" and (o.i in ctx.ent_at or ctx.lemma(o) in _SIDED_PLACES):
                    return True
    return False


def pair_anaphor(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation] | None:
    """The entities a group nominal ("the two countries", "both sides", "the trio") refers to.

    Args:
        ctx: The sentence of the nominal.
        tok: The nominal's head (a plural noun, a count word, "both", "pair", "trio").

    Returns:
        ``None`` when ``tok`` is no group nominal; otherwise its entities (from the sentence,
        or from the preceding ones through ``ctx.discourse``), or ``[]`` when unresolved.
    """
    lem = ctx.lemma(tok)
    labels = ctx.lex.pair_nouns.get(lem)
    if labels is None and lem in _MEMBER_NOUNS and _organization_modifier(ctx, tok):
        labels = _COUNTRY  # "the two NATO members", "both EU members": states
    if labels is not None and tok.tag_ in _PLURAL_TAGS:
        counted = _head_count(tok)
        if counted is None and _uncounted_pair(ctx, tok):
            counted = (2, False)  # "The nuclear-armed rivals agreed ...": the pair before
        if counted is None:
            return None
        if _partitive(tok) or _places(ctx, tok):
            return []
        n, latter = counted
        return _resolve(ctx, tok, labels, n, latter)
    if tok.lower_ not in GROUP_WORDS:
        return None
    n_bare = _bare_count(ctx, tok)
    if n_bare is None:
        return None
    if _partitive(tok):
        return []
    # a bare count names states or people: the kind that has such a group, never both
    found = [g for g in (_resolve(ctx, tok, k, n_bare, False) for k in _KINDS) if g]
    return found[0] if len(found) == 1 else []


def _resolve(
    ctx: SentenceContext, tok: Token, labels: frozenset[str], n: int, latter: bool
) -> list[EntityAnnotation]:
    inner = range(tok.left_edge.i, tok.right_edge.i + 1)
    before = [
        e
        for e in ctx.entities
        if e.end <= tok.i and e.label.value in labels and e.start not in inner
    ]
    if latter:
        # "Chile, Peru, Ghana and Kenya ... the latter two nations": the list's last two
        return _latter(ctx.doc, before, n)
    names = {e.name for e in before}
    if len(names) == n:
        return _first_per_name(before)
    if len(names) > n:
        groups = _coordinated_groups(ctx.doc, before, labels, n)
        return list(groups[0]) if len(groups) == 1 else []
    if ctx.discourse is None:
        return []
    # fewer than n named here ("Japan accused the two nations"): the group stated before
    return ctx.discourse.group(ctx.index, labels, n)


def _latter(doc: Doc, ents: list[EntityAnnotation], n: int) -> list[EntityAnnotation]:
    """The last ``n`` members of the nearest longer coordination before the nominal."""
    at = {i: e for e in ents for i in range(e.start, e.end)}
    for e in reversed(ents):
        t = doc[e.end - 1]
        group = _first_per_name([at[c.i] for c in (t, *t.conjuncts) if c.i in at])
        if len(group) > n:
            group.sort(key=lambda x: x.start)
            return group[-n:]
    return []


def _first_per_name(ents: list[EntityAnnotation]) -> list[EntityAnnotation]:
    """The first mention of each name, in order (callers expect two names or more)."""
    out: list[EntityAnnotation] = []
    for e in ents:
        if all(o.name != e.name for o in out):
            out.append(e)
    return out


def _coordinated_groups(
    doc: Doc, ents: list[EntityAnnotation], labels: frozenset[str], n: int
) -> list[tuple[EntityAnnotation, ...]]:
    """Distinct coordinations ("A and B", "A, B and C", "between A and B") of exactly ``n``
    compatible entities, each as its members in order of first mention. Members are linked
    by ``conj`` or, between two entity tokens, ``appos`` (the parser often reads the second
    item of "Mali, Burkina Faso and Niger" as an apposition of the first)."""
    at: dict[int, EntityAnnotation] = {}
    for e in ents:
        if e.label.value in labels:
            for i in range(e.start, e.end):
                at[i] = e
    seen: set[frozenset[str]] = set()
    out: list[tuple[EntityAnnotation, ...]] = []
    for e in ents:
        if e.label.value not in labels:
            continue
        group = _first_per_name(_linked(doc, e.end - 1, at))
        names = frozenset(g.name for g in group)
        if len(names) != n or names in seen:
            continue
        seen.add(names)
        out.append(tuple(sorted(group, key=lambda x: x.start)))
    return out


def _linked(doc: Doc, start: int, at: dict[int, EntityAnnotation]) -> list[EntityAnnotation]:
    """The entities coordinated with the one ending at token ``start`` (itself included)."""
    found = [start]
    done = {start}
    k = 0
    while k < len(found) and len(found) < 16:
        t = doc[found[k]]
        k += 1
        near = [c.i for c in t.conjuncts]
        near += [c.i for c in t.children if c.dep_ == "appos" and c.i in at]
        if t.dep_ == "appos" and t.i in at and t.head.i in at:
            near.append(t.head.i)
        for i in near:
            if i not in done and i in at:
                done.add(i)
                found.append(i)
    return [at[i] for i in found if i in at]


def bilateral_pair(ctx: SentenceContext, n: Token, cue: Cue) -> list[EntityAnnotation]:
    """The two states of a "bilateral" relation noun that names neither ("bilateral ties
    have improved"), found as for "the two countries": the two named before it in the
    sentence ("the leaders of A and B said bilateral ties had improved"), else the pair the
    previous sentences state together
    (:meth:`~geokg.extract.relations.context.Discourse.group`); and only where the sentence
    names no other state (a third one makes the pair unclear).

    Args:
        ctx: The sentence of the noun.
        n: The relation noun (the caller has found no party in its phrase or clause).
        cue: Its cue entry (only a mutual or reciprocal one holds between two).

    Returns:
        The two states, or ``[]``.
    """
    if (
        ctx.discourse is None
        or not (cue.mutual or cue.reciprocal)
        or not any(c.dep_ == "amod" and c.lower_ in _TWO_SIDED for c in n.children)
    ):
        return []
    pair = _resolve(ctx, n, _COUNTRY, 2, False)
    names = {e.name for e in pair}
    if len(names) != 2 or any(
        e.label.value == "Country" and e.name not in names for e in ctx.entities
    ):
        return []
    return pair
