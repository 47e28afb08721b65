//! Proposed norms: what a delegation says States should or shall do in the use of ICTs.
//!
//! Three written forms are taken (the rules of `docs/annotation-proposals.md`):
//! - items of a list whose lead-in announces proposals or norms (a paragraph ending in `:` that
//!   speaks of norms, rules, principles or proposals), when the item is normative: it names
//!   States and carries a deontic verb (*should*, *shall*, *must*, *has the right*, …). An item cut
//!   by a page break or a blank line mid-sentence is joined with its continuation;
//! - a sentence in which the speaker proposes (*we propose*, *my delegation suggests*, *we urge
//!   all States to*, *we put forward a norm on*) that States should do something;
//! - a sentence that states the rule in the speaker's own voice: it opens with States in general
//!   as the subject of a deontic verb ("States should refrain from …", "No State shall …"), maybe
//!   after a connective or "we believe that", "it is essential that".
//!
//! Not taken: descriptions of norms already agreed ("the 2015 report recommends that States
//! should …", "under the agreed norms"), others' proposals ("some delegations suggested that
//! States should …", a lead-in "the Chair proposes the following norms:"), questions and
//! conditionals, and — outside the OEWG and the GGE, in a statement fewer than one in five of
//! whose sentences name ICTs — rules that name no ICTs, in themselves or in the sentence before
//! (for a list: in its lead-in, the paragraph before it or its items).

use super::lexicon::AgreedNorm;
use super::phrases::{content_stems, say_the_same};
use super::positions::{Cues, IctWords};
use super::text::{blocks, clean, sentences, Block, BlockKind};
use regex::Regex;
use std::sync::LazyLock;

