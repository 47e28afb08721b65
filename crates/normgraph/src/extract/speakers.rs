//! Verbatim records: finding where each speaker's turn begins.
//!
//! UN meeting records (General Assembly and Security Council `…/PV.…` documents, committee
//! records, OEWG transcripts) give each intervention a heading at the start of a paragraph:
//!
//! - `Mr. Takht Ravanchi (Islamic Republic of Iran): I thank you, Madam Chair …` — a title and
//!   name, the delegation (or post) in brackets, sometimes `(spoke in French)`, then a colon;
//! - `The President:`, `The Chair:`, `The Acting President (spoke in Spanish):` — the presiding
//!   officer, whose turns are procedure, not a delegation's statement;
//! - `Iran (Islamic Republic of):` alone on its line — compilations that head each statement
//!   with the delegation's name (only names the reference data knows count).
//!
//! A document with fewer than two headings is one statement, as before.

use crate::extract::lexicon::Lexicon;
use regex::Regex;
use std::sync::LazyLock;

/// One speaker's turn in a verbatim record (byte offsets into the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    /// Where the heading starts.
    pub start: usize,
    /// Where the heading ends (after its colon): the statement's own words start here.
    pub body_start: usize,
    /// Where the next turn starts (or the end of the text).
    pub end: usize,
    /// The speaker as written (`Mr. Takht Ravanchi`), or `None` for a heading that is only a
    /// delegation's name.
    pub speaker: Option<String>,
    /// What the brackets (or a name-only heading) say: a delegation's name, or a post such as
    /// `Secretary-General`.
    pub affiliation: Option<String>,
    /// IRI of the delegation the affiliation names, when the reference data knows it.
    pub delegation: Option<String>,
    /// The presiding officer (`The President:`, `The Chair:`).
    pub presiding: bool,
}

static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?m)^[ \t]*(?:\*\*)?(?P<speaker>",
        r"(?:Mr|Mrs|Ms|Miss|Mme|Mlle|Sir|Dame|Dr|Lord|Lady|Baroness|Baron|Prince|Princess|",
        r"Sheikh|Sheikha|Archbishop|Cardinal|Monsignor|Father|Judge|Ambassador|H\.E\.)\.?",
        r"[ \t]+\p{Lu}[^\n():,;]{0,80}?)[ \t]*",
        r"\((?P<aff>[^()\n]{1,120}(?:\([^()\n]{1,60}\)[^()\n]{0,60})?)\)",
        r"(?:[ \t]*\((?:spoke|interpretation)[^()\n]{0,60}\))?",
        r"[ \t]*(?:\*\*)?:(?:\*\*)?",
    ))
    .expect("valid regex")
});

static PRESIDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?m)^[ \t]*(?:\*\*)?The[ \t]+(?:Acting[ \t]+|Temporary[ \t]+)?",
        r"(?:President|Vice-President|Chair|Chairperson|Chairman|Chairwoman|Co-Chair|Vice-Chair)",
        r"(?:[ \t]*\((?:spoke|interpretation)[^()\n]{0,60}\))?[ \t]*(?:\*\*)?:(?:\*\*)?",
    ))
    .expect("valid regex")
});

static NAME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?(?P<name>[A-Z][^\n:]{1,80}?)[ \t]*(?:\*\*)?:(?:\*\*)?[ \t]*\r?$")
        .expect("valid regex")
});

/// The speakers' turns of `text`, in order, or an empty list when it is not a verbatim record
/// (fewer than two headings).
pub fn turns(text: &str, lexicon: &Lexicon) -> Vec<Turn> {
    let mut found: Vec<Turn> = Vec::new();
    for c in PERSON.captures_iter(text) {
        let (Some(all), Some(speaker), Some(aff)) = (c.get(0), c.name("speaker"), c.name("aff"))
        else {
            continue;
        };
        let affiliation = aff
            .as_str()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        found.push(Turn {
            start: all.start(),
            body_start: all.end(),
            end: text.len(),
            speaker: Some(
                speaker
                    .as_str()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            delegation: lexicon.delegation(&affiliation).map(|c| c.iri.clone()),
            affiliation: Some(affiliation),
            presiding: false,
        });
    }
    for m in PRESIDING.find_iter(text) {
        found.push(Turn {
            start: m.start(),
            body_start: m.end(),
            end: text.len(),
            speaker: None,
            affiliation: None,
            delegation: None,
            presiding: true,
        });
    }
    for c in NAME_LINE.captures_iter(text) {
        let (Some(all), Some(name)) = (c.get(0), c.name("name")) else {
            continue;
        };
        let Some(concept) = lexicon.delegation(name.as_str()) else {
            continue;
        };
        if found
            .iter()
            .any(|t| t.start <= all.start() && all.start() < t.body_start)
        {
            continue;
        }
        found.push(Turn {
            start: all.start(),
            body_start: all.end(),
            end: text.len(),
            speaker: None,
            affiliation: Some(name.as_str().trim().to_owned()),
            delegation: Some(concept.iri.clone()),
            presiding: false,
        });
    }
    found.sort_by_key(|t| t.start);
    found.dedup_by_key(|t| t.start);
    if found.len() < 2 {
        return Vec::new();
    }
    for i in 0..found.len() - 1 {
        found[i].end = found[i + 1].start;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::resources::Resources;

    fn lexicon() -> Lexicon {
        Lexicon::load(&Resources::Embedded).expect("embedded lexicon")
    }

    #[test]
    fn record_headings_split_turns_with_delegations() {
        let text = "United Nations A/C.1/77/PV.5\n\nThe Chair: I now give the floor to the representative of Iran.\n\nMr. Takht Ravanchi (Islamic Republic of Iran): Thank you, Mr. Chair. We recall resolution 73/27.\n\nMrs. Dupont (France) (spoke in French): Je vous remercie.\n\nMr. Guterres (Secretary-General): Thank you.\n";
        let t = turns(text, &lexicon());
        assert_eq!(t.len(), 4, "{t:#?}");
        assert!(t[0].presiding);
        assert_eq!(t[1].speaker.as_deref(), Some("Mr. Takht Ravanchi"));
        assert!(
            t[1].delegation
                .as_deref()
                .is_some_and(|d| d.ends_with("/IRN")),
            "{:?}",
            t[1]
        );
        assert!(text[t[1].body_start..t[1].end].starts_with(" Thank you, Mr. Chair."));
        assert!(t[2]
            .delegation
            .as_deref()
            .is_some_and(|d| d.ends_with("/FRA")));
        assert_eq!(t[3].affiliation.as_deref(), Some("Secretary-General"));
        assert_eq!(t[3].delegation, None);
        assert_eq!(t[3].end, text.len());
    }

    #[test]
    fn name_headings_and_single_statements() {
        let lex = lexicon();
        let text = "Iran (Islamic Republic of):\nWe support the rolling text.\n\nCuba:\nWe agree.\n\nNote:\nnot a State.\n";
        let t = turns(text, &lex);
        assert_eq!(t.len(), 2, "{t:#?}");
        assert!(t[1]
            .delegation
            .as_deref()
            .is_some_and(|d| d.ends_with("/CUB")));
        assert!(text[t[0].body_start..t[0].end].contains("rolling text"));
        // "Mr. President," and a lone heading do not make a record.
        assert!(turns("Mr. President, my delegation (Iran): thanks.\n", &lex).is_empty());
        assert!(turns("Mr. X (Cuba): only one speaker here.\n", &lex).is_empty());
    }
}
