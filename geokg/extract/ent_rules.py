"""The entity rules: turn gazetteer hits, NER spans and syntax into resolved entity mentions.

Pure functions over a parsed ``Doc`` and a :class:`~geokg.extract.ent_lexicon.Lexicons`; the
component (:mod:`geokg.extract.entities`) runs the PhraseMatcher and calls :func:`propose`,
its overlap policy, then :func:`resolve_all`.

Rule families (each decides from syntax and word classes, never from sentence lists):

* **names** (``COUNTRY_NAME``, ``ORG``, ``PLACE``, ``GROUP``, ``LEADER``, ``LEGISLATURE``): the
  gazetteer wins over the small model's NER for known names.
* **demonyms** (``COUNTRY_ADJ``, ``COUNTRY_PEOPLE``): an adjective names the state unless its head
  noun is a private person ("Russian writers") or a language; a demonym plus a collective noun
  is a ``Group`` ("Kurdish rebels", "Syrian armed opposition"); a nationality noun
  ("Palestinians") names the state only as a collective actor ("the Palestinians", subject of a
  state act).
* **metonymy** (``CAPITAL``, ``SEAT``): a capital or seat of government is the state when it acts
  (subject, object of a relational verb or preposition, possessor of a non-place noun) and a
  ``Place`` (capitals) or nothing (seats) when it is a location ("in Moscow", "to Moscow" after a
  motion verb).
* **people**: a person is a ``Leader`` on role evidence (a title before the name, a role noun in
  apposition, "led by", the shipped leader list), else a ``Person``; names lose honorifics and
  titles; "the Assad regime" is the state.
* **the West**: "the West", "anti-/pro-Western", and "Western" on the bloc's actors ("Western
  leaders", "Western sanctions") are the ``Organization`` "the West".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from geokg.extract.annotations import EntityAnnotation
from geokg.extract.ent_lexicon import Lexicons
from geokg.extract.ent_names import (
    NAME_PARTICLES,
    PersonMention,
    american_spelling,
    ascii_name,
    merge_people,
    name_words,
    spelled_out,
)
from geokg.schema import EntityLabel

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "Candidate",
    "OverlapPolicy",
    "SurfaceIndex",
    "TitleEvidence",
    "longest_first",
    "propose",
    "resolve_all",
    "title_evidence",
]

# Candidate kinds beyond the gazetteer pattern labels.
NER_PERSON = "NER_PERSON"
NER_ORG = "NER_ORG"
NER_PLACE = "NER_PLACE"
TITLE_PERSON = "TITLE_PERSON"
WEST = "WEST"
EAST_BLOC = "EAST_BLOC"
INTRA = "INTRA"
COMPOSITE = "GROUP_COMPOSITE"
ACRONYM = "ACRONYM"

_MASS_GROUP = frozenset({"opposition", "resistance", "insurgency", "underground", "mujahideen"})
_IRREGULAR_PLURAL = {"militiaman": "militiamen", "militia": "militias"}
# Base priority of gazetteer kinds when two candidates cover the same tokens.
_PRIORITY = {
    "EVENT": 6,
    "COUNTRY_NAME": 4,
    "ORG": 4,
    "LEADER": 3,
    "PLACE": 3,
    "GROUP": 3,
    "CAPITAL": 3,
    "SEAT": 3,
    "LEGISLATURE": 3,
    "COUNTRY_ADJ": 3,
    "PLACE_ADJ": 3,
    "GROUP_ADJ": 3,
    "RELIGION_ADJ": 2,
    "COUNTRY_PEOPLE": 2,
}
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&/\-.]{1,9}$")
_PIECE = re.compile(r"[^\-/–]+")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible entity mention before resolution.

    Attributes:
        start: First token index.
        end: One past the last token.
        start_char: Character start (may lie inside a token).
        end_char: Character end.
        kind: The pattern label or rule kind (``COUNTRY_ADJ``, ``NER_PERSON``, ...).
        target: The canonical name proposed (gazetteer id) or the surface text.
        priority: Higher wins ties in the overlap policy.
        ids: All gazetteer ids for an ambiguous surface form.
    """

    start: int
    end: int
    start_char: int
    end_char: int
    kind: str
    target: str
    priority: int
    ids: tuple[str, ...] = ()

    @property
    def length(self) -> int:
        """Length in tokens."""
        return self.end - self.start


OverlapPolicy = Callable[[Sequence[Candidate]], list[Candidate]]


