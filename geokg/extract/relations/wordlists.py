"""The function-word lists of the relation rules (``lexicon.json``), as attributes.

Each list drives one part of the shared analysis: light and support verbs, negation, modality
and reporting, argument climbing, titles and offices, pair nouns. :class:`RelationLexicon`
(``lexicon.py``) adds the cue entries and their index.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from geokg.schema import RelationType

__all__ = ["WordLists", "lowered"]


def lowered(values: Iterable[Any] | None) -> frozenset[str]:
    """The values as a frozenset of lower-cased strings (``None``: empty)."""
    return frozenset(str(v).lower() for v in values or ())


class WordLists:
    """The word lists of ``lexicon.json`` as frozensets (lower-cased) and small maps."""

    def __init__(self, words: dict[str, Any]) -> None:
        def words_of(*keys: str) -> frozenset[str]:
            node: Any = words
            for k in keys:
                node = node.get(k, {}) if isinstance(node, dict) else {}
            return lowered(node if isinstance(node, list) else [])

        self.light_verbs = words_of("light_verbs")
        self.recipient_verbs = words_of("recipient_verbs")
        self.recipient_types = frozenset(RelationType(t) for t in words.get("recipient_types", []))
        self.neg_particles = words_of("negators", "particles")
        self.neg_verbs = words_of("negators", "verbs")
        self.neg_nouns = words_of("negators", "nouns")
        self.neg_adjectives = words_of("negators", "adjectives")
        self.neg_adverbs = words_of("negators", "adverbs")
        self.negating_object_verbs = words_of("negating_objects_of")
        self.hedge_modals = words_of("hedges", "modals")
        self.hedge_verbs = words_of("hedges", "verbs")
        self.hedge_adjectives = words_of("hedges", "adjectives")
        self.hedge_nouns = words_of("hedges", "nouns")
        self.hedge_adverbs = words_of("hedges", "adverbs")
        self.hedge_exempt_types = frozenset(
            RelationType(t) for t in words.get("hedge_exempt_types", [])
        )
        self.report_verbs = words_of("reporting", "verbs")
        self.report_nouns = words_of("reporting", "nouns")
        self.report_adverbs = words_of("reporting", "adverbs")
        self.factive_verbs = words_of("reporting", "factive")
        self.claiming_control = words_of("reporting", "claiming_control")
        self.denial_verbs = words_of("reporting", "denials")
        self.hypothetical_marks = words_of("hypothetical_marks")
        self.suppressors = words_of("suppressors")
        # "threatened tariffs on X": threat words whose penalty content is stated, hedged
        self.threat_words = words_of("threat_content", "words")
        self.threat_announcers = words_of("threat_content", "announcers")
        self.threat_content_types = frozenset(
            RelationType(t) for t in words.get("threat_content", {}).get("types", [])
        )
        self.private_nouns = words_of("private_nouns")
        # "sanctions on Russian firms": companies that name their state as a measure's patient
        self.economic_patients = words_of("economic_patients", "nouns")
        # "tariffs on imports from China", "a ban on travel from Peru": the origin is the patient
        self.origin_nouns = words_of("economic_patients", "goods") | words_of(
            "economic_patients", "travel"
        )
        self.economic_patient_types = frozenset(
            RelationType(t) for t in words.get("economic_patients", {}).get("types", [])
        )
        self.agent_via_of = words_of("agent_via_of")
        self.agent_via_from = words_of("agent_via_from")
        self.host_forces = words_of("host_forces")  # "security forces in Mali": Mali
        self.led_actor_nouns = words_of("led_actor_nouns")
        self.instrument_verbs = words_of("instrument_verbs")
        self.sport_frame = words_of("sport_frame")
        self.transparent_nouns = words_of("transparent_nouns")
        self.member_nouns = words_of("member_nouns")
        self.of_first_nouns = words_of("of_first_nouns")
        self.object_control = words_of("object_control")
        self.rejection_verbs = words_of("rejection_verbs")
        self.objection_verbs = words_of("objection_verbs")  # "objected to the deal" (threats.py)
        self.presupposing_verbs = words_of("presupposing_verbs")
        # "moved to repair strained ties": the damage is the state a repair verb undoes
        self.repair_verbs = words_of("repair", "verbs")
        self.damaged_states = words_of("repair", "states")
        # "lifted the freeze on its aid to X": a halt that is undone restores what it halted
        self.halting_nouns = words_of("halting", "nouns")
        # "Chinese-funded railways in Laos": works whose site is the state they are built for
        self.funded_works = words_of("funded_works")
        self.works_participles = words_of("works_participles")
        self.works_receiving_verbs = words_of("works_receiving_verbs")
        self.works_receiving_nouns = words_of("works_receiving_nouns")
        self.halt_undoers = words_of("halting", "undone_by")
        self.motion_verbs = words_of("motion_verbs")
        self.preparation_verbs = words_of("preparation_verbs")
        self.pejoratives = words_of("pejoratives")
        self.terror_listing_verbs = words_of("terror_listing", "verbs")
        self.terror_labels = words_of("terror_listing", "labels")
        # "X's plan met with opposition from Y": nouns of received opposition, and the verbs
        # of receiving with the preposition that joins the noun ("" for a direct object)
        self.opposition_nouns = words_of("received_opposition", "nouns")
        self.receiving_verbs: dict[str, str] = {
            str(k).lower(): str(v)
            for k, v in words.get("received_opposition", {}).get("verbs", {}).items()
        }
        # "Kenyan troops came under attack from X": verbs that receive an attack noun
        self.attack_receiving_verbs: dict[str, str] = {
            str(k).lower(): str(v)
            for k, v in words.get("received_attack", {}).get("verbs", {}).items()
        }
        # "Kenya thanked China for its help": verbs whose "for" phrase names what was done
        self.gratitude_verbs = words_of("gratitude_verbs")
        # "Kenya called for sanctions against Uganda": verbs that demand a penalty
        self.penalty_demand_for = words_of("penalty_demands", "for_verbs")
        self.penalty_demand_verbs = words_of("penalty_demands", "verbs")
        # "the opposition leader attacked the prime minister": words of a verbal attack
        self.verbal_attack_words = words_of("verbal_attack_words")
        # "granted Ukraine candidate status": verbs whose indirect object receives
        self.giving_verbs = words_of("giving_verbs")
        # "Kenya repeated its allegation that Y ...": verbs whose subject voices an accusation
        self.voicing_verbs = words_of("accusations", "voicing_verbs")
        # "X said Y was behind the attack": the acts a speaker blames on a party
        self.blamed_acts = words_of("accusations", "blamed_acts")
        # "X said Y violated the truce / failed to rein in ...": wrongs a speaker reports
        self.wrong_verbs = words_of("accusations", "wrong_verbs")
        self.unfailed_acts = words_of("accusations", "unfailed_acts")
        # "issued a statement accusing Y": the participle's subject is the document's author
        self.speech_documents = words_of("speech_documents")
        # "said during a visit to X", "will join B for talks with C" (CAMEO 042-044)
        self.visit_nouns = words_of("visit_nouns")
        self.companion_verbs = words_of("companion_verbs")
        # "In a phone call with X, Y warned ...": occasions a speaking is set in
        self.setting_nouns = words_of("setting_nouns")
        self.telling_verbs = words_of("telling_verbs")
        # "Experts: ...", "... - officials": the speaker nouns of a headline's attribution
        self.headline_speakers = words_of("headline_speakers")
        # "Peru's UN bid": nouns whose possessor seeks and whose organization is sought
        self.goal_nouns = words_of("goal_nouns")
        self.dismissive_verbs = words_of("dismissive_verbs")
        # "considers Y a partner", "regards Y as a threat": verbs classifying their object
        self.classifying_verbs = words_of("classifying", "verbs")
        self.threat_complements = words_of("classifying", "threats")
        self.evaluated_acts = words_of("evaluated_acts")
        # "A and B remain locked in a rivalry": predicative participles whose "in" phrase
        # names an event the subject takes part in
        self.involvement_states = words_of("involvement_states")
        self.quantity_nouns = words_of("quantity_nouns")
        self.container_nouns = words_of("container_nouns")
        self.proposal_nouns = words_of("proposal_nouns")
        # "global support for X": a holder nobody names (owners.py)
        self.unnamed_holders = words_of("unnamed_holders", "words")
        # "backed Peru's position": a stance whose owner the backing supports (owners.py)
        self.owned_stances = words_of("owned_stances", "words")
        # "China's claims to the reef", "territorial claims": a claim of ownership, not speech
        self.claim_nouns = words_of("ownership_claims", "nouns")
        self.claim_preps = words_of("ownership_claims", "preps")
        self.claim_modifiers = words_of("ownership_claims", "modifiers")
        # "Bolivia claims part of Chile's coast": claiming verbs and what they claim
        self.claim_verbs = words_of("ownership_claims", "verbs")
        self.claim_words = self.claim_verbs | self.claim_nouns
        self.territory_nouns = words_of("ownership_claims", "territory_nouns")
        self.share_nouns = words_of("ownership_claims", "share_nouns")
        self.strict_place_labels = frozenset(words.get("strict_place_labels", ()))
        # acts a later sentence names by their noun alone, agent recalled (``recalled.py``)
        self.recalled_types = frozenset(words.get("recalled_types", ()))
        self.patient_possessive = words_of("patient_possessive")
        self.reflexives = words_of("reflexives")
        self.title_heads = words_of("titles", "heads")
        self.title_modifiers = words_of("titles", "modifiers")
        # "national security adviser", "chief executive": heads only after these words
        self.qualified_title_heads: dict[str, frozenset[str]] = {
            str(k).lower(): lowered(v)
            for k, v in words.get("titles", {}).get("qualified_heads", {}).items()
        }
        self.title_honorifics = words_of("titles", "honorifics")
        self.title_temporal = words_of("titles", "temporal")
        self.rule_nouns = words_of("titles", "rule_nouns")
        self.organization_heads = words_of("titles", "organization_heads")
        self.business_heads = words_of("titles", "business_heads")
        # a state chairing a bloc: office nouns, the abstract ones, verbs of holding an office
        self.state_offices = words_of("titles", "state_offices")
        self.office_nouns = words_of("titles", "office_nouns")
        self.office_verbs = words_of("titles", "office_verbs")
        # "former Kenyan ambassador X": service posts that a past marker takes out of LEADS
        self.service_posts = words_of("titles", "service_posts")
        self.past_markers = words_of("titles", "past_markers")
        self.possessive_role = str(words.get("titles", {}).get("role_for_possessive", "leader"))
        # "the two countries", "both sides": head lemma -> the labels of the two referents
        self.pair_nouns: dict[str, frozenset[str]] = {
            lemma.lower(): frozenset(labels.split())
            for labels, lemmas in words.get("pair_nouns", {}).items()
            for lemma in lemmas
        }
        # constructions that turn a negation around (``polarity.py``): "have never been
        # closer", "has yet to", "far from V-ing", "neither ... nor", "unless", "asked whether"
        self.degree_verbs = words_of("polarity", "degree_verbs")
        self.not_yet_verbs = words_of("polarity", "not_yet_verbs")
        self.not_yet_adverbs = words_of("polarity", "not_yet_adverbs")
        self.neither_words = words_of("polarity", "neither_words")
        self.condition_marks = words_of("polarity", "condition_marks")
        self.question_marks = words_of("polarity", "question_marks")
        self.predicate_negators = words_of("polarity", "predicate_negators")
        self.open_possibility_verbs = words_of("polarity", "open_possibility_verbs")
        self.epistemic_words = words_of("polarity", "epistemic")
        self.evidence_nouns = words_of("polarity", "evidence_nouns")  # "no evidence that"
        self.evidence_verbs = words_of("polarity", "evidence_verbs")  # "nothing shows that"
        self.doubted_predicates = words_of("polarity", "doubted_predicates")  # "is elusive"
        self.negating_adverbials: dict[str, frozenset[str]] = {
            str(k).lower(): lowered(v)
            for k, v in words.get("polarity", {}).get("adverbials", {}).items()
        }
        # founders of an organization are its members (``founding.py``)
        self.founding_verbs = words_of("founding", "verbs")
        self.founding_nouns = words_of("founding", "nouns")
        self.founding_heads = (
            frozenset(v.split()[0] for v in self.founding_verbs) | self.founding_nouns
        )
        self.founding_naming_verbs = words_of("founding", "naming_verbs")
        self.founding_org_kinds = words_of("founding", "org_kinds")
        self.founding_org_words = words_of("founding", "org_name_words")
        # verbs that change a member's standing, role words of status (``membership.py``)
        self.membership_changes: dict[str, frozenset[str]] = {
            str(k): lowered(v)
            for k, v in words.get("membership_changes", {}).items()
            if not str(k).startswith("_")
        }
        # "in advance of", "in recognition of": a bare cue noun in a fixed adverbial (idioms.py)
        self.adverbial_idioms: dict[str, frozenset[str]] = {
            str(k).lower(): lowered(v) for k, v in words.get("adverbial_idioms", {}).items()
        }
        self.growth_verbs = words_of("growth_verbs")  # "X's bullying boosts support" (causes.py)
        self.former_part_nouns = words_of("former_part_nouns")  # "the former Soviet republic"
        self.thwarting_verbs = words_of("thwarting", "verbs")  # "blocked efforts to" (attempts.py)
        self.attempt_nouns = words_of("thwarting", "attempt_nouns")
        self.judging_verbs = words_of("thwarting", "judging_verbs")
        # things a state hosts that are no party to meet ("hosts NATO radar", "Russian troops")
        self.hosted_things = words_of("hosted_things")
        self.rule_confidence: dict[str, float] = {
            k: float(v) for k, v in words.get("rule_confidence", {}).items()
        }
