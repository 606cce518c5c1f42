"""First-person pronouns in quoted speech: "we", "our", "I" take the quotation's speaker.

A quotation's speaker is the subject of the attribution verb (said, told, added, stated,
wrote, tweeted ...) whose content the quotation is, in the same sentence, before or after it:
"'We condemn the raid on Ghana,' Nigeria said" (we = Nigeria), "'I will visit Lima soon,'
said Chilean President Gabriel Boric" (I = Boric).

- "I/me/my" take the speaker where the speaker is a person (``Leader`` or ``Person``).
- "we/us/our" take the speaker where it is a state, organization or group; where the speaker
  is a person or a title whose office joins them to a state or organization in the same
  phrase ("Chile's foreign ministry spokesman X", "X, a spokeswoman for the African Union",
  "the Peruvian foreign minister") they take that state or organization. A private person
  (an analyst, a student) or a bare "officials" gives nothing: their "we" is vague.

Quoted speech stays ``reported`` and ``quoted`` (speech.py): only the pronoun is resolved here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geokg.extract.relations.quotes import speech_span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.syntax import SentenceContext

__all__ = ["FIRST_PERSON", "first_person", "speaker_side"]

_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
FIRST_PERSON = _SINGULAR | _PLURAL

_PEOPLE = frozenset({"Leader", "Person"})
_HE_SHE = frozenset({"he", "she"})
_STATES = frozenset({"Country", "Organization", "Group"})

# verbs that introduce a quotation as their content (a subset of the reporting verbs: not
# "believe", "fear", "deny" ...)
_ATTRIBUTION = frozenset(
    {
        "say", "tell", "add", "state", "write", "tweet", "post", "declare", "announce",
        "insist", "stress", "explain", "continue", "note", "remark", "reply", "respond",
        "argue", "warn", "emphasize", "emphasise", "reiterate", "affirm", "assert",
        "conclude", "comment", "observe", "ask", "urge", "quote",
    }
)  # fmt: skip

# nouns of an office that speaks for a state or organization, besides the title heads
_SPEAKING_FOR = frozenset(
    {
        "spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen",
        "representative", "envoy", "ambassador", "diplomat", "official", "ministry",
        "delegate", "negotiator", "secretary", "minister",
    }
)  # fmt: skip

# a quotation is followed this many sentences back to its opening at most
_MAX_BACK = 3

_JOINING_DEPS = frozenset({"poss", "compound", "amod", "nmod"})


def _quote_chars(ctx: SentenceContext, tok: Token) -> tuple[int, int] | None:
    """The character span of the quotation around ``tok`` (speech with 4+ words), or None."""
    return speech_span(ctx.doc, ctx.doc[ctx.start].idx, tok.idx)


def _attribution_verb(ctx: SentenceContext, span: tuple[int, int]) -> Token | None:
    """The attribution verb of the quotation ``span`` in this sentence: outside the quotes,
    and either the sentence's root or joined to the quoted clause ("'...,' Peru said",
    "said X: '...'")."""
    q0, q1 = span

    def inside(t: Token) -> bool:
        return q0 < t.idx < q1

    best: Token | None = None
    for t in ctx.tokens():
        if inside(t) or t.pos_ not in ("VERB", "AUX") or ctx.lemma(t) not in _ATTRIBUTION:
            continue
        joined = t.head.i == t.i or (inside(t.head) and t.dep_ in ("parataxis", "ccomp"))
        if not joined:
            joined = any(inside(c) and c.dep_ in ("ccomp", "parataxis", "dobj") for c in t.children)
        if joined and (best is None or t.head.i == t.i):
            best = t
    return best


def _speaker(ctx: SentenceContext, verb: Token, span: tuple[int, int]) -> Token | None:
    """The subject of the attribution verb, outside the quotation."""
    agents, _ = ctx.subjects(verb)
    for a in agents:
        if not (span[0] < a.idx < span[1]) and (a.pos_ != "PRON" or a.lower_ in _HE_SHE):
            return a
    return None


def _phrase(ctx: SentenceContext, head: Token, span: tuple[int, int]) -> list[Token]:
    """The speaker's noun phrase with its appositions, without relative clauses and quotes."""
    out: list[Token] = []
    todo = [head]
    while todo:
        t = todo.pop()
        if span[0] < t.idx < span[1] or not ctx.in_sentence(t):
            continue
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "punct", "cc"))
    return out


