"""The ``geokg_reported_clauses`` component: a reported statement read as the model reads it alone.

Wire copy wraps a statement in its attribution: "Chile exports copper to China, officials
said", "'Chile exports copper to China,' the minister said", "A spokesman said that Chile
exports copper to China". The statement is the same, but the small model often reads it worse
with the attribution around it: before a trailing ", officials said" it read "exports" as a
compound of "copper" and no cue fired, where it reads the bare sentence right. The relation
rules are written and tested on such bare sentences.

So where a sentence is one statement plus its attribution, the statement alone is parsed
again with the model's own tagger and parser, and that reading (tags, lemmas, heads, labels)
replaces the old one inside the statement; the statement's root becomes the ``ccomp`` of the
reporting verb, the shape "officials said (that) ..." has, so the relations found in it stay
the speaker's claim (``reported``) and the speaker is never made an actor of the statement
("Chile said Peru attacked Bolivia": Peru attacks). The shapes read:

* a trailing attribution: "<statement>, <speaker> said [adverbials]." and the inverted
  "<statement>, said <speaker>."; the statement may stand in quotation marks;
* a leading one: "<speaker> said that <statement>." (without "that" the model reads the
  complement well, and the sentence is left alone).

The reporting verb must be the sentence's root and a verb of saying (say, tell, add, state
...), the speaker phrase and what follows the verb must hold no other verb, and the statement
alone must be read as one sentence holding a verb. Tokens, offsets and entities never change.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, cast

from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from geokg.extract.reparse import may_relate, parse_alone

if TYPE_CHECKING:
    from thinc.types import Ints2d

__all__ = ["ReportedClauses", "adjunct_bounds", "make_reported_clauses", "statement_bounds"]

# verbs that attribute a whole statement to a speaker (not denials, doubts or warnings: those
# change what the statement means and have readings of their own)
SAYING = frozenset(
    {"say", "tell", "add", "state", "announce", "declare", "insist", "stress", "explain",
     "write", "tweet", "confirm", "report", "emphasize", "emphasise", "reiterate",
     "affirm", "assert", "argue", "contend", "note"}
)  # fmt: skip
_VERBAL = frozenset({"VERB", "AUX"})
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»", "``", "''"})
_SUBJ = frozenset({"nsubj", "nsubjpass"})
# the objects a verb of saying has besides its statement ("told reporters")
_AUDIENCES = frozenset({"reporter", "journalist", "lawmaker", "parliament", "audience"})
# a statement does not open with a preposition, a participle or "to"
_NO_OPENERS = frozenset({"IN", "VBG", "TO"})
# a statement shorter than this is no clause worth reading again
_MIN_TOKENS = 3
_MAX_TOKENS = 60


def _quote(tok: Token) -> bool:
    return tok.text in _QUOTES or tok.tag_ in ("``", "''")


def _clean(tokens: Span | list[Token]) -> bool:
    """No verb among ``tokens`` (a speaker phrase or the adverbials after the verb)."""
    return not any(t.pos_ in _VERBAL for t in tokens)


def _trailing(sent: Span, verb: Token) -> tuple[int, int] | None:
    """The statement before ", <speaker> said" or ", said <speaker>"."""
    doc = sent.doc
    subj = [c for c in verb.children if c.dep_ in _SUBJ]
    if not subj:
        return None
    before = [c for c in subj if c.i < verb.i]
    if before:  # "..., officials said" (the nearest subject: the statement's may hang here)
        first = before[-1].left_edge.i
        if not _clean(doc[first : verb.i]):
            return None
    else:  # "..., said Chilean President Gabriel Boric"
        first = verb.i
    after = doc[verb.i + 1 : sent.end]
    if any(c.dep_ == "dobj" and c.lemma_ not in _AUDIENCES for c in verb.children):
        return None  # "..., Chile said nothing": no attribution
    opener = doc[sent.start + 1] if _quote(doc[sent.start]) else doc[sent.start]
    if opener.tag_ in _NO_OPENERS:
        return None  # "According to state media, Morocco ...": an adverbial, no statement
    if not _clean(after) or any(verb not in t.ancestors for t in after):
        return None
    end = first - 1
    while end > sent.start and _quote(doc[end]):
        end -= 1
    if doc[end].text != ",":
        return None
    start = sent.start + 1 if _quote(doc[sent.start]) else sent.start
    while end > start and _quote(doc[end - 1]):
        end -= 1
    if any(_quote(t) for t in doc[start:end]):
        return None  # a quotation inside: its own speaker and attribution
    return start, end


def _leading(sent: Span, verb: Token) -> tuple[int, int] | None:
    """The statement after "<speaker> said that"."""
    doc = sent.doc
    subj = [c for c in verb.children if c.dep_ in _SUBJ and c.i < verb.i]
    if not subj or subj[0].left_edge.i != sent.start or not _clean(doc[sent.start : verb.i]):
        return None
    start = verb.i + 1
    if start >= sent.end or doc[start].lower_ != "that":
        # "Bennett reports to the council": no statement follows; "told Peru it would ...":
        # an addressee first; "Chile said Peru ...": the model reads that shape well
        return None
    start += 1
    end = sent.end
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if any(_quote(t) for t in doc[start:end]):
        return None  # a quotation inside: its own speaker and attribution
    return start, end


# participles that open a list or a prepositional phrase, not a clause of their own
_NOT_CLAUSES = frozenset({"including", "excluding", "following", "regarding", "concerning",
                          "according", "notwithstanding", "pending", "barring"})  # fmt: skip
_SUBJ_OR_EXPL = frozenset({"nsubj", "nsubjpass", "expl"})
_RELATIVES = frozenset({"that", "which", "who", "whom", "whose"})
# a main clause with one of these is a list or an aside, not one clause to read alone
_BREAKS = frozenset({";", "—", "–", "(", ")", ":"})


def _clause(tail: Span) -> bool:
    """Whether ``tail`` ("and more talks are planned", after its "and") is a whole clause of
    its own: one verb heads all of it and its subject opens it (not the last item of a list,
    "..., and Ukraine that was ...")."""
    for v in tail:
        if v.pos_ not in _VERBAL or (v.head in tail and v.head.i != v.i):
            continue
        subj = [c for c in v.children if c.dep_ in _SUBJ_OR_EXPL and c.i < v.i]
        if not subj or subj[0].left_edge.i != tail.start or subj[0].lower_ in _RELATIVES:
            continue
        body = [t for t in tail if not t.is_punct]
        return all(t.i == v.i or v in t.ancestors for t in body)
    return False


def adjunct_bounds(sent: Span) -> tuple[int, str] | None:
    """Where a main clause ends before a trailing adjunct, and the label the adjunct takes.

    The adjuncts read: ", according to <source>" (``prep``), ", <participle> ..."
    (``advcl``: ", raising fears of a wider crisis"), ", and/but <clause with a subject>"
    (``conj``) and a final "on <date>" (``prep``).

    Args:
        sent: A parsed sentence.

    Returns:
        ``(end, label)``: the main clause is ``sent.start .. end``; None for other sentences.
    """
    doc = sent.doc
    if any(_quote(t) for t in sent):
        return None  # quotations have their speakers and attributions
    last = sent.end
    while last > sent.start and doc[last - 1].is_punct:
        last -= 1
    for c in sent:
        if c.text != "," or c.i - sent.start < _MIN_TOKENS or c.i + 2 >= last:
            continue
        if any(t.text in _BREAKS for t in doc[sent.start : c.i]) or sent.root.i > c.i:
            return None  # an aside, or the main verb after it (", his office said")
        nxt = doc[c.i + 1]
        if nxt.lower_ == "according" and doc[c.i + 2].lower_ == "to":
            return c.i, "prep"
        if nxt.tag_ == "VBG" and nxt.lower_ not in _NOT_CLAUSES:
            return c.i, "advcl"
        if nxt.lower_ in ("and", "but") and _clause(doc[c.i + 2 : last]):
            return c.i, "conj"
    if any(t.text in _BREAKS for t in sent):
        return None
    on = last - 2
    if sent.root.i > on:
        return None
    while on > sent.start and doc[on].ent_type_ == "DATE" and doc[on].lower_ != "on":
        on -= 1
    if (
        on - sent.start >= _MIN_TOKENS
        and doc[on].lower_ == "on"
        and on + 1 < last
        and all(t.ent_type_ == "DATE" for t in doc[on + 1 : last])
    ):
        return on, "prep"
    return None


def statement_bounds(sent: Span, verbs: frozenset[str] = SAYING) -> tuple[Token, int, int] | None:
    """The reporting verb of ``sent`` and the token bounds of the statement it attributes.

    Args:
        sent: A parsed sentence.
        verbs: The lemmas of the reporting verbs.

    Returns:
        ``(verb, start, end)``, or None where the sentence is not one statement plus its
        attribution.
    """
    root = sent.root
    if root.pos_ != "VERB" or root.lemma_.lower() not in verbs:
        return None
    if any(c.dep_ == "neg" for c in root.children):
        return None  # "..., officials did not say": no attribution
    bounds = _trailing(sent, root)
    if bounds is None:
        bounds = _leading(sent, root)
    if bounds is None or not _MIN_TOKENS <= bounds[1] - bounds[0] <= _MAX_TOKENS:
        return None
    return root, bounds[0], bounds[1]


# a clause to read again: its sentence, the reporting verb (None for a main clause before an
# adjunct), its token bounds and the label its root takes
_Clause = tuple[Span, Token | None, int, int, str]


class ReportedClauses:
    """Re-read the statement of a sentence that is one statement plus its attribution.

    Args:
        nlp: The pipeline whose own tagger and parser re-read the statement.
        name: The component's name.
    """

    def __init__(self, nlp: Language, name: str = "geokg_reported_clauses") -> None:
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return self._read([doc])[0]

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Read a stream of Docs, the clauses of a whole batch parsed together."""
        batch: list[Doc] = []
        for doc in stream:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._read(batch)
                batch = []
        if batch:
            yield from self._read(batch)

    def _read(self, docs: list[Doc]) -> list[Doc]:
        """Re-read first the main clauses before trailing adjuncts, then the statements of
        attributions (on the adjusted parses), of all ``docs`` at once."""
        sents = [(doc, list(doc.sents)) for doc in docs]
        adjuncts: list[tuple[Doc, _Clause]] = []
        for doc, doc_sents in sents:
            for sent in doc_sents:
                tail = adjunct_bounds(sent)
                if tail is not None:
                    adjuncts.append((doc, (sent, None, sent.start, tail[0], tail[1])))
        self._reread_all(adjuncts)
        statements: list[tuple[Doc, _Clause]] = []
        for doc, doc_sents in sents:
            for sent in doc_sents:
                sent = doc[sent.start : sent.end]
                found = statement_bounds(sent)
                if found is not None:
                    statements.append((doc, (sent, found[0], found[1], found[2], "ccomp")))
        self._reread_all(statements)
        return docs

    def _reread_all(self, clauses: list[tuple[Doc, _Clause]]) -> None:
        """Parse the clauses that may hold a relation alone, in one batch, and splice each
        reading into its Doc (:meth:`_splice`)."""
        todo = []
        for doc, clause in clauses:
            made = self._prepare(doc[clause[2] : clause[3]])
            if made is not None:
                todo.append((doc, clause, made))
        if not todo:
            return
        parsed = parse_alone(self.nlp, [made for _, _, made in todo])
        for (doc, clause, _), new in zip(todo, parsed, strict=True):
            sent, verb, start, end, label = clause
            self._splice(doc, sent, verb, start, end, label, new)

    def _prepare(self, span: Span) -> Doc | None:
        """The clause ``span`` as a sentence of its own, tokenised as in ``span``; None where
        it cannot hold a relation (two names, or a name and a word standing for one: parsing
        is the pipeline's dearest step, and most statements in news name one party or none)
        or is tokenised otherwise alone."""
        if not may_relate(span):
            return None
        n = len(span)
        text = span.text[:1].upper() + span.text[1:]
        for stop in (".", " ."):  # the stop as a sentence has it, else spaced off
            made = self.nlp.make_doc(text + stop)
            if len(made) == n + 1 and all(
                a.text.lower() == b.text.lower() for a, b in zip(made, span, strict=False)
            ):
                return made
        return None

    def _splice(
        self, doc: Doc, sent: Span, verb: Token | None, start: int, end: int, label: str, new: Doc
    ) -> bool:
        """Splice the reading ``new`` of ``doc[start:end]`` in where it is one sentence holding
        a verb: under ``verb`` as its ``label`` (a statement), or as the sentence's root with
        the trailing words hung on it by ``label`` (an adjunct)."""
        span = doc[start:end]
        n = len(span)
        roots = [t.i for t in new[:n] if t.head.i == t.i]
        if len(roots) != 1 or _clean(new[:n]):
            return False
        tops = [t for t in span if t.head.i == t.i or t.head not in span]
        if new[roots[0]].pos_ not in _VERBAL and (
            verb is not None or any(t.pos_ in _VERBAL for t in tops)
        ):
            # a statement hangs on its verb by its own verb; and a main clause the model
            # read with a verb at the top in context keeps it
            return False
        attrs = [TAG, POS, LEMMA, DEP, HEAD]
        arr = doc.to_array(attrs)
        heads = arr.view("int64")  # relative heads are signed; the array is unsigned
        sub = new.to_array(attrs)[:n]
        sub_heads = sub.view("int64")
        strings = doc.vocab.strings
        root = start + roots[0]
        top = root if verb is None else verb.i
        sub_heads[roots[0], attrs.index(HEAD)] = top - root
        sub[roots[0], attrs.index(DEP)] = strings.add("ROOT" if verb is None else label)
        arr[start:end] = sub
        for t in sent:
            was_root = t.head.i == t.i and t.i != top
            if start <= t.i < end or not (was_root or start <= t.head.i < end):
                continue
            # a word outside the clause hung on a word of it (or the old root): "that" marks
            # the new root, the rest goes to the reporting verb or the new root
            target = root if verb is None or t.lower_ == "that" else verb.i
            heads[t.i, attrs.index(HEAD)] = target - t.i
            if t.lower_ == "that" and verb is not None:
                arr[t.i, attrs.index(DEP)] = strings.add("mark")
            elif was_root:
                arr[t.i, attrs.index(DEP)] = strings.add(label)
        doc.from_array(attrs, cast("Ints2d", arr))
        return True


@Language.factory(
    "geokg_reported_clauses",
    assigns=["token.tag", "token.pos", "token.lemma", "token.dep", "token.head"],
    requires=["token.pos", "token.dep"],
)
def make_reported_clauses(nlp: Language, name: str) -> ReportedClauses:
    """spaCy factory of :class:`ReportedClauses` (entry point ``geokg_reported_clauses``)."""
    return ReportedClauses(nlp, name)
