"""What a sentence says was founded: the organization of a founding verb (``founding.py``).

"Chile and Peru founded the Pacific Alliance", "a body known as the Andean Defense
Alliance", "BRICS, the bloc formed by ...": the organization named as the object of a founding
verb (its passive subject, the noun its participle or relative clause modifies, or the name
given to that word). The founders' membership is ``founding.py``; the definite descriptions of
``nominals.py`` use :func:`founded_here` so that "the bloc" never stands for an organization
its own sentence says was created ("left ECOWAS and formed X, accusing the bloc of ...": the
bloc is ECOWAS). Only runtime-free imports of the package here: ``nominals.py`` sits below
``syntax.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.syntax import SentenceContext

__all__ = [
    "founded_here",
    "founded_organizations_of",
    "founded_tokens",
    "founding_noun",
    "founding_verb",
    "noun_founded_tokens",
]

_VERB_POS = frozenset({"VERB", "AUX"})
_RELATIVE = frozenset({"which", "that", "who"})
_HELP = frozenset({"help", "helped", "helps", "helping"})


def founding_verb(ctx: SentenceContext, v: Token) -> bool:
    """Whether a verb token founds something ("founded", "co-founded", "set up")."""
    if v.pos_ not in _VERB_POS:
        return False
    lem = ctx.lemma(v)
    words = ctx.lex.founding_verbs
    if lem in words:
        return True
    if v.lower_ == "found" and (v.tag_ in ("VB", "VBP") or _helped(ctx, v)):
        return True  # "helped found", "to found": the tagger may lemmatise it as "find"
    # "set up": the particle completes the verb
    particles = " ".join(ctx.lemma(c) for c in v.children if c.dep_ == "prt")
    return bool(particles) and f"{lem} {particles}" in words


def _helped(ctx: SentenceContext, v: Token) -> bool:
    """ "helped found": "help" as the auxiliary (left unlemmatised) or the governor."""
    return not _HELP.isdisjoint({ctx.lemma(v.head)} | {c.lower_ for c in v.children})


def _named(ctx: SentenceContext, tok: Token) -> list[Token]:
    """The tokens that name what ``tok`` stands for: itself, its apposition, the name given by
    a naming participle ("a pact *called* X", "a bloc *known as* X") and, for an apposition,
    the name it stands beside ("BRICS, *the bloc* formed by ...")."""
    out = [tok]
    if tok.dep_ == "appos":
        out.append(tok.head)
    for c in tok.children:
        if c.dep_ == "appos":
            out.append(c)
        elif c.dep_ in ("acl", "relcl") and ctx.lemma(c) in ctx.lex.founding_naming_verbs:
            out.extend(g for g in c.children if g.dep_ in ("oprd", "attr", "dobj"))
            out.extend(o for _, o in ctx.prep_objects(c, ("as",)))
    return out


def _founded_organization(ctx: SentenceContext, ent: EntityAnnotation) -> bool:
    """An intergovernmental body, bloc or alliance; an untyped name only with a head word of
    one ("the Alliance of Sahel States", "the Andean Defense Pact")."""
    if ent.label.value != "Organization":
        return False
    if ent.kind is not None:
        return ent.kind in ctx.lex.founding_org_kinds
    return any(w.lower() in ctx.lex.founding_org_words for w in ent.name.split())


def _kind_word_alias(ctx: SentenceContext, ent: EntityAnnotation) -> bool:
    """A name that is only its kind word ("the Alliance" for NATO, "the Union") refers back to
    an organization already known; what is founded is new ("founded the Alliance for ...")."""
    return ent.end - ent.start == 1 and ctx.doc[ent.start].lower_ in ctx.lex.founding_org_words


def founded_organizations_of(ctx: SentenceContext, toks: list[Token]) -> list[EntityAnnotation]:
    out: list[EntityAnnotation] = []
    for t in toks:
        for n in _named(ctx, t):
            ent = ctx.ent_at.get(n.i)
            if (
                ent is not None
                and ent not in out
                and ctx.in_sentence(n)
                and _founded_organization(ctx, ent)
                and not _kind_word_alias(ctx, ent)
            ):
                out.append(ent)
    return out


def founded_tokens(ctx: SentenceContext, v: Token, patients: list[Token]) -> list[Token]:
    """The word for what a founding verb creates: its object, its passive subject, or the noun
    a participle or relative clause on it modifies."""
    modifier = v.dep_ in ("acl", "relcl")
    if ctx.is_passive(v) or (modifier and v.tag_ == "VBN"):
        # "X was founded by A", "X, which was founded by A", "the bloc formed by A"
        toks = [p for p in patients if p.lower_ not in _RELATIVE]
        return [*toks, v.head] if modifier else toks
    objects = ctx.children(v, "dobj")
    named = [o for o in objects if o.lower_ not in _RELATIVE]
    if (modifier and len(named) < len(objects)) or (v.dep_ == "relcl" and not objects):
        return [v.head]  # "X, which A and B founded": the head is the object
    return named  # "A, which founded X": the head is the founder


def founding_noun(ctx: SentenceContext, n: Token) -> bool:
    """Whether a noun names a founding ("the founding of X", "Chile's creation of X")."""
    return n.pos_ == "NOUN" and ctx.lemma(n) in ctx.lex.founding_nouns


def noun_founded_tokens(ctx: SentenceContext, n: Token) -> list[Token]:
    """The "of" object of a founding noun: what was founded."""
    return [o for _, o in ctx.prep_objects(n, ("of",))]


def founded_here(ctx: SentenceContext) -> frozenset[str]:
    """The names of the organizations this sentence says were founded."""
    if not ctx.has_lemma(ctx.lex.founding_heads):
        return frozenset()
    names: set[str] = set()
    for v in ctx.tokens():
        if founding_verb(ctx, v):
            _, patients = ctx.subjects(v)
            toks = founded_tokens(ctx, v, patients)
        elif founding_noun(ctx, v):
            toks = noun_founded_tokens(ctx, v)
        else:
            continue
        names.update(e.name for e in founded_organizations_of(ctx, toks))
    return frozenset(names)
