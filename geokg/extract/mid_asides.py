"""The ``geokg_mid_asides`` component: a clause that an aside after its subject broke.

News sets an aside off with commas right after the name that opens a sentence: an apposition
("Chile, a country of some 19 million people, criticized Peru") or a relative clause ("Chile,
which has long claimed the coast, criticized Peru"). The small model then often loses the verb
after the aside: it reads it as an adjective or a modifier of the next noun ("annexed" an
``amod``, "criticized" an ``acl`` of the name) and makes the name the sentence's root, so no
rule finds the verb's agent. Without the aside, the model reads the same clause right.

So where the signs hold, the name and the words after the aside are parsed again alone (one
batch per document), and if that reading has a finite verb with a subject after the aside,
it replaces the old one (tags, lemmas, heads, labels) on those words; the aside keeps its own
reading and hangs on the name (``relcl`` or ``appos``), its commas too. Tokens, offsets and
entities never change. The signs, all required:

* the sentence opens with a name (the words before its first comma all belong to names the
  recogniser found, but for "the" and "and": "The United States", "Chile and Peru");
* the aside runs to the next comma and is a relative clause ("which", "who") or a noun phrase
  holding no tensed verb, and it names no party itself (an apposition that states a relation,
  "Chile, an ally of Peru, ...", keeps the model's reading);
* the word after the aside is a lowercase word, and no word after it is a finite verb with a
  subject heading a clause (a finite clause always has one: its absence is the misreading);
* the name and the words after the aside name two parties, or one and a pronoun that may stand
  for another (parsing is the pipeline's dearest step).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.language import Language

from geokg.extract.fronted_phrases import _finite, _has_subject
from geokg.extract.reparse import ACTOR_LABELS, may_relate, parse_alone

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token
    from thinc.types import Ints2d

__all__ = ["MidAsides", "aside_bounds", "make_mid_asides"]

_MAX_TOKENS = 60
_MAX_NAME = 8
_MAX_ASIDE = 25
_MAX_TIME = 5
# prepositions that open a date between a name and its verb ("Chile on Tuesday criticized ...")
_TIME_PREPS = frozenset({"on", "in", "earlier", "late", "last", "this"})
_RELATIVES = frozenset({"which", "who", "whose", "whom"})
_TENSED = frozenset({"VBD", "VBZ", "VBP", "MD"})
_BREAKS = frozenset({";", "—", "–", "(", ")", ":", '"', "“", "”", "'", "‘", "’"})
_VERBAL = frozenset({"VERB", "AUX"})
# the labels a clause's verb takes (a verb read as an ``amod`` or ``acl`` heads no clause)
_CLAUSE_DEPS = frozenset(
    {"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis", "xcomp", "pcomp", "csubj"}
)


def _opening_name(sent: Span, end: int) -> bool:
    """Whether ``sent``'s words before ``end`` are one opening name (or two joined by "and")."""
    name = sent.doc[sent.start : end]
    if not 1 <= len(name) <= _MAX_NAME or name[-1].ent_type_ not in ACTOR_LABELS:
        return False
    return all(t.ent_type_ in ACTOR_LABELS or t.lower_ in ("the", "and") for t in name)


def _comma_aside(sent: Span) -> tuple[int, int, str] | None:
    """The apposition or relative clause between the opening name and the next comma."""
    doc = sent.doc
    commas = [t.i for t in sent if t.text == ","]
    if len(commas) < 2 or not _opening_name(sent, commas[0]):
        return None
    first, second = commas[0], commas[1]
    aside = doc[first + 1 : second]
    if not 2 <= len(aside) <= _MAX_ASIDE or any(t.ent_type_ in ACTOR_LABELS for t in aside):
        return None
    if aside[0].lower_ in _RELATIVES:
        return first, second + 1, "relcl"
    if aside[0].pos_ in _VERBAL or any(
        t.tag_ in _TENSED and not _relative(t, aside) for t in aside
    ):
        return None  # "Chile, said the minister, ...": no noun phrase
    return first, second + 1, "appos"


