"""Dependency-tree helpers shared by the relation rule families.

A :class:`SentenceContext` wraps one sentence of a parsed Doc together with the entity mentions
in it. Rules ask it for the entities an argument token stands for (:meth:`entities`, which
follows coordination, appositions and modifiers such as "Greek" in "Greek jets"), for the
subjects of a verb (following control, coordination, relative clauses and participles) and
for prepositional objects. Lemmas are lowercased once per token and cached.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.relations.lexicon import RelationLexicon
from geokg.extract.relations.nominals import definite_antecedent
from geokg.extract.relations.pairs import pair_anaphor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from geokg.extract.relations.context import Discourse

__all__ = ["Candidate", "SentenceContext", "is_purpose_clause"]

_SUBJ = frozenset({"nsubj", "csubj", "expl-none"})
_MOD_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})
_RELATIVE = frozenset({"which", "who", "that", "whom", "whose"})
_RELATIVE_ARG_DEPS = frozenset({"dobj", "pobj", "dative"})
_VERBAL = frozenset({"VERB", "AUX"})
# lemma hash -> lowercase lemma, shared by every document (lemma strings are few)
_LOWER: dict[int, str] = {}
_STATES = frozenset({"Country", "Organization", "Group"})
_PEOPLE = frozenset({"Leader", "Person"})
_PLURAL = frozenset({"Country", "Organization", "Group", "Leader", "Person"})
_PRONOUN_LABELS: dict[str, frozenset[str]] = {
    "it": _STATES, "its": _STATES, "itself": _STATES,
    "he": _PEOPLE, "his": _PEOPLE, "him": _PEOPLE, "himself": _PEOPLE,
    "she": _PEOPLE, "her": _PEOPLE, "herself": _PEOPLE,
    "they": _PLURAL, "their": _PLURAL, "them": _PLURAL, "themselves": _PLURAL,
}  # fmt: skip
_REFLEXIVE = frozenset({"itself", "himself", "herself", "themselves"})
_POSSESSIVE = frozenset({"its", "his", "her", "their"})


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
        return bool(deps & {"ccomp", "xcomp", "csubj"}) or "acomp" in deps
    if tok.dep_ == "dobj" and ("ccomp" in deps or "oprd" in deps or "xcomp" in deps):
        return True
    return tok.dep_ == "nsubj" and head.dep_ in ("ccomp", "xcomp") and head.pos_ == "ADJ"


_NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "X"})
# subordinators of a subjectless participle clause ("while supporting", "after meeting")
_PARTICIPLE_MARKS = frozenset({"while", "when", "after", "before", "since", "by", "upon", "once"})


def is_purpose_clause(v: Token) -> bool:
    """An adverbial infinitive clause ("moved troops *to encircle* Kyiv")."""
    return v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


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
        # the earlier sentences of the Doc (cross-sentence pronouns, "the two countries")
        self.discourse: Discourse | None = None
        self.index = -1

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
        """The sentence's tokens."""
        doc = self.doc
        for i in range(self.start, self.end):
            yield doc[i]

    def in_sentence(self, tok: Token) -> bool:
        """Whether a token lies inside this sentence."""
        return self.start <= tok.i < self.end

    def entity(self, tok: Token) -> EntityAnnotation | None:
        """The entity mention covering a token, if any."""
        return self.ent_at.get(tok.i)

    # ---------------------------------------------------------------- argument resolution
    def _own_entities(self, tok: Token, strict: bool, depth: int) -> list[EntityAnnotation]:
        ent = self.ent_at.get(tok.i)
        if ent is not None:
            if (
                ent.label.value == "Country"
                and tok.tag_ in ("NNS", "NNPS")
                and any(c.dep_ == "nummod" and c.i < tok.i for c in tok.children)
            ):
                return []  # "killed 12 Kenyans": counted individuals, not the state
            return [ent]
        out: list[EntityAnnotation] = []
        if tok.dep_ == "appos" and tok.head.i in self.ent_at:
            return [self.ent_at[tok.head.i]]
        for c in tok.children:
            if c.dep_ == "appos" and c.i in self.ent_at:
                out.append(self.ent_at[c.i])
        if out:
            return out
        if tok.pos_ == "PRON" or tok.tag_ == "WDT":
            if self.lemma(tok) in _RELATIVE and tok.dep_ in _RELATIVE_ARG_DEPS:
                return self._relative_antecedent(tok, strict, depth)
            return self.pronoun(tok)
        pair = pair_anaphor(self, tok)
        if pair is not None:
            return pair
        named = definite_antecedent(self, tok)
        if named is not None:
            return named
        if strict or depth > 2:
            return out
        pos = tok.pos_
        if pos not in _NOMINAL and pos != "ADJ":
            return out
        lem = self.lemma(tok)
        if lem in self.lex.private_nouns:
            # "Russian writers" are not Russia, but "minorities like the Uyghurs" name them
            return self._examples(tok, depth)
        lex = self.lex
        if lem in lex.rule_nouns:
            # "the regime of Daniel Ortega in Nicaragua", "the Cuban government": the state
            states = self._states_in_phrase(tok)
            if states:
                return states
        if lem in lex.of_first_nouns:
            # "the former Yugoslav republics of Croatia and Slovenia": the "of" object names them
            for p in self._pobjs(tok, ("of",)):
                out.extend(self.args(p, strict=False, depth=depth + 1))
            if out:
                return out
        member_noun = lem in lex.member_nouns
        for c in tok.children:
            if c.dep_ in _MOD_DEPS:
                e = self.ent_at.get(c.i)
                if e is not None and member_noun and e.label.value == "Organization":
                    continue  # "an EU country" is a member, not the EU
                if e is not None and self.stance_prefixed(c):
                    continue  # "the pro-Chinese government" is not China
                if e is None and c.dep_ == "poss" and c.pos_ == "PRON":
                    if lem in lex.agent_via_of or lem in lex.rule_nouns:
                        out.extend(self.pronoun(c))
                    continue
                if e is not None:
                    out.append(e)
                    for cc in c.conjuncts:
                        e2 = self.ent_at.get(cc.i)
                        if e2 is not None:
                            out.append(e2)
        if len(out) > 1:
            # "Kony's LRA militia": the nearest modifier names the actor
            near = [e for e in out if e.end == tok.i or e.end == tok.i - 1]
            if near and len(near) < len(out):
                # ... but "Chilean and Peruvian officials" are both
                coordinated = {c.i for e in near for c in self.doc[e.end - 1].conjuncts}
                out = [
                    e
                    for e in out
                    if e in near or (e.end - 1) in coordinated or self._listed_before(e, tok)
                ]
        if out:
            return out
        for c in tok.children:
            nominal = c.dep_ in ("compound", "amod", "nmod") and c.pos_ in _NOMINAL
            if nominal and c.i not in self.ent_at:
                out.extend(self._own_entities(c, strict, depth + 1))
        if out:
            return out
        if lem in lex.agent_via_of or lem in lex.transparent_nouns:
            for p in self._pobjs(tok, ("of",)):
                out.extend(self.args(p, strict=False, depth=depth + 1))
        if out:
            return out
        if lem in lex.agent_via_from:
            # "ministers from France, Germany and Italy": the people stand for their states
            for p in self._pobjs(tok, ("from",)):
                out.extend(self.args(p, strict=True, depth=depth + 1))
        if out:
            return out
        return self._examples(tok, depth)

    def _listed_before(self, ent: EntityAnnotation, tok: Token) -> bool:
        """ "French, German and Italian ministers": only entities, commas and conjunctions
        stand between the modifier and its noun (the parser may not coordinate the first)."""
        doc = self.doc
        for i in range(ent.end, tok.i):
            t = doc[i]
            if i not in self.ent_at and t.pos_ not in ("PUNCT", "CCONJ"):
                return False
        return True

    def _relative_antecedent(self, tok: Token, strict: bool, depth: int) -> list[EntityAnnotation]:
        """ "the officials *whom* the rebels took hostage", "states *which* betrayed Serbia": the
        noun the relative clause modifies (with its conjuncts)."""
        v = tok.head
        hops = 0
        while v.dep_ != "relcl" and v.head.i != v.i and hops < 3:
            v = v.head
            hops += 1
        if v.dep_ != "relcl" or depth > 2:
            return []
        head = v.head
        out = self._own_entities(head, strict, depth + 1)
        for c in head.conjuncts:
            if c.i != head.i and self.in_sentence(c):
                out.extend(self._own_entities(c, strict, depth + 1))
        return _unique(out)

    def _examples(self, tok: Token, depth: int) -> list[EntityAnnotation]:
        """ "minorities like the Uyghurs", "states including Chile": the named examples."""
        out: list[EntityAnnotation] = []
        doc = self.doc
        for c in tok.children:
            if c.dep_ != "prep":
                continue
            cl = self.lemma(c)
            if cl in ("include", "like") or (
                cl == "as" and c.i > self.start and doc[c.i - 1].lower_ == "such"
            ):
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.extend(self.args(p, strict=False, depth=depth + 1))
        return out

    def stance_prefixed(self, tok: Token) -> bool:
        """Whether a modifier is the X of "pro-X", "anti-X" or "non-X"."""
        i = tok.i
        doc = self.doc
        return (
            i - 2 >= self.start
            and doc[i - 1].text in ("-", "‑")
            and doc[i - 2].lower_ in ("pro", "anti", "non")
        )

    def _pobjs(self, tok: Token, preps: tuple[str, ...]) -> list[Token]:
        return [
            p
            for c in tok.children
            if c.dep_ == "prep" and self.lemma(c) in preps
            for p in c.children
            if p.dep_ == "pobj"
        ]

    def _states_in_phrase(self, tok: Token) -> list[EntityAnnotation]:
        """Country entities modifying a rule noun or in its "of"/"in" phrases."""
        out: list[EntityAnnotation] = []
        stack = [tok]
        seen = 0
        while stack and seen < 12:
            t = stack.pop()
            seen += 1
            for c in t.children:
                e = self.ent_at.get(c.i)
                if e is not None and self.stance_prefixed(c):
                    continue
                if (
                    e is not None
                    and e.label.value == "Country"
                    and c.dep_ in ("amod", "compound", "poss", "nmod", "pobj")
                ):
                    out.append(e)
                elif c.dep_ in ("prep", "pobj") and (
                    c.dep_ == "pobj" or self.lemma(c) in ("of", "in")
                ):
                    stack.append(c)
        return _unique(out)

    def _relative_clauses_without(self, tok: Token) -> set[int]:
        """Token indices inside relative clauses that do not contain ``tok``."""
        out: set[int] = set()
        for t in self.tokens():
            if t.i >= tok.i:
                break
            if t.dep_ in ("relcl", "acl") and not (t.left_edge.i <= tok.i <= t.right_edge.i):
                out.update(range(t.left_edge.i, t.right_edge.i + 1))
        return out

    def pronoun(self, tok: Token) -> list[EntityAnnotation]:
        """The antecedent of a pronoun inside the sentence (nearest compatible mention before it).

        "it/its/itself" take a state or organization, "he/his/him" a person, "they/their/them"
        a coordination of entities or a group. Expletive "it" ("it is likely that") is skipped.
        Reflexives take the subject of their clause.
        """
        low = tok.lower_
        labels = _PRONOUN_LABELS.get(low)
        if labels is None:
            return []
        if low == "it" and (tok.dep_ == "expl" or _expletive_it(tok)):
            return []
        if low in _REFLEXIVE:
            v = tok.head
            hops = 0
            while v.pos_ not in _VERBAL and v.head.i != v.i and hops < 4:
                v = v.head
                hops += 1
            agents, _ = self.subjects(v)
            found = [e for a in agents if a.i != tok.i and a.pos_ != "PRON" for e in self.args(a)]
            if found:
                return found
        if low in _POSSESSIVE and tok.dep_ == "poss":
            parallel = self._parallel_possessor(tok)
            if parallel is not None:
                return parallel
        skip = self._relative_clauses_without(tok)
        if low not in _POSSESSIVE and tok.dep_ in ("dobj", "dative", "pobj"):
            skip |= self._own_subject_tokens(tok)
        for i in range(tok.i - 1, self.start - 1, -1):
            e = self.ent_at.get(i)
            if e is None or e.label.value not in labels or i in skip:
                continue
            if labels is _PLURAL:
                t = self.doc[i]
                conj = [self.ent_at[c.i] for c in t.conjuncts if c.i in self.ent_at]
                if conj:
                    return _unique([e, *conj])
                if e.label.value != "Group" and t.tag_ not in ("NNS", "NNPS"):
                    # "Kenyan officials said they ...": the plural noun the entity modifies
                    h = t.head
                    if not (
                        t.dep_ in ("amod", "compound")
                        and h.tag_ in ("NNS", "NNPS")
                        and h.i < tok.i
                        and self.lemma(h) not in self.lex.private_nouns
                    ):
                        continue
            return [e]
        if labels is _PLURAL and tok.head.lower_ in ("between", "among"):
            # "a gulf of mistrust between them": the two entities named before
            names: dict[str, EntityAnnotation] = {}
            for e in self.entities:
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
            agents, _ = self.subjects(root)
            ahead: list[EntityAnnotation] = []
            for a in agents:
                if a.i <= tok.i:
                    continue
                # entity tokens and their modifiers only: no recursion into other pronouns
                for t in (a, *(c for c in a.children if c.dep_ in ("amod", "compound"))):
                    e = self.ent_at.get(t.i)
                    if e is not None and e.label.value in labels:
                        ahead.append(e)
            if ahead:
                return ahead[:1]
        if self.discourse is not None:
            return self.discourse.antecedent(self, tok)
        return []

    def referring_object(self, tok: Token) -> bool:
        """An object "it"/"them" that takes up a subject named earlier in the sentence ("While
        this Belarus lasts, European leaders will isolate *it* ..."); other
        object pronouns often mean events or things and are not relation targets."""
        if tok.lower_ not in ("it", "them"):
            return False
        found = self.pronoun(tok)
        if not found:
            return False
        doc = self.doc
        return all(
            self.in_sentence(doc[e.start])
            and doc[e.end - 1].dep_ in ("nsubj", "nsubjpass")
            and e.end <= tok.i
            for e in found
        )

    def _own_subject_tokens(self, tok: Token) -> set[int]:
        """Tokens of the subject of an object pronoun's own clause: "European leaders will
        isolate *it*" — a plain pronoun object is never its clause's subject."""
        v = tok.head
        if tok.dep_ == "pobj" and v.dep_ == "prep":
            v = v.head
        if v.pos_ not in _VERBAL:
            return set()
        agents, patients = self.subjects(v)
        out: set[int] = set()
        for a in agents + patients:
            if a.i != tok.i:
                out.update(range(a.left_edge.i, a.right_edge.i + 1))
        return out

    def _parallel_possessor(self, tok: Token) -> list[EntityAnnotation] | None:
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
            if c.i in self.ent_at:
                return [self.ent_at[c.i]]
            if c.lower_ == tok.lower_:
                return self.pronoun(c)
        for i in range(self.start, tok.i):
            t = self.doc[i]
            if t.lower_ == tok.lower_ and t.dep_ == "poss":
                return self.pronoun(t)
        return None

    def args(self, tok: Token, *, strict: bool = False, depth: int = 0) -> list[EntityAnnotation]:
        """The entities an argument token stands for, expanded over its conjuncts.

        Args:
            tok: The argument's head token.
            strict: Only entity tokens (and appositions, pronouns) count, not "Turkish" in
                "Turkish jets".
            depth: Recursion depth (internal).

        Returns:
            Distinct entity mentions, in order of discovery.
        """
        if not self.in_sentence(tok):
            return []
        found = self._own_entities(tok, strict, depth)
        if depth == 0 or tok.dep_ == "pobj":
            for c in tok.conjuncts:
                if c.i != tok.i and self.in_sentence(c):
                    found.extend(self._own_entities(c, strict, depth + 1))
            found.extend(self._listed_appositions(tok))
        return _unique(found)

    def _listed_appositions(self, tok: Token) -> list[EntityAnnotation]:
        """ "Mali, Burkina Faso and Niger": the parser may read a list of states as an
        apposition with conjuncts; a state is no apposition of another state."""
        own = self.ent_at.get(tok.i)
        if own is None or own.label.value != "Country":
            return []
        out: list[EntityAnnotation] = []
        for c in tok.children:
            other = self.ent_at.get(c.i)
            if c.dep_ != "appos" or other is None or other.label != own.label:
                continue
            if not any(g.dep_ == "cc" for g in (c, *c.conjuncts) for g in g.children):
                continue  # "Burma, (now) Myanmar": no conjunction, maybe a real apposition
            out.append(other)
            out.extend(self.ent_at[g.i] for g in c.conjuncts if g.i in self.ent_at)
        return out

    def args_of(self, toks: Iterable[Token], *, strict: bool = False) -> list[EntityAnnotation]:
        """:meth:`args` over several tokens, deduplicated."""
        out: list[EntityAnnotation] = []
        for t in toks:
            out.extend(self.args(t, strict=strict))
        return _unique(out)

    # ---------------------------------------------------------------- syntax
    @staticmethod
    def children(tok: Token, *deps: str) -> list[Token]:
        """Children of a token with one of the given dependency labels."""
        return [c for c in tok.children if c.dep_ in deps]

    def prep_objects(self, tok: Token, preps: Iterable[str]) -> list[tuple[str, Token]]:
        """``(preposition lemma, object)`` pairs of a token's prepositional children.

        Multi-word prepositions are folded: "vis-a-vis", "according to" are not targets here.
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
            if lem not in wanted:
                continue
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    out.append((lem, p))
                elif p.dep_ == "prep" and lem in ("against", "toward", "towards"):
                    # "against both X and Y" parsed with an inner prep is rare; ignore
                    continue
        return out

    def is_passive(self, v: Token) -> bool:
        """Whether a verb is in the passive voice (or a past participle modifying a noun)."""
        for c in v.children:
            if c.dep_ in ("nsubjpass", "auxpass", "csubjpass"):
                return True
        return v.tag_ == "VBN" and v.dep_ in ("acl", "amod")

    def _comma_subjects(self, v: Token, subj: Token) -> list[Token]:
        """Headline coordination without "and": in "Iran, Egypt agree to ..." the parser
        hangs "Iran" on the verb; an entity joined to the subject by a comma alone is one."""
        out: list[Token] = []
        doc = self.doc
        i = subj.left_edge.i
        while i - 2 >= self.start and doc[i - 1].text == ",":
            prev = doc[i - 2]
            if prev.i not in self.ent_at or prev.head.i != v.i or prev.dep_ not in _COMMA_DEPS:
                break
            out.append(prev)
            i = prev.left_edge.i
        return out

    def subjects(self, v: Token, depth: int = 0) -> tuple[list[Token], list[Token]]:
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
        if agents:
            agents.extend(self._comma_subjects(v, agents[0]))
        dep = v.dep_
        if dep == "relcl":
            head = v.head
            agents = [head if self.lemma(a) in _RELATIVE else a for a in agents]
            patients = [head if self.lemma(p) in _RELATIVE else p for p in patients]
        if agents or patients or depth > 6:
            return agents, patients
        head = v.head
        if head.i == v.i:
            return agents, patients
        if dep in ("acomp", "oprd") and head.pos_ in _VERBAL:
            return self.subjects(head, depth + 1)
        if dep == "xcomp" or (dep == "ccomp" and any(c.dep_ == "aux" for c in v.children)):
            if self.lemma(head) in self.lex.object_control:
                objs = self.children(head, "dobj")
                if objs:
                    return objs, []
            a, p = self.subjects(head, depth + 1)
            return (a + p if self.is_passive(head) else a), []
        if dep == "conj" and head.pos_ in _VERBAL:
            return self.subjects(head, depth + 1)
        if dep == "pcomp":
            gov = head.head
            if gov.pos_ in _VERBAL:
                objs = self.children(gov, "dobj")
                if objs and self.lemma(gov) in self.lex.object_control:
                    return objs, []
                a, p = self.subjects(gov, depth + 1)
                return (a + p if self.is_passive(gov) else a), []
            if gov.pos_ in _NOMINAL:
                poss = self.children(gov, "poss")
                if poss:
                    return poss, []
                # "in the hope of countering", "with the goal of isolating": the clause's subject
                up = gov.head
                if gov.dep_ in ("pobj", "dobj") and up.dep_ == "prep":
                    up = up.head
                if up.pos_ in _VERBAL and up.i != v.i:
                    a, p = self.subjects(up, depth + 1)
                    return (a + p if self.is_passive(up) else a), []
                return [gov], []
            return agents, patients
        if dep == "acl":
            if v.tag_ == "VBN":
                return agents, [head]
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
                owners = self.children(head, "poss")
                if not owners:
                    owners = [c for c in head.children if c.dep_ in ("amod", "compound")]
                    owners = [c for c in owners if c.i in self.ent_at]
                if not owners and head.dep_ in ("dobj", "attr", "pobj", "nsubjpass"):
                    # "signed an agreement to increase trade": the signers
                    up = head.head
                    if head.dep_ == "pobj" and up.dep_ == "prep":
                        up = up.head
                    if up.pos_ in _VERBAL:
                        a, p = self.subjects(up, depth + 1)
                        return (a + p if self.is_passive(up) else a), []
                return owners, []
            return [head], []
        if dep == "amod" and v.tag_ in ("VBN", "VBD"):
            mods = [c for c in v.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod")]
            return mods, [head]
        # "..., the West moved to isolate Russia": a purpose clause shares the subject
        if is_purpose_clause(v) or (
            dep == "advcl"
            and v.tag_ in ("VBG", "VBN")
            and all(self.lemma(m) in _PARTICIPLE_MARKS for m in self.children(v, "mark"))
        ):
            # "..., while backing the Libyan government", "after meeting Lula": the
            # participle shares the main clause's subject
            a, p = self.subjects(head, depth + 1)
            return (a + p if self.is_passive(head) else a), []
        return agents, patients


_COMMA_DEPS = frozenset({"npadvmod", "nsubj", "dep", "appos", "advmod"})


def _unique(ents: Iterable[EntityAnnotation]) -> list[EntityAnnotation]:
    seen: set[tuple[int, int]] = set()
    out: list[EntityAnnotation] = []
    for e in ents:
        key = (e.start, e.end)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
