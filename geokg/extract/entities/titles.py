"""Roles and titles: the evidence that makes a person a Leader, and names after a title.

A person is a ``Leader`` on role evidence: a title before the name ("Foreign Minister X"), a role
noun in apposition ("X, the country's envoy"), "led by X", or the shipped leader list.
:func:`title_evidence` finds that evidence; :func:`title_people` proposes names right after a
capitalised title that the NER missed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from geokg.extract.entities.candidates import TITLE_PERSON, Candidate
from geokg.extract.entities.copulas import predicate_noun
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.names import NAME_PARTICLES
from geokg.extract.entities.nonpersons import (
    company_post,
    office_shaped,
    public_owner,
    public_post,
    relative_role,
)
from geokg.extract.entities.scan import text_where
from geokg.extract.entities.syntax import lemma, looks_like_name, only_title_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["TitleEvidence", "title_evidence", "title_people"]


def title_people(
    doc: Doc, lex: Lexicons, gaz: dict[int, list[Candidate]], cands: list[Candidate]
) -> list[Candidate]:
    """Names right after a capitalised title that the NER missed ("President Ana Lungu")."""
    out: list[Candidate] = []
    taken = {i for c in cands if c.kind == "LEADER" for i in range(c.start, c.end)}
    honor = lex.wordset("honorifics")
    n = len(doc)
    i = 0
    # a capitalised title word starts a name; the others are stepped over one by one
    for t in text_where(doc, lambda w: w[:1].isupper() and lex.is_title_word(w.lower())):
        if t < i:
            continue  # inside the name found last
        i = t
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
            if (
                looks_like_name(span)
                and not only_title_words(span, lex)
                and not office_shaped(span, lex)  # "General Statistics Office"
            ):
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


@dataclass(frozen=True, slots=True)
class TitleEvidence:
    """A title or role noun that makes a person a Leader.

    Attributes:
        start: First token of the title.
        end: One past its last token.
        role: The canonical role ("President", "Foreign Minister", "tsar").
        how: ``"prefix"`` (title before the name), ``"appos"`` (role noun in apposition),
            ``"relative"`` ("who serves as ..."), ``"copula"`` ("X is the country's envoy"),
            ``"led_by"``, or ``"gazetteer"`` (shipped
            leader list, no tokens).
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
            # "Minister of Justice X": a one-word title after "of"/"for" ends a portfolio.
            portfolio_end = (
                width == 1
                and a > 1
                and doc[a - 1].lower_ in ("of", "for")
                and lex.is_title_word(doc[a - 2].lower_)
            )
            if role and not (width == 1 and low in not_leader) and not portfolio_end:
                if _not_a_title(doc, a, j + 1, end, lex):
                    return []
                out.append(TitleEvidence(a, j + 1, role, "prefix"))
                j = a - 1
                found = True
                break
        if found:
            break
        portfolio = _portfolio_start(doc, j, lex) if j == start - 1 else None
        if portfolio is not None:
            j = portfolio  # "Minister of Justice X": the title before "of Justice"
            continue
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
            for noun in (child, *(c for c in child.children if c.dep_ == "conj")):
                role = (
                    _role_of_np(noun, lex)
                    or (_role_of_appos_host(noun, lex) if lemma(noun) == "member" else None)
                    or public_post(noun, lex)
                )
                if role and not _held_at_institution(noun, lex):
                    out.append(TitleEvidence(noun.i, noun.i + 1, role, "appos"))
                    return out
    if root.dep_ in ("appos", "compound") and not (start <= root.head.i < end):
        host = root.head
        role = _role_of_np(host, lex) or (
            _role_of_appos_host(host, lex) if root.dep_ == "appos" else None
        )
        if role and not (root.dep_ == "appos" and _held_at_institution(host, lex)):
            out.append(TitleEvidence(host.i, host.i + 1, role, "appos"))
            return out
    predicate = predicate_noun(root) if end - start >= 2 else None
    role = _role_of_np(predicate, lex) if predicate is not None else None
    if predicate is not None and role and not _held_at_institution(predicate, lex):
        # "X is the country's ambassador", "X was the top official of the group"
        out.append(TitleEvidence(predicate.i, predicate.i + 1, role, "copula"))
        return out
    relative = relative_role(root, lex)
    if relative:
        out.append(TitleEvidence(relative[1], relative[1] + 1, relative[0], "relative"))
        return out
    if root.dep_ == "pobj" and root.head.lower_ == "by" and lemma(root.head.head) in _LEAD_VERBS:
        out.append(TitleEvidence(root.head.head.i, root.head.head.i + 1, "leader", "led_by"))
    elif (
        root.dep_ in ("compound", "poss")
        and root.head.i >= end
        and lemma(root.head) in lex.wordset("leader_evidence_nouns")
    ):
        # "the Ruiz administration", "Ruiz's cabinet": the person leads a government.
        out.append(TitleEvidence(root.head.i, root.head.i + 1, "leader", "government"))
    return out


