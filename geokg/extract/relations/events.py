"""Event rule families: a cue token plus a walk from it to the entity tokens.

Families (rule ids):

* ``svo_active.v1`` / ``svo_passive.v1``: verb cues with subject and object or prepositional
  target ("Canada backs Ukraine", "was intercepted by Greek jets", "cooperate with").
* ``participle.v1``: participles modifying a noun ("Rwandan-backed militia", "the Chad-led force").
* ``mutual_objects.v1``: coordinated objects of a gathering verb ("brought together A and B").
* ``mutual_subjects.v1``: coordinated subjects of a reciprocal or symmetric cue with no
  object ("Chile and Peru have clashed").
* ``nominal.v1`` / ``nominal_light_verb.v1`` / ``nominal_mutual.v1``: nominalisations with
  arguments inside the noun phrase ("Peru's annexation of Tacna", "war between A and B",
  "Chilean-Peruvian relations"), or the subject of a light verb ("impose sanctions on",
  "reach a deal with", "in support of").
* ``met_opposition.v1``: opposition a party receives ("X's plan met with opposition from Y":
  Y OPPOSES X; ``received.py``).
* ``founding.v1``: founders of an organization are its members ("Chile and Peru founded the
  Pacific Alliance"; ``founding.py``).
* ``under_attack.v1``: an attack a party receives ("Kenyan troops came under attack from
  X", "repelled an assault by Y": X, Y ATTACKS the subject; ``under_attack.py``).
* ``received_money.v1`` / ``owed_money.v1`` / ``deposited_money.v1`` / ``funded_with.v1`` /
  ``repaid_loans.v1`` / ``halted_sales.v1``: money and arms transfers seen from the
  receiver, the debt or the deposit, and halted arms sales (``transfers.py``);
  ``sought_help.v1``: aid asked of a party, hedged (``appeals.py``). An act done "with
  Japanese support" is the support noun's own reading (``addressed.helped``).
* ``adjectival.v1``: adjectives with a prepositional target ("hostile to", "close to").
* ``role_noun.v1``: nouns naming a participant ("Norway, a NATO ally", "Iran's proxy Hezbollah").
* ``anti_stance.v1``: "anti-X" stances of a named holder ("Russia's anti-Western policy").
* ``caption_with.v1``: verbless captions "X with Y at the summit" (two people: MEETS).
* ``announced_threat.v1``: a penalty its own agent warns it would impose ("warned that it
  would impose tariffs on X"): THREATENS too (``threats.py``).
* ``evaluative_speech.v1``: a speaker's pejorative words about a party or its acts ("Chile
  said Peru's reckless provocations must stop").
* ``classified_as.v1``: a party classified by a role complement ("Chile views Peru as a
  rival", "considers Peru a partner": the subject's stance; ``complements.py``).
* ``alleged_content.v1``: an accusation stated as a clause ("Chile alleged that Peru had armed
  the rebels", "Chile's accusation that Peru ...", "Chile said Peru was behind the attack"):
  the accuser criticizes the clause's agent (``allegations.py``).
* ``grievance_speech.v1``: a named speaker says a party cheats or exploits another ("Chile
  said Peru has been ripping it off"): the speaker criticizes the cheat (``grievances.py``).
* ``wrong_speech.v1``: a named speaker says a party violated something or failed its duty
  ("Chile said Peru had violated the truce"): the speaker criticizes it (``grievances.py``).

Direction: a directed type stated mutually ("war between A and B", "A and B clashed", "war
with B") is produced in both directions; "war against B" only one way.
"""

from __future__ import annotations

from dataclasses import replace