def _relative(tok: Token, aside: Span) -> bool:
    """Whether ``tok`` lies in a relative clause inside the aside ("a neighbour that has ...")."""
    return any(
        a.dep_ == "relcl" and aside.start <= a.i < aside.end and a.i != aside.start
        for a in (tok, *tok.ancestors)
    )


def _time_aside(sent: Span) -> tuple[int, int, str] | None:
    """A date after the opening name, with its preposition or without ("on Tuesday")."""
    doc = sent.doc
    first = next((t.i for t in sent if t.ent_type_ == "DATE" or t.lower_ in _TIME_PREPS), None)
    if first is None or not _opening_name(sent, first):
        return None
    i = first + 1 if doc[first].lower_ in _TIME_PREPS else first
    end = i
    while end < sent.end and end - first <= _MAX_TIME and doc[end].ent_type_ == "DATE":
        end += 1
    if end == i or end - first > _MAX_TIME:
        return None
    return first, end, "time"


def aside_bounds(sent: Span) -> tuple[int, int, str] | None:
    """The aside after the sentence's opening name, where it may have broken the clause.

    Args:
        sent: A parsed sentence.

    Returns:
        ``(name_end, rest_start, kind)``: the name is ``sent.start .. name_end``, the aside
        (with its commas) ``name_end .. rest_start``, and ``kind`` is ``relcl``, ``appos`` or
        ``time``; ``None`` where the signs do not all hold.
    """
    doc = sent.doc
    if len(sent) > _MAX_TOKENS or any(t.text in _BREAKS for t in sent):
        return None
    found = _comma_aside(sent) or _time_aside(sent)
    if found is None:
        return None
    rest_start = found[1]
    if rest_start + 1 >= sent.end:
        return None
    nxt = doc[rest_start]
    if not (nxt.is_alpha and nxt.is_lower):
        return None
    rest = doc[rest_start : sent.end]
    if any(_clause_verb(t) for t in rest):
        return None
    return found


def _clause_verb(tok: Token) -> bool:
    """Whether ``tok`` heads a finite clause with a subject (not a verb read as a modifier,
    "Bolivia on Tuesday hurled accusations ...": "hurled" an ``amod`` with a subject)."""
    return tok.pos_ in _VERBAL and tok.dep_ in _CLAUSE_DEPS and _finite(tok) and _has_subject(tok)


# a sentence to read again: its start, where its name ends, where the rest starts, the kind
_Aside = tuple[int, int, int, str]


