//! References to instruments other than resolutions: the Charter of the United Nations and its
//! articles, UN documents named by their symbol (reports, letters, meeting records), and
//! General Assembly decisions.
//!
//! Written forms handled:
//! - the Charter: "the Charter of the United Nations", "the United Nations Charter", "the UN
//!   Charter", "the Charter", "our Charter" (not "the Charter of Paris", "the Charter of the
//!   OAU", "the African Charter", "its Charter");
//! - its articles: "Article 2(4)", "Article 2, paragraph 4, of the Charter", "paragraph 4 of
//!   Article 2", "Article 2.4", "Articles 55 and 56 of the Charter", "the Charter's Article 51".
//!   An article counts as the Charter's when the words after it or before it say so, or when the
//!   Charter was named shortly before with no other instrument (a convention, covenant, treaty,
//!   statute, protocol, declaration, constitution, agreement) named in between;
//! - UN documents by symbol: `A/70/174`, `A/75/816`, `A/73/27` (a report, not resolution 73/27),
//!   `A/70/PV.19`, `A/AC.290/2021/CRP.2`, `A/C.1/73/L.27`, `S/2015/1018`, `S/PRST/2014/16`, and
//!   the serial symbols of the years before sessions entered them (General Assembly documents
//!   until 1976, `A/8401`, `A/L.632`; Security Council documents until 1993, `S/24480`), with
//!   `/Add.1`, `/Rev.1`, `/Corr.1` kept;
//! - General Assembly decisions: "decision 73/546", "decisions 62/557 and 63/565",
//!   `A/DEC/73/546` (not drafts, not other organs' decisions).

use super::text::window_before;
use crate::rdf::vocab;
use regex::Regex;
use std::sync::LazyLock;

/// What kind of instrument a reference names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InstrumentKind {
    /// The Charter of the United Nations as a whole.
    Charter,
    /// An article of the Charter, or a paragraph of one.
    CharterArticle,
    /// A UN document named by its symbol.
    Document,
    /// A decision of the General Assembly.
    Decision,
}

/// An instrument reference found in text (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundInstrument {
    /// Byte offset of the span start.
    pub start: usize,
    /// Byte offset of the span end (exclusive).
    pub end: usize,
    /// The instrument's IRI.
    pub iri: String,
    /// Its kind.
    pub kind: InstrumentKind,
    /// How it is displayed: "Charter of the United Nations", "Article 2(4)", the symbol.
    pub label: String,
}

/// The Charter's last article.
const LAST_ARTICLE: u32 = 111;

static ARTICLE_KEYWORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:Articles?|articles?|Art\.)").expect("valid regex"));

/// One article designator: "2(4)", "2 (4)", "2.4", "51", with ", paragraph 4," after it.
static ARTICLE_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?P<a>[0-9]{1,3})\b(?:\s*\(\s*(?P<p>[0-9]{1,2})\s*\)|\.(?P<p2>[0-9]{1,2})\b|\s*,?\s*paragraph(?P<plural>s)?\s+(?P<p3>[0-9]{1,2})\b)?")
        .expect("valid regex")
});

/// A further paragraph after "paragraphs 2": ", 3", " and 3", ", and 3".
static MORE_PARAGRAPHS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?P<q>[0-9]{1,2})\b").expect("valid regex")
});

static ARTICLE_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+or\s+)").expect("valid regex")
});

/// "of the Charter", "of the United Nations Charter", ", of the Charter of the United Nations",
/// "in the UN Charter", "under the Charter", ", Chapter VII, of the Charter".
static CHARTER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<chapter>\s*,\s*Chapter\s+[IVXL]{1,5})?(?:\s*,)?\s*(?:of|in|under)\s+(?:the\s+|our\s+)?(?:(?:UN|U\.N\.|United\s+Nations)\s+)?Charter\b(?P<of>\s+of\s+the\s+(?P<whose>[A-Za-z.]+(?:\s+[A-Za-z]+)?))?")
        .expect("valid regex")
});

/// "of the …" after an article: the instrument it belongs to is named there.
static OF_SOMETHING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,)?\s*of\s+(?:the|this|that|its|a)\b").expect("valid regex")
});

/// "the Charter's Article 51", "the UN Charter, in its Article 2,".
static CHARTER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:the|UN|U\.N\.|Nations)\s+Charter(?:'s|’s)?\s*,?\s*(?:in\s+(?:its\s+)?)?$")
        .expect("valid regex")
});

/// "paragraph 4 of Article 2".
static PARAGRAPH_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bparagraph\s+(?P<p>[0-9]{1,2})\s+of\s+$").expect("valid regex")
});

