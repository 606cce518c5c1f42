"""Dependency-tree helpers shared by the relation rule families.

A :class:`SentenceContext` wraps one sentence of a parsed Doc together with the entity mentions
in it. Rules ask it for the entities an argument token stands for (:meth:`~SentenceContext.args`,
which follows coordination, appositions and modifiers such as "Greek" in "Greek jets"), for the
subjects of a verb (following control, coordination, relative clauses and participles) and
for prepositional objects. Lemmas are lowercased once per token and cached.

The class is the one entry point; the walks live a floor below, one module per concern, as
functions taking the context first: :mod:`~geokg.extract.relations.arguments` (argument
tokens to entities), :mod:`~geokg.extract.relations.pronouns` (pronouns inside the sentence)
and :mod:`~geokg.extract.relations.subjects` (the logical subjects of a verb), bound on the
class as methods (``ctx.args(tok)`` is ``arguments.args(ctx, tok)``). They import this module
for typing only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation, unique_spans
from geokg.extract.relations.arguments import args as _args
from geokg.extract.relations.lexicon import RelationLexicon
from geokg.extract.relations.pronouns import pronoun as _pronoun
from geokg.extract.relations.pronouns import referring_object as _referring_object
from geokg.extract.relations.subjects import is_passive as _is_passive
from geokg.extract.relations.subjects import is_purpose_clause
from geokg.extract.relations.subjects import subjects as _subjects

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from geokg.extract.relations.context import Discourse

__all__ = ["Candidate", "SentenceContext", "is_purpose_clause"]

# lemma hash -> lowercase lemma, shared by every document (lemma strings are few)
_LOWER: dict[int, str] = {}


@dataclass(slots=True)
class Candidate:
    """A relation found by a rule, before negation, modality and filtering.

    Attributes:
        source: The source entity mention.
        type: The relation type (a :class:`~geokg.schema.RelationType` value).
        target: The target entity mention.
        trigger: Token index of the cue token.
        anchor: Token index where the modality walk starts (the predicate of the relation).
        rule: Rule family id, e.g. ``"svo_active.v1"``.
        confidence: The rule's confidence.
        cue: The id of the cue entry that fired.
        role: For LEADS: the title.
        status: For MEMBER_OF: the status value.
        structural: LEADS/MEMBER_OF from titles and appositions (never hedged).
        trigger_end: Token index one past the cue's last token (defaults to ``trigger + 1``).
        negate: The rule itself denies the relation ("rejected an offer of talks").
        hedge: The rule itself makes the relation at most hedged ("... or face sanctions":
            a penalty held out, not imposed).
        party: The source is a place named as one side of a mutual statement ("tensions
            between Serbia and Kosovo"): it acts there, though a place is otherwise no source.
    """

    source: EntityAnnotation
    type: str
    target: EntityAnnotation
    trigger: int
    anchor: int
    rule: str
    confidence: float
    cue: str = ""
    role: str | None = None
    status: str | None = None
    structural: bool = False
    trigger_end: int = -1
    negate: bool = False
    hedge: bool = False
    party: bool = False


class SentenceContext:
    """One sentence, its entity mentions and cached lemmas.

    Args:
        doc: The parsed Doc.
        start: First token of the sentence.
        end: Token index one past the sentence.
        entities: The entity mentions inside the sentence.
        lexicon: The rule data.
    """

    def __init__(
        self,
        doc: Doc,
        start: int,
        end: int,
        entities: list[EntityAnnotation],
        lexicon: RelationLexicon,
        *,
        lemma_ids: list[int] | None = None,
        cue_positions: list[int] | None = None,
        has_verb: bool = True,
    ) -> None:
        self.doc = doc
        self.start = start
        self.end = end
        self.entities = entities
        self.lex = lexicon
        self.ent_at: dict[int, EntityAnnotation] = {}
        for ent in entities:
            for i in range(ent.start, ent.end):
                self.ent_at[i] = ent
        # per-document lemma hashes (``doc.to_array``) and the positions of cue lemmas in
        # this sentence; without them (hand-built calls) every token is looked at
        self._lemma_ids = lemma_ids
        self.cue_positions = cue_positions
        self.has_verb = has_verb
        self.rejected_spans: list[tuple[int, int]] = []
        # objects a verb cue consumed ("sever *ties*", "halt *aid*"): no relation of their own
        self.consumed: set[int] = set()
        # conditional clauses read as a threat's condition ("will strike if Y ..."): the
        # threat's, not a supposition of the author's (``conditionals.py``)
        self.threat_conditions: set[int] = set()
        # a headline's speaker label ("Experts:", "- officials"): set by ``event_candidates``
        self.attribution: tuple[int, int] | None = None
        # the earlier sentences of the Doc (cross-sentence pronouns, "the two countries")
        self.discourse: Discourse | None = None
        self.index = -1
        self._tokens: list[Token] | None = None
        self._lemmas: frozenset[str] | None = None

    # ---------------------------------------------------------------- the walks
    # functions of the modules below, taking the context first, bound here as methods (no
    # wrapper call on the hot path): ``ctx.args(tok)`` is ``arguments.args(ctx, tok)``
    args = _args
    pronoun = _pronoun
    referring_object = _referring_object
    subjects = _subjects
    is_passive = _is_passive

    # ---------------------------------------------------------------- basic access
    def lemma(self, tok: Token) -> str:
        """The lowercase lemma of a token (one shared cache per lemma string)."""
        ids = self._lemma_ids
        if ids is not None:
            h = ids[tok.i]
            lem = _LOWER.get(h)
            if lem is None:
                lem = _LOWER[h] = tok.lemma_.lower()
            return lem
        return tok.lemma_.lower()

    def tokens(self) -> Iterator[Token]:
        """The sentence's tokens (built once per sentence)."""
        if self._tokens is None:
            doc = self.doc
            self._tokens = [doc[i] for i in range(self.start, self.end)]
        return iter(self._tokens)

    def has_lemma(self, words: Iterable[str]) -> bool:
        """Whether any token of the sentence has one of these lowercase lemmas or forms: a
        cheap test before a rule walks the sentence for them."""
        if self._lemmas is None:
            forms: set[str] = set()
            for t in self.tokens():
                forms.add(self.lemma(t))
                forms.add(t.lower_)
            self._lemmas = frozenset(forms)
        return not self._lemmas.isdisjoint(words)

    def in_sentence(self, tok: Token) -> bool:
        """Whether a token lies inside this sentence."""
        return self.start <= tok.i < self.end

    def entity(self, tok: Token) -> EntityAnnotation | None:
        """The entity mention covering a token, if any."""
        return self.ent_at.get(tok.i)

    def root_of(self, ent: EntityAnnotation) -> Token:
        """The syntactic head of an entity mention: its last token whose head lies outside
        the span (its last token when the parser kept the whole span inside)."""
        doc = self.doc
        root = doc[ent.end - 1]
        for i in range(ent.start, ent.end):
            if not ent.start <= doc[i].head.i < ent.end:
                root = doc[i]
        return root

    def stance_prefixed(self, tok: Token) -> bool:
        """Whether a modifier is the X of "pro-X", "anti-X" or "non-X"."""
        i = tok.i
        doc = self.doc
        return (
            i - 2 >= self.start
            and doc[i - 1].text in ("-", "‑")
            and doc[i - 2].lower_ in ("pro", "anti", "non")
        )

    def args_of(self, toks: Iterable[Token], *, strict: bool = False) -> list[EntityAnnotation]:
        """:meth:`args` over several tokens, deduplicated."""
        out: list[EntityAnnotation] = []
        for t in toks:
            out.extend(self.args(t, strict=strict))
        return unique_spans(out)

    # ---------------------------------------------------------------- syntax
    @staticmethod
    def children(tok: Token, *deps: str) -> list[Token]:
        """Children of a token with one of the given dependency labels."""
        return [c for c in tok.children if c.dep_ in deps]

    def prep_objects(self, tok: Token, preps: Iterable[str]) -> list[tuple[str, Token]]:
        """``(preposition lemma, object)`` pairs of a token's prepositional children.

        Multi-word prepositions are folded: "vis-a-vis", "out of" (as "from"); "according to"
        is no target here.
        """
        wanted = preps if isinstance(preps, (set, frozenset)) else frozenset(preps)
        out: list[tuple[str, Token]] = []
        doc = self.doc
        for c in tok.children:
            if c.dep_ not in ("prep", "agent", "dative"):
                continue
            lem = self.lemma(c)
            if lem == "vis" and "vis-a-vis" in wanted:
                # "vis-a-vis Baku" is split into five tokens; the object follows them
                j = c.i + 1
                while j < self.end and doc[j].lower_ in ("-", "a", "à", "vis"):
                    j += 1
                if j < self.end and j in self.ent_at:
                    out.append(("vis-a-vis", doc[j]))
                continue
            if lem == "out" and "from" in wanted and "out" not in wanted:
                # "pulled out of the deal", "walked out of talks": "out of" is "from"
                for g in c.children:
                    if g.dep_ == "prep" and g.lower_ == "of":
                        out.extend(("from", p) for p in g.children if p.dep_ in ("pobj", "pcomp"))
                continue
            if lem not in wanted:
                continue
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    out.append((lem, p))
                elif p.dep_ == "prep" and lem in ("against", "toward", "towards"):
                    # "against both X and Y" parsed with an inner prep is rare; ignore
                    continue
        return out
