"""Case-normalised parsing of Title Case lines (headlines), with offsets unchanged.

A tagger and parser trained on running text read "Iran, Egypt Agree To Restore Ties" as a
string of proper nouns. Before parsing, each Title Case line is given sentence case: a word is
lowercased when it is a common English word (the model's own lemmatizer index, its tables of
irregular forms, stop words, function words and the relation cue words) and not part of a
known name (any gazetteer surface, matched case-sensitively, as the entity component matches
them); a word after an initial ("N. Korea") is a name, and a closing quotation mark is no part
of a word. Lowercasing keeps every character in place, so the Doc's offsets still
map to the raw file; the records take their text from the raw file, not from the Doc.

Example:
    >>> norm = TitleCaseNormaliser(common={"agree", "to", "restore", "tie"}, names={"Iran"})
    >>> norm("Iran, Egypt Agree To Restore Ties")
    'Iran, Egypt agree to restore ties'
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["TitleCaseNormaliser", "is_title_case", "normaliser_for"]

_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
# words too short or too common to tell Title Case from a sentence that names many things
_MIN_WORDS = 3
_MAX_WORDS = 30
_TITLE_SHARE = 0.75
# a three-word line is Title Case only when every word is long and capitalised
# ("Chile Joins NATO"; not "By Ana Torres")
_SHORT_LINE = 3
# a dash spelled as a spaced hyphen: the parser reads "Peru - officials" as a compound
_SPACED_HYPHEN = re.compile(r"(?<=\S) - (?=\S)")
# what ends a line of running text (a headline has no final stop)
_FINAL = tuple(".!?:;\"'”’)")
# words that are never part of a name, so a neighbouring name does not keep them capitalised
_FUNCTION_WORDS = frozenset(
    {
        "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
        "with", "from", "into", "onto", "over", "under", "after", "before", "as", "amid",
        "against", "between", "among", "about", "than", "via", "is", "are", "was", "were", "be",
        "been", "has", "have", "had", "will", "would", "can", "could", "may", "might", "must",
        "shall", "should", "do", "does", "did", "not", "despite", "during", "toward",
        "towards", "near", "versus", "vs", "since", "until", "while", "if", "upon", "across",
        "within", "without", "beyond", "through", "behind", "ahead", "per",
    }
)  # fmt: skip
# quotation marks around a headline's words ("Calls Remarks 'Irresponsible'")
_QUOTES = "'\"‘’“”"
# words English capitalises in any sentence: days and the months that are no common word
_ALWAYS_CAPITALISED = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "april", "june", "july", "september", "october", "november",
        "december",
    }
)  # fmt: skip
# the heads of a company named with a state that are no common word of a headline about the
# state ("Kenya Airways"; not "Chile Oil", "Russia Gas": the state's oil and gas)
_COMPANY_HEADS = frozenset(
    {"airways", "airlines", "telecom", "telecommunications", "railways", "holdings", "motors"}
)
# the lexicon's classes of nouns that head a phrase a name modifies ("Kallas Aide")
_HEAD_NOUN_CLASSES = (
    "private_people_nouns", "group_nouns", "western_actor_nouns", "state_agent_nouns",
    "place_nouns", "visit_nouns", "visit_talk_nouns", "leader_state_nouns",
    "leader_state_possessed_nouns", "leader_evidence_nouns", "partisan_nouns",
    "business_titles", "person_appositives", "private_institution_nouns", "owned_roles",
    "weapon_nouns", "company_nouns",
)  # fmt: skip


def is_title_case(line: str) -> bool:
    """Whether a line is in Title Case: most of its longer words start with a capital.

    Function words in lower case do not count: a headline style may keep them small
    ("Kenya Recalls Ambassador from Uganda over Border Row").
    """
    words = _WORD.findall(line)
    if not (_MIN_WORDS <= len(words) <= _MAX_WORDS):
        return False
    long_words = [w for w in words if len(w) >= 4 and w not in _FUNCTION_WORDS]
    if len(words) == _SHORT_LINE and len(long_words) < _SHORT_LINE:
        # "Chad Leaves OAS": a short word counts when it is an acronym in capitals
        return all(w[0].isupper() for w in long_words) and all(
            len(w) >= 2 and w.isupper() for w in words if len(w) < 4
        )
    if len(long_words) < 3:
        # "US Halts Aid To Qatar": few long words, so every word must be capitalised
        return len(words) > _SHORT_LINE and all(
            w[0].isupper() for w in words if len(w) >= 2 and w not in _FUNCTION_WORDS
        )
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised / len(long_words) >= _TITLE_SHARE


def _name_part(word: str) -> str:
    """A word as it stands in a name: without a possessive ("Peru's" -> "Peru")."""
    return word[:-2] if word.endswith("'s") else word.rstrip("'")


def _base_forms(word: str) -> Iterable[str]:
    """The word and the forms an English inflection may come from ("ties" -> "tie",
    "admitted" -> "admit"); a closing quotation mark is no part of the word."""
    word = word.rstrip(_QUOTES) or word
    yield word
    if word.endswith("'s"):
        yield word[:-2]
    if word.endswith("ies"):
        yield word[:-3] + "y"
    if word.endswith("es"):
        yield word[:-2]
    if word.endswith("s"):
        yield word[:-1]
    if word.endswith("ed"):
        yield word[:-2]
        yield word[:-1]
        if len(word) > 5 and word[-3] == word[-4]:
            yield word[:-3]  # a doubled final consonant: "planned", "admitted"
    if word.endswith("men"):
        yield word[:-3] + "man"  # "gunmen", "spokesmen"
    if word.endswith("ing"):
        yield word[:-3]
        yield word[:-3] + "e"
        if len(word) > 6 and word[-4] == word[-5]:
            yield word[:-4]  # "planning", "cutting"


class TitleCaseNormaliser:
    """Gives Title Case lines sentence case, keeping names and acronyms.

    Args:
        common: Lowercase common English words (lemmas and function words).
        names: Surface forms of known names (case-sensitive, one or more words).
        verbs: Lowercase verb lemmas: a verb next to a name is the headline's verb, not part
            of the name ("Lula Meets Xi"), so it is lowercased.
        people: Full names of listed people ("Ana Lopez"): where the document's running text
            writes one, its last word is a name in the document's headlines too ("Biden Meets
            Lopez"), even when it is also a common word; the entity rules then give the bare
            surname the full name.
        verb_forms: Lowercase irregular verb forms ("met", "won"): a headline's verb.
        leader_nouns: Lowercase nouns a leader's surname may modify and stay the leader
            ("May Government", "Biden Administration").
        head_nouns: Lowercase nouns of people, groups, places and things that follow a name as
            the head it modifies ("Kallas Aide", "Wagner Fighters"), and adverbs ("Overnight"):
            never read as a surname.
        company_heads: Lowercase words that, right after a known name, make a company named
            with it ("Kenya Airways", "China Telecom"): they keep their capital there.

    A surname that is also a common word stays a common word where it is used as one: after
    "in" ("Talks Resume In May": the month) and before a common noun it modifies ("Brown Bear
    Spotted"), unless that noun is a leader's noun.

    A person's surname may be a common word too (the index holds "graham", "store", "banks"):
    right after an unknown capitalised word (a given name the gazetteer does not list: "Lindsey
    Graham Said ...") a common word keeps its capital when it is no function word, no head
    noun and no adverb ("Arica Overnight"), and closes the name: the headline's verb follows
    it, or a comma or "and" ("Jonas Gahr Store, Who ...", where a verb may be the surname
    too); a capitalised word after a function word ("of Arica") is a
    place more often than a given name, and gives no surname.
    """

    def __init__(
        self,
        *,
        common: Iterable[str],
        names: Iterable[str],
        verbs: Iterable[str] = (),
        people: Iterable[str] = (),
        verb_forms: Iterable[str] = (),
        leader_nouns: Iterable[str] = (),
        head_nouns: Iterable[str] = (),
        company_heads: Iterable[str] = (),
    ) -> None:
        self.common = frozenset(common)
        self.verbs = frozenset(verbs)
        self.verb_forms = frozenset(verb_forms)
        self.leader_nouns = frozenset(leader_nouns)
        self.head_nouns = frozenset(head_nouns)
        self.company_heads = frozenset(company_heads)
        self.people = frozenset(tuple(full) for p in people if len(full := _WORD.findall(p)) >= 2)
        starts: dict[str, list[tuple[str, ...]]] = {}
        for name in names:
            parts = tuple(_WORD.findall(name))
            while parts and not parts[0][0].isupper():
                parts = parts[1:]  # "the West": the capitalised part is the name
            if parts:
                starts.setdefault(parts[0], []).append(parts)
        self._starts = {k: sorted(v, key=len, reverse=True) for k, v in starts.items()}

    def _common(self, word: str) -> bool:
        low = word.lower()
        return self._function_word(word) or any(f in self.common for f in _base_forms(low))

    def line(self, line: str, surnames: frozenset[str] = frozenset()) -> str:
        """One line in sentence case (unchanged unless it is in Title Case).

        Args:
            line: One line of text.
            surnames: Words that are names in this document ("Lopez" where its running text
                writes "Ana Lopez"): they keep their capital.
        """
        if not is_title_case(line) or self._short_sentence(line):
            return line
        matches = list(_WORD.finditer(line))
        words = [m.group() for m in matches]
        bare = [_name_part(w) for w in words]
        protected: set[int] = set()
        small: set[int] = set()
        for i, w in enumerate(bare):
            for parts in self._starts.get(w, ()):
                # a name's small words are capitalised in a headline: "Alliance Of Sahel States"
                got = bare[i : i + len(parts)]
                if len(got) == len(parts) and all(
                    b == p or (p.islower() and b.lower() == p)
                    for b, p in zip(got, parts, strict=True)
                ):
                    protected.update(range(i, i + len(parts)))
                    # ... and written as the name spells them: "Alliance of Sahel States"
                    small.update(i + k for k, p in enumerate(parts) if p.islower())
                    break
        at = {i for i, w in enumerate(bare) if w in surnames}
        ordinary = {i for i in at if self._common(words[i]) and self._ordinary_use(words, i)}
        protected.update(at - ordinary)
        titled = [w[0].isupper() and w[1:] == w[1:].lower() for w in words]
        # the line's first word keeps its capital, unless a number opens the line ("3 Killed")
        first = 0 if matches and not any(c.isdigit() for c in line[: matches[0].start()]) else -1
        common = [titled[i] and i not in protected and self._common(w) for i, w in enumerate(words)]
        # an unknown capitalised word is a name, and so is the capitalised word before it
        # ("by Grace Okafor": "Grace" stays) unless that is a verb or a function word
        name_like = [words[i][0].isupper() and not common[i] for i in range(len(words))]
        chars = list(line)
        for i, m in enumerate(matches):
            if i in ordinary:
                chars[m.start()] = words[i][0].lower()  # even the first word: "Brown Bear ..."
                continue
            if i in small and i != first:
                chars[m.start()] = words[i][0].lower()
                continue
            if i == first or not common[i] or words[i].lower() in _ALWAYS_CAPITALISED:
                continue  # the first word, names, acronyms and days keep their case
            if line[m.end() : m.end() + 1].isdigit():
                continue  # a code name with digits: "M23", "G7"
            if i > 0 and _initial(line, matches[i - 1]):
                continue  # a word after an initial is a name: "N. Korea", "John F. Kennedy"
            if i - 1 in protected and words[i].lower() in self.company_heads:
                continue  # "Kenya Airways": a company named with a state
            given = (
                i > 0
                and name_like[i - 1]
                and i - 1 not in protected
                and titled[i - 1]
                and len(words[i - 1]) > 1  # not the "S" of "U.S."
                and (i == 1 or not self._function_word(words[i - 2]))  # not "of Arica"
            )
            if given and self._surname(line, matches, i):
                continue  # "Lindsey Graham": a given name's surname
            after = i + 1 < len(words) and name_like[i + 1] and i + 1 not in protected
            if after and not self._function_word(words[i]) and not self._verb(words[i]):
                continue
            chars[m.start()] = words[i][0].lower()
        return "".join(chars)

    def _surname(self, line: str, matches: list[re.Match[str]], i: int) -> bool:
        """Whether common word ``i`` after an unknown capitalised word is a surname."""
        word = matches[i].group()
        low = _name_part(word).lower()
        if self._function_word(word) or any(f in self.head_nouns for f in _base_forms(low)):
            return False
        if not word[:1].isupper() or word.isupper() or low in self.verb_forms:
            return False
        # a surname closes the name: a comma, "and" or the headline's verb follows it (a
        # headline's verb takes an object instead)
        rest = line[matches[i].end() :].lstrip()
        nxt = matches[i + 1].group() if i + 1 < len(matches) else ""
        if rest.startswith(",") or (nxt == "and" and rest.startswith("and ")):
            return True
        if self._verb(word) or not nxt or self._function_word(nxt):
            return False
        return nxt.lower() in self.verb_forms or self._verb(nxt)

    def _short_sentence(self, line: str) -> bool:
        """Whether a line is a short sentence of running text full of names: it ends with a
        stop and has a lowercase verb ("Acmeco bought Freedonia Steel.")."""
        if not line.rstrip().endswith("."):
            return False
        return any(
            w.islower() and not self._function_word(w) and self._verb(w)
            for w in _WORD.findall(line)
        )

    def _ordinary_use(self, words: list[str], i: int) -> bool:
        """Whether a surname that is a common word is used as that word in a headline."""
        if i > 0 and words[i - 1].lower() == "in":
            return True  # "Resume In May": the month
        if i + 1 >= len(words):
            return False
        nxt = words[i + 1]
        low = nxt.lower()
        if not self._common(nxt) or self._function_word(nxt) or low in self.leader_nouns:
            return False
        # a verb after the surname is the headline's verb ("Brown Wins Vote", "May Met Xi");
        # a bare verb stem is read as a noun ("Brown Bear Spotted")
        inflected = low in self.verb_forms or any(
            f != low and f in self.verbs for f in _base_forms(low)
        )
        return not inflected

    def _surnames(self, lines: list[str]) -> frozenset[str]:
        """Last words of the listed people's full names that the running text writes."""
        if not self.people:
            return frozenset()
        found: set[str] = set()
        for line in lines:
            if not line or (is_title_case(line) and not line.rstrip().endswith(_FINAL)):
                continue  # a headline; a sentence full of names still ends with a stop
            words = [_name_part(w) for w in _WORD.findall(line)]
            for i in range(len(words) - 1):
                if not words[i][:1].isupper():
                    continue
                for n in (2, 3, 4):
                    run = tuple(words[i : i + n])
                    if len(run) == n and run in self.people:
                        found.add(run[-1])
        return frozenset(found)

    def _verb(self, word: str) -> bool:
        low = word.lower()
        return any(f in self.verbs for f in _base_forms(low))

    @staticmethod
    def _function_word(word: str) -> bool:
        return word.lower().rstrip(_QUOTES) in _FUNCTION_WORDS

    def __call__(self, text: str) -> str:
        """The text with each Title Case line in sentence case; same length, same offsets.

        A headline (a Title Case line, or a line standing alone as its paragraph with no
        final stop) also has its spaced hyphens read as the dash they stand for ("Chile
        arming rebels - officials": "-" becomes "\u2014", one character for one).
        """
        if not any(c.isupper() for c in text):
            return text
        lines = text.split("\n")
        # the running text's full names matter only to a headline: a chunk without one skips it
        headline = any(is_title_case(line) for line in lines)
        surnames = self._surnames(lines) if headline else frozenset()
        out = []
        for i, line in enumerate(lines):
            new = self.line(line, surnames)
            if " - " in line and (is_title_case(line) or _standalone(lines, i)):
                new = _SPACED_HYPHEN.sub(" \u2014 ", new)
            out.append(new)
        return "\n".join(out)


def _initial(line: str, m: re.Match[str]) -> bool:
    """Whether a word is an initial: one capital and a full stop, not a part of "U.S."."""
    word = m.group()
    if len(word) != 1 or not word.isupper() or line[m.end() : m.end() + 1] != ".":
        return False
    return m.start() == 0 or line[m.start() - 1].isspace()


def _standalone(lines: list[str], i: int) -> bool:
    """Whether line ``i`` is a paragraph of its own with no final stop (a headline)."""
    line = lines[i].strip()
    if not line or line.endswith(_FINAL) or len(_WORD.findall(line)) > _MAX_WORDS:
        return False
    before = i == 0 or not lines[i - 1].strip()
    return before and (i + 1 == len(lines) or not lines[i + 1].strip())


_CACHE: weakref.WeakKeyDictionary[Language, Callable[[str], str]] = weakref.WeakKeyDictionary()


def normaliser_for(nlp: Language) -> Callable[[str], str]:
    """The normaliser of a pipeline: its lemmatizer's word index and the packaged gazetteer.

    A pipeline without a lookup-based lemmatizer gets the identity (nothing is lowercased).
    """
    cached = _CACHE.get(nlp)
    if cached is not None:
        return cached
    from spacy.lang.en.stop_words import STOP_WORDS

    from geokg.extract.entities.lexicon import default_lexicons

    common: set[str] = set(STOP_WORDS)
    verbs: set[str] = set()
    verb_forms: set[str] = set()
    cue_words: set[str] = set()
    adverbs: set[str] = set()
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            index = lookups.get_table("lemma_index")
            for words in index.values():
                common.update(w for w in words if "_" not in w)
            if "verb" in index:
                verbs.update(index["verb"])
            if "adv" in index:
                adverbs.update(w for w in index["adv"] if "_" not in w)
        if lookups is not None and lookups.has_table("lemma_exc"):
            # irregular forms are no entries of the index: "media", "allies", "fled", "met"
            exceptions = lookups.get_table("lemma_exc")
            for forms in exceptions.values():
                common.update(w for w in forms if "_" not in w)
            if "verb" in exceptions:
                verbs.update(w for w in exceptions["verb"] if "_" not in w)
                verb_forms.update(w for w in exceptions["verb"] if "_" not in w)
    if "geokg_relations" in nlp.pipe_names:
        # the relation cues are words of news ("ceasefire", "airstrike", "resupply") that the
        # lemmatizer's index may not hold
        cues = getattr(nlp.get_pipe("geokg_relations"), "lexicon", None)
        if cues is not None:
            words = {w for w in cues.cue_lemmas if w.isalpha()}
            common.update(words)
            cue_words.update(words)
            verbs.update(w for w in words if cues.lookup("verb", w))
    func: Callable[[str], str]
    if len(common) <= len(STOP_WORDS):
        func = str
    else:
        lex = default_lexicons()
        names = [p.pattern for p in lex.patterns]
        names.extend([*lex.countries, *lex.leaders, *lex.org_kinds])
        names.extend(("the West", "Western"))  # the bloc is found by a rule, not a pattern
        people = [*lex.leaders, *(p.pattern for p in lex.patterns if p.label == "LEADER")]
        leader_nouns = {
            w
            for key in ("leader_org_nouns_to_state", "leader_org_nouns_to_leader")
            for w in lex.wordset(key)
        }
        head_nouns = {
            w for key in _HEAD_NOUN_CLASSES for phrase in lex.wordset(key) for w in phrase.split()
        }
        head_nouns.update(w for title in lex.words.get("titles", {}) for w in title.lower().split())
        func = TitleCaseNormaliser(
            common=common,
            names=names,
            verbs=verbs,
            people=people,
            verb_forms=verb_forms,
            leader_nouns=leader_nouns,
            head_nouns=head_nouns | leader_nouns | cue_words | adverbs,
            company_heads=lex.wordset("state_company_heads") & _COMPANY_HEADS,
        )
    _CACHE[nlp] = func
    return func