/// The Charter named: "Charter of the United Nations", "United Nations Charter", "UN Charter",
/// "the Charter".
static CHARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:Charter\s+of\s+the\s+United\s+Nations|(?:United\s+Nations|UN|U\.N\.|San\s+Francisco)\s+Charter|(?P<det>(?:[Tt]he|[Oo]ur|[Tt]his)\s+)Charter(?:\s+of\s+the\s+United\s+Nations)?)(?-u:\b)")
        .expect("valid regex")
});

/// Other instruments with articles, named in the text between the Charter and an article.
static OTHER_INSTRUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:Conventions?|Covenants?|Treat(?:y|ies)|Statutes?|Protocols?|Declarations?|Constitutions?|Agreements?|Accords?|Pact|NPT|Charter\s+of\s+(?:the\s+)?(?:OAU|OAS|Organization|Paris|Arab|African|Islamic))\b")
        .expect("valid regex")
});

/// How far back (bytes) a Charter named before may make an article the Charter's.
const CHARTER_REACH: usize = 400;

static DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:A/(?:[1-9][0-9]?/(?:PV\.[0-9]{1,4}|[0-9]{1,4}\b)|(?:AC|CONF|C)\.[0-9]{1,3}(?:/[0-9]{1,4})*(?:/(?:L|CRP|WP|INF)\.[0-9]{1,3}\b)?|L\.[0-9]{1,4}\b|[1-9][0-9]{2,4}\b)|S/(?:(?:PRST/)?(?:19|20)[0-9]{2}/[0-9]{1,4}|[1-9][0-9]{2,5})\b)(?:/\s?(?:Add|Rev|Corr)\.\s?[0-9lI]{1,2}\b)*")
        .expect("valid regex")
});

static DECISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(?P<kw>[Dd]ecisions?|DECISIONS?)\s+(?:No\.\s*)?(?P<s>[1-9][0-9])/(?P<n>[0-9]{3})\b|A/DEC/(?P<ss>[1-9][0-9])/(?P<sn>[0-9]{3})\b)")
        .expect("valid regex")
});

static DECISION_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?P<s>[1-9][0-9])/(?P<n>[0-9]{3})\b")
        .expect("valid regex")
});

static NOT_GA_DECISION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\bdraft|Security\s+Council|Human\s+Rights\s+Council|Economic\s+and\s+Social\s+Council|ECOSOC|Board|Conference|Commission|Committee)(?:'s|’s)?\s*$")
        .expect("valid regex")
});

/// Finds every instrument reference in `text`, in order of position.
pub fn find(text: &str) -> Vec<FoundInstrument> {
    let mut found = Vec::new();
    // Where "of the Charter" after an article was read: the Charter is not named again there.
    let mut attached: Vec<(usize, usize)> = Vec::new();
    articles(text, &mut found, &mut attached);
    for m in CHARTER.captures_iter(text) {
        let Some(whole) = m.get(0) else { continue };
        let start = m.name("det").map_or(whole.start(), |d| d.end());
        // "the Charter of Paris", "the Charter of the OAU": another charter.
        let after = &text[whole.end()..];
        if m.name("det").is_some() && charter_of_other(after) {
            continue;
        }
        if attached
            .iter()
            .any(|&(s, e)| s <= start && whole.end() <= e)
        {
            continue;
        }
        found.push(FoundInstrument {
            start,
            end: whole.end(),
            iri: charter_iri(),
            kind: InstrumentKind::Charter,
            label: "Charter of the United Nations".to_owned(),
        });
    }
    for m in DOCUMENT.find_iter(text) {
        // The symbol as printed, without the spaces a scan puts in ("A/8001/ Add. 1") and with
        // the letters it reads for a one in an addendum's number ("Add.l").
        let symbol = normalise_symbol(m.as_str());
        // A symbol alone on its line is the running header of a printed UN document
        // ("A/63/PV.13" above each page of a record), not a reference.
        let line_start = text[..m.start()].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[m.end()..]
            .find('\n')
            .map_or(text.len(), |i| m.end() + i);
        if text[line_start..m.start()].trim().is_empty()
            && text[m.end()..line_end].trim().is_empty()
        {
            continue;
        }
        found.push(FoundInstrument {
            start: m.start(),
            end: m.end(),
            iri: vocab::un_document(&symbol),
            kind: InstrumentKind::Document,
            label: symbol,
        });
    }
    decisions(text, &mut found);
    found.sort_by_key(|f| (f.start, f.end));
    found.dedup_by(|a, b| a.start == b.start && a.end == b.end);
    found
}