static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:norms?|rules?|principles?|propos\w*|suggest\w*|recommend\w*|put\s+forward|submit\w*)\b")
        .expect("valid regex")
});
static STATES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bstates?\b").expect("valid regex"));
static DEONTIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:should|shall|must|ought\s+to|ha(?:s|ve)\s+the\s+right|(?:is|are)\s+entitled)\b",
    )
    .expect("valid regex")
});
/// The speaker proposes that States in general (all States, no State, the international
/// community) do something: the addressee right after the proposing verb, so that "we urge the
/// nuclear-weapon States to" (a group) is not taken.
static PROPOSES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:we|i|my|our)\b[^.;]{0,80}?\b(?:propos(?:e|es|ed|ing)|suggest\w*|recommend\w*|urge[sd]?|urging|call(?:s|ed|ing)?\s+(?:up)?on|call(?:s|ed|ing)?\s+for|put(?:s|ting)?\s+forward|insist\w*)\s+(?:that\s+)?(?:(?:all|each|every|no)\s+)?(?:(?:the\s+)?Member\s+)?(?:States?|the\s+international\s+community|countries|nations|Governments)\b")
        .expect("valid regex")
});
/// The speaker puts forward a norm or rule ("we propose a norm on …").
static PROPOSES_NORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:we|my|our)\b[^.;]{0,80}?\b(?:propos(?:e|es|ed|ing)|suggest\w*|recommend\w*|put(?:s|ting)?\s+forward|introduc\w*|submit\w*|(?:would\s+)?support\w*)\s+(?:\w+\s+){0,5}?(?:norms?|rules?)\s+(?:on|that|under\s+which|whereby|by\s+which|to|for|according|requiring|obliging|prohibiting|calling)\b|\b(?:norm|rule|understanding|commitment)\s+(?:is\s+(?:needed|required)\s+)?(?:under\s+which|whereby|by\s+which)\s+(?:(?:all|each|every|no)\s+)?States?\b")
        .expect("valid regex")
});
/// A rule in the speaker's own voice: States in general as the subject of a deontic verb
/// ("States should", "no State shall", "States ought not to", "a State which … should",
/// "States would be expected to", "States commit not to"). Where the match starts, the word
/// before must not narrow the States ([`general_addressee`]).
static STATES_SHOULD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:all|each|every|no|a)\s+)?(?:(?:the\s+)?Member\s+)?States?\b(?:\s*,?\s+(?:which|that|who|when|once|in\s+(?:ensuring|exercising|taking))\b[^.;]{0,160}?,?)?\s+(?:(?:\w+ly|also|too|further|themselves|collectively|individually)\s+)*(?:should|shall|must|ought\s+(?:not\s+)?to|would\s+be\s+expected\s+to|(?:are|is)\s+(?:expected|required|obliged|bound)\s+to|would\s+be\s+expected\b|need\s+to|(?:should\s+)?commit\s+(?:themselves\s+)?(?:not\s+)?to|ha(?:s|ve)\s+(?:a|the)\s+(?:right|duty|obligation|responsibility))\b")
        .expect("valid regex")
});
/// The speaker's framing of a rule on States, whatever its verb: "it is essential that States
/// refrain", "our considered view that States", "a commitment by States to".
static SPEAKER_FRAMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:essential|important|crucial|vital|necessary|imperative|critical|indispensable|view|position|conviction|belief)\s+that\s+(?:(?:all|each|every|no)\s+)?(?:Member\s+)?States?\b|\bcommitment\s+by\s+(?:all\s+)?States\s+to\b")
        .expect("valid regex")
});
/// A sentence that describes norms already agreed, or restates existing law, rather than
/// proposing one.
static DESCRIBES_AGREED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:agreed\s+(?:norms?|rules?|principles?|in|by|upon|at|framework|language|text)|(?:already|previously|been|were|was|have|has|we|States)\s+agreed|as\s+agreed|already\s+(?:adopted|endorsed|recogni[sz]ed)|existing\s+norms?|GGEs?|A/70/174|(?:the|its|their|this|that|those|these|same|final|annual|progress|consensus)\s+reports?|reports?\s+(?:provides?|recommends?|says?|states?|notes?|calls?|affirms?)|already\s+(?:provides?|says?|states?|recommends?|calls?|requires?)|under\s+(?:the|those|these)\s+(?:reports?|norms?)|as\s+(?:set\s+out|stated|provided|recommended|affirmed|reflected|enshrined)|according\s+to|recommends\s+that|recommended\s+that|reaffirm\w*|recall\w*)\b")
        .expect("valid regex")
});
/// What others proposed: a body or a document as the one that proposes.
static OTHERS_PROPOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bthe\s+(?:\w+\s+)?(?:Chair|Chairman|Chairperson|Chair's|draft|pre-draft|text|Secretariat|Secretary-General)\b[^.;]{0,40}\b(?:propos|suggest|recommend|call)\w*")
        .expect("valid regex")
});
/// How the talks should go, not how States should behave: "States should focus on bilateral
/// arrangements", "engage in the negotiations".
static PROCEDURAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:focus|concentrat|engag|participat|invest|work)\w*\s+(?:\w+\s+){0,4}?(?:on|in)\s+(?:\w+\s+){0,4}?(?:arrangements?|agreements?|negotiations?|discussions?|dialogue|process(?:es)?|consultations?|deliberations?)\b")
        .expect("valid regex")
});
/// Words before a rule that deny it is the speaker's: a negation or a rejection ("we do not
/// propose that", "we reject calls on States to", "we are not convinced by suggestions that"),
/// or others as the ones who hold it ("many believe that").
static DISOWNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:not|n't|n’t|never|cannot|reject\w*|oppos\w*|against|object\w*)\b|\b(?:many|some|others|several|few)\s+(?:\w+\s+)?(?:believe|argue|say|suggest|propose|think|consider|hold|maintain|claim|feel)\w*\b")
        .expect("valid regex")
});
static CONDITIONAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:if|whether|unless|when|once|should)\b").expect("valid regex")
});

/// A proposed norm found in text (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundNorm {
    /// Start of the span.
    pub start: usize,
    /// End of the span (exclusive).
    pub end: usize,
}

