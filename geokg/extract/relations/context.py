"""Cross-sentence resolution of relation endpoints (SCHEMA.md: ``"context": true`` relations).

A relation whose argument is a pronoun or a pair nominal with no antecedent in its own sentence
may still be stated: "The Chilean government took another line. *It* has
condemned the Maduro government" (Chile OPPOSES Venezuela), "The seizure of a Peruvian trawler
by the Chilean navy ... By Friday *the two countries* had not stepped back from the
standoff" (Chile and Peru, both ways). :class:`Discourse` holds what a Doc's earlier
sentences offer (a Doc is a chunk of whole paragraphs, so those sentences are at hand) and
answers two questions, conservatively:

* :meth:`Discourse.antecedent`: a subject or possessive pronoun ("it", "its", "they",
  "their", "he", "his", "she", "her") takes the **subject of the previous sentence of the same
  paragraph** when that subject names exactly one compatible entity (a state or organization
  for "it", a person for "he", a coordination, a plural or a group for "they"). A subject that
  is a pronoun itself is resolved the same way (a chain "Putin ... He ... he"); an expletive
  subject ("it is likely that X ...") hands over to the subject of its clause. "they"/"their"
  after a subject that names one entity or none ("Kenya criticized Uganda and Rwanda. Their
  ...") take that sentence's coordinated object
  (:func:`~geokg.extract.relations.plural_owners.object_group`). Anything else (no previous
  sentence in the paragraph, a subject that names no entity, two candidates) resolves to
  nothing. An object pronoun ("him", "her": "Z accused him of ...") takes the previous
  subject only where that sentence names no other person.
* :meth:`Discourse.group`: a group nominal ("the two countries", "both sides", "the three
  nations", "the trio") with fewer members than its count before it in its own sentence (see
  :func:`geokg.extract.relations.pairs.pair_anaphor`) takes the group the previous sentences
  (at most two back, at most one paragraph break) state together: entities coordinated, two
  in a relation, or the only ones of that kind mentioned.

Layering: this module sits above :mod:`~geokg.extract.relations.syntax` (it builds
:class:`SentenceContext` objects for earlier sentences); ``syntax`` refers to
:class:`Discourse` for typing only.

Entities resolved outside the sentence make the relation ``context=True``; the component
lowers its confidence (``rule_confidence["context.v1"]`` in ``lexicon.json`` is the factor).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation, RelationAnnotation
from geokg.extract.relations.pairs import _PLURAL_TAGS, _coordinated_groups, _first_per_name
from geokg.extract.relations.plural_owners import object_group
from geokg.extract.relations.syntax import SentenceContext
from geokg.schema import Modality

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from geokg.extract.relations.lexicon import RelationLexicon

__all__ = ["CONTEXT_PRONOUNS", "Discourse"]


_STATES = frozenset({"Country", "Organization"})
_PEOPLE = frozenset({"Leader", "Person"})
_PLURAL = frozenset({"Country", "Organization", "Group", "Leader", "Person"})
# pronoun -> (compatible labels, wants a plural antecedent)
_PRONOUNS: dict[str, tuple[frozenset[str], bool]] = {
    "it": (_STATES, False),
    "its": (_STATES, False),
    "he": (_PEOPLE, False),
    "his": (_PEOPLE, False),
    "she": (_PEOPLE, False),
    "him": (_PEOPLE, False),
    "her": (_PEOPLE, False),
    "they": (_PLURAL, True),
    "their": (_PLURAL, True),
}
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_EMPTY_SUBJECTS = frozenset({"it", "this", "that", "there", "what"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "csubj"})
_PERSON_PRONOUNS = frozenset({"he", "his", "she", "him", "her"})
_OBJECT_PRONOUNS = frozenset({"him", "her"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})
#: Words that can bring in an entity from an earlier sentence (with the first-person pronouns
#: the quote speaker resolves); the component looks for them in one-entity sentences.
CONTEXT_PRONOUNS = (*_PRONOUNS, "we", "us", "our", "i", "my")
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "appos"})
# a chain of pronoun subjects is followed this many sentences back at most
_MAX_CHAIN = 6


class Discourse:
    """What the earlier sentences of one Doc offer to resolve pronouns and group nominals.

    The component registers every sentence in order (:meth:`add_sentence`) and the relations
    it found in it (:meth:`note_relations`); rules ask :meth:`antecedent` and :meth:`group`.
    Subjects of earlier sentences are computed only when asked, once.

    Args:
        doc: The parsed Doc.
        entities: Its entity mentions, sorted by start.
        lexicon: The rule data.
        lemma_ids: The Doc's lemma hashes (shared with the component).
    """

    def __init__(
        self,
        doc: Doc,
        entities: list[EntityAnnotation],
        lexicon: RelationLexicon,
        *,
        lemma_ids: list[int] | None = None,
    ) -> None:
        self.doc = doc
        self.entities = entities
        self.lex = lexicon
        self._lemma_ids = lemma_ids
        self._starts = [e.start for e in entities]
        self.sents: list[tuple[int, int]] = []
        self._relation_pairs: dict[int, list[tuple[EntityAnnotation, EntityAnnotation]]] = {}
        # (type, target name) -> {source name: its latest mention}: the acts stated so far
        self._agents: dict[tuple[str, str], dict[str, EntityAnnotation]] = {}
        self._subjects: dict[int, list[tuple[Token, list[EntityAnnotation]]]] = {}
        self._active: set[int] = set()

    # ------------------------------------------------------------------ bookkeeping
    def add_sentence(self, start: int, end: int) -> int:
        """Register the next sentence (token span); returns its index."""
        self.sents.append((start, end))
        return len(self.sents) - 1

    def paragraph_break(self, index: int) -> bool:
        """Whether a blank line separates sentence ``index`` from the one before (the
        paragraph segmenter ends a sentence with the whitespace token holding it)."""
        if index <= 0:
            return True
        start = self.sents[index][0]
        doc = self.doc
        for i in range(start - 1, max(self.sents[index - 1][0], start - 3) - 1, -1):
            if "\n\n" in doc[i].text_with_ws:
                return True
        return False

    def note_relations(self, index: int, found: list[RelationAnnotation]) -> None:
        """Record the relations found in sentence ``index``: their entity pairs, and the acts of
        ``recalled_types`` stated as fact (asserted, not denied, not inferred from context)."""
        if found:
            self._relation_pairs.setdefault(index, []).extend((r.source, r.target) for r in found)
        for r in found:
            rtype = r.type.value
            if (
                rtype in self.lex.recalled_types
                and not r.negated
                and r.modality == Modality.ASSERTED
                and not r.context
            ):
                self._agents.setdefault((rtype, r.target.name), {})[r.source.name] = r.source

    def has_agents(self) -> bool:
        """Whether any act has been recorded yet."""
        return bool(self._agents)

    def known_agent(self, rtype: str, target: str) -> EntityAnnotation | None:
        """The one party stated so far to do ``rtype`` to ``target``; ``None`` if none or
        several (an act recalled without its agent must not be ambiguous)."""
        agents = self._agents.get((rtype, target), {})
        return next(iter(agents.values())) if len(agents) == 1 else None

    def entities_in(self, index: int) -> list[EntityAnnotation]:
        """The entity mentions of a registered sentence."""
        s, e = self.sents[index]
        lo = bisect_left(self._starts, s)
        hi = bisect_left(self._starts, e, lo)
        return self.entities[lo:hi]

    def context_of(self, index: int) -> SentenceContext:
        """A :class:`SentenceContext` for a registered sentence (linked to this discourse)."""
        s, e = self.sents[index]
        ctx = SentenceContext(
            self.doc, s, e, self.entities_in(index), self.lex, lemma_ids=self._lemma_ids
        )
        ctx.discourse = self
        ctx.index = index
        return ctx

    # ------------------------------------------------------------------ pronouns
    def antecedent(self, ctx: SentenceContext, tok: Token) -> list[EntityAnnotation]:
        """The antecedent of a subject or possessive pronoun in the previous sentence.

        Args:
            ctx: The pronoun's sentence (``ctx.index`` registered here).
            tok: The pronoun, which has no antecedent in its own sentence.

        Returns:
            The entity (or, for "they"/"their", the entities) the previous sentence's subject
            names; ``[]`` when there is none or more than one candidate.
        """
        spec = _PRONOUNS.get(tok.lower_)
        idx = ctx.index
        if spec is None or idx <= 0 or idx >= len(self.sents) or self.paragraph_break(idx):
            return []
        if tok.dep_ not in _SUBJECT_DEPS and tok.dep_ != "poss":
            # "X spoke in Y. Z accused him of ...": an object pronoun only where the previous
            # sentence names one person, its subject
            if tok.lower_ not in _OBJECT_PRONOUNS or tok.dep_ not in _OBJECT_DEPS:
                return []
            people = {e.name for e in self.entities_in(idx - 1) if e.label.value in _PEOPLE}
            if len(people) != 1:
                return []
        labels, plural = spec
        if _competitor_before(ctx, tok, plural):
            return []
        subjects = self.subjects(idx - 1)
        found: list[EntityAnnotation] = []
        many = False
        for t, ents in subjects:
            if not ents:
                if _could_mean(ctx, t, tok, plural):
                    return []  # the previous subject names no entity and may be the referent
                continue
            compatible = [e for e in ents if e.label.value in labels]
            found.extend(compatible)
            if compatible and (
                t.tag_ in _PLURAL_TAGS
                or t.lower_ in ("they", "their")
                or any(c.dep_ == "conj" for c in t.children)
            ):
                many = True
        names = {e.name for e in found}
        if plural:
            many = many or len(names) >= 2 or any(e.label.value == "Group" for e in found)
            if many:
                return _first_per_name(found)
            # "Kenya (The report) criticized Uganda and Rwanda. Their ...": not the subject
            return object_group(self.context_of(idx - 1), [t for t, _ in subjects])
        if not names:
            return []
        if len(names) != 1:
            return []
        return found[:1]

    def subjects(self, index: int) -> list[tuple[Token, list[EntityAnnotation]]]:
        """The subjects of a sentence's main clauses (the root and the clauses coordinated with
        it), each with the entities it names."""
        cached = self._subjects.get(index)
        if cached is not None:
            return cached
        if index in self._active or len(self._active) >= _MAX_CHAIN:
            return []  # a pronoun chain too long (or circular): give up
        self._active.add(index)
        try:
            result = self._compute_subjects(index)
        finally:
            self._active.discard(index)
        self._subjects[index] = result
        return result

    def _compute_subjects(self, index: int) -> list[tuple[Token, list[EntityAnnotation]]]:
        ctx = self.context_of(index)
        s, e = self.sents[index]
        root = self.doc[s]
        hops = 0
        while root.head.i != root.i and hops < 64:
            root = root.head
            hops += 1
        if not (s <= root.i < e):
            return []
        clauses = [root]
        k = 0
        while k < len(clauses) and len(clauses) < 8:
            clauses.extend(
                c for c in clauses[k].children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
            )
            k += 1
        out: list[tuple[Token, list[EntityAnnotation]]] = []
        for v in clauses:
            for t in _explicit_subjects(ctx, v, 0):
                out.append((t, ctx.args(t)))
        return out

    # ------------------------------------------------------------------ groups
    def group(self, index: int, labels: frozenset[str], n: int) -> list[EntityAnnotation]:
        """The ``n`` compatible entities the previous sentences state together.

        Looks at most two sentences back and across at most one paragraph break; the nearest
        sentence with such a group decides, and it must be the only one there and cover every
        compatible entity mentioned after it. A group is ``n`` entities coordinated ("A, B and
        C"), a pair in a relation, or the only ``n`` mentioned (for more than two, each of them
        in a relation of that sentence: "A hosted B and C for talks").
        """
        seen: set[str] = set()
        breaks = 0
        for k in range(index - 1, max(-1, index - 3), -1):
            if self.paragraph_break(k + 1):
                breaks += 1
                if breaks > 1:
                    break
            ents = [e for e in self.entities_in(k) if e.label.value in labels]
            groups = self._groups_in(k, ents, labels, n)
            if not groups:
                seen.update(e.name for e in ents)
                continue
            if len(groups) != 1:
                return []
            members = list(groups[0])
            if not seen <= {e.name for e in members}:
                return []
            return members
        return []

    def pair(self, index: int, labels: frozenset[str]) -> list[EntityAnnotation]:
        """The pair of compatible entities the previous sentences state together (see
        :meth:`group`)."""
        return self.group(index, labels, 2)

    def _groups_in(
        self, index: int, ents: list[EntityAnnotation], labels: frozenset[str], n: int
    ) -> list[tuple[EntityAnnotation, ...]]:
        found: dict[frozenset[str], tuple[EntityAnnotation, ...]] = {}
        related: set[str] = set()
        for a, b in self._relation_pairs.get(index, []):
            if a.label.value in labels and b.label.value in labels and a.name != b.name:
                related.update((a.name, b.name))
                if n == 2:
                    found.setdefault(frozenset((a.name, b.name)), (a, b))
        for g in _coordinated_groups(self.doc, ents, labels, n):
            found.setdefault(frozenset(e.name for e in g), g)
        names = {e.name for e in ents}
        if not found and len(names) == n and (n == 2 or names <= related):
            members = _first_per_name(ents)
            found[frozenset(names)] = tuple(members)
        return list(found.values())


def _could_mean(ctx: SentenceContext, subj: Token, pronoun: Token, plural: bool) -> bool:
    """Whether a subject that names no entity could be what the pronoun refers to."""
    if subj.pos_ == "PRON":
        return subj.lower_ in ("it", "this", "that") if not plural else subj.lower_ == "they"
    if subj.pos_ not in ("NOUN", "PROPN"):
        return False
    if pronoun.lower_ in _PERSON_PRONOUNS:
        return _person_noun(ctx, subj)
    return (subj.tag_ in _PLURAL_TAGS) == plural


def _person_noun(ctx: SentenceContext, tok: Token) -> bool:
    """Whether a common noun names a person ("the official", "the president")."""
    lem = ctx.lemma(tok)
    return lem in ctx.lex.private_nouns or lem in ctx.lex.title_heads


def _competitor_before(ctx: SentenceContext, tok: Token, plural: bool) -> bool:
    """A noun earlier in the pronoun's own sentence that agrees with it in number and names no
    entity ("While no one effort has shifted the balance, *they* have imposed ..."): the
    pronoun may refer to it, so the previous sentence is not consulted."""
    doc = ctx.doc
    person = tok.lower_ in _PERSON_PRONOUNS
    for i in range(ctx.start, tok.i):
        t = doc[i]
        if t.pos_ != "NOUN" or i in ctx.ent_at or t.dep_ not in _ARGUMENT_DEPS:
            continue
        if person and not _person_noun(ctx, t):
            continue  # "In his speech at home, he ...": only a person noun competes for "he"
        if (t.tag_ in _PLURAL_TAGS) == plural:
            return True
    return False


def _explicit_subjects(ctx: SentenceContext, v: Token, depth: int) -> list[Token]:
    """The subject tokens of a clause; an empty subject ("it is likely that X ...", "there
    are") hands over to the subjects of the clausal complements."""
    subj = [c for c in v.children if c.dep_ in _SUBJECT_DEPS]
    if not subj:
        agents, patients = ctx.subjects(v)
        subj = agents + patients
    empty = [t for t in subj if t.lower_ in _EMPTY_SUBJECTS or t.dep_ == "expl"]
    if subj and len(empty) < len(subj):
        return [t for t in subj if t not in empty]
    if depth >= 3:
        return []
    out: list[Token] = []
    for c in v.children:
        if c.dep_ in _CLAUSE_DEPS or (c.dep_ == "acomp" and depth == 0):
            inner = [g for g in c.children if g.dep_ in _SUBJECT_DEPS]
            out.extend(inner or _explicit_subjects(ctx, c, depth + 1))
    if not subj:
        return []  # no subject at all (a headline, a fragment)
    return [t for t in out if t.lower_ not in _EMPTY_SUBJECTS]