/// "of the OAU", "of Paris" after "Charter": a name other than the United Nations'.
static CHARTER_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+of\s+(?:the\s+)?(?P<name>[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z]*)?)")
        .expect("valid regex")
});

/// Whether the text after "the Charter" names another charter ("of the OAU", "of Paris").
fn charter_of_other(after: &str) -> bool {
    CHARTER_OF.captures(after).is_some_and(|c| {
        let name: String = c["name"].split_whitespace().collect::<Vec<_>>().join(" ");
        name != "United Nations"
    })
}

fn normalise_symbol(printed: &str) -> String {
    let mut out = String::with_capacity(printed.len());
    let mut in_suffix = false;
    for c in printed.chars().filter(|c| !c.is_whitespace()) {
        match c {
            '.' if out.ends_with("Add") || out.ends_with("Rev") || out.ends_with("Corr") => {
                in_suffix = true;
                out.push(c);
            }
            '/' => {
                in_suffix = false;
                out.push(c);
            }
            'l' | 'I' if in_suffix => out.push('1'),
            c => out.push(c),
        }
    }
    out
}

fn charter_iri() -> String {
    format!("{}charter", vocab::ID)
}

fn articles(text: &str, found: &mut Vec<FoundInstrument>, attached: &mut Vec<(usize, usize)>) {
    for kw in ARTICLE_KEYWORD.find_iter(text) {
        if text[kw.end()..].starts_with(|c: char| c.is_alphabetic()) {
            continue;
        }
        // The designators of a list.
        let mut items: Vec<(usize, usize, u32, Option<u32>)> = Vec::new();
        let mut at = kw.end();
        while let Some(c) = ARTICLE_ITEM.captures(&text[at..]) {
            let Some(whole) = c.get(0) else { break };
            let Some(a) = c.name("a").and_then(|m| m.as_str().parse::<u32>().ok()) else {
                break;
            };
            let p = ["p", "p2", "p3"]
                .iter()
                .find_map(|n| c.name(n))
                .and_then(|m| m.as_str().parse::<u32>().ok());
            let lead = whole.as_str().len() - whole.as_str().trim_start().len();
            items.push((at + lead, at + whole.end(), a, p));
            at += whole.end();
            // "Article 1, paragraphs 2 and 3": more paragraphs of the same article.
            if c.name("plural").is_some() {
                while let Some(more) = MORE_PARAGRAPHS.captures(&text[at..]) {
                    let (Some(m), Some(q)) = (more.get(0), more.name("q")) else {
                        break;
                    };
                    let Ok(q_value) = q.as_str().parse::<u32>() else {
                        break;
                    };
                    items.push((at + q.start(), at + q.end(), a, Some(q_value)));
                    at += m.end();
                }
            }
            match ARTICLE_SEPARATOR.find(&text[at..]) {
                Some(sep) if ARTICLE_ITEM.is_match(&text[at + sep.end()..]) => at += sep.end(),
                _ => break,
            }
        }
        if items.is_empty() {
            continue;
        }
        let before = window_before(text, kw.start(), 80);
        let after = CHARTER_AFTER.captures(&text[at..]);
        let after_is_charter = after.as_ref().is_some_and(|c| {
            c.name("whose").is_none_or(|w| {
                let w = w.as_str();
                w.starts_with("United Nations") || w.starts_with("UN") || w.starts_with("U.N")
            })
        });
        // "Article 5 of the North Atlantic Treaty", "Article 19 of the Universal Declaration":
        // another instrument's article, whatever was named before.
        let of_other = after.is_none() && OF_SOMETHING.is_match(&text[at..]);
        let before_is_charter = CHARTER_BEFORE.is_match(before);
        let capital = kw.as_str().starts_with('A');
        // The Charter named shortly before, or a Charter article just taken (the passage is
        // still about the Charter: "… in Article 2 … The text of Article 2, paragraph 7, …").
        let article_earlier = found
            .iter()
            .rev()
            .find(|f| f.end <= kw.start())
            .is_some_and(|f| {
                f.kind == InstrumentKind::CharterArticle
                    && kw.start() - f.end <= CHARTER_REACH
                    && !OTHER_INSTRUMENT.is_match(&text[f.end..kw.start()])
            });
        let charter_earlier =
            capital && (article_earlier || charter_named_shortly_before(text, kw.start()));
        if (after.is_some() && !after_is_charter) || of_other {
            continue; // "Article 3 of the Charter of the OAU", "Article 5 of the Treaty"
        }
        if !(after_is_charter || before_is_charter || charter_earlier) {
            continue;
        }
        let para_before = PARAGRAPH_BEFORE
            .captures(before)
            .and_then(|c| c["p"].parse::<u32>().ok());
        // The span runs through "of the Charter" written right after the article, not through
        // a chapter named in between ("Article 41, Chapter VII, of the Charter").
        let attachment_end = after
            .as_ref()
            .filter(|c| c.name("chapter").is_none())
            .and_then(|c| c.get(0))
            .map(|m| at + m.end());
        if let Some(end) = attachment_end {
            attached.push((at, end));
        }
        let count = items.len();
        for (i, (s, e, a, p)) in items.into_iter().enumerate() {
            if !(1..=LAST_ARTICLE).contains(&a) {
                continue;
            }
            let p = p.or(if count == 1 { para_before } else { None });
            let start = if i == 0 { kw.start() } else { s };
            // The last item of a list, or a single article, runs through "of the Charter".
            let end = match attachment_end {
                Some(end) if i + 1 == count => end,
                _ => e,
            };
            let (iri, label) = match p {
                Some(p) => (
                    format!("{}/article-{a}-{p}", charter_iri()),
                    format!("Article {a}({p})"),
                ),
                None => (
                    format!("{}/article-{a}", charter_iri()),
                    format!("Article {a}"),
                ),
            };
            found.push(FoundInstrument {
                start,
                end,
                iri,
                kind: InstrumentKind::CharterArticle,
                label,
            });
        }
    }
}