/// Finds the proposed norms in `text`, in order. `ict_body` says the statement was delivered at
/// a body of the ICT debate (the OEWG, the GGE), where every passage is on topic; elsewhere a
/// rule counts only in a paragraph, or a list with its lead-in, that names ICTs (`cue:ictTopic`).
/// `ict` is where the text names ICTs ([`Cues::ict_words`]), read once by the caller for every
/// stretch asked about.
pub fn find(
    text: &str,
    cues: &Cues,
    agreed: &[AgreedNorm],
    ict_body: bool,
    ict: &IctWords,
) -> Vec<FoundNorm> {
    let all = blocks(text);
    let ict_body = ict_body || mostly_about_ict(text, &all, ict);
    let mut norms = Vec::new();
    let mut listed = vec![false; all.len()];
    let mut i = 0;
    while i < all.len() {
        let block = all[i];
        // Most paragraphs do not end with a colon: they are not cleaned to be read.
        if !may_end_with_colon(&text[block.start..block.end]) {
            i += 1;
            continue;
        }
        let lead = clean(&text[block.start..block.end]);
        let is_lead_in = matches!(block.kind, BlockKind::Paragraph | BlockKind::Numbered)
            && lead.ends_with(':')
            && LEAD_IN.is_match(&lead)
            && !DESCRIBES_AGREED.is_match(&lead)
            && !cues.is_reported(&lead)
            && !OTHERS_PROPOSE.is_match(&lead);
        i += 1;
        if !is_lead_in {
            continue;
        }
        // The list is on topic when its lead-in, the paragraph before it or any item names ICTs.
        let items_end = all[i..]
            .iter()
            .position(|b| {
                !matches!(
                    b.kind,
                    BlockKind::Bullet | BlockKind::Numbered | BlockKind::Break
                )
            })
            .map_or(all.len(), |n| i + n);
        let context_start = if i >= 2 {
            all[i - 2].start
        } else {
            block.start
        };
        let context_end = if items_end > i {
            all[items_end - 1].end
        } else {
            block.end
        };
        let on_topic = ict_body || ict.within(context_start, context_end);
        // The items: blocks of the first item's kind (a numbered paragraph after bullets starts
        // the next part of the statement); after a numbered lead-in, only bullets (the next
        // numbered paragraph is the next part, not an item).
        let item_kind = all
            .get(i)
            .map(|b| b.kind)
            .filter(|k| block.kind != BlockKind::Numbered || *k == BlockKind::Bullet);
        while i < all.len()
            && matches!(all[i].kind, BlockKind::Bullet | BlockKind::Numbered)
            && Some(all[i].kind) == item_kind
        {
            let mut item = all[i];
            listed[i] = true;
            i += 1;
            // Join continuations cut by a page break, a footnote or a blank line.
            while let Some(next) = continuation(text, &all, i, &item) {
                item.end = all[next].end;
                listed[next] = true;
                i = next + 1;
            }
            let body = clean(&text[item.start..item.end]);
            if STATES.is_match(&body)
                && DEONTIC.is_match(&body)
                && on_topic
                && !DESCRIBES_AGREED.is_match(&body)
                && !OTHERS_PROPOSE.is_match(&body)
            {
                let (start, end) = trim_marks(text, item.start, item.end);
                norms.push(FoundNorm { start, end });
            }
        }
    }
    // The wordings of the proposals found so far: a rule stated again is the same proposal.
    let mut said: Vec<Vec<String>> = norms
        .iter()
        .map(|n| content_stems(&clean(&text[n.start..n.end])))
        .collect();
    for (k, block) in all.iter().enumerate() {
        if listed[k] || matches!(block.kind, BlockKind::Heading | BlockKind::Break) {
            continue;
        }
        if !ict_body && !ict.within(block.start, block.end) {
            continue;
        }
        let mut previous = block.start;
        for (s, e) in sentences(text, block.start, block.end) {
            let (s, e) = trim_marks(text, s, e);
            // A closing quote or a dash left over from the sentence before is not the rule's.
            let s = e.min(
                s + text[s..e].len()
                    - text[s..e]
                        .trim_start_matches(['”', '’', '—', '–', '-', '•', ' '])
                        .len(),
            );
            // Outside a statement on ICTs, the rule or the sentence before it names ICTs.
            let on_topic = ict_body || ict.within(previous, e);
            previous = s;
            if s >= e || !on_topic {
                continue;
            }
            let sentence = clean(&text[s..e]);
            if is_speakers_rule(&sentence, cues, agreed) {
                let stems = content_stems(&sentence);
                if !said.iter().any(|other| say_the_same(&stems, other)) {
                    said.push(stems);
                    norms.push(FoundNorm { start: s, end: e });
                }
            }
        }
    }
    norms.sort_by_key(|n| n.start);
    norms
}

