//! Proposed norms: what a delegation says States should or shall do.
//!
//! Two written forms are taken:
//! - items of a list whose lead-in announces proposals or norms (a paragraph ending in `:` that
//!   speaks of norms, rules, principles or proposals), when the item is normative: it names
//!   States and carries a deontic verb (*should*, *shall*, *must*, *has the right*, …). An item cut
//!   by a page break or a blank line mid-sentence is joined with its continuation;
//! - a sentence in which the delegation proposes (*propose*, *suggest*, *call for*, *urge*,
//!   *recommend*) that States should/shall/must do something.
//!
//! A bare "States should …" elsewhere is not taken: delegations use it to describe threats and
//! agreed norms as often as to propose new ones.

use super::text::{blocks, clean, sentence_around, Block, BlockKind};
use regex::Regex;
use std::sync::LazyLock;

static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:norms?|rules?|principles?|propos\w*)\b").expect("valid regex")
});
static STATES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bstates?\b").expect("valid regex"));
static DEONTIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:should|shall|must|ought\s+to|ha(?:s|ve)\s+the\s+right|(?:is|are)\s+entitled)\b",
    )
    .expect("valid regex")
});
static PROPOSAL_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:propos\w*|suggest\w*|call(?:s|ed)?\s+(?:up)?on|call(?:s|ed)?\s+for|urge[sd]?|recommend\w*)\b[^.;]*?\b(?:all\s+|each\s+|every\s+)?States\s+(?:should|shall|must)\b")
        .expect("valid regex")
});

/// A proposed norm found in text (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundNorm {
    /// Start of the span.
    pub start: usize,
    /// End of the span (exclusive).
    pub end: usize,
}

/// Finds the proposed norms in `text`, in order.
pub fn find(text: &str) -> Vec<FoundNorm> {
    let all = blocks(text);
    let mut norms = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let block = all[i];
        let lead = clean(&text[block.start..block.end]);
        let is_lead_in =
            block.kind == BlockKind::Paragraph && lead.ends_with(':') && LEAD_IN.is_match(&lead);
        i += 1;
        if !is_lead_in {
            continue;
        }
        while i < all.len() && matches!(all[i].kind, BlockKind::Bullet | BlockKind::Numbered) {
            let mut item = all[i];
            i += 1;
            // Join continuations cut by a page break, a footnote or a blank line.
            while let Some(next) = continuation(text, &all, i, &item) {
                item.end = all[next].end;
                i = next + 1;
            }
            let body = clean(&text[item.start..item.end]);
            if STATES.is_match(&body) && DEONTIC.is_match(&body) {
                let (start, end) = trim_marks(text, item.start, item.end);
                norms.push(FoundNorm { start, end });
            }
        }
    }
    for m in PROPOSAL_SENTENCE.find_iter(text) {
        let (start, end) = sentence_around(text, m.start(), m.end());
        if !norms
            .iter()
            .any(|n| n.start <= start && start < n.end || start <= n.start && n.start < end)
        {
            let (start, end) = trim_marks(text, start, end);
            norms.push(FoundNorm { start, end });
        }
    }
    norms.sort_by_key(|n| n.start);
    norms
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

    #[test]
    fn list_items_after_a_lead_in() {
        let text = "We propose additional norms such as:\n\n- *States should refrain from X.*\n- *States must exercise control over firms under their*\n\n*jurisdiction, otherwise they are responsible.*\n- A remark without obligation.\n\nWe discuss the following lines:\n\n1. **Terms:** OEWG may work on a list.\n";
        let found = find(text);
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
        let text = "Background. We therefore propose that all States should notify incidents. States should also be careful.";
        let found = find(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].start..found[0].end],
            "We therefore propose that all States should notify incidents."
        );
    }
}