from geokg.extract.relations.acquisitions import acquired_goods, receiver_roles, supplied_for
from geokg.extract.relations.agreed_views import views_not_agreements
from geokg.extract.relations.aid_receivers import aid_receivers, received_not_given
from geokg.extract.relations.allegations import alleged_content, blamed_in_speech
from geokg.extract.relations.appeals import sought_help, sought_not_given
from geokg.extract.relations.assisted import helpers_join
from geokg.extract.relations.betrayals import betrayal_readings
from geokg.extract.relations.called_off import called_off_meetings
from geokg.extract.relations.candidacy import granted_status
from geokg.extract.relations.claimed_attacks import claimed_attack
from geokg.extract.relations.complements import classified_parties
from geokg.extract.relations.conditionals import conditional_threats, warned_addressees
from geokg.extract.relations.demands import demanded_penalties
from geokg.extract.relations.deployments import deployed_help, help_not_invasion
from geokg.extract.relations.embassies import embassy_sites
from geokg.extract.relations.ended_ties import ended_halts, ended_ties
from geokg.extract.relations.expelled_envoys import expelled_envoys
from geokg.extract.relations.expulsions import declared_unwelcome
from geokg.extract.relations.founding import founded_organizations
from geokg.extract.relations.funded_abroad import funded_abroad
from geokg.extract.relations.gratitude import thanked_for_help
from geokg.extract.relations.grievances import cheated_in_speech
from geokg.extract.relations.halted_deals import halted_deals
from geokg.extract.relations.headlines import attribution_span, in_span, speaker_excluded
from geokg.extract.relations.held_support import held_not_given, held_support
from geokg.extract.relations.hosting import hosted_gatherings
from geokg.extract.relations.idioms import adverbial_idiom
from geokg.extract.relations.interviews import not_interviews
from geokg.extract.relations.membership import (
    changed_membership,
    listed_members,
    membership_statuses,
)
from geokg.extract.relations.met_delegations import met_delegations
from geokg.extract.relations.nearing import near_events
from geokg.extract.relations.noun_verbs import noun_read_clause, noun_read_lemma
from geokg.extract.relations.nouns import _noun
from geokg.extract.relations.organs import not_own_bodies
from geokg.extract.relations.owners import (
    backed_proposals,
    members_not_partners,
    unnamed_holders,
)
from geokg.extract.relations.presupposed import owned_halted
from geokg.extract.relations.protested_attacks import protested_attacks
from geokg.extract.relations.recalled import recalled_agents
from geokg.extract.relations.received import received_criticism, received_opposition, under_fire
from geokg.extract.relations.retaken_ground import control_from
from geokg.extract.relations.roles import _adjective, _role
from geokg.extract.relations.slots import _ADJ_POS, _NOUN_POS, _VERB_POS, place_parties
from geokg.extract.relations.stances import (
    _anti_stance,
    _caption_with,
    _evaluative_speech,
    _rejected_offer,
)
from geokg.extract.relations.stranded_agents import stranded_attack
from geokg.extract.relations.struck_sites import struck_sites
from geokg.extract.relations.supported_events import event_in_support
from geokg.extract.relations.syntax import Candidate, SentenceContext
from geokg.extract.relations.territory import claimed_territory, land_claims_only
from geokg.extract.relations.threats import (
    announced_threats,
    dative_threats,
    demanding_threats,
    faced_reprisals,
    not_warned_of_risks,
    threat_contents,
    threatened_penalties,
)
from geokg.extract.relations.transfers import (
    figurative_transfers,
    halted_sales,
    money_transfers,
    repaid_loans,
    supplied_arms,
)
from geokg.extract.relations.under_attack import received_attack
from geokg.extract.relations.under_sanctions import under_sanctions
from geokg.extract.relations.verbs import _verb
from geokg.extract.relations.weapon_users import weapon_users
from geokg.extract.relations.withdrawn_occupiers import withdrawn_occupiers
from geokg.extract.relations.works import funded_works, works_participle

__all__ = ["event_candidates"]


