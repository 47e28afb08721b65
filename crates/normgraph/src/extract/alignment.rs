//! Alignment with group statements: "I avail myself with the NAM statement made by Indonesia",
//! "My delegation aligns itself with the statement delivered by … on behalf of the Group of 77
//! and China", "We associate ourselves with the statement of the European Union"; in French
//! and Spanish, "Ma délégation s'associe à la déclaration faite par … au nom du Groupe des 77 et
//! la Chine", "se suma a la declaración formulada por … en nombre de …" (the group found by its
//! name in the statement's language, when the vocabulary has one).

use super::text::sentence_around;
use crate::extract::lexicon::{Kind, Lexicon};
use regex::Regex;
use std::sync::LazyLock;

static VERB: LazyLock<Regex> = LazyLock::new(|| {
    // Each alternative begins with its own verb, so the search skips quickly to the candidates;
    // ASCII word boundaries keep the regex on its fast engine (the French words end in ASCII).
    Regex::new(r"(?i)(?-u:\b)(?:align(?:s|ed|ing)?|associat(?:e|es|ed|ing)|avail(?:s|ed)?|subscrib(?:e|es|ed|ing)|associ(?:e|ent|ons)|rall(?:ie|ient|ions)|souscri(?:t|vent|vons)|fai(?:t|sons)\s+(?:sienne|nôtre)|(?:se|nos)\s+sum(?:a|an|amos)|hacemos\s+nuestra|hac(?:e|emos)\s+suya|adhier(?:e|en)|adherimos|suscrib(?:e|en|imos))(?-u:\b)")
        .expect("valid regex")
});
// The two below read only the sentence after a verb: Unicode word boundaries ("défaite par" is
// not "faite par").
static WITH_STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:with|to)\b.*\bstatements?\b|\b(?:déclarations?|declaraci[óo]n(?:es)?|intervenci[óo]n(?:es)?)\b")
        .expect("valid regex")
});
static DELIVERED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:made|delivered|presented|read(?:\s+out)?|given)\s+by\s+(?:the\s+)?(?:distinguished\s+)?(?:(?:representative|delegation|Ambassador|Permanent\s+Representative|Minister(?:\s+for\s+Foreign\s+Affairs)?)\s+of\s+(?:the\s+)?)?|\b(?:faite|prononc[ée]e|pr[ée]sent[ée]e|lue)\s+par\s+(?:(?:la\s+d[ée]l[ée]gation|le\s+repr[ée]sentant|la\s+repr[ée]sentante)\s+(?:de\s+la\s+|de\s+l['’]\s*|des\s+|du\s+|de\s+|d['’]\s*))?(?:la\s+|le\s+|les\s+|l['’]\s*)?|\b(?:formulada|pronunciada|presentada|le[íi]da)\s+por\s+(?:(?:la\s+delegaci[óo]n|el\s+representante|la\s+representante)\s+(?:de\s+la\s+|de\s+los\s+|del\s+|de\s+))?(?:la\s+|el\s+|los\s+|las\s+)?")
        .expect("valid regex")
});

/// An alignment found in text (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundAlignment {
    /// Start of the evidence (the sentence).
    pub start: usize,
    /// End of the evidence.
    pub end: usize,
    /// IRI of the group.
    pub group: String,
    /// IRI of the delegation that delivered the group statement, when named.
    pub delivered_by: Option<String>,
}

/// Finds alignments with group statements in `text`, written in `language` (when known, the
/// groups and States are also found by their names in it).
pub fn find(text: &str, lexicon: &Lexicon, language: Option<&str>) -> Vec<FoundAlignment> {
    let groups = lexicon.matcher_in(Kind::Group, language);
    let states = lexicon.matcher_in(Kind::State, language);
    let mut out: Vec<FoundAlignment> = Vec::new();
    for verb in VERB.find_iter(text) {
        let (start, end) = sentence_around(text, verb.start(), verb.end());
        if out.iter().any(|a| a.start == start) {
            continue;
        }
        let rest = &text[verb.end()..end];
        if !WITH_STATEMENT.is_match(rest) {
            continue;
        }
        let Some(group) = groups.find_in(text, verb.end(), end).first().copied() else {
            continue;
        };
        let delivered_by = DELIVERED_BY.find(rest).and_then(|m| {
            let at = verb.end() + m.end();
            states
                .find_in(text, at, end)
                .first()
                .filter(|h| h.start == at)
                .map(|h| states.concepts()[h.concept].iri.clone())
        });
        out.push(FoundAlignment {
            start,
            end,
            group: groups.concepts()[group.concept].iri.clone(),
            delivered_by,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::resources::Resources;

    fn groups(text: &str, language: Option<&str>) -> Vec<String> {
        let lexicon = Lexicon::load(&Resources::Embedded).expect("lexicon");
        find(text, &lexicon, language)
            .into_iter()
            .map(|a| a.group.rsplit('/').next().unwrap_or("").to_owned())
            .collect()
    }

    #[test]
    fn french_alignment_and_english_names_that_look_like_spanish_verbs() {
        assert_eq!(
            groups(
                "Nous faisons nôtre la déclaration faite au nom du Groupe des 77 et la Chine.",
                Some("fr")
            ),
            ["G77"]
        );
        // "Suman" is a name, not "se suman"; "défaite par" is not "faite par".
        assert!(groups(
            "Ms. Suman Bery responded to the statement of the Non-Aligned Movement.",
            Some("en")
        )
        .is_empty());
    }
}