/// Whether `raw`, once [`clean`]ed, may end with a colon: its end without white space,
/// emphasis marks and footnote tags is one.
fn may_end_with_colon(raw: &str) -> bool {
    let mut tail = raw;
    loop {
        let trimmed = tail
            .trim_end_matches(|c: char| c.is_whitespace() || c == '*' || c == '_')
            .trim_end_matches("<sup>")
            .trim_end_matches("</sup>");
        if trimmed.len() == tail.len() {
            return trimmed.ends_with(':');
        }
        tail = trimmed;
    }
}

/// Whether at least one sentence in five of the statement (and three at least) names ICTs: a
/// statement on ICT security (an OEWG statement without its front matter), where every passage
/// is on topic, as at an ICT body. A General Debate speech gives ICTs a few sentences of
/// hundreds. Counted on sentences, not paragraphs: some transcripts have none.
fn mostly_about_ict(text: &str, all: &[Block], ict: &IctWords) -> bool {
    // Most speeches never name ICTs: no sentence needs reading.
    if ict.is_empty() {
        return false;
    }
    let (mut on_topic, mut total) = (0, 0);
    for b in all
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::Heading | BlockKind::Break))
    {
        for (s, e) in sentences(text, b.start, b.end) {
            total += 1;
            on_topic += usize::from(ict.within(s, e));
        }
    }
    on_topic >= 3 && (5 * on_topic >= total || names_ict_body(text) && 20 * on_topic >= total)
}

static ICT_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:OEWG|open-ended\s+working\s+group|group\s+of\s+governmental\s+experts|GGE)\b|\b(?:75/240|73/27|A/70/174|A/75/816|A/76/135)\b")
        .expect("valid regex")
});

/// Whether the statement names a body of the ICT debate (the OEWG, the GGE, or the resolutions
/// and reports that set them up or came out of them). With a few sentences on ICTs (one in
/// twenty), that makes it a statement in that debate; a General Debate speech naming them gives
/// ICTs fewer.
fn names_ict_body(text: &str) -> bool {
    ICT_BODY.is_match(text)
}

/// Whether a sentence puts forward a rule of State behaviour in the speaker's own voice. What
/// leads to the rule (up to its "States should") must not report others ("while some delegations …").
fn is_speakers_rule(sentence: &str, cues: &Cues, agreed: &[AgreedNorm]) -> bool {
    // "The United States should …" is one State, not States in general.
    let sentence = sentence.replace("United States", "UnitedStates");
    let sentence = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
    if sentence.ends_with(['?', ':'])
        || CONDITIONAL.is_match(sentence)
        || DESCRIBES_AGREED.is_match(sentence)
    {
        return false;
    }
    let own_voice = || {
        STATES_SHOULD
            .find_iter(sentence)
            .find(|m| general_addressee(&sentence[..m.start()]))
    };
    let Some(m) = [&PROPOSES, &PROPOSES_NORM, &SPEAKER_FRAMES]
        .iter()
        .find_map(|re| re.find(sentence))
        .or_else(|| {
            // Said in the speaker's own voice without a proposing verb, the wording of an agreed
            // norm describes it ("A State should not conduct or knowingly support …").
            // Nor is a rule on how the talks should go a norm of conduct.
            own_voice().filter(|_| {
                let stems = content_stems(sentence);
                !agreed.iter().any(|a| say_the_same(&stems, &a.stems))
                    && !PROCEDURAL.is_match(sentence)
            })
        })
    else {
        return false;
    };
    let before = &sentence[..m.end()];
    // What leads up to the States the rule binds (its own "ought not to" is part of the rule).
    let lead = before
        .to_ascii_lowercase()
        .rfind("state")
        .map_or(before, |i| &before[..i]);
    !cues.is_reported(before) && !OTHERS_PROPOSE.is_match(before) && !DISOWNED.is_match(lead)
}

