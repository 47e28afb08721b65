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

use super::phrases::{content_stems, say_the_same};
use super::positions::Cues;
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
    Regex::new(r"(?i)\b(?:we|my|our)\b[^.;]{0,80}?\b(?:propos(?:e|es|ed|ing)|suggest\w*|recommend\w*|put(?:s|ting)?\s+forward|introduc\w*|submit\w*|(?:would\s+)?support\w*)\s+(?:\w+\s+){0,5}?(?:norms?|rules?)\s+(?:on|that|under\s+which|whereby|by\s+which|to|for|according|requiring|obliging|prohibiting|calling)\b")
        .expect("valid regex")
});
/// A rule in the speaker's own voice: States in general as the subject of a deontic verb at the
/// start of the sentence.
static STATES_SHOULD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:\w+ly|furthermore|moreover|therefore|thus|hence|also|likewise|first|second|third|fourth|fifth|finally|lastly|in\s+(?:our|my)\s+view|in\s+addition|to\s+that\s+end|to\s+this\s+end|for\s+(?:this|that)\s+reason|at\s+the\s+same\s+time|in\s+particular|above\s+all),?\s+)*(?:(?:(?:we|i)\s+(?:\w+ly\s+|also\s+)*(?:believe|consider|think|hold|are\s+convinced|am\s+convinced|insist|maintain|stress|emphasi[sz]e|underline|would\s+argue)\s+(?:that\s+)?|(?:\w+\s+){1,3}?(?:\w+ly\s+|also\s+)*(?:believes|considers|thinks|holds|is\s+convinced|insists|maintains|stresses|emphasi[sz]es|underlines)\s+(?:that\s+)?)?(?:all\s+|no\s+|each\s+|every\s+)?(?:Member\s+)?States?\s+(?:\w+ly\s+|also\s+|too\s+)*(?:should|shall|must|ought\s+to|ha(?:s|ve)\s+the\s+right|(?:is|are)\s+entitled|need\s+to|(?:has|have)\s+(?:a|the)\s+(?:duty|obligation|responsibility))\b|it\s+is\s+(?:(?:our|my(?:\s+delegation's)?|the)\s+(?:firm\s+)?(?:view|position|conviction|belief|understanding)|(?:\w+\s+)?(?:essential|important|crucial|vital|necessary|imperative|critical|indispensable))\s+that\s+(?:all\s+|no\s+|each\s+|every\s+)?(?:Member\s+)?States?\b)")
        .expect("valid regex")
});
/// A sentence that describes norms already agreed, or restates existing law, rather than
/// proposing one.
static DESCRIBES_AGREED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:agreed\s+(?:norms?|rules?|principles?|in|by|upon|at|framework|language|text)|(?:already|previously|been|were|was|have|has|we|States)\s+agreed|as\s+agreed|already\s+(?:adopted|endorsed|recogni[sz]ed)|existing\s+norms?|GGEs?|A/70/174|(?:the|its|their|this|that)\s+report|as\s+(?:set\s+out|stated|provided|recommended|affirmed|reflected|enshrined)|according\s+to|recommends\s+that|recommended\s+that|reaffirm\w*|recall\w*)\b")
        .expect("valid regex")
});
/// What others proposed: a body or a document as the one that proposes.
static OTHERS_PROPOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bthe\s+(?:\w+\s+)?(?:Chair|Chairman|Chairperson|Chair's|draft|pre-draft|text|Secretariat|Secretary-General)\b[^.;]{0,40}\b(?:propos|suggest|recommend|call)\w*")
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
pub fn find(text: &str, cues: &Cues, ict_body: bool) -> Vec<FoundNorm> {
    let all = blocks(text);
    let ict_body = ict_body || mostly_about_ict(text, &all, cues);
    let mut norms = Vec::new();
    let mut listed = vec![false; all.len()];
    let mut i = 0;
    while i < all.len() {
        let block = all[i];
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
        let on_topic = ict_body || cues.mentions_ict(&text[context_start..context_end]);
        // The items: blocks of the first item's kind (a numbered paragraph after bullets starts
        // the next part of the statement).
        let item_kind = all.get(i).map(|b| b.kind);
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
            if STATES.is_match(&body) && DEONTIC.is_match(&body) && on_topic {
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
        if !ict_body && !cues.mentions_ict(&text[block.start..block.end]) {
            continue;
        }
        let mut previous = block.start;
        for (s, e) in sentences(text, block.start, block.end) {
            let (s, e) = trim_marks(text, s, e);
            // Outside a statement on ICTs, the rule or the sentence before it names ICTs.
            let on_topic = ict_body || cues.mentions_ict(&text[previous..e]);
            previous = s;
            if s >= e || !on_topic {
                continue;
            }
            let sentence = clean(&text[s..e]);
            if is_speakers_rule(&sentence, cues) {
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

/// Whether at least one sentence in five of the statement (and three at least) names ICTs: a
/// statement on ICT security (an OEWG statement without its front matter), where every passage
/// is on topic, as at an ICT body. A General Debate speech gives ICTs a few sentences of
/// hundreds. Counted on sentences, not paragraphs: some transcripts have none.
fn mostly_about_ict(text: &str, all: &[Block], cues: &Cues) -> bool {
    let (mut on_topic, mut total) = (0, 0);
    for b in all
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::Heading | BlockKind::Break))
    {
        for (s, e) in sentences(text, b.start, b.end) {
            total += 1;
            on_topic += usize::from(cues.mentions_ict(&text[s..e]));
        }
    }
    on_topic >= 3 && 5 * on_topic >= total
}

/// Whether a sentence puts forward a rule of State behaviour in the speaker's own voice. What
/// leads to the rule (up to its "States should") must not report others ("while some delegations …").
fn is_speakers_rule(sentence: &str, cues: &Cues) -> bool {
    // "The United States should …" is one State, not States in general.
    let sentence = sentence.replace("United States", "UnitedStates");
    let sentence = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
    if sentence.ends_with(['?', ':'])
        || CONDITIONAL.is_match(sentence)
        || DESCRIBES_AGREED.is_match(sentence)
    {
        return false;
    }
    // A topic before a colon ("Finally, on the use of force: no State should …") is not part of
    // the rule.
    let rule = sentence
        .split_once(':')
        .map_or(sentence, |(_, after)| after.trim_start());
    let Some((text, m)) = [&PROPOSES, &PROPOSES_NORM]
        .iter()
        .find_map(|re| re.find(sentence).map(|m| (sentence, m)))
        .or_else(|| {
            [sentence, rule]
                .into_iter()
                .find_map(|s| STATES_SHOULD.find(s).map(|m| (s, m)))
        })
    else {
        return false;
    };
    let before = &text[..m.end()];
    !cues.is_reported(before) && !OTHERS_PROPOSE.is_match(before)
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
    use crate::extract::cues::CuePatterns;
    use crate::rdf::resources::Resources;

    fn cues() -> Cues {
        let files = Resources::Embedded.cues().expect("cue files");
        Cues::take_from(&mut CuePatterns::from_files(&files).expect("patterns")).expect("cues")
    }

    #[test]
    fn list_items_after_a_lead_in() {
        let text = "We propose additional norms such as:\n\n- *States should refrain from X.*\n- *States must exercise control over firms under their*\n\n*jurisdiction, otherwise they are responsible.*\n- A remark without obligation.\n\nWe discuss the following lines:\n\n1. **Terms:** OEWG may work on a list.\n";
        let found = find(text, &cues(), true);
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
        let found = find(text, &cues(), true);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].start..found[0].end],
            "We therefore propose that all States should notify incidents."
        );
    }

    fn spans(text: &str, ict_body: bool) -> Vec<&str> {
        find(text, &cues(), ict_body)
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
}