def event_candidates(ctx: SentenceContext) -> list[Candidate]:
    """All event-relation candidates of one sentence."""
    out: list[Candidate] = []
    lex = ctx.lex
    doc = ctx.doc
    positions = ctx.cue_positions
    tokens = (doc[i] for i in positions) if positions is not None else ctx.tokens()
    for tok in tokens:
        pos = tok.pos_
        lem = ctx.lemma(tok)
        read = noun_read_clause(ctx, tok) if pos in _NOUN_POS else None
        if read is not None:
            # "Kenya sanctions Ugandan officials": a verb read as a noun (noun_verbs.py)
            lem = noun_read_lemma(ctx, tok) or lem
        if lem not in lex.cue_lemmas:
            if lem == "anti":
                out.extend(_anti_stance(ctx, tok))
            continue
        if pos in _VERB_POS:
            kind = "verb"
        elif pos in _NOUN_POS:
            # a noun with a direct object is a verb the tagger missed ("Chile and Peru dispute
            # Bolivia's claims"): its nominal reading would pair the subjects with each other
            dobj = any(c.dep_ == "dobj" for c in tok.children)
            # "Chad, which imports from Niger": a relative clause's head is its verb
            relative = tok.dep_ == "relcl" and any(
                c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in tok.children
            )
            kind = "verb" if dobj or relative or read is not None else "noun"
        elif pos in _ADJ_POS:
            kind = "adj"
        else:
            continue
        if kind == "noun" and adverbial_idiom(ctx, tok):
            continue  # "told in advance of the strike": an idiom, no event
        cues = list(lex.lookup(kind, lem))
        if kind == "adj" and tok.dep_ == "amod" and tok.head.i in ctx.ent_at:
            # "Turkey's rival Greece": the parser may read a role noun as an adjective
            cues.extend(c for c in lex.lookup("noun", lem) if c.pos == "role")
        if tok.i >= 2 and doc[tok.i - 1].text == "-":
            first = ctx.lemma(doc[tok.i - 2])
            cues.extend(c for f, c in lex.lookup_hyphen(kind, lem) if f == first)
        if kind == "verb" and tok.tag_ == "VBN":
            cues.extend(lex.lookup("adj", tok.lower_))
            if tok.lower_ != lem:
                cues.extend(lex.lookup("adj", lem))
        if kind == "verb" and lem in lex.rejection_verbs:
            out.extend(_rejected_offer(ctx, tok))
        if kind == "verb":
            out.extend(control_from(ctx, tok))  # "regained control of X from Y"
        if kind == "noun" and lem in lex.opposition_nouns:
            out.extend(received_opposition(ctx, tok))
        if kind == "noun":
            out.extend(received_criticism(ctx, tok))  # "met with condemnation from X"
            out.extend(under_fire(ctx, tok))  # "came under fire from X over its tariffs"
        for cue in cues:
            if cue.content_target:
                out.extend(alleged_content(ctx, tok, cue))
                if not cue.target:
                    continue  # a cue of the clause alone ("charged that Y ...")
            if cue.pos == "verb":
                out.extend(_verb(ctx, tok, cue))
            elif cue.pos == "noun":
                out.extend(_noun(ctx, tok, cue))
                out.extend(received_attack(ctx, tok, cue))
                out.extend(under_sanctions(ctx, tok, cue))  # "is under Peruvian sanctions"
                out.extend(claimed_attack(ctx, tok, cue))  # "claimed the attack on X"
                stranded = stranded_attack(ctx, tok, cue)  # "condemned strikes by X on Y"
                if stranded:
                    # the act's own agent: the verb's subject is no light verb's agent
                    out = [
                        c for c in out if c.trigger != tok.i or c.rule != "nominal_light_verb.v1"
                    ] + stranded
                out.extend(event_in_support(ctx, tok, cue))
            elif cue.pos == "role":
                out.extend(_role(ctx, tok, cue))
            elif cue.pos == "adj":
                out.extend(_adjective(ctx, tok, cue))
    out = near_events(ctx, halted_sales(ctx, out))  # "close to a deal"; "stopped selling arms"
    out = halted_deals(ctx, out)  # "halted an arms deal with X" (halted_deals.py)
    out = ended_halts(ctx, ended_ties(ctx, out))  # "quit its pact with X" (ended_ties.py)
    # "the Chinese-funded port in Sri Lanka": works.py reads aid participles on works
    out = [c for c in out if c.type != "SUPPORTS" or not works_participle(ctx, doc[c.trigger])]
    out = place_parties(ctx, land_claims_only(ctx, _idioms_first(out, ctx)))
    out.extend(funded_works(ctx))
    out.extend(funded_abroad(ctx))  # "Chile financed a railway in Peru"
    out.extend(announced_threats(ctx, out))
    out.extend(conditional_threats(ctx, out))  # "will impose sanctions if X ..."
    out.extend(warned_addressees(ctx, out))  # "warned X that it would retaliate"
    out = faced_reprisals(ctx, out)  # "faces retaliation from X" (threats.py)
    out = not_warned_of_risks(ctx, out)  # "warned X of the risks of ...": no threat
    out.extend(dative_threats(ctx))  # "gave X an ultimatum"
    out.extend(threatened_penalties(ctx, out))  # "the threat of U.S. sanctions on X"
    out.extend(demanding_threats(ctx))  # "an ultimatum demanding that X withdraw"
    out = threat_contents(ctx, out)  # "its threat to invade X": threatened, not done
    out = weapon_users(ctx, out)  # "X wants Turkish missiles to deter Y" (weapon_users.py)
    out.extend(helpers_join(ctx, out))
    out.extend(acquired_goods(ctx))
    out.extend(supplied_for(ctx))
    out.extend(money_transfers(ctx))
    out.extend(supplied_arms(ctx))
    out.extend(sought_help(ctx))
    out = sought_not_given(out)
    out.extend(aid_receivers(ctx))
    out = received_not_given(ctx, out)
    out = held_not_given(ctx, out)  # "has the backing of X" (held_support.py)
    out.extend(held_support(ctx))
    out.extend(deployed_help(ctx))
    out.extend(hosted_gatherings(ctx, out))
    out.extend(met_delegations(ctx))
    out.extend(called_off_meetings(ctx))
    out = help_not_invasion(ctx, out)
    out.extend(receiver_roles(ctx))
    out = figurative_transfers(ctx, repaid_loans(ctx, out))
    out.extend(thanked_for_help(ctx))
    out = betrayal_readings(ctx, out)
    out.extend(demanded_penalties(ctx))
    out.extend(embassy_sites(ctx))
    out.extend(declared_unwelcome(ctx))  # "declared Peru's envoy persona non grata"
    out.extend(expelled_envoys(ctx))  # "Peruvian diplomats were expelled from Chile"
    out.extend(struck_sites(ctx))  # "Chilean jets struck targets in Peru"
    out.extend(protested_attacks(ctx))  # "Chile complained over Peruvian air raids"
    out.extend(withdrawn_occupiers(ctx))  # "withdrew troops from Peru after years of occupation"
    out = not_own_bodies(ctx, out)  # "invest in the Chilean National Police" (organs.py)
    out.extend(granted_status(ctx))
    out.extend(changed_membership(ctx))
    out.extend(listed_members(ctx))
    out.extend(founded_organizations(ctx))
    out.extend(claimed_territory(ctx))
    out.extend(blamed_in_speech(ctx))
    out.extend(cheated_in_speech(ctx))  # "said Peru has been ripping off Chile"
    out.extend(backed_proposals(ctx))
    out = membership_statuses(ctx, classified_parties(ctx, out))
    out.extend(recalled_agents(ctx, out))
    if not ctx.has_verb:
        out.extend(_caption_with(ctx))
    else:
        out.extend(_evaluative_speech(ctx))
    if ctx.consumed:
        out = [
            c
            for c in out
            if not (
                c.trigger in ctx.consumed
                and c.rule.startswith(("nominal", "mutual"))
                and not owned_halted(ctx, c.trigger)  # "halted its aid to": presupposed
            )
        ]
    out = [_presupposed_membership(ctx, c) for c in out if not _range_ends(ctx, c)]
    out = unnamed_holders(ctx, members_not_partners(ctx, out))
    span = ctx.attribution = attribution_span(ctx)
    if span is not None and speaker_excluded(ctx, span):
        # the speaker of "Experts: ..." or "... - officials" is no argument of the claim
        out = [c for c in out if in_span(span, c.source.start) == in_span(span, c.target.start)]
    rejected = [c for c in out if c.rule == "rejected_offer.v1"]
    if ctx.rejected_spans:
        # the rejected proposal's own content is not stated, and the rejection is not OPPOSES
        spans = ctx.rejected_spans
        triggers = {c.trigger for c in rejected}
        out = [
            c
            for c in out
            if c.rule == "rejected_offer.v1"
            or not (
                any(lo <= c.anchor < hi for lo, hi in spans)
                or (c.trigger in triggers and c.type == "OPPOSES")
            )
        ]
    out = views_not_agreements(ctx, out)  # "agreed with Peru's proposal" (agreed_views.py)
    return not_interviews(out)  # "Reuters spoke with the foreign minister": no meeting


