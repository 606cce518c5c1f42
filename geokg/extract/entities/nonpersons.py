"""Names the model reads as people that are no person, and titled people who hold no public post.

The small model tags some storms, offices and towns PERSON ("Cyclone Idai", "the Beira
District", "Beira, a port town"), and a title word sometimes stands before a name that is no
person ("General Statistics Office", "the official Twitter account"). And a business title after
a company's name makes a private person, not a ``Leader`` ("Acmeco chief Tom Hale": SCHEMA.md
leaves company heads to ``Person``).

:func:`person_span_kind` re-reads a PERSON span by its shape and syntax; :func:`office_shaped`
rejects a title-led name that ends in an office or place noun; :func:`company_post` finds the
business-title evidence that a company's name makes private.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.entities.companies import company_cue, titled_business
from geokg.extract.entities.lexicon import Lexicons
from geokg.extract.entities.person_words import not_a_person_word
from geokg.extract.entities.syntax import PLACE_DESCRIPTORS, lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "appositive_place",
    "company_post",
    "office_shaped",
    "person_span_kind",
    "public_owner",
    "public_post",
    "relative_role",
    "storm_names",
]

# Place nouns that, in apposition to a name or as its last word, make it a place.
_PLACE_NOUNS = PLACE_DESCRIPTORS | {"islands", "archipelago", "atoll", "peninsula", "settlement"}


def person_span_kind(span: Span, lex: Lexicons, common: frozenset[str] = frozenset()) -> str | None:
    """What a span the model tagged PERSON really is: ``"SKIP"``, ``"GPE"``, ``"ORG"`` or None.

    "Cyclone Idai" (a storm word first) and "Bayraktar drones" (a weapon's name) are no
    entity; "Beira District" (a place noun last),
    "Beira, a port town" (a place noun in apposition) or "the Deh Sabz district" (a place noun
    after it) is a place; "Statistics Office" (an
    organization or office head last) is an organization. None: no such evidence.
    With ``common`` (English dictionary words), a one-word common noun or a span with digits
    ("Cherry picking", "COVID-19 testing") is no person either
    (:func:`~geokg.extract.entities.person_words.not_a_person_word`).
    """
    if len(span) > 1 and span[0].lower_ in lex.wordset("storm_words"):
        return "SKIP"
    if not_a_person_word(span, common):
        return "SKIP"  # "Cherry picking", "COVID-19 testing": a word (person_words.py)
    root = span.root
    if (
        root.dep_ == "compound"
        and root.head.i >= span.end
        and lemma(root.head) in lex.wordset("weapon_nouns")
    ):
        return "SKIP"  # "Bayraktar drones", "Patriot batteries": a product
    last = span[-1].lower_
    if len(span) > 1 and last in _PLACE_NOUNS and span[-1].text[:1].isupper():
        return "GPE"
    if len(span) > 1 and office_shaped(span, lex):
        return "ORG"
    if _place_apposition(span) or _place_head_after(span):
        return "GPE"
    return None


# Lower-case nouns after a name that make it a place's ("the Deh Sabz district", "X prison").
_FACILITY_NOUNS = frozenset({"prison", "airport", "airbase", "seaport", "refinery", "camp"})


def _place_head_after(span: Span) -> bool:
    """Whether the name modifies a place or facility noun right after it ("X district").

    Coordinated names share the noun, singular or plural ("the A and B districts", "A and B
    camps": the first name hangs on the noun, the others on the first); so do the names after
    a plural place noun and "of" ("the towns of A and B").
    """
    doc = span.doc
    anchor = span.root
    while anchor.dep_ == "conj" and anchor.head.i < anchor.i:
        anchor = anchor.head
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.i < head.i:
        noun = head.head
        return noun.pos_ == "NOUN" and noun.text.islower() and lemma(noun) in _PLACE_NOUNS
    if anchor.dep_ not in ("compound", "nmod") or head.i < span.end or not head.text.islower():
        return False
    if head.i != max(t.i for t in anchor.subtree if t.i < head.i) + 1 or head.i >= len(doc):
        return False
    return lemma(head) in PLACE_DESCRIPTORS or lemma(head) in _FACILITY_NOUNS


def storm_names(doc: Doc, lex: Lexicons) -> frozenset[str]:
    """The bare names of storms the document names ("Cyclone Idai ... Idai moved east")."""
    storms = lex.wordset("storm_words")
    out: set[str] = set()
    for ent in doc.ents:
        words = [t for t in ent if t.lower_ not in storms]
        if ent.label_ in ("PERSON", "EVENT") and ent[0].lower_ in storms and words:
            out.add(" ".join(t.text for t in words))
    return frozenset(out)


def office_shaped(span: Span, lex: Lexicons) -> bool:
    """Whether a capitalised name ends in an office, organization or place noun ("X Office")."""
    last = span[-1]
    if not last.text[:1].isupper():
        return False
    low = last.lower_
    heads = lex.wordset("org_heads") | lex.wordset("state_org_heads")
    return low in heads or low in _PLACE_NOUNS


def appositive_place(span: Span) -> bool:
    """Whether a place noun stands in apposition to the name ("Kandar, the provincial capital")."""
    return _place_apposition(span)


def _place_apposition(span: Span) -> bool:
    """Whether a place noun stands in apposition to the name ("Beira, a port town, ...").

    Also "one of the islands ..., X": the name in apposition to "one" of a plural place noun.
    A place noun that is the object of a preposition is the end of a title before the name
    ("the governor of the Beira district, X"), not its description.
    """
    root = span.root
    linked: list[Token] = [t for t in root.children if t.dep_ == "appos"]
    if root.dep_ == "appos" and not (span.start <= root.head.i < span.end):
        linked.append(root.head)
    linked = [t for t in linked if t.dep_ != "pobj"]
    for t in linked:
        if t.pos_ == "NOUN" and lemma(t) in _PLACE_NOUNS | {"island"}:
            return True
        if t.lower_ == "one":
            for prep in t.children:
                objs = [o for o in prep.children if o.dep_ == "pobj"]
                if prep.lower_ == "of" and any(lemma(o) in _PLACE_NOUNS for o in objs):
                    return True
    return False


def company_post(doc: Doc, title_start: int, title_end: int, lex: Lexicons) -> bool:
    """Whether a business title right after a company's name makes the person after it private.

    "Acmeco chief Tom Hale", "Zentrix CEO Ana Ruiz": the word before the title is a listed
    company, or an unlisted proper name that the document calls a company ("the chipmaker
    Acmeco ... Acmeco chief X"); a listed organization of another kind keeps its Leader ("NATO
    chief X").

    Args:
        doc: The parsed Doc.
        title_start: First token of the title before the name.
        title_end: One past its last token.
        lex: The lexicons.
    """
    titles = lex.wordset("business_titles")
    if not all(t.lower_ in titles for t in doc[title_start:title_end]) or title_start == 0:
        return False
    owner = doc[title_start - 1]
    if owner.text in ("'s", "’s") and title_start >= 2:
        owner = doc[title_start - 2]
    kind = _org_kinds_by_form(lex).get(owner.text)
    if kind is not None:
        return kind == "company"
    if owner.pos_ not in ("PROPN", "ADJ") or not owner.text[:1].isupper():
        return False
    if owner.ent_type_ in ("GPE", "NORP", "LOC") or lex.country(owner.text):
        return False
    # A cue elsewhere in the document, not the title itself ("X chief Y" names no company).
    return any(
        t.text == owner.text
        and abs(t.i - owner.i) > 1
        and company_cue(doc, t.i, t.i + 1, lex) is not None
        and not titled_business(doc, t.i, lex)
        for t in doc
    )


def public_post(noun: Token, lex: Lexicons) -> str | None:
    """The role of an owned-role noun whose owner is public ("X, UNICEF's executive director").

    "director" or "administrator" makes a Leader only where the post belongs to a state, a
    state organ ("Kenya's Department of Water", "the ministry") or a listed intergovernmental,
    party or armed body; a think tank's or company's director stays a Person.
    """
    if lemma(noun) not in lex.wordset("owned_roles"):
        return None
    owners = [c for c in noun.children if c.dep_ in ("poss", "nmod")]
    owners += [
        o
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for o in prep.children
        if o.dep_ == "pobj"
    ]
    return noun.lower_ if any(public_owner(o, lex) for o in owners) else None


def public_owner(tok: Token, lex: Lexicons) -> bool:
    """Whether a noun names a public body: a state, a listed public organization, a state organ."""
    words = [t for t in tok.lefts if t.dep_ == "compound"] + [tok]
    forms = {tok.text, " ".join(t.text for t in words)}
    public = lex.wordset("public_org_kinds")
    table = _org_kinds_by_form(lex)
    if any(table.get(f) in public or lex.country(f) is not None for f in forms):
        return True
    if lemma(tok) not in lex.wordset("state_org_heads"):
        return False
    # "the ministry", "Kenya's Department of Water"; not "the university's history department".
    poss = [c for c in tok.children if c.dep_ == "poss"]
    return not poss or any(lex.country(p.text) is not None for p in poss)


_SERVE_VERBS = frozenset({"serve", "act", "work"})
_NAMED_VERBS = frozenset({"appoint", "name", "elect", "be", "become", "remain", "nominate"})
_LEAD_VERBS = frozenset({"lead", "head", "chair", "command", "run"})


def relative_role(name_root: Token, lex: Lexicons) -> tuple[str, int] | None:
    """The role a relative clause on the name gives, and its token ("X, who serves as ...").

    "who serves/acts as <title>", "who was appointed/elected <title>", and "who leads/heads/
    chairs <a public body>" (a party, ministry, committee, army; not a think tank or company).
    """
    for verb in name_root.children:
        if verb.dep_ != "relcl" or not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that") for c in verb.children
        ):
            continue
        verb_lemma = lemma(verb)
        nouns: list[Token] = []
        if verb_lemma in _SERVE_VERBS:
            nouns = [
                o
                for prep in verb.children
                if prep.dep_ == "prep" and prep.lower_ == "as"
                for o in prep.children
                if o.dep_ == "pobj"
            ]
        elif verb_lemma in _NAMED_VERBS:
            nouns = [c for c in verb.children if c.dep_ in ("oprd", "attr", "xcomp", "dobj")]
        for noun in nouns:
            role = lex.title_role(noun.lower_)
            if role:
                return role, noun.i
        if verb_lemma in _LEAD_VERBS:
            for obj in verb.children:
                if obj.dep_ == "dobj" and (
                    lemma(obj) in lex.wordset("led_public_bodies") or public_owner(obj, lex)
                ):
                    return "leader", verb.i
    return None


_KINDS_BY_FORM: dict[int, dict[str, str]] = {}


def _org_kinds_by_form(lex: Lexicons) -> dict[str, str]:
    """Every listed surface form of an organization -> its kind ("UNHCR" -> igo)."""
    table = _KINDS_BY_FORM.get(id(lex))
    if table is None:
        table = {
            p.pattern: lex.org_kinds[p.id]
            for p in lex.patterns
            if p.label == "ORG" and p.id in lex.org_kinds
        }
        _KINDS_BY_FORM.clear()
        _KINDS_BY_FORM[id(lex)] = table
    return table
