"""Groups named by a demonym or place and a collective noun ("Chadian rebels", "rebels in Chad").

A Group is a collective non-state actor (SCHEMA.md); "<demonym or place> [adjectives]
<collective noun>" and "<collective noun> in <state or place>" name one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import COMPOSITE, NER_PLACE, Candidate
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.scan import lemma_or_lower_in
from geokg.extract.entities.syntax import DESIGNATION_RE, between_modifiers, head_noun, lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["composite_groups", "located_groups", "people_plural"]


_MASS_GROUP = frozenset({"opposition", "resistance", "insurgency", "underground", "mujahideen"})
# "anti-Pakistan militants": a prefix that makes the name the group's enemy, not its origin
_AGAINST = frozenset({"anti", "non"})
_HYPHENS = frozenset({"-", "‑"})
_IRREGULAR_PLURAL = {"militiaman": "militiamen", "militia": "militias"}
# heads a collective noun can modify as a weapon type ("fighter jets", "guerrilla boats")
_EQUIPMENT = frozenset(
    {"jet", "plane", "aircraft", "airplane", "bomber", "helicopter", "drone", "boat", "ship"}
)


def _group_noun_of(
    tok: Token, head: Token, lex: Lexicons, group_tokens: dict[int, Candidate]
) -> Token | None:
    """The collective noun that makes ``tok`` + ... a Group ("rebels", "opposition", "Turkmen")."""
    groups = lex.wordset("group_nouns")
    for t in [head, *between_modifiers(tok, head)]:
        if t.i <= tok.i:
            continue
        if lemma(t) in groups or t.lower_ in groups:
            return t
        if t.i in group_tokens:
            return t
    return None


def _product_between(doc: Doc, start: int, end: int) -> bool:
    """Whether a product name stands between a demonym and its noun ("Chinese J-10C fighters",
    "French Rafale fighters"): the noun is a weapon, not people; the demonym names the state."""
    return any(
        DESIGNATION_RE.match(t.text) or (t.pos_ == "PROPN" and t.ent_type_ not in ("NORP", "GPE"))
        for t in doc[start:end]
    )


def _plural(tok: Token) -> str:
    low = lemma(tok)
    if tok.tag_ in ("NNS", "NNPS") or low in _MASS_GROUP:
        return tok.text
    if low in _IRREGULAR_PLURAL:
        return _IRREGULAR_PLURAL[low]
    return tok.text + "s"


def people_plural(word: str) -> str:
    """The plural of a nationality word ("Kurd" -> "Kurds"; "Swiss" unchanged)."""
    if word.endswith("s"):
        return word
    if word.endswith(("an", "i", "ot")):
        return word + "s"
    return word


def composite_groups(doc: Doc, lex: Lexicons, cands: list[Candidate]) -> list[Candidate]:
    """ "<demonym or place> [adjectives] <collective noun>" -> Group ("Chadian rebels")."""
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
        if (
            c.start >= 2
            and doc[c.start - 1].text in _HYPHENS
            and doc[c.start - 2].lower_ in _AGAINST
        ):
            continue  # "anti-Pakistan militants" fight Pakistan; they are no Pakistani group
        last = doc[c.end - 1]
        if last.dep_ == "poss" or (c.end < len(doc) and doc[c.end].text in ("'s", "’s")):
            continue
        head, via_verb = head_noun(last)
        if head is None or via_verb or head.i <= last.i or head.i - last.i > 4:
            continue
        if head.pos_ == "PROPN" and head.i not in group_tokens:
            continue
        gtok = _group_noun_of(last, head, lex, group_tokens)
        if c.kind == "RELIGION_ADJ" and gtok is not None and _names_an_org(gtok, head):
            continue  # "the Islamist extremist group al-Shabab": a description of the name
        if gtok is not None and _stance_opposition(gtok):
            continue  # "British opposition to the ban": a stance of the state, no Group
        if (
            gtok is None
            or (gtok.i < head.i and lemma(head) in _EQUIPMENT)
            or _product_between(doc, c.end, gtok.i)
        ):
            # "French fighter jets", "French Rafale fighters": a weapon is no Group
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


_ORG_CLASS_NOUNS = frozenset({"group", "movement", "organization", "organisation", "faction"})


def _names_an_org(gtok: Token, head: Token) -> bool:
    """Whether "<religious adjective> <collective> group" stands in apposition to a name.

    "The Islamist extremist group al-Shabab", "al-Shabab, the Islamist militant group": the
    phrase describes the named organization and names no Group of its own.
    """
    if gtok.i >= head.i or lemma(head) not in _ORG_CLASS_NOUNS:
        return False
    named = [t for t in head.children if t.dep_ == "appos"]
    if head.dep_ == "appos":
        named.append(head.head)
    return any(t.pos_ == "PROPN" for t in named)


def _stance_opposition(gtok: Token) -> bool:
    """Whether "opposition" is a stance ("opposition to the ban"), not the political camp."""
    return lemma(gtok) == "opposition" and any(
        t.dep_ == "prep" and t.lower_ == "to" for t in gtok.children
    )


# A capital here is a location, not its state ("militias in Kabul" are no "Afghanistan militias").
_LOCATED_KINDS = frozenset({"COUNTRY_NAME", "PLACE", NER_PLACE})


def located_groups(doc: Doc, lex: Lexicons, cands: list[Candidate]) -> list[Candidate]:
    """ "<collective noun> in <state or place>" -> Group ("Rebels in Chad" ->
    "Chad rebels", "the militants in Idlib" -> "Idlib militants").

    The Group covers the collective noun alone, so the state or place stays its own mention.
    Only an acting collective (subject, conjunct, object) is named so; as the object of a
    preposition ("raids on militants in Mali", "clashes between militias in Kabul") the
    noun phrase describes whom something concerns and names no actor. A mass noun "from" a
    state is its stance ("the plan met resistance from Chile"), not a camp there.
    """
    groups = lex.wordset("group_nouns")
    where: dict[int, Candidate] = {}
    for c in cands:
        if c.kind in _LOCATED_KINDS:
            for i in range(c.start, c.end):
                where.setdefault(i, c)
    taken = {i for c in cands if c.kind == COMPOSITE for i in range(c.start, c.end)}
    out: list[Candidate] = []
    for i in lemma_or_lower_in(doc, groups):
        tok = doc[i]
        if tok.i in taken:
            continue
        if tok.pos_ != "NOUN" or tok.tag_ not in ("NNS", "NN"):
            continue
        if tok.tag_ == "NN" and lemma(tok) not in _MASS_GROUP:
            continue
        if tok.dep_ == "pobj" or (tok.dep_ == "conj" and tok.head.dep_ == "pobj"):
            continue
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "from"):
                continue
            if prep.lower_ == "from" and tok.tag_ == "NN":
                continue  # "drew opposition from Chile": the state's stance, no Group
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