/// Whether the words before "States …" leave them States in general: nothing, a comma or colon,
/// or a word that introduces a clause or a list ("that", "namely", "by", "and", "view"), not
/// one that narrows them ("nuclear-weapon States", "those States", "some States").
fn general_addressee(before: &str) -> bool {
    let before = before.trim_end();
    if before.is_empty() || before.ends_with([',', ':', ';', '(', '—', '–']) {
        return true;
    }
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    matches!(
        word.as_str(),
        "that"
            | "namely"
            | "and"
            | "or"
            | "but"
            | "whereby"
            | "which"
            | "view"
            | "also"
            | "therefore"
            | "thus"
            | "hence"
            | "finally"
            | "further"
            | "furthermore"
            | "moreover"
            | "believe"
            | "think"
            | "consider"
            | "insist"
    )
}

/// The index of the block that continues `item`, if the item stops mid-sentence and the next
/// text block (after page breaks and footnotes) starts in lower case.
fn continuation(text: &str, all: &[Block], from: usize, item: &Block) -> Option<usize> {
    let body = clean(&text[item.start..item.end]);
    if body.ends_with(['.', ';', '!', '?', ':', ')']) {
        return None;
    }
    let mut j = from;
    while j < all.len() {
        let b = all[j];
        let t = text[b.start..b.end].trim_start_matches(['*', '_', ' ']);
        if b.kind == BlockKind::Break || t.starts_with("<sup>") {
            j += 1;
            continue;
        }
        return (b.kind == BlockKind::Paragraph
            && t.chars().next().is_some_and(char::is_lowercase))
        .then_some(j);
    }
    None
}