def _represented(
    ctx: SentenceContext, head: Token, span: tuple[int, int]
) -> EntityAnnotation | None:
    """The state or organization an official speaker's title joins them to, or None."""
    lex = ctx.lex
    toks = _phrase(ctx, head, span)
    offices = [
        t
        for t in toks
        if t.i not in ctx.ent_at
        and (ctx.lemma(t) in _SPEAKING_FOR or ctx.lemma(t) in lex.title_heads)
    ]
    if not offices or any(
        ctx.lemma(t) in lex.private_nouns and t.i not in ctx.ent_at for t in toks
    ):
        return None
    found: dict[str, EntityAnnotation] = {}
    for t in toks:
        e = ctx.ent_at.get(t.i)
        if e is None or e.label.value not in _STATES:
            continue
        joined = t.dep_ in _JOINING_DEPS or (t.dep_ == "pobj" and t.head.lower_ in ("of", "for"))
        if joined:
            found.setdefault(e.name, e)
    return next(iter(found.values())) if len(found) == 1 else None


def _opening_sentence(ctx: SentenceContext, span: tuple[int, int]) -> SentenceContext | None:
    """The earlier sentence of the same paragraph where a quotation running into this one
    opens ("Peru's minister said: 'We reject the claims. We condemn Chile for the raid.'"),
    or None. Its speaker is resolved there; the relation is then a ``context`` one."""
    disc = ctx.discourse
    idx = ctx.index
    if disc is None or idx <= 0 or idx >= len(disc.sents) or span[0] >= ctx.doc[ctx.start].idx:
        return None
    for j in range(idx - 1, max(idx - _MAX_BACK, 0) - 1, -1):
        if disc.paragraph_break(j + 1):
            return None
        if ctx.doc[disc.sents[j][0]].idx <= span[0]:
            return disc.context_of(j)
    return None


def _person_pronoun(
    ctx: SentenceContext, who: Token, span: tuple[int, int]
) -> list[EntityAnnotation]:
    """The one person a speaker "he"/"she" stands for: named before it in the sentence outside
    the quotation, else the subject of the previous sentence of the paragraph ("Ruto landed in
    Kampala. 'I will meet Museveni,' he said"). People named inside the quotation are not the
    speaker ("'I will meet Museveni,' he said": not Museveni)."""
    doc = ctx.doc
    names: dict[str, EntityAnnotation] = {}
    for e in ctx.entities:
        t = doc[e.start]
        if e.end <= who.i and not (span[0] < t.idx < span[1]) and e.label.value in _PEOPLE:
            names.setdefault(e.name, e)
    disc = ctx.discourse
    idx = ctx.index
    if not names and disc is not None and 0 < idx < len(disc.sents):
        if disc.paragraph_break(idx):
            return []
        for _, ents in disc.subjects(idx - 1):
            for e in ents:
                if e.label.value in _PEOPLE:
                    names.setdefault(e.name, e)
    return list(names.values()) if len(names) == 1 else []


def first_person(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation]:
    """The entity a first-person pronoun inside quoted speech stands for (its speaker)."""
    low = tok.lower_
    if low not in FIRST_PERSON:
        return []
    span = _quote_chars(ctx, tok)
    if span is None:
        return []
    verb = _attribution_verb(ctx, span)
    if verb is None:
        opening = _opening_sentence(ctx, span)
        if opening is None:
            return []
        ctx = opening
        verb = _attribution_verb(ctx, span)
    if verb is None:
        return []
    who = _speaker(ctx, verb, span)
    if who is None:
        return []
    if who.lower_ in _HE_SHE:
        # "'I will visit Lima,' he said": the person "he" stands for; his "we" is left alone
        return _person_pronoun(ctx, who, span) if low in _SINGULAR else []
    e = ctx.ent_at.get(who.i)
    label = e.label.value if e is not None else ""
    if low in _SINGULAR:
        return [e] if e is not None and label in _PEOPLE else []
    if e is not None and label in _STATES:
        return [e]
    if e is not None and label not in _PEOPLE:
        return []
    led = _represented(ctx, who, span)
    return [led] if led is not None else []


def speaker_side(ctx: SentenceContext, tok: Token) -> list[EntityAnnotation]:
    """The state an official speaks for, as the "they" of the reported clause: "Chile's trade
    ministry official Ana Diaz says they are negotiating ...": Chile (an official's "they" is
    the side they speak for, not a plural named before)."""
    if tok.lower_ != "they" or tok.dep_ != "nsubj":
        return []
    clause = tok.head
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    verb = clause.head
    if clause.dep_ != "ccomp" or ctx.lemma(verb) not in ctx.lex.report_verbs:
        return []
    for who in verb.children:
        e = ctx.ent_at.get(who.i)
        if who.dep_ == "nsubj" and e is not None and e.label.value in _PEOPLE:
            led = _represented(ctx, who, (0, 0))
            return [led] if led is not None else []
    return []