_FLOW_TYPES = frozenset({"TRADES_WITH", "SUPPORTS", "MEETS", "INVADES"})


def _range_ends(ctx: SentenceContext, c: Candidate) -> bool:
    """ "conflicts from Libya to Syria": a "from ... to" range on one word lists places; its
    ends are no source and target of each other."""
    if c.type in _FLOW_TYPES:
        return False  # "gas from Russia to Germany": a flow has a giver and a receiver
    src, tgt = ctx.doc[c.source.end - 1], ctx.doc[c.target.end - 1]
    if src.dep_ != "pobj" or tgt.dep_ not in ("pobj", "conj"):
        return False
    while tgt.dep_ == "conj":
        tgt = tgt.head
    p_src, p_tgt = src.head, tgt.head
    return (
        ctx.lemma(p_src) == "from"
        and ctx.lemma(p_tgt) == "to"
        and p_src.head.i == p_tgt.head.i
        and p_src.i < p_tgt.i
    )


def _presupposed_membership(ctx: SentenceContext, c: Candidate) -> Candidate:
    """A possessed membership noun states its owner's membership or application whatever
    the verb does with it ("Turkey blocked Sweden's NATO bid": Sweden applied; the bid, not
    the application, is blocked): the possessor is the predicate, so nothing negates it."""
    if c.type != "MEMBER_OF" or c.rule != "nominal.v1":
        return c
    n = ctx.doc[c.trigger]
    owners = [t for t in n.children if t.dep_ == "poss" and t.i in ctx.ent_at]
    return replace(c, anchor=owners[0].i) if owners else c


def _idioms_first(out: list[Candidate], ctx: SentenceContext) -> list[Candidate]:
    """An idiom read on a verb ("left X in the lurch", "kept X at bay") is what the verb means
    there: the verb's literal cues ("leave" an organization) give nothing beside it."""
    idiom_triggers = set()
    for c in out:
        cue = ctx.lex.cue(c.cue)
        if cue is not None and cue.pos == "verb" and cue.requires_prep_object:
            idiom_triggers.add(c.trigger)
    if not idiom_triggers:
        return out
    kept = []
    for c in out:
        cue = ctx.lex.cue(c.cue)
        if c.trigger in idiom_triggers and cue is not None and not cue.requires_prep_object:
            continue
        kept.append(c)
    return kept