/// Narrows a span past Markdown emphasis marks at either end.
fn trim_marks(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let marks = ['*', '_', ' ', '\t'];
    while start < end && text[start..end].starts_with(marks) {
        start += 1;
    }
    while end > start && text[start..end].ends_with(marks) {
        end -= 1;
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick test never turns away a block that ends with a colon once cleaned.
    #[test]
    fn may_end_with_colon_agrees_with_clean() {
        for raw in [
            "States should:",
            "States should: \n",
            "**States should:**",
            "States should:<sup>1</sup>",
            "States should:__ *",
            "States should.",
            "a: b",
        ] {
            if clean(raw).ends_with(':') {
                assert!(may_end_with_colon(raw), "{raw:?}");
            }
        }
        assert!(may_end_with_colon("**States should:** <sup></sup>"));
        assert!(!may_end_with_colon("States should."));
        assert!(!may_end_with_colon("a: b"));
    }

    /// [`find`] with the embedded cues, the text's ICT words read as the pipeline reads them.
    fn find_norms(text: &str, agreed: &[AgreedNorm], ict_body: bool) -> Vec<FoundNorm> {
        let cues = Cues::embedded();
        find(text, &cues, agreed, ict_body, &cues.ict_words(text))
    }

    #[test]
    fn list_items_after_a_lead_in() {
        let text = "We propose additional norms such as:\n\n- *States should refrain from X.*\n- *States must exercise control over firms under their*\n\n*jurisdiction, otherwise they are responsible.*\n- A remark without obligation.\n\nWe discuss the following lines:\n\n1. **Terms:** OEWG may work on a list.\n";
        let found = find_norms(text, &[], true);
        let spans: Vec<&str> = found.iter().map(|n| &text[n.start..n.end]).collect();
        assert_eq!(
            spans,
            vec![
                "States should refrain from X.",
                "States must exercise control over firms under their*\n\n*jurisdiction, otherwise they are responsible."
            ]
        );
    }

    #[test]
    fn proposal_sentences() {
        let text = "Background. We therefore propose that all States should notify incidents. States may be careful.";
        let found = find_norms(text, &[], true);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].start..found[0].end],
            "We therefore propose that all States should notify incidents."
        );
    }

    fn spans(text: &str, ict_body: bool) -> Vec<&str> {
        find_norms(text, &[], ict_body)
            .iter()
            .map(|n| &text[n.start..n.end])
            .collect()
    }

    #[test]
    fn rules_in_the_speakers_own_voice() {
        let text = "Thank you, Chair. In our view, States should refrain from attacking ICT supply chains. \
            It is essential that States protect their critical infrastructure. We urge all States to \
            report vulnerabilities. My delegation proposes a norm on data localisation in cyberspace.";
        assert_eq!(
            spans(text, true),
            vec![
                "In our view, States should refrain from attacking ICT supply chains.",
                "It is essential that States protect their critical infrastructure.",
                "We urge all States to \
            report vulnerabilities.",
                "My delegation proposes a norm on data localisation in cyberspace."
            ]
        );
    }

    #[test]
    fn descriptions_reports_and_other_topics_are_not_proposals() {
        let agreed = "The 2015 GGE report recommends that States should not knowingly allow their territory to be used for wrongful acts. Under the agreed norms, States should protect critical infrastructure.";
        assert!(spans(agreed, true).is_empty());
        let others = "Some delegations suggested that States should share information. The Chair proposes that States should meet. Should States act? If States should decide to act, we will see.";
        assert!(spans(others, true).is_empty());
        // Outside the ICT debate, a rule needs ICTs in its paragraph.
        let offtopic = "All States must settle their disputes peacefully.\n\nStates should refrain from cyberattacks on hospitals.";
        assert_eq!(
            spans(offtopic, false),
            vec!["States should refrain from cyberattacks on hospitals."]
        );
    }

    #[test]
    fn indirect_forms_and_narrowed_addressees() {
        let text = "Our view is that States ought to cooperate on ICT incidents. \
            A norm is needed under which no State would deploy autonomous cyber capabilities. \
            In our view, States would be expected, once notified, to stop ICT attacks. \
            We urge the nuclear-weapon States to disarm their cyber arsenals. \
            The United States should lead on cyber diplomacy. \
            Those States should explain their cyber doctrines.";
        assert_eq!(
            spans(text, true),
            vec![
                "Our view is that States ought to cooperate on ICT incidents.",
                "A norm is needed under which no State would deploy autonomous cyber capabilities.",
                "In our view, States would be expected, once notified, to stop ICT attacks."
            ]
        );
    }

    #[test]
    fn an_agreed_norm_said_again_in_the_speakers_voice_describes_it() {
        let wording = "States should not knowingly allow their territory to be used for \
                       internationally wrongful acts using ICTs";
        let agreed = [AgreedNorm {
            iri: "13c".into(),
            stems: content_stems(wording),
        }];
        let text = "The framework already protects us. States should not knowingly allow their \
                    territory to be used for internationally wrongful acts using ICTs. We propose \
                    that States should not knowingly allow their territory to be used for \
                    wrongful acts using ICTs against hospitals.";
        let found = find_norms(text, &agreed, true);
        assert_eq!(found.len(), 1);
        assert!(text[found[0].start..found[0].end].starts_with("We propose"));
    }

    #[test]
    fn a_numbered_lead_in_does_not_swallow_the_next_paragraphs_and_disowned_rules_are_not_taken() {
        let text = "2. On norms, we offer the following comments:\n\n\
            3. The 2015 GGE report recommends that States should protect ICT supply chains.\n\n\
            4. Some delegations suggested that States should share ICT threat data.\n\n\
            We do not propose that States should regulate ICT platforms. We reject calls on \
            States to weaken encryption. Many believe that States should pool ICT resources.";
        assert!(spans(text, true).is_empty(), "{:?}", spans(text, true));
    }

    #[test]
    fn a_rule_after_a_quotation_starts_at_its_first_word() {
        let text = "They said “we will see.” States should protect ICT supply chains.";
        assert_eq!(
            spans(text, true),
            vec!["States should protect ICT supply chains."]
        );
    }
}