def longest_first(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Keep a non-overlapping subset: longest span first, then priority, then leftmost.

    Overlap is decided on tokens (an annotation may cover part of a token by characters, but
    two annotations never share a token).
    """
    taken: set[int] = set()
    kept: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (-c.length, -c.priority, c.start, c.end_char)):
        if any(i in taken for i in range(c.start, c.end)):
            continue
        taken.update(range(c.start, c.end))
        kept.append(c)
    kept.sort(key=lambda c: (c.start, c.start_char))
    return kept


@dataclass(slots=True)
class SurfaceIndex:
    """Gazetteer surface forms keyed by their token texts, per pattern label."""

    by_key: dict[tuple[str, tuple[str, ...]], list[str]] = field(default_factory=dict)
    single: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def add(self, label: str, words: tuple[str, ...], ident: str) -> None:
        """Register one tokenised surface form."""
        ids = self.by_key.setdefault((label, words), [])
        if ident not in ids:
            ids.append(ident)
        if len(words) == 1:
            pair = (label, ident)
            lst = self.single.setdefault(words[0], [])
            if pair not in lst:
                lst.append(pair)

    def ids(self, label: str, words: tuple[str, ...]) -> list[str]:
        """Gazetteer ids for a surface form under a label."""
        return self.by_key.get((label, words), [])


# --------------------------------------------------------------------------------------
# syntax helpers


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()


def head_noun(tok: Token, *, max_steps: int = 6) -> tuple[Token | None, bool]:
    """The noun an adjective-like token modifies, and whether the path went through a verb.

    Climbs ``amod``/``compound``/``conj``/``npadvmod``/... arcs ("Syrian, Iranian, and Indian
    partners" -> partners; "Syrian-backed militia" -> militia via the verb "backed").
    """
    cur = tok
    via_verb = False
    for _ in range(max_steps):
        if cur.dep_ not in _CLIMB or cur.head.i == cur.i:
            break
        nxt = cur.head
        if nxt.pos_ == "VERB" or (nxt.tag_ in ("VBN", "VBD", "VBG") and nxt.i > tok.i):
            via_verb = True
        cur = nxt
        if (
            cur.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
            and cur.i > tok.i
            and cur.dep_ != "compound"
        ):
            return cur, via_verb
        if cur.pos_ in ("NOUN", "PROPN") and cur.i > tok.i and cur.dep_ == "compound":
            continue
    if cur is not tok and cur.pos_ in ("NOUN", "PROPN") and cur.i > tok.i:
        return cur, via_verb
    # Tagger slips ("the pro-Russian regime" parsed flat): the next noun to the right.
    if tok.dep_ in ("amod", "compound", "nmod", "dep", "ROOT", "npadvmod"):
        doc = tok.doc
        for j in range(tok.i + 1, min(len(doc), tok.i + 4)):
            t = doc[j]
            if t.pos_ in ("NOUN",) and t.dep_ != "compound":
                return t, via_verb
            if t.pos_ not in ("ADJ", "PUNCT", "NOUN", "PROPN", "CCONJ") or t.text in (
                ",",
                ".",
                ";",
                ":",
            ):
                break
    return None, via_verb


_CLIMB = frozenset(
    {
        "amod",
        "compound",
        "nmod",
        "npadvmod",
        "conj",
        "punct",
        "advmod",
        "nummod",
        "dep",
        "cc",
        "poss",
        "case",
        "quantmod",
        "hmod",
        "hyph",
    }
)


def _between_modifiers(tok: Token, head: Token) -> list[Token]:
    """Tokens between a modifier and its head noun (the head's left modifiers after tok)."""
    return [
        t
        for t in head.doc[tok.i + 1 : head.i]
        if t.head.i == head.i or t.head.i in range(tok.i + 1, head.i)
    ]


# --------------------------------------------------------------------------------------
# proposing candidates


def propose(
    doc: Doc,
    hits: Iterable[tuple[str, int, int]],
    index: SurfaceIndex,
    lex: Lexicons,
) -> list[Candidate]:
    """All candidate mentions of a Doc (overlapping), before the overlap policy.

    Args:
        doc: The parsed Doc (needs ``ents``, ``dep``, ``lemma``).
        hits: Gazetteer matches as ``(label, start, end)`` token spans.
        index: The gazetteer surface index.
        lex: The lexicons.
    """
    cands: list[Candidate] = []
    gaz_tokens: dict[int, list[Candidate]] = {}
    for label, start, end in hits:
        words = tuple(t.text for t in doc[start:end])
        ids = index.ids(label, words)
        if not ids:
            continue
        span = doc[start:end]
        c = Candidate(
            start,
            end,
            span.start_char,
            span.end_char,
            label,
            ids[0],
            _PRIORITY.get(label, 3),
            tuple(ids),
        )
        if (
            label == "ORG"
            and words[0].lower() in lex.wordset("org_needs_article")
            and not _has_the(doc, start)
        ):
            continue
        if (
            label == "COUNTRY_NAME"
            and end < len(doc)
            and doc[end].text in ("$", "dollars", "dollar")
            and end - start == 1
        ):
            continue
        cands.append(c)
        for i in range(start, end):
            gaz_tokens.setdefault(i, []).append(c)

    cands.extend(_intra_token(doc, index, lex, gaz_tokens))
    for c in _west(doc, lex, gaz_tokens):
        cands.append(c)
        gaz_tokens.setdefault(c.start, []).append(c)
    cands.extend(_ner(doc, lex, gaz_tokens))
    cands.extend(_person_list_gaps(doc, gaz_tokens))
    cands.extend(_descriptor_places(doc, gaz_tokens))
    cands.extend(_media_names(doc, lex, gaz_tokens))
    cands.extend(_title_people(doc, lex, gaz_tokens, cands))
    cands.extend(_acronyms(doc, cands, index))
    cands.extend(_composites(doc, lex, cands))
    cands.extend(_located_groups(doc, lex, cands))
    return cands


def _has_the(doc: Doc, i: int) -> bool:
    return i > 0 and doc[i - 1].lower_ == "the"


def _intra_token(
    doc: Doc, index: SurfaceIndex, lex: Lexicons, gaz: dict[int, list[Candidate]]
) -> list[Candidate]:
    """Names inside unsplit tokens ("U.S.-led") and combining forms ("Sino-", "Franco-")."""
    out: list[Candidate] = []
    combining: dict[str, str | None] = lex.words.get("combining_forms", {})
    for tok in doc:
        text = tok.text
        if tok.i in gaz:
            continue
        if text in combining and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-":
            target = combining[text]
            if target:
                kind = "PLACE" if target in ("Europe",) else INTRA
                out.append(
                    Candidate(tok.i, tok.i + 1, tok.idx, tok.idx + len(text), kind, target, 3)
                )
            continue
        if len(text) < 4 or not any(ch in text for ch in "-/–"):
            continue
        for m in _PIECE.finditer(text):
            piece = m.group(0)
            for label, ident in index.single.get(piece, []):
                if label in ("COUNTRY_NAME", "COUNTRY_ADJ", "ORG"):
                    kind = INTRA if label != "ORG" else "ORG"
                    out.append(
                        Candidate(
                            tok.i, tok.i + 1, tok.idx + m.start(), tok.idx + m.end(), kind, ident, 3
                        )
                    )
                    break
            else:
                continue
            break
    return out


def _west(doc: Doc, lex: Lexicons, gaz: dict[int, list[Candidate]]) -> list[Candidate]:
    out: list[Candidate] = []
    for tok in doc:
        low = tok.lower_
        if low not in ("west", "western", "westernism") or tok.i in gaz:
            continue
        if low == "west" and tok.text != "West":
            continue
        out.append(
            Candidate(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), WEST, "the West", 2)
        )
        if (
            low == "west"
            and tok.i >= 2
            and doc[tok.i - 1].text in ("-", "–")
            and doc[tok.i - 2].text == "East"
        ):
            east = doc[tok.i - 2]
            out.append(
                Candidate(east.i, east.i + 1, east.idx, east.idx + 4, EAST_BLOC, "Eastern Bloc", 2)
            )
    return out


def _strip_span(doc: Doc, start: int, end: int, lex: Lexicons) -> tuple[int, int]:
    """Trim articles, titles, honorifics, possessives and punctuation from a name span."""
    honor = lex.wordset("honorifics")
    while start < end:
        t = doc[start]
        low = t.lower_
        if (
            low in ("the", "a", "an")
            or low in honor
            or t.is_punct
            or lex.is_title_word(low)
            or (low in lex.wordset("title_modifiers") and not t.text[:1].isupper())
        ):
            start += 1
            continue
        if start + 1 < end and lex.title_role(f"{low} {doc[start + 1].lower_}"):
            start += 2
            continue
        break
    while end > start:
        t = doc[end - 1]
        if (
            t.text in ("'s", "’s", "'", "’")
            or t.is_punct
            or t.lower_ in ("of", "and", "the", "in", "for")
        ):
            end -= 1
            continue
        break
    return start, end


def _title_case_sentence(span: Span) -> bool:
    """Whether a span sits in a headline-style sentence (most words capitalised)."""
    if not span.doc.has_annotation("SENT_START"):
        return False
    words = [t for t in span.sent if t.is_alpha]
    if len(words) < 4:
        return True
    caps = sum(1 for t in words if t.text[:1].isupper())
    return caps / len(words) >= 0.6


def _ner(doc: Doc, lex: Lexicons, gaz: dict[int, list[Candidate]]) -> list[Candidate]:
    out: list[Candidate] = []
    for ent in doc.ents:
        label = ent.label_
        if label not in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
            continue
        start, end = _strip_span(doc, ent.start, ent.end, lex)
        if start >= end:
            continue
        span = doc[start:end]
        text = span.text
        if not text[:1].isupper() or len(text) < 2 or any(ch.isdigit() for ch in text[:1]):
            continue
        overlapping = {c for i in range(start, end) for c in gaz.get(i, [])}
        if any(c.start == start and c.end == end for c in overlapping):
            continue
        if (
            label == "PERSON"
            and not overlapping
            and _person_tag_is_place(doc, ent.start, start, end, lex)
        ):
            label = "GPE"
        if label in ("GPE", "LOC") and end < len(doc) and doc[end].lower_ in _PLACE_SUFFIXES:
            # "the Jaffna peninsula", "the Tyumen region": an unlisted place keeps its noun.
            end += 1
            span = doc[start:end]
            text = span.text
        if label == "PERSON":
            if not _looks_like_name(span) or _only_title_words(span, lex):
                continue
            strong = span.end - span.start >= 2 and all(
                c.kind
                in (
                    "CAPITAL",
                    "PLACE",
                    "LEADER",
                    "GROUP_ADJ",
                    "GROUP",
                    "COUNTRY_PEOPLE",
                    "PLACE_ADJ",
                    "RELIGION_ADJ",
                )
                or (c.kind == "COUNTRY_NAME" and c.start > start)
                for c in overlapping
            )
            if overlapping and not strong:
                continue
            prio = 4 if strong and overlapping else 1
            out.append(
                Candidate(start, end, span.start_char, span.end_char, NER_PERSON, text, prio)
            )
        elif label == "ORG":
            start, end = _trim_org(doc, start, end)
            if end - start < 1:
                continue
            span = doc[start:end]
            text = span.text
            overlapping = {c for i in range(start, end) for c in gaz.get(i, [])}
            if any(c.start == start and c.end == end for c in overlapping):
                continue
            words = [t.lower_ for t in span]
            cut = next(
                (
                    k
                    for k, w in enumerate(words)
                    if w in ("of", "for", "in", "on", "against") and k > 0
                ),
                len(words),
            )
            head = words[cut - 1]
            state_organ = head in lex.wordset("state_org_heads")
            strong = head in lex.wordset("org_heads") and not state_organ and end - start >= 2
            if state_organ or (overlapping and not strong):
                continue
            if words[-1] in lex.wordset("event_heads"):
                continue
            if not strong and _in_person_list(span) and _looks_like_name(span):
                out.append(
                    Candidate(start, end, span.start_char, span.end_char, NER_PERSON, text, 1)
                )
                continue
            if not strong and (not _plausible_org(span, lex) or _title_case_sentence(span)):
                continue
            out.append(
                Candidate(
                    start, end, span.start_char, span.end_char, NER_ORG, text, 4 if strong else 1
                )
            )
        else:
            if not _plausible_place(span, lex) or text.lower() in lex.wordset("directions"):
                continue
            if span[-1].lower_ in lex.wordset("event_heads"):
                continue
            if len(span) == 1 and _title_case_sentence(span):
                continue
            # "West Darfur State": a longer place name around a known place.
            strong = bool(overlapping) and all(
                c.kind in ("PLACE", "CAPITAL") and (c.start > start or c.end < end)
                for c in overlapping
            )
            if overlapping and not strong:
                continue
            out.append(
                Candidate(
                    start, end, span.start_char, span.end_char, NER_PLACE, text, 4 if strong else 1
                )
            )
    return out


_PLACE_SUFFIXES = frozenset(
    {"peninsula", "region", "valley", "river", "island", "islands", "oblast", "krai"}
)
_LOCATING_PREPS = frozenset({"in", "near", "at", "outside", "across", "along"})


def _person_tag_is_place(doc: Doc, ent_start: int, start: int, end: int, lex: Lexicons) -> bool:
    """Whether a one-word name the model tags PERSON is a place by its syntax.

    "spanning the Rhine" (a person takes no article), "the Jaffna peninsula" (a place noun
    follows), "a rally in Sivas" (object of a locating preposition, no title before it).
    """
    if end - start != 1 or ent_start != start:
        return False
    tok = doc[start]
    if end < len(doc) and doc[end].text in ("'s", "’s"):
        return False
    if title_evidence(doc, start, end, lex):
        return False
    if start > 0 and doc[start - 1].lower_ == "the":
        return True
    if end < len(doc) and doc[end].lower_ in _PLACE_SUFFIXES:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in _LOCATING_PREPS


def _in_person_list(span: Span) -> bool:
    """Whether a span is coordinated with person names ("Chekhov, Leo Tolstoy, Dostoevsky")."""
    root = span.root
    linked = [root.head] if root.dep_ == "conj" else []
    linked += [t for t in root.children if t.dep_ == "conj"]
    return any(t.ent_type_ == "PERSON" for t in linked)


def _person_list_gaps(doc: Doc, gaz: dict[int, list[Candidate]]) -> list[Candidate]:
    """Names in a list of person names that the NER skipped ("Pushkin, Tolstoy, and Dostoevsky")."""
    out: list[Candidate] = []
    for tok in doc:
        if tok.ent_type_ or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.i in gaz:
            continue
        if tok.dep_ == "compound":
            continue
        linked = [tok.head] if tok.dep_ == "conj" else []
        linked += [t for t in tok.children if t.dep_ == "conj"]
        if not any(t.ent_type_ == "PERSON" for t in linked):
            continue
        start = tok.i
        while (
            start > 0
            and doc[start - 1].dep_ == "compound"
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].head.i == tok.i
        ):
            start -= 1
        span = doc[start : tok.i + 1]
        out.append(
            Candidate(start, tok.i + 1, span.start_char, span.end_char, NER_PERSON, span.text, 1)
        )
    return out


def _trim_org(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Cut an organization span at a bracket and drop trailing lower-case descriptors."""
    for k in range(start, end):
        if doc[k].text in ("(", "[", "“", '"', "``"):
            end = k
            break
    while end > start + 1 and (doc[end - 1].text[:1].islower() or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _media_names(doc: Doc, lex: Lexicons, gaz: dict[int, list[Candidate]]) -> list[Candidate]:
    """A name right after a media descriptor ("the news agency Ceteka") is an organization."""
    out: list[Candidate] = []
    descriptors = lex.wordset("media_descriptors")
    for tok in doc:
        if tok.lower_ not in descriptors:
            continue
        k = tok.i + 1
        while (
            k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and k not in gaz
        ):
            k += 1
        if k > tok.i + 1 and k - tok.i <= 5:
            span = doc[tok.i + 1 : k]
            out.append(
                Candidate(
                    span.start, span.end, span.start_char, span.end_char, NER_ORG, span.text, 2
                )
            )
    return out


_PLACE_DESCRIPTORS = frozenset(
    {
        "city",
        "town",
        "village",
        "port",
        "province",
        "region",
        "district",
        "capital",
        "island",
        "enclave",
        "oblast",
        "governorate",
        "municipality",
        "suburb",
        "county",
    }
)


def _descriptor_places(doc: Doc, gaz: dict[int, list[Candidate]]) -> list[Candidate]:
    """A name after a place noun ("the town of Samarra", "the capital Freetown") is a Place."""
    out: list[Candidate] = []
    for tok in doc:
        if tok.lower_ not in _PLACE_DESCRIPTORS or tok.text[:1].isupper():
            continue
        k = tok.i + 1
        if k < len(doc) and doc[k].lower_ == "of":
            k += 1
        start = k
        while (
            k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and k not in gaz
        ):
            k += 1
        if k > start and k - start <= 3 and (k == len(doc) or doc[k].text != "'s"):
            span = doc[start:k]
            out.append(Candidate(start, k, span.start_char, span.end_char, NER_PLACE, span.text, 2))
    return out


def _looks_like_name(span: Span) -> bool:
    words = [t for t in span if not t.is_punct]
    if not words or len(words) > 6:
        return False
    if not all(t.text[:1].isupper() or t.lower_ in NAME_PARTICLES or t.text == "'s" for t in words):
        return False
    return not any(t.like_num for t in words)


def _only_title_words(span: Span, lex: Lexicons) -> bool:
    """Whether a span is only title or portfolio words ("Secretary Interior" -> "Interior")."""
    mods = lex.wordset("title_modifiers")
    words = [t for t in span if not t.is_punct]
    return all(t.lower_ in mods or lex.is_title_word(t.lower_) for t in words)


def _plausible_org(span: Span, lex: Lexicons) -> bool:
    text = span.text
    if _ACRONYM.match(text) and 2 <= len(text) <= 5 and not text.endswith("."):
        return True
    words = [t for t in span if not t.is_punct]
    if len(words) < 2 or len(words) > 8:
        return False
    caps = sum(1 for t in words if t.text[:1].isupper())
    return caps >= 2 and caps >= len(words) - 1


def _plausible_place(span: Span, lex: Lexicons) -> bool:
    words = [t for t in span if not t.is_punct]
    if not words or len(words) > 4:
        return False
    if any(t.like_num for t in words):
        return False
    if len(words) > 1 and words[-1].lower_ in _PLACE_SUFFIXES:
        words = words[:-1]
    return all(t.text[:1].isupper() or t.lower_ in ("of", "and", "al", "el", "de") for t in words)


def _title_people(
    doc: Doc, lex: Lexicons, gaz: dict[int, list[Candidate]], cands: list[Candidate]
) -> list[Candidate]:
    """Names right after a capitalised title that the NER missed ("President Dos Sontas")."""
    out: list[Candidate] = []
    taken = {i for c in cands if c.kind == "LEADER" for i in range(c.start, c.end)}
    honor = lex.wordset("honorifics")
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if not (tok.text[:1].isupper() and lex.is_title_word(tok.lower_)):
            i += 1
            continue
        j = i + 1
        while (
            j < n
            and (doc[j].lower_ in honor or lex.is_title_word(doc[j].lower_))
            and doc[j].text[:1].isupper()
        ):
            j += 1
        k = j
        while k < n and k - j < 5 and _name_token(doc, k, j):
            k += 1
        if k > j and not any(
            x in taken or any(g.kind != "CAPITAL" and g.kind != "PLACE" for g in gaz.get(x, []))
            for x in range(j, k)
        ):
            span = doc[j:k]
            if _looks_like_name(span) and not _only_title_words(span, lex):
                out.append(
                    Candidate(j, k, span.start_char, span.end_char, TITLE_PERSON, span.text, 2)
                )
        i = max(k, i + 1)
    return out


def _name_token(doc: Doc, k: int, first: int) -> bool:
    """Whether token ``k`` continues a person name that started at ``first``."""
    t = doc[k]
    nxt_upper = k + 1 < len(doc) and doc[k + 1].text[:1].isupper()
    if t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_punct:
        return True
    if t.lower_ in NAME_PARTICLES and nxt_upper:
        return True
    return t.text == "-" and k > first and k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN"


def _acronyms(doc: Doc, cands: list[Candidate], index: SurfaceIndex) -> list[Candidate]:
    """Acronyms the text defines ("the Collective Security Treaty Organisation (CSTO)").

    Also the leading acronym of a longer organization name stands for it ("PEN America" ...
    "PEN's mission"), unless that acronym is itself a known name.
    """
    orgs = {c.end: c for c in cands if c.kind in ("ORG", NER_ORG)}
    defined: dict[str, str] = {}
    for c in orgs.values():
        first = doc[c.start].text
        if c.length >= 2 and _ACRONYM.match(first) and first not in index.single:
            defined.setdefault(first, c.target if c.kind == "ORG" else american_spelling(c.target))
    out: list[Candidate] = []
    for tok in doc:
        if not _ACRONYM.match(tok.text) or tok.i < 2:
            continue
        prev = doc[tok.i - 1]
        org: Candidate | None = None
        if prev.text == "(" and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ")":
            org = orgs.get(tok.i - 1)
        elif prev.lower_ == "or" and doc[tok.i - 2].text == ",":
            org = orgs.get(tok.i - 2)
        if org is not None:
            name = org.target if org.kind == "ORG" else american_spelling(org.target)
            defined.setdefault(tok.text, name)
    if not defined:
        return out
    covered = {
        i
        for c in cands
        if c.kind in ("ORG", NER_ORG) and c.length >= 2
        for i in range(c.start, c.end)
    }
    for tok in doc:
        short = defined.get(tok.text)
        if short and tok.i not in covered:
            out.append(
                Candidate(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), ACRONYM, short, 2)
            )
    return out


def _group_noun_of(
    tok: Token, head: Token, lex: Lexicons, group_tokens: dict[int, Candidate]
) -> Token | None:
    """The collective noun that makes ``tok`` + ... a Group ("rebels", "opposition", "Turkmen")."""
    groups = lex.wordset("group_nouns")
    for t in [head, *_between_modifiers(tok, head)]:
        if t.i <= tok.i:
            continue
        if _lemma(t) in groups or t.lower_ in groups:
            return t
        if t.i in group_tokens:
            return t
    return None


def _plural(tok: Token) -> str:
    low = _lemma(tok)
    if tok.tag_ in ("NNS", "NNPS") or low in _MASS_GROUP:
        return tok.text
    if low in _IRREGULAR_PLURAL:
        return _IRREGULAR_PLURAL[low]
    return tok.text + "s"


def _composites(doc: Doc, lex: Lexicons, cands: list[Candidate]) -> list[Candidate]:
    """ "<demonym or place> [adjectives] <collective noun>" -> Group ("Kurdish rebels")."""
    group_tokens: dict[int, Candidate] = {}
    for c in cands:
        if c.kind == "GROUP":
            for i in range(c.start, c.end):
                group_tokens[i] = c
    out: list[Candidate] = []
    people_at = {c.start: c for c in cands if c.kind == "COUNTRY_PEOPLE"}
    for c in cands:
        nxt = people_at.get(c.end)
        if (
            c.kind in ("PLACE", "PLACE_ADJ", "COUNTRY_ADJ")
            and nxt is not None
            and doc[nxt.start].tag_ in ("NNPS", "NNS")
        ):
            # "Karabakh Armenians", "Syrian Kurds": a people of a place.
            span = doc[c.start : nxt.end]
            name = f"{doc[c.start : c.end].text} {doc[nxt.start : nxt.end].text}"
            out.append(
                Candidate(c.start, nxt.end, span.start_char, span.end_char, COMPOSITE, name, 5)
            )
            continue
        if c.kind not in (
            "COUNTRY_ADJ",
            "GROUP_ADJ",
            "RELIGION_ADJ",
            "COUNTRY_NAME",
            "PLACE",
            "PLACE_ADJ",
        ):
            continue
        last = doc[c.end - 1]
        if last.dep_ == "poss" or (c.end < len(doc) and doc[c.end].text in ("'s", "’s")):
            continue
        head, via_verb = head_noun(last)
        if head is None or via_verb or head.i <= last.i or head.i - last.i > 4:
            continue
        if head.pos_ == "PROPN" and head.i not in group_tokens:
            continue
        gtok = _group_noun_of(last, head, lex, group_tokens)
        if gtok is None:
            continue
        start = c.start
        if start > 0 and doc[start - 1].lower_ == "ethnic":
            start -= 1
        if gtok.i in group_tokens:
            g = group_tokens[gtok.i]
            if g.start <= c.start:
                continue
            end = g.end
            prefix = doc[start : c.end].text
            name = f"{prefix} {g.target}"
        else:
            end = gtok.i + 1
            mids = [
                t.text
                for t in doc[c.end : gtok.i]
                if t.pos_ in ("ADJ", "NOUN") and t.text[:1].islower()
            ]
            name = " ".join([doc[start : c.end].text, *mids, _plural(gtok)])
        span = doc[start:end]
        out.append(Candidate(start, end, span.start_char, span.end_char, COMPOSITE, name, 5))
    return out


# A capital here is a location, not its state ("militias in Tripoli" are no "Libya militias").
_LOCATED_KINDS = frozenset({"COUNTRY_NAME", "PLACE", NER_PLACE})


def _located_groups(doc: Doc, lex: Lexicons, cands: list[Candidate]) -> list[Candidate]:
    """ "<collective noun> in <state or place>" -> Group ("Rebels in the Ivory Coast" ->
    "Ivory Coast rebels", "the rebels in Darfur" -> "Darfur rebels").

    The Group covers the collective noun alone, so the state or place stays its own mention.
    Only an acting collective (subject, conjunct, object) is named so; as the object of a
    preposition ("fire on militants in Azerbaijan", "between rival militias in Tripoli") the
    noun phrase describes whom something concerns and names no actor.
    """
    groups = lex.wordset("group_nouns")
    where: dict[int, Candidate] = {}
    for c in cands:
        if c.kind in _LOCATED_KINDS:
            for i in range(c.start, c.end):
                where.setdefault(i, c)
    taken = {i for c in cands if c.kind == COMPOSITE for i in range(c.start, c.end)}
    out: list[Candidate] = []
    for tok in doc:
        if tok.i in taken or not (_lemma(tok) in groups or tok.lower_ in groups):
            continue
        if tok.pos_ != "NOUN" or tok.tag_ not in ("NNS", "NN"):
            continue
        if tok.tag_ == "NN" and _lemma(tok) not in _MASS_GROUP:
            continue
        if tok.dep_ == "pobj" or (tok.dep_ == "conj" and tok.head.dep_ == "pobj"):
            continue
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "from"):
                continue
            place = next(
                (where[o.i] for o in prep.children if o.dep_ == "pobj" and o.i in where), None
            )
            if place is None:
                continue
            label = place.target if place.kind != NER_PLACE else doc[place.start : place.end].text
            if label.lower().startswith("the "):
                label = label[4:]
            name = f"{label} {_plural(tok).lower()}"
            out.append(
                Candidate(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), COMPOSITE, name, 5)
            )
            break
    return out


# --------------------------------------------------------------------------------------
# resolution


@dataclass(frozen=True, slots=True)
class TitleEvidence:
    """A title or role noun that makes a person a Leader.

    Attributes:
        start: First token of the title.
        end: One past its last token.
        role: The canonical role ("President", "Foreign Minister", "tsar").
        how: ``"prefix"`` (title before the name), ``"appos"`` (role noun in apposition),
            ``"led_by"``, or ``"gazetteer"`` (shipped leader list, no tokens).
    """

    start: int
    end: int
    role: str
    how: str


def title_evidence(doc: Doc, start: int, end: int, lex: Lexicons) -> list[TitleEvidence]:
    """The role evidence for a person name span ``[start, end)`` in the Doc.

    Looks left for a title before the name (skipping demonyms, possessives, "former", ...),
    at appositions ("X, the president of Y"; "the Soviet leader X") and at "led by X".
    """
    out: list[TitleEvidence] = []
    mods = lex.wordset("title_modifiers")
    honor = lex.wordset("honorifics")
    not_leader = lex.wordset("religious_honorifics_not_leader")
    j = start - 1
    steps = 0
    while j >= 0 and steps < 10:
        steps += 1
        t = doc[j]
        low = t.lower_
        found = False
        for width in range(min(lex.max_title_words, 4), 0, -1):
            a = j - width + 1
            if a < 0:
                continue
            phrase = " ".join(x.lower_ for x in doc[a : j + 1])
            role = lex.title_role(phrase)
            if role and not (width == 1 and low in not_leader):
                out.append(TitleEvidence(a, j + 1, role, "prefix"))
                j = a - 1
                found = True
                break
        if found:
            break
        if (
            low in honor
            or low in mods
            or t.ent_type_ in ("GPE", "NORP", "ORG")
            or t.text in ("-", "'s", "’s", ",")
            or (
                t.pos_ == "PROPN"
                and t.text[:1].isupper()
                and j < start - 1
                and t.ent_type_ != "PERSON"
            )
        ):
            if t.text == "," and not (j > 0 and lex.is_title_word(doc[j - 1].lower_)):
                break
            j -= 1
            continue
        # "Minister for Interior X", "Secretary of State X": the portfolio after the title.
        if (
            low in ("for", "of")
            and j > 0
            and lex.is_title_word(doc[j - 1].lower_)
            and j < start - 1
        ):
            j -= 1
            continue
        break
    if out:
        return out
    span = doc[start:end]
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and (child.i < start or child.i >= end):
            role = _role_of_np(child, lex)
            if role:
                out.append(TitleEvidence(child.i, child.i + 1, role, "appos"))
                return out
    if root.dep_ in ("appos", "compound") and not (start <= root.head.i < end):
        role = _role_of_np(root.head, lex) or (
            _role_of_appos_host(root.head, lex) if root.dep_ == "appos" else None
        )
        if role:
            out.append(TitleEvidence(root.head.i, root.head.i + 1, role, "appos"))
            return out
    if root.dep_ == "pobj" and root.head.lower_ == "by" and _lemma(root.head.head) == "lead":
        out.append(TitleEvidence(root.head.head.i, root.head.head.i + 1, "leader", "led_by"))
    return out


_LEGISLATURE_NOUNS = frozenset(
    {"parliament", "congress", "senate", "assembly", "legislature", "house", "council"}
)


def _role_of_appos_host(tok: Token, lex: Lexicons) -> str | None:
    """The role of a noun phrase a name is in apposition to, beyond a bare title noun.

    "a member of the Syrian parliament, X" -> member of parliament; the parser often hangs
    the name on the last noun of the title's "of" phrase ("deputy governor of the Tyumen
    region, X" -> region), so the title before that "of" counts too.
    """
    if _lemma(tok) == "member":
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and (
                        _lemma(obj) in _LEGISLATURE_NOUNS
                        or obj.text in lex.words.get("legislatures", {})
                    ):
                        return "member of parliament"
        return None
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i != tok.i:
        return _role_of_np(tok.head.head, lex)
    return None


def _role_of_np(tok: Token, lex: Lexicons) -> str | None:
    role = lex.title_role(tok.text)
    if role:
        left = tok.doc[max(0, tok.i - 2) : tok.i]
        for a in range(len(left)):
            longer = lex.title_role(" ".join(x.lower_ for x in left[a:]) + " " + tok.lower_)
            if longer:
                return longer
        return role
    return None


@dataclass(slots=True)
class _Resolved:
    ann: EntityAnnotation
    evidence: bool = False
    gaz_ids: tuple[str, ...] = ()


def resolve_all(doc: Doc, kept: Sequence[Candidate], lex: Lexicons) -> list[EntityAnnotation]:
    """Resolve the kept candidates into entity annotations (sorted, non-overlapping).

    Args:
        doc: The parsed Doc.
        kept: Non-overlapping candidates (after the overlap policy).
        lex: The lexicons.
    """
    resolved: list[_Resolved] = []
    for c in kept:
        r = _resolve(doc, c, lex)
        if r is not None:
            resolved.append(r)
    return _harmonize_people(resolved, lex)


def _ann(
    c: Candidate, label: EntityLabel, name: str, rule: str, lex: Lexicons, kind: str | None = None
) -> EntityAnnotation:
    iso3 = None
    if label is EntityLabel.COUNTRY:
        info = lex.country(name)
        iso3 = info.iso3 if info else None
        if kind is None and info is not None and info.kind != "state":
            kind = info.kind
    return EntityAnnotation(c.start, c.end, c.start_char, c.end_char, label, name, iso3, rule, kind)


def _country(c: Candidate, name: str, rule: str, lex: Lexicons) -> _Resolved:
    return _Resolved(_ann(c, EntityLabel.COUNTRY, name, rule, lex))


def _resolve(doc: Doc, c: Candidate, lex: Lexicons) -> _Resolved | None:
    kind = c.kind
    if kind == "EVENT":
        return None
    if kind in ("COUNTRY_NAME", INTRA, "LEGISLATURE"):
        return _country(c, c.target, "gazetteer" if kind != INTRA else "intra_token", lex)
    if (
        kind in ("COUNTRY_ADJ", "COUNTRY_PEOPLE")
        and c.start > 0
        and doc[c.start - 1].lower_ == "ethnic"
    ):
        return _Resolved(
            _ann(
                c,
                EntityLabel.GROUP,
                "ethnic " + _people_plural(doc[c.start : c.end].text),
                "ethnic",
                lex,
            )
        )
    if kind == "COUNTRY_ADJ":
        return _demonym_adj(doc, c, lex)
    if kind == "COUNTRY_PEOPLE":
        return _demonym_people(doc, c, lex)
    if kind in ("CAPITAL", "SEAT"):
        return _metonym(doc, c, lex)
    if kind in ("ORG", ACRONYM):
        return _Resolved(
            _ann(
                c,
                EntityLabel.ORGANIZATION,
                c.target,
                "gazetteer" if kind == "ORG" else "acronym",
                lex,
                lex.org_kinds.get(c.target),
            )
        )
    if kind == NER_ORG:
        name = american_spelling(c.target)
        return _Resolved(_ann(c, EntityLabel.ORGANIZATION, name, "ner", lex))
    if kind == EAST_BLOC:
        return _Resolved(_ann(c, EntityLabel.ORGANIZATION, c.target, "west", lex, "bloc"))
    if kind == "PLACE":
        return _Resolved(_ann(c, EntityLabel.PLACE, c.target, "gazetteer", lex))
    if kind == "PLACE_ADJ":
        head, _ = head_noun(doc[c.end - 1])
        if head is not None and _lemma(head) in lex.wordset("language_nouns"):
            return None
        return _Resolved(_ann(c, EntityLabel.PLACE, c.target, "place_adjective", lex))
    if kind == NER_PLACE:
        return _Resolved(_ann(c, EntityLabel.PLACE, c.target, "ner", lex))
    if kind in ("GROUP", COMPOSITE):
        return _Resolved(
            _ann(
                c,
                EntityLabel.GROUP,
                c.target,
                "gazetteer" if kind == "GROUP" else "group_composite",
                lex,
            )
        )
    if kind == "GROUP_ADJ":
        head, _ = head_noun(doc[c.end - 1])
        if head is None or _lemma(head) in lex.wordset("language_nouns"):
            return None
        kin = lex.words.get("kin_states", {}).get(c.target)
        if kin and (
            _lemma(head) in lex.wordset("state_agent_nouns")
            or head.lower_ in lex.wordset("state_agent_nouns")
        ):
            return _country(c, kin, "demonym", lex)
        return _Resolved(_ann(c, EntityLabel.GROUP, c.target, "group_adjective", lex))
    if kind == "RELIGION_ADJ":
        return None
    if kind == WEST:
        return _west_resolve(doc, c, lex)
    if kind in ("LEADER", NER_PERSON, TITLE_PERSON):
        return _person(doc, c, lex)
    return None


def _people_plural(word: str) -> str:
    if word.endswith("s"):
        return word
    if word.endswith(("an", "i", "ot")):
        return word + "s"
    return word


def _private_head(tok: Token, head: Token, lex: Lexicons) -> bool:
    private = lex.wordset("private_people_nouns")
    if _lemma(head) in private or head.lower_ in private:
        return True
    return any(
        _lemma(t) in private
        for t in _between_modifiers(tok, head)
        if t.pos_ in ("NOUN", "ADJ") and t.text[:1].islower()
    )


def _demonym_adj(doc: Doc, c: Candidate, lex: Lexicons) -> _Resolved | None:
    last = doc[c.end - 1]
    head, via_verb = head_noun(last)
    if head is None:
        # "the British", "the French": the nation as a collective actor.
        if (
            c.start > 0
            and doc[c.start - 1].lower_ == "the"
            and last.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj", "conj")
        ):
            return _country(c, c.target, "demonym", lex)
        if last.dep_ in ("amod", "compound", "nmod", "npadvmod") or last.pos_ == "ADJ":
            return _country(c, c.target, "demonym", lex)
        return None
    if via_verb:
        return _country(c, c.target, "demonym", lex)
    if _private_head(last, head, lex):
        return None
    if _lemma(head) in lex.wordset("language_nouns"):
        return None
    return _country(c, c.target, "demonym", lex)


def _demonym_people(doc: Doc, c: Candidate, lex: Lexicons) -> _Resolved | None:
    tok = doc[c.end - 1]
    surface = doc[c.start : c.end].text
    if surface in lex.wordset("people_as_state") or surface.lower() in lex.wordset(
        "people_as_state"
    ):
        return _country(c, c.target, "demonym_people", lex)
    mods = [
        t
        for t in tok.children
        if t.dep_ in ("amod", "nummod", "compound", "quantmod", "relcl", "acl")
    ]
    dets = [t for t in tok.children if t.dep_ == "det"]
    if mods:
        return None
    if dets and all(d.lower_ == "the" for d in dets):
        return _country(c, c.target, "demonym_people", lex)
    if (
        tok.dep_ in ("nsubj",)
        and _lemma(tok.head) in lex.wordset("state_subject_verbs")
        and not dets
    ):
        return _country(c, c.target, "demonym_people", lex)
    return None


def _is_place_use(tok: Token, lex: Lexicons, depth: int = 0) -> bool:
    """Whether a capital/seat token is used as a location rather than as an actor."""
    doc = tok.doc
    # "Antalya, Turkey": a city followed by its country.
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "," and doc[tok.i + 2].ent_type_ == "GPE":
        nxt = doc[tok.i + 2]
        if nxt.dep_ == "appos" or nxt.head.i == tok.i:
            return True
    if (
        tok.i >= 2
        and doc[tok.i - 1].lower_ == "of"
        and doc[tok.i - 2].lower_ in ("city", "capital", "town", "streets", "suburbs", "outskirts")
    ):
        return True
    if any(
        ch.dep_ in ("amod", "compound", "advmod") and ch.lower_ in lex.wordset("directions")
        for ch in tok.children
    ):
        return True
    dep = tok.dep_
    head = tok.head
    if dep in ("nsubj", "nsubjpass", "agent", "expl"):
        return False
    if dep == "poss":
        return _lemma(head) in lex.wordset("place_nouns")
    if dep in ("compound", "nmod", "amod"):
        return _lemma(head) not in lex.wordset("state_agent_nouns")
    if dep == "pobj":
        prep = head.lower_
        gov = head.head
        if prep in lex.wordset("locative_preps"):
            return True
        if prep in ("including", "like", "as") and _lemma(gov) in _PLACE_DESCRIPTORS | {
            "cities",
            "towns",
        }:
            return True
        if prep in ("to", "toward", "towards"):
            return _lemma(gov) in lex.wordset("motion_verbs")
        if prep == "from":
            return not (
                _lemma(gov) in lex.wordset("state_agent_nouns")
                or _lemma(gov) in lex.wordset("from_actor_words")
            )
        if prep == "of":
            return _lemma(gov) in lex.wordset("place_nouns") or _lemma(gov) in (
                "city",
                "capital",
                "part",
                "center",
                "centre",
            )
        return False
    if dep in ("dobj", "obj"):
        return _lemma(head) in lex.wordset("place_verbs")
    if dep in ("conj", "appos") and depth < 4 and head.i != tok.i:
        return _is_place_use(head, lex, depth + 1)
    return dep == "appos"


def _metonym(doc: Doc, c: Candidate, lex: Lexicons) -> _Resolved | None:
    tok = doc[c.start : c.end].root
    place = _is_place_use(tok, lex)
    if c.kind == "SEAT":
        if place and tok.dep_ == "pobj":
            return None
        return _country(c, c.target, "metonym", lex) if c.target in lex.countries else _org(c, lex)
    if place:
        return _Resolved(
            _ann(c, EntityLabel.PLACE, doc[c.start : c.end].text, "capital_place", lex)
        )
    if c.target in lex.countries:
        return _Resolved(_ann(c, EntityLabel.COUNTRY, c.target, "metonym", lex, "capital"))
    return _org(c, lex)


def _org(c: Candidate, lex: Lexicons) -> _Resolved:
    return _Resolved(
        _ann(c, EntityLabel.ORGANIZATION, c.target, "metonym", lex, lex.org_kinds.get(c.target))
    )


def _west_resolve(doc: Doc, c: Candidate, lex: Lexicons) -> _Resolved | None:
    tok = doc[c.start]
    low = tok.lower_
    prev = doc[c.start - 1].lower_ if c.start > 0 else ""
    prev2 = doc[c.start - 2].lower_ if c.start > 1 else ""
    if prev == "-" and prev2 == "non":
        return None
    anti = prev == "-" and prev2 in ("anti", "pro")
    if low == "westernism":
        return (
            _Resolved(_ann(c, EntityLabel.ORGANIZATION, "the West", "west", lex, "bloc"))
            if anti
            else None
        )
    if low == "west":
        nxt = doc[c.start + 1] if c.start + 1 < len(doc) else None
        if (
            nxt is not None
            and nxt.pos_ == "PROPN"
            and nxt.text[:1].isupper()
            and nxt.text not in ("'s", "’s")
        ):
            return None
        if (
            prev
            in (
                "the",
                "a",
                "collective",
                "-",
                "’s",
                "'s",
                "entire",
                "whole",
                "wider",
                "broader",
                "democratic",
                "liberal",
                "global",
                "hostile",
                "decadent",
                "united",
            )
            or tok.dep_ in ("nsubj", "pobj", "dobj", "conj", "poss", "nsubjpass")
            or anti
        ):
            return _Resolved(_ann(c, EntityLabel.ORGANIZATION, "the West", "west", lex, "bloc"))
        return None
    # "Western" / "western"
    if anti:
        return _Resolved(_ann(c, EntityLabel.ORGANIZATION, "the West", "west", lex, "bloc"))
    head, _ = head_noun(tok)
    if head is None:
        return None
    if head.pos_ == "PROPN" or (head.text[:1].isupper() and head.pos_ != "NOUN"):
        return None
    if _lemma(head) in lex.wordset("western_actor_nouns") or head.lower_ in lex.wordset(
        "western_actor_nouns"
    ):
        return _Resolved(_ann(c, EntityLabel.ORGANIZATION, "the West", "west", lex, "bloc"))
    return None


def _person(doc: Doc, c: Candidate, lex: Lexicons) -> _Resolved | None:
    span = doc[c.start : c.end]
    root = span.root
    leader_ids = c.ids if c.kind == "LEADER" else ()
    # "the Assad regime" -> the state the leader runs.
    if root.dep_ == "compound" and _lemma(root.head) in lex.wordset("leader_org_nouns_to_state"):
        for ident in leader_ids or (c.target,):
            info = lex.leader(ident)
            if info and info.country and info.country in lex.countries:
                return _country(c, info.country, "leader_regime", lex)
    evidence = title_evidence(doc, c.start, c.end, lex)
    # A listed alias may carry an honorific or title ("King Abdullah II"): the name has none.
    first, last = _strip_span(doc, c.start, c.end, lex) if leader_ids else (c.start, c.end)
    name_span = doc[first:last] if first < last else span
    name = ascii_name(_clean_person_name(name_span.text))
    role = evidence[0].role if evidence else None
    if leader_ids and role is None:
        info = lex.leader(leader_ids[0])
        role = info.role if info else None
    label = EntityLabel.LEADER if (evidence or leader_ids) else EntityLabel.PERSON
    rule = "gazetteer" if leader_ids else ("title" if c.kind == TITLE_PERSON else "ner")
    ann = EntityAnnotation(c.start, c.end, c.start_char, c.end_char, label, name, None, rule, role)
    return _Resolved(ann, bool(evidence), leader_ids)


def _clean_person_name(text: str) -> str:
    text = text.replace("’", "'")
    if text.endswith("'s"):
        text = text[:-2]
    return " ".join(text.split()).strip(" ,.;:")


def _list_reading(r: _Resolved, lex: Lexicons) -> str | None:
    """The one listed leader a gazetteer hit names (an ambiguous alias: its default, if any)."""
    if len(r.gaz_ids) == 1:
        return r.gaz_ids[0]
    if r.gaz_ids:
        return lex.alias_defaults.get(r.ann.name)
    return None


def _harmonize_people(resolved: list[_Resolved], lex: Lexicons) -> list[EntityAnnotation]:
    """Merge person aliases within the Doc and give every mention of a leader the Leader label.

    Name policy: where the text spells a person's name out (two words or more), the name is the
    text's own fullest form in the Doc (ASCII, no titles or honorifics), whatever the leader list
    writes; the list gives the name only of a bare surname or short form that the Doc never spells
    out ("Putin" -> "Vladimir Putin"), and joins the Doc's spelling variants ("Mitterrand" after
    "Francois Mitterand").
    """
    person_names = [
        r.ann.name for r in resolved if r.ann.label in (EntityLabel.LEADER, EntityLabel.PERSON)
    ]
    surnames = {n.split()[-1] for n in person_names if len(n.split()) > 1}
    for r in resolved:
        # The small model tags a bare surname as a place ("writes Karagiannis").
        if r.ann.label is EntityLabel.PLACE and r.ann.rule == "ner" and r.ann.name in surnames:
            r.ann = replace(r.ann, label=EntityLabel.PERSON)
    people = [
        (i, r)
        for i, r in enumerate(resolved)
        if r.ann.label in (EntityLabel.LEADER, EntityLabel.PERSON)
    ]
    if not people:
        return [r.ann for r in resolved]
    readings = {r.ann.name: ident for _, r in people if (ident := _list_reading(r, lex))}
    doc_forms: dict[str, str] = {}
    for name, ident in readings.items():
        if spelled_out(name, ident):
            cur = doc_forms.get(ident)
            if cur is None or len(name_words(name)) > len(name_words(cur)):
                doc_forms[ident] = name
    canonical = {
        name: doc_forms.get(ident, ascii_name(ident))
        for name, ident in readings.items()
        if not spelled_out(name, ident)
    }
    mentions = [PersonMention(r.ann.name, r.ann.start) for _, r in people]
    merged = merge_people(mentions, canonical=canonical)
    listed_forms = set(doc_forms.values()) | {ascii_name(i) for i in readings.values()}
    # Leaders: role evidence in the text, the shipped list, or an ambiguous listed alias that
    # the document does not resolve ("Bush").
    leaders = {
        merged[k]
        for k, (_, r) in enumerate(people)
        if r.evidence
        or lex.leader(merged[k]) is not None
        or (r.gaz_ids and (merged[k] == r.ann.name or merged[k] in listed_forms))
    }
    out = [r.ann for r in resolved]
    for k, (i, r) in enumerate(people):
        name = merged[k]
        label = EntityLabel.LEADER if name in leaders else EntityLabel.PERSON
        role = r.ann.kind if (r.evidence or r.gaz_ids or lex.leader(name)) else None
        out[i] = replace(r.ann, name=name, label=label, kind=role)
    return out