/// Whether the Charter is named within [`CHARTER_REACH`] bytes before `at` with no other
/// instrument named after it.
fn charter_named_shortly_before(text: &str, at: usize) -> bool {
    let window = window_before(text, at, CHARTER_REACH);
    let Some(last) = CHARTER
        .captures_iter(window)
        .filter(|c| {
            let end = c.get(0).map_or(0, |m| m.end());
            c.name("det").is_none() || !charter_of_other(&window[end..])
        })
        .last()
        .and_then(|c| c.get(0))
    else {
        return false;
    };
    !OTHER_INSTRUMENT.is_match(&window[last.end()..])
}

fn decisions(text: &str, found: &mut Vec<FoundInstrument>) {
    for c in DECISION.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let keyword = c.name("kw").is_some();
        if keyword && NOT_GA_DECISION_BEFORE.is_match(window_before(text, whole.start(), 60)) {
            continue;
        }
        let (s, n) = match (c.name("s").or(c.name("ss")), c.name("n").or(c.name("sn"))) {
            (Some(s), Some(n)) => (s.as_str(), n.as_str()),
            _ => continue,
        };
        let mut push = |start: usize, end: usize, s: &str, n: &str| {
            let symbol = format!("A/DEC/{s}/{n}");
            found.push(FoundInstrument {
                start,
                end,
                iri: vocab::un_document(&symbol),
                kind: InstrumentKind::Decision,
                label: symbol,
            });
        };
        push(whole.start(), whole.end(), s, n);
        if !keyword {
            continue;
        }
        let mut at = whole.end();
        while let Some(item) = DECISION_ITEM.captures(&text[at..]) {
            let (Some(m), Some(s), Some(n)) = (item.get(0), item.name("s"), item.name("n")) else {
                break;
            };
            push(at + s.start(), at + n.end(), s.as_str(), n.as_str());
            at += m.end();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        find(text)
            .into_iter()
            .map(|f| (text[f.start..f.end].to_owned(), f.label))
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn charter_articles() {
        assert_eq!(
            found("in violation of Article 2(4) of the Charter."),
            pairs(&[("Article 2(4) of the Charter", "Article 2(4)")])
        );
        assert_eq!(
            found("Article 2, paragraph 4, of the Charter of the United Nations"),
            pairs(&[(
                "Article 2, paragraph 4, of the Charter of the United Nations",
                "Article 2(4)"
            )])
        );
        assert_eq!(
            found("paragraph 7 of Article 2 of the UN Charter"),
            pairs(&[("Article 2 of the UN Charter", "Article 2(7)")])
        );
        assert_eq!(
            found("Articles 55 and 56 of the Charter"),
            pairs(&[
                ("Articles 55", "Article 55"),
                ("56 of the Charter", "Article 56")
            ])
        );
        assert_eq!(
            found("the Charter's Article 51 applies"),
            pairs(&[
                ("Charter", "Charter of the United Nations"),
                ("Article 51", "Article 51")
            ])
        );
        assert_eq!(
            found("under Article 41, Chapter VII, of the Charter")
                .into_iter()
                .map(|p| p.1)
                .collect::<Vec<_>>(),
            vec!["Article 41", "Charter of the United Nations"]
        );
        assert_eq!(
            found("under Article 41, Chapter VII, of the Charter")[0].0,
            "Article 41"
        );
        assert_eq!(
            found("Article 1, paragraphs 2 and 3, of the Charter"),
            pairs(&[
                ("Article 1, paragraphs 2", "Article 1(2)"),
                ("3, of the Charter", "Article 1(3)")
            ])
        );
        // The Charter named shortly before.
        let v = found("The UN Charter applies in cyberspace; the prohibition in Article 2(4) too.");
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].1, "Article 2(4)");
    }

    #[test]
    fn other_instruments_articles_are_not_the_charters() {
        for text in [
            "The UN Charter applies. Article 5 of the North Atlantic Treaty applies too.",
            "The Charter is clear, and Article 19 of the Universal Declaration of Human Rights",
            "The Charter binds us; Article 36 of the Statute of the International Court of Justice",
            "article 19 of the International Covenant on Civil and Political Rights",
            "Article 3 of the Charter of the OAU",
            "Under the Charter we act. The Convention, in its Article 6, says",
            "Article VI of the NPT",
            "Article 6 of the Treaty",
        ] {
            assert!(
                find(text)
                    .iter()
                    .all(|f| f.kind != InstrumentKind::CharterArticle),
                "{text}: {:?}",
                found(text)
            );
        }
    }

    #[test]
    fn the_charter_itself() {
        assert_eq!(
            found("the purposes of the UN Charter and the Charter of the United Nations"),
            pairs(&[
                ("UN Charter", "Charter of the United Nations"),
                (
                    "Charter of the United Nations",
                    "Charter of the United Nations"
                )
            ])
        );
        assert_eq!(found("our Charter").len(), 1);
        assert_eq!(
            found("Article 2(4) of the Charter of the UN"),
            pairs(&[("Article 2(4) of the Charter of the UN", "Article 2(4)")])
        );
        assert_eq!(
            found("Article 2 paragraph 4 of the Charter")
                .into_iter()
                .map(|p| p.1)
                .collect::<Vec<_>>(),
            vec!["Article 2(4)"]
        );
        for text in [
            "ASEAN is guided by its Charter",
            "the Charter of Paris for a New Europe",
            "the African Charter on Human and Peoples' Rights",
            "the Charter of the Organization of African Unity",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn documents_and_decisions() {
        assert_eq!(
            found(
                "the 2015 report (A/70/174) and A/75/816; see A/73/27, A/70/PV.19 and S/2015/1018."
            ),
            pairs(&[
                ("A/70/174", "A/70/174"),
                ("A/75/816", "A/75/816"),
                ("A/73/27", "A/73/27"),
                ("A/70/PV.19", "A/70/PV.19"),
                ("S/2015/1018", "S/2015/1018")
            ])
        );
        assert_eq!(
            found("A/AC.290/2021/CRP.2 and A/C.1/73/L.27/Rev.1")
                .into_iter()
                .map(|p| p.1)
                .collect::<Vec<_>>(),
            vec!["A/AC.290/2021/CRP.2", "A/C.1/73/L.27/Rev.1"]
        );
        assert_eq!(
            found("General Assembly decisions 62/557 and 63/565, and A/DEC/73/546"),
            pairs(&[
                ("decisions 62/557", "A/DEC/62/557"),
                ("63/565", "A/DEC/63/565"),
                ("A/DEC/73/546", "A/DEC/73/546")
            ])
        );
        assert!(found("A/C.1/73/L.2745")
            .iter()
            .all(|p| p.1 != "A/C.1/73/L.274"));
        assert_eq!(
            found("documents A/8401/Add.1, A/L.632 and S/24480")
                .into_iter()
                .map(|p| p.1)
                .collect::<Vec<_>>(),
            vec!["A/8401/Add.1", "A/L.632", "S/24480"]
        );
        assert_eq!(
            found("see A/8001/ Add. 1 and A/8791/Add.l.")
                .into_iter()
                .map(|p| p.1)
                .collect::<Vec<_>>(),
            vec!["A/8001/Add.1", "A/8791/Add.1"]
        );
        for text in [
            "A/RES/73/27",
            "unemployment\n A/63/PV.13\n \n31 08-53122 \n",
            "draft decision 73/546",
            "ECOSOC decision 2004/281",
            "Human Rights Council decision 25/115",
            "26/33 17-29585",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
