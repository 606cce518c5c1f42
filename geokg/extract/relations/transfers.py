"""Money and arms transfers read from the receiving side or the debt they leave.

SCHEMA.md news conventions: giving arms, loans or aid to a party is SUPPORTS (giver ->
receiver), and blocking a sale is SANCTIONS (CAMEO 07/071 provide (economic) aid, 163 embargo).
The cue entries read the giver as subject ("Japan pledged $1 billion to Chile",
``give_money.verb``); the constructions here name the transfer otherwise:

* money received (``received_money.v1``): "Chile received $2 billion from Japan", "Peru
  borrowed $4 billion from the IMF", "Chile has received billions in Japanese aid": the
  ``from`` party, or the owner of the aid named in the amount's ``in`` phrase, SUPPORTS the
  subject. A payment for something ("received $5 billion from Japan for its copper") is trade.
* supplied arms in use (``participle.v1``): "Chile fired Japanese-supplied missiles", "Chile
  deployed drones supplied by Japan": the supplier SUPPORTS the party using or holding them.
* debt (``owed_money.v1``): "Chile owes Japan $7 billion", "owes $7 billion to Japan": the
  creditor lent the debtor money.
* works paid for with another's money (``funded_with.v1``): "Chile built the port with
  Japanese loans", "Chile benefited from loans from Japan": the money's giver SUPPORTS the
  subject.
* repayment (``repaid_loans.v1``): "Chile repaid its loans to Japan", "paid back the IMF",
  "defaulted on its loans from Japan": the creditor lent the debtor (the loans' "to" party is
  the lender here, not a receiver: :func:`repaid_loans` also drops that reading).
* deposits (``deposited_money.v1``): "Japan deposited $3 billion in Chile's central bank": the
  depositor SUPPORTS the owner of the central bank or treasury.
* money moved into a state ("Chile poured billions into Peru") is investment or aid, no
  force sent in: :func:`figurative_transfers` drops the INVADES a motion verb reads
  there, and the SUPPORTS of a debt of gratitude.
* halted arms sales (``halted_sales.v1``): "Chile stopped selling arms to Peru", "blocked a
  deal to sell jets to Peru": the clause of selling under a verb of halting, or completing a
  deal that a verb blocks, is SANCTIONS, as "halted arms sales to Peru" is
  (``stop_sales.verb``), not a sale denied or hedged.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geokg.extract.relations.presupposed import demanded_clause
from geokg.extract.relations.slots import _VERB_POS, _pairs
from geokg.extract.relations.syntax import Candidate, SentenceContext

if TYPE_CHECKING:
    from spacy.tokens import Token

    from geokg.extract.annotations import EntityAnnotation
    from geokg.extract.relations.lexicon import Cue

__all__ = [
    "figurative_transfers",
    "halted_sales",
    "money_transfers",
    "repaid_loans",
    "supplied_arms",
]

# the cue whose objects name an amount of money and whose type and confidence a transfer takes
_MONEY_CUE = "give_money.verb"
# the cue whose lemmas name aid ("in Japanese aid")
_AID_CUE = "support.noun"
# the cues whose objects name the arms of a sale
_ARMS_CUES = ("sell_arms.verb", "buy_arms.verb", "sell_weapon_types.verb")
_NOT_WEAPONS = frozenset(
    {"aid", "assistance", "support", "help", "backing", "money", "fund", "funds", "loan"}
) | {"loans", "credit", "credits", "subsidy", "subsidies", "grant", "grants", "relief", "food"}
_NOT_WEAPONS |= {"medicine", "vaccine", "vaccines", "asylum", "refuge", "sanctuary"}
_RECEIVE_VERBS = frozenset({"receive", "get", "obtain", "borrow", "secure", "accept"})
# receiving verbs that name a loan without an object
_LENDING_GIVEN = frozenset({"borrow"})
_DEPOSIT_VERBS = frozenset({"deposit", "inject", "park"})
_OWE_VERBS = frozenset({"owe"})
_DEBTS = frozenset({"debt", "debts", "loan", "loans", "arrears"})
# an "in" phrase naming where or when, not what the money is ("in 2020", "in March")
_PLACE_WORDS = frozenset({"year", "month", "week", "total", "all", "cash"})
# money that was the receiver's own ("in frozen funds")
_OWN_MONEY = frozenset({"frozen", "own", "blocked", "seized"})
_FIGURATIVE_DEBTS = frozenset({"gratitude", "thanks", "honor", "honour"})
# amounts besides currency words: "a $1 billion deposit", "a tranche of $2 billion"
_AMOUNTS = frozenset(
    {"deposit", "deposits", "tranche", "tranches", "bailout", "money", "fund", "funds", "cash"}
)
# where deposited money goes: the state's own funds ("Chile's central bank", "its treasury")
_STATE_FUNDS = frozenset({"treasury", "coffers", "reserves"})
_SELLING_VERBS = frozenset({"sell", "export", "supply", "ship", "deliver", "provide", "send"})
_HALTING_VERBS = frozenset({"stop", "halt", "suspend", "cease", "freeze", "end", "pause"})
# verbs that block a deal to sell ("blocked a deal to sell jets to Peru"), besides halting ones
_BLOCKING_VERBS = frozenset({"block", "cancel", "scrap", "veto", "kill", "terminate", "axe"})
_DEALS = frozenset({"deal", "contract", "agreement", "plan", "order", "proposal"})
_PARTY_LABELS = frozenset({"Country", "Organization"})
_PRIVATE_KINDS = frozenset({"company", "media", "institute", "court"})
# verbs whose subject uses another's money: "built X with Japanese loans", "benefited from"
_USING_PREPS = {"build": "with", "construct": "with", "finance": "with", "fund": "with"}
_USING_PREPS |= {"modernize": "with", "benefit": "from"}
# verbs of paying a debt back ("repay", "pay back/off", "service", "default on")
_REPAY_VERBS = frozenset({"repay", "service", "settle", "refinance", "default"})
_PAY_VERBS = frozenset({"pay"})
_PAY_PARTICLES = frozenset({"back", "off", "down"})


def _money(ctx: SentenceContext, o: Token, cue: Cue) -> bool:
    """Whether the object ``o`` names an amount of money ("$2 billion", "billions", "a
    $1 billion deposit")."""
    lem = ctx.lemma(o)
    if lem in cue.objects or lem in _AMOUNTS or o.lower_ in cue.objects:
        return True
    return any(c.text == "$" for c in o.children)


def _parties(found: list[EntityAnnotation]) -> list[EntityAnnotation]:
    """States and public bodies: a company's money is commerce, not a party's support."""
    return [e for e in found if e.label.value in _PARTY_LABELS and e.kind not in _PRIVATE_KINDS]


def _aid_owners(ctx: SentenceContext, v: Token, amount: Token) -> list[EntityAnnotation]:
    """The givers of the aid an amount is "in" ("billions in Japanese aid", "$3 billion in
    budget support from Japan" -> Japan); the parser hangs the phrase on the amount or the
    verb."""
    aid = ctx.lex.cue(_AID_CUE)
    if aid is None:
        return []
    out: list[EntityAnnotation] = []
    for _, n in ctx.prep_objects(amount, ("in",)) + ctx.prep_objects(v, ("in",)):
        if ctx.lemma(n) not in aid.lemmas or n.i in ctx.ent_at:
            continue
        for c in n.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < n.i:
                out.extend(ctx.args(c, strict=True))
        out.extend(ctx.args_of((o for _, o in ctx.prep_objects(n, ("from",))), strict=True))
    return out


def _payment(ctx: SentenceContext, v: Token, amount: Token) -> bool:
    """Money that is no aid or loan: paid "for" something ("received $5 billion from Japan for
    its copper", "owes Japan $3 billion for gas"), or named "in" something else ("in
    reparations", "in oil revenue", "in frozen funds")."""
    if ctx.prep_objects(v, ("for",)) or ctx.prep_objects(amount, ("for",)):
        return True
    aid = ctx.lex.cue(_AID_CUE)
    money = ctx.lex.cue(_MONEY_CUE)
    for _, n in ctx.prep_objects(amount, ("in",)) + ctx.prep_objects(v, ("in",)):
        if n.i in ctx.ent_at or ctx.lemma(n) in _PLACE_WORDS:
            continue
        lem = ctx.lemma(n)
        helps = lem in _DEBTS or (aid is not None and lem in aid.lemmas)
        helps = helps or (money is not None and _money(ctx, n, money))
        if not helps or any(ctx.lemma(c) in _OWN_MONEY for c in n.children):
            return True
    return False


def _received(ctx: SentenceContext, v: Token, cue: Cue) -> list[Candidate]:
    objs = ctx.children(v, "dobj")
    amounts = [o for o in objs if _money(ctx, o, cue)]
    borrowed = not objs and ctx.lemma(v) in _LENDING_GIVEN  # "borrowed heavily from Japan"
    if not (amounts or borrowed) or any(_payment(ctx, v, a) for a in amounts):
        return []
    froms = [o for _, o in ctx.prep_objects(v, ("from",))]
    froms += [o for a in amounts for _, o in ctx.prep_objects(a, ("from",))]
    givers = _parties(ctx.args_of(froms, strict=True))
    for a in amounts:
        givers.extend(_parties(_aid_owners(ctx, v, a)))
    if not givers:
        return []
    agents, _ = ctx.subjects(v)
    receivers = ctx.args_of(agents, strict=True)
    return _pairs(ctx, givers, receivers, cue, v, "received_money.v1")


def _owed(ctx: SentenceContext, v: Token, cue: Cue) -> list[Candidate]:
    objs = [o for o in ctx.children(v, "dobj") if _money(ctx, o, cue) or ctx.lemma(o) in _DEBTS]
    if not objs or any(_payment(ctx, v, o) for o in objs):
        return []
    creditors = ctx.args_of(ctx.children(v, "dative"), strict=True)
    creditors += ctx.args_of((o for _, o in ctx.prep_objects(v, ("to",))), strict=True)
    agents, _ = ctx.subjects(v)
    debtors = ctx.args_of(agents, strict=True)
    return _pairs(ctx, _parties(creditors), debtors, cue, v, "owed_money.v1")


def _fund_owners(ctx: SentenceContext, fund: Token) -> list[EntityAnnotation]:
    """The state owning a central bank or treasury ("Chile's central bank")."""
    lem = ctx.lemma(fund)
    central = any(c.lower_ == "central" for c in fund.children)
    if not (lem in _STATE_FUNDS or (lem == "bank" and central)):
        return []
    out: list[EntityAnnotation] = []
    for c in fund.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < fund.i:
            out.extend(ctx.args(c, strict=True))
    return [e for e in out if e.label.value == "Country"]


def _deposited(ctx: SentenceContext, v: Token, cue: Cue) -> list[Candidate]:
    amounts = [o for o in ctx.children(v, "dobj") if _money(ctx, o, cue)]
    if not amounts:
        return []
    owners: list[EntityAnnotation] = []
    for h in [v, *amounts]:  # the parser hangs "in X's central bank" on either
        for _, fund in ctx.prep_objects(h, ("in", "into", "with")):
            owners.extend(_fund_owners(ctx, fund))
    if not owners:
        return []
    agents, _ = ctx.subjects(v)
    depositors = _parties(ctx.args_of(agents, strict=True))
    return _pairs(ctx, depositors, owners, cue, v, "deposited_money.v1")


def _money_givers(ctx: SentenceContext, n: Token) -> list[EntityAnnotation]:
    """The givers a money or aid noun names: its state modifier or its "from" party
    ("Japanese loans", "loans from Japan")."""
    aid = ctx.lex.cue(_AID_CUE)
    lem = ctx.lemma(n)
    if n.i in ctx.ent_at or not (
        lem in ctx.lex.works_receiving_nouns or (aid is not None and lem in aid.lemmas)
    ):
        return []
    toks = [c for c in n.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < n.i]
    toks += [o for _, o in ctx.prep_objects(n, ("from",))]
    return [e for e in ctx.args_of(toks, strict=True) if e.label.value == "Country"]


def _funded_with(ctx: SentenceContext, v: Token, cue: Cue) -> list[Candidate]:
    prep = _USING_PREPS[ctx.lemma(v)]
    givers = [e for _, n in ctx.prep_objects(v, (prep,)) for e in _money_givers(ctx, n)]
    if not givers:
        return []
    agents, _ = ctx.subjects(v)
    users = [e for e in ctx.args_of(agents, strict=True) if e.label.value == "Country"]
    return _pairs(ctx, givers, users, cue, v, "funded_with.v1")


def money_transfers(ctx: SentenceContext) -> list[Candidate]:
    """SUPPORTS from money received, owed or deposited (see the module docstring)."""
    cue = ctx.lex.cue(_MONEY_CUE)
    verbs = _RECEIVE_VERBS | _DEPOSIT_VERBS | _OWE_VERBS | _USING_PREPS.keys()
    if cue is None or not ctx.has_lemma(verbs):
        return []
    out: list[Candidate] = []
    for v in ctx.tokens():
        if v.pos_ not in _VERB_POS:
            continue
        lem = ctx.lemma(v)
        if lem in _RECEIVE_VERBS:
            out.extend(_received(ctx, v, cue))
        elif lem in _OWE_VERBS:
            out.extend(_owed(ctx, v, cue))
        elif lem in _DEPOSIT_VERBS:
            out.extend(_deposited(ctx, v, cue))
        elif lem in _USING_PREPS:
            out.extend(_funded_with(ctx, v, cue))
    return out


def _arms_sale(ctx: SentenceContext, v: Token) -> bool:
    """Whether ``v`` sells arms: a selling verb whose object is a weapon word."""
    if v.pos_ not in _VERB_POS or ctx.lemma(v) not in _SELLING_VERBS:
        return False
    weapons = _weapons(ctx)
    return any(ctx.lemma(o) in weapons for o in ctx.children(v, "dobj"))


def _weapons(ctx: SentenceContext) -> set[str]:
    """The weapon words of the arms cues (their objects besides aid and money)."""
    weapons: set[str] = set()
    for cue_id in _ARMS_CUES:
        cue = ctx.lex.cue(cue_id)
        if cue is not None:
            weapons |= cue.objects
    return weapons - _NOT_WEAPONS


def figurative_transfers(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """Money words that move no money to a party: "Chile poured billions into Peru" sends in
    no force (investment or aid, not INVADES), and "a debt of gratitude to Peru" is no loan.

    Args:
        ctx: The sentence.
        found: The event candidates of the sentence so far.

    Returns:
        The candidates without an INVADES whose verb's object is an amount of money, and
        without a SUPPORTS read on a debt of gratitude.
    """
    cue = ctx.lex.cue(_MONEY_CUE)
    if cue is None:
        return found
    out: list[Candidate] = []
    for c in found:
        v = ctx.doc[c.trigger]
        if c.type == "INVADES" and any(_money(ctx, o, cue) for o in ctx.children(v, "dobj")):
            continue
        if c.type == "SUPPORTS" and any(_gratitude(ctx, o) for o in (v, *v.children)):
            continue
        out.append(c)
    return out


def _gratitude(ctx: SentenceContext, debt: Token) -> bool:
    """ "a debt of gratitude": a debt noun whose "of" phrase names thanks."""
    return ctx.lemma(debt) in _DEBTS and any(
        ctx.lemma(o) in _FIGURATIVE_DEBTS for _, o in ctx.prep_objects(debt, ("of",))
    )


def halted_sales(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """ "Chile stopped selling arms to Peru": a halted arms sale is SANCTIONS (CAMEO 163).

    Args:
        ctx: The sentence.
        found: The event candidates of the sentence so far.

    Returns:
        The candidates, each sale or trade of arms under a halting verb read as SANCTIONS
        anchored on the halting verb (its own negation and modality apply).
    """
    if not ctx.has_lemma(_HALTING_VERBS | _BLOCKING_VERBS):
        return found
    out: list[Candidate] = []
    for c in found:
        v = ctx.doc[c.trigger]
        halting = _halting_verb(ctx, v)
        if (
            c.type in ("SUPPORTS", "TRADES_WITH")
            and halting is not None
            and _arms_sale(ctx, v)
            and not (v.dep_ == "xcomp" and demanded_clause(ctx, halting))
        ):  # "urged Chile to stop selling arms to Peru": the sales go on (presupposed.py)
            c = replace(c, type="SANCTIONS", anchor=halting.i, rule="halted_sales.v1")
        out.append(c)
    return out


def _halting_verb(ctx: SentenceContext, v: Token) -> Token | None:
    """The verb halting the sale clause ``v``: "stopped selling", or the verb blocking the
    deal the clause completes ("blocked a deal to sell")."""
    h = v.head
    if v.dep_ == "xcomp" and h.pos_ in _VERB_POS and ctx.lemma(h) in _HALTING_VERBS:
        return h
    if v.dep_ == "advcl" and any(ctx.lemma(o) in _DEALS for o in ctx.children(h, "dobj")):
        g = h  # the parser's reading of "blocked a deal to sell": a purpose clause
    elif v.dep_ == "acl" and ctx.lemma(h) in _DEALS and h.dep_ == "dobj":
        g = h.head
    else:
        return None
    if g.pos_ in _VERB_POS and ctx.lemma(g) in _HALTING_VERBS | _BLOCKING_VERBS:
        return g
    return None


def _repaying(ctx: SentenceContext, v: Token) -> bool:
    lem = ctx.lemma(v)
    if lem in _REPAY_VERBS:
        return True
    return lem in _PAY_VERBS and any(
        c.dep_ == "prt" and c.lower_ in _PAY_PARTICLES for c in v.children
    )


def _repaid_debts(ctx: SentenceContext, v: Token) -> list[Token]:
    """The loan or debt nouns a repaying verb takes ("repaid its loans", "defaulted on its
    debt")."""
    objs = ctx.children(v, "dobj") + [o for _, o in ctx.prep_objects(v, ("on",))]
    return [o for o in objs if ctx.lemma(o) in _DEBTS and o.i not in ctx.ent_at]


def repaid_loans(ctx: SentenceContext, found: list[Candidate]) -> list[Candidate]:
    """ "Chile repaid its loans to Japan": Japan SUPPORTS Chile (``repaid_loans.v1``).

    Args:
        ctx: The sentence.
        found: The event candidates of the sentence so far.

    Returns:
        The candidates without a repaid loan read as the debtor's aid to its creditor, plus
        the creditor's support of the debtor.
    """
    cue = ctx.lex.cue(_MONEY_CUE)
    if cue is None or not ctx.has_lemma(_REPAY_VERBS | _PAY_VERBS):
        return found
    out: list[Candidate] = []
    debts: set[int] = set()
    for v in ctx.tokens():
        if v.pos_ not in _VERB_POS or not _repaying(ctx, v):
            continue
        loans = _repaid_debts(ctx, v)
        debts.update(n.i for n in loans)
        if loans:
            lenders = [o for _, o in ctx.prep_objects(v, ("to",))]
            lenders += [o for n in loans for _, o in ctx.prep_objects(n, ("to", "from"))]
        elif ctx.lemma(v) == "repay":  # "repaid the IMF"; not "repaid the favor to Chile"
            lenders = [o for o in ctx.children(v, "dobj") if o.i in ctx.ent_at]
        else:
            continue
        creditors = _parties(ctx.args_of(lenders, strict=True))
        if not creditors:
            continue
        agents, _ = ctx.subjects(v)
        debtors = ctx.args_of(agents, strict=True)
        # the lending is presupposed: "did not repay its loans" still states the loans
        anchor = loans[0] if loans else v
        out.extend(_pairs(ctx, creditors, debtors, cue, v, "repaid_loans.v1", anchor=anchor))
    kept = [c for c in found if not (c.type == "SUPPORTS" and c.trigger in debts)]
    return kept + out


# verbs whose subject uses or holds the goods it takes ("fired", "deployed"; not "destroyed")
_USING_VERBS = frozenset(
    {"use", "deploy", "fire", "launch", "operate", "field", "employ", "receive", "get", "have"}
)
_SUPPLY_CUE = "sell_arms.verb"
_SUPPLIER_DEPS = frozenset({"npadvmod", "compound", "amod", "nmod"})


def supplied_arms(ctx: SentenceContext) -> list[Candidate]:
    """ "Chile fired Japanese-supplied missiles", "Chile deployed drones supplied by Japan":
    the supplier SUPPORTS the subject using the arms (``participle.v1``)."""
    cue = ctx.lex.cue(_SUPPLY_CUE)
    if cue is None or not ctx.has_lemma(_USING_VERBS):
        return []
    weapons = _weapons(ctx)
    out: list[Candidate] = []
    for part in ctx.tokens():
        if part.tag_ != "VBN" or part.dep_ not in ("amod", "acl"):
            continue
        goods = part.head
        if ctx.lemma(part) not in cue.lemmas or ctx.lemma(goods) not in weapons:
            continue
        v = goods.head
        if goods.dep_ != "dobj" or v.pos_ not in _VERB_POS or ctx.lemma(v) not in _USING_VERBS:
            continue
        toks = [c for c in part.children if c.dep_ in _SUPPLIER_DEPS and c.i < part.i]
        toks += [o for c in part.children if c.dep_ == "agent" for o in ctx.children(c, "pobj")]
        suppliers = _parties(ctx.args_of(toks, strict=True))
        agents, _ = ctx.subjects(v)
        users = ctx.args_of(agents, strict=True)
        out.extend(_pairs(ctx, suppliers, users, cue, part, "participle.v1", anchor=v))
    return out