class MidAsides:
    """Re-read the clause of a sentence that an aside after its opening name broke.

    Args:
        nlp: The pipeline whose own tagger and parser re-read the clause.
        name: The component's name.
    """

    def __init__(self, nlp: Language, name: str = "geokg_mid_asides") -> None:
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Mend every sentence of the Doc in place (all re-reads in one batch)."""
        if not doc.has_annotation("DEP"):
            return doc
        todo: list[tuple[_Aside, Doc]] = []
        for sent in doc.sents:
            found = aside_bounds(sent)
            if found is None:
                continue
            name_end, rest_start, kind = found
            name, rest = doc[sent.start : name_end], doc[rest_start : sent.end]
            if not may_relate(name, rest):
                continue
            made = self._prepare(name, rest)
            if made is not None:
                todo.append(((sent.start, name_end, rest_start, kind), made))
        if not todo:
            return doc
        docs = parse_alone(self.nlp, [made for _, made in todo])
        for (aside, _), new in zip(todo, docs, strict=True):
            _splice(doc, aside, new)
        return doc

    def _prepare(self, name: Span, rest: Span) -> Doc | None:
        """The name and the words after the aside as one sentence, tokenised as in the Doc."""
        made = self.nlp.make_doc(f"{name.text} {rest.text}")
        words = [t.text for t in name] + [t.text for t in rest]
        if [t.text for t in made] != words:
            return None
        return made


def _splice(doc: Doc, aside: _Aside, new: Doc) -> bool:
    """Splice the reading ``new`` of the name and the words after the aside in, where it has
    one root, a finite verb with a subject after the aside; hang an apposition or a relative
    clause (and its commas) on the name, a date on the verb."""
    start, name_end, rest_start, kind = aside
    n_name = name_end - start
    roots = [t for t in new if t.head.i == t.i]
    if len(roots) != 1:
        return False
    root = roots[0]
    if root.i < n_name or root.pos_ not in _VERBAL or not _finite(root) or not _has_subject(root):
        return False
    name_tops = [t for t in new[:n_name] if t.head.i >= n_name]
    if len(name_tops) != 1:
        return False
    commas = (name_end, rest_start - 1) if kind != "time" else ()
    inner = doc[name_end + len(commas) // 2 : rest_start - len(commas) // 2]
    tops = [t for t in inner if not inner.start <= t.head.i < inner.end or t.head.i == t.i]
    if kind != "time":
        # the aside hangs on the name by one word; any other word of it the model hung
        # outside it ("closely" on a noun after the comma) goes back to that word
        tops = sorted(tops, key=lambda t: not start <= t.head.i < name_end)
        if not tops or not start <= tops[0].head.i < name_end:
            return False
        if any(start <= t.head.i < name_end for t in tops[1:]):
            return False

    def place(j: int) -> int:
        return start + j if j < n_name else rest_start + (j - n_name)

    attrs = [TAG, POS, LEMMA, DEP, HEAD]
    arr = doc.to_array(attrs)
    heads = arr.view("int64")
    sub = new.to_array(attrs)
    h, d = attrs.index(HEAD), attrs.index(DEP)
    strings = doc.vocab.strings
    for t in new:
        i = place(t.i)
        arr[i] = sub[t.i]
        heads[i, h] = place(t.head.i) - i
    if kind == "time":
        _hang_date(doc, inner, place(root.i), heads, arr)
    else:
        host = place(name_tops[0].i)
        heads[tops[0].i, h] = host - tops[0].i
        arr[tops[0].i, d] = strings.add(kind)
        for t in tops[1:]:
            heads[t.i, h] = tops[0].i - t.i
    for i in commas:
        heads[i, h] = host - i
        arr[i, d] = strings.add("punct")
    doc.from_array(attrs, cast("Ints2d", arr))
    return True


def _hang_date(doc: Doc, inner: Span, verb: int, heads: Any, arr: Any) -> None:
    """Hang a date ("on Tuesday", "last week") on the verb: its preposition as ``prep`` with
    the date's last word its ``pobj``, or the date's last word as ``npadvmod``; the date's other
    words on its last word, as the model read them where it hung them inside the date."""
    attrs = [TAG, POS, LEMMA, DEP, HEAD]
    h, d = attrs.index(HEAD), attrs.index(DEP)
    strings = doc.vocab.strings
    prep = inner[0] if inner[0].lower_ in _TIME_PREPS and inner[0].ent_type_ != "DATE" else None
    date = inner[1:] if prep is not None else inner
    last = date[-1].i
    for t in date[:-1]:
        if not date.start <= t.head.i < date.end or t.head.i == t.i:
            heads[t.i, h] = last - t.i
            arr[t.i, d] = strings.add("compound")
    if prep is not None:
        heads[prep.i, h] = verb - prep.i
        arr[prep.i, d] = strings.add("prep")
        heads[last, h] = prep.i - last
        arr[last, d] = strings.add("pobj")
    else:
        heads[last, h] = verb - last
        arr[last, d] = strings.add("npadvmod")


@Language.factory(
    "geokg_mid_asides",
    assigns=["token.tag", "token.pos", "token.lemma", "token.dep", "token.head"],
    requires=["token.pos", "token.dep"],
)
def make_mid_asides(nlp: Language, name: str) -> MidAsides:
    """spaCy factory of :class:`MidAsides` (entry point ``geokg_mid_asides``)."""
    return MidAsides(nlp, name)