def _portfolio_start(doc: Doc, j: int, lex: Lexicons) -> int | None:
    """The title word before a portfolio that ends at ``j`` ("Minister of Justice").

    Walks left over up to three portfolio words (capitalised, or lower-case nouns and
    adjectives: "minister of defense") to "of" or "for" and returns the index of the title
    word before it, if it is one.
    """
    k = j
    while k >= 0 and j - k < 3 and doc[k].is_alpha and _portfolio_word(doc[k]):
        k -= 1
    if k == j or k < 1 or doc[k].lower_ not in ("of", "for"):
        return None
    return k - 1 if lex.is_title_word(doc[k - 1].lower_) else None


# "led by X", "headed by X": the person leads what the participle modifies.
_LEAD_VERBS = frozenset({"lead", "head"})


def _portfolio_word(tok: Token) -> bool:
    """A capitalised word, or a lower-case noun or adjective ("defense", "foreign")."""
    return tok.text[:1].isupper() or (tok.pos_ in ("NOUN", "ADJ") and tok.is_lower)


def _not_a_title(doc: Doc, a: int, b: int, end: int, lex: Lexicons) -> bool:
    """Whether title words ``doc[a:b]`` before a name make no public post of it.

    An adjective that modifies a noun after the name ("the official Twitter account") is no
    title; a business title after a company's name ("Acmeco chief Tom Hale") is a private post.
    """
    tok = doc[b - 1]
    if b - a == 1 and tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.head.i >= end:
        return True
    return company_post(doc, a, b, lex)


def _held_at_institution(noun: Token, lex: Lexicons) -> bool:
    """Whether a role noun is held at a non-state institution ("vice president at the X Institute").

    A title in apposition makes a person a Leader only as a state or organization office; "at",
    "with", "to" or "for" a university, think tank, museum, company or research group names a
    private post, unless the body is a listed public one (a UN agency's programme).
    """
    heads = lex.wordset("institution_heads")
    nouns = [noun]
    for _ in range(3):
        objs = [
            obj
            for n in nouns
            for prep in n.children
            if prep.dep_ == "prep" and prep.lower_ in ("at", "with", "of", "to", "for")
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        for obj in objs:
            if public_owner(obj, lex):
                continue  # "spokesperson for the World Food Programme": a public body
            name = [t for t in obj.lefts if t.dep_ in ("compound", "amod")] + [obj]
            if any(lemma(t) in heads and t.text[:1].isupper() for t in name):
                return True
            if lemma(obj) in lex.wordset("private_institution_nouns"):
                return True  # "a vice president at a think tank"
        nouns = objs
    return False


_LEGISLATURE_NOUNS = frozenset(
    {"parliament", "congress", "senate", "assembly", "legislature", "house", "council"}
)


def _role_of_appos_host(tok: Token, lex: Lexicons) -> str | None:
    """The role of a noun phrase a name is in apposition to, beyond a bare title noun.

    "a member of the Kenyan parliament, X" -> member of parliament; the parser often hangs
    the name on the last noun of the title's "of" phrase ("deputy governor of the Altai
    region, X" -> region), so the title before that "of" counts too.
    """
    if lemma(tok) == "member":
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and (
                        lemma(obj) in _LEGISLATURE_NOUNS
                        or obj.text in lex.words.get("legislatures", {})
                    ):
                        return "member of parliament"
        return None
    if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "to") and tok.head.head.i != tok.i:
        return _role_of_np(tok.head.head, lex)
    return None


def _role_of_np(tok: Token, lex: Lexicons) -> str | None:
    role = lex.title_role(tok.text)
    left = tok.doc[max(0, tok.i - 2) : tok.i]
    # "a council member", "a military officer": the title is the compound with its head
    for a in range(len(left)):
        longer = lex.title_role(" ".join(x.lower_ for x in left[a:]) + " " + tok.lower_)
        if longer:
            return longer
    return role
