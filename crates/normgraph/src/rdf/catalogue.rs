//! What the UN Digital Library's MARC records say about a resolution, and the triples that say
//! it in normgraph's model (`normgraph catalogue import`).
//!
//! The fields read follow the Dag Hammarskjöld Library's cataloguing (the UNBIS Reference
//! Manual and the library's own record-building code): in a bibliographic record, the document
//! symbol is `191 $a`, the title `245 $a`, the date `269 $a`, the agenda item `991 $c` (or its
//! subject, `991 $d`, which Security Council items have instead of a title); in a voting record,
//! the symbol is `791 $a`, the action date `992 $a`, the meeting record `952 $a`, the vote note
//! `591 $a` ("ADOPTED WITHOUT VOTE", "RECORDED", …), the counts `996 $b` (yes) `$c` (no) `$d`
//! (abstentions) `$e` (non-voting) `$f` (total voting membership), and each Member State's vote
//! `967` (`$c` its code, `$d` Y, N or A, no `$d` when it did not vote, `$e` its name).
//! A bibliographic record and a voting record of the same resolution are merged.
//!
//! Only General Assembly and Security Council resolutions (`A/RES/…`, `S/RES/…`) are taken;
//! other documents in an export (reports, meeting records, drafts) are passed over and counted.

use crate::error::{CatalogueError, Location};
use crate::rdf::vocab::{self, DCTERMS, RDF, XSD};
use crate::source::manifest::valid_date;
use crate::source::marc::Record;
use oxigraph::model::{Literal, NamedNode, Term, Triple};
use std::collections::BTreeMap;

/// A State's recorded vote on a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cast {
    /// Y.
    InFavour,
    /// N.
    Against,
    /// A.
    Abstaining,
    /// No vote recorded for a Member State listed in the record.
    NotVoting,
}

impl Cast {
    /// The property that links a resolution to a State that voted this way.
    pub fn property(self) -> String {
        vocab::ng(match self {
            Self::InFavour => "inFavour",
            Self::Against => "against",
            Self::Abstaining => "abstaining",
            Self::NotVoting => "notVoting",
        })
    }
}

/// The vote on a resolution, as far as the records give it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vote {
    /// The vote note (`591 $a`), as written.
    pub note: Option<String>,
    /// Counts from `996`: yes, no, abstentions, non-voting, total voting membership.
    pub counts: [Option<u32>; 5],
    /// Each State's vote (`967`): its code as the record gives it, and how it voted.
    pub states: Vec<(String, Cast)>,
}

impl Vote {
    /// Whether the note says the resolution was adopted without a vote.
    pub fn without_vote(&self) -> bool {
        self.note.as_deref().is_some_and(|n| {
            n.trim()
                .to_ascii_uppercase()
                .starts_with("ADOPTED WITHOUT VOTE")
        })
    }
}

/// One resolution as the records describe it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Where its (first) record starts.
    pub location: Location,
    /// The symbol, normalised as normgraph writes it (`A/RES/73/27`, `S/RES/242(1967)`).
    pub symbol: String,
    /// The title, without ISBD's closing punctuation.
    pub title: Option<String>,
    /// The adoption date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Where the date was read: 2 for a voting record's action date (`992`), 1 for a
    /// document's date (`269`, its publication, which may follow the adoption by days).
    pub date_rank: u8,
    /// Agenda items (titles, or subjects where the item has no title).
    pub agenda: Vec<String>,
    /// The symbol of the meeting record (`A/73/PV.45`, `S/PV.1382`).
    pub meeting: Option<String>,
    /// The vote, when a voting record gives one.
    pub vote: Option<Vote>,
}

/// What [`entries`] made of a file's records.
#[derive(Debug, Default)]
pub struct Entries {
    /// The resolutions, in order of their first record.
    pub entries: Vec<Entry>,
    /// Records that are not of a GA or SC resolution: their symbols (or `?`).
    pub other_documents: Vec<String>,
    /// Bad records, when they are skipped (`keep_going`).
    pub skipped: Vec<CatalogueError>,
    /// Where two records of one resolution disagree: what was kept.
    pub notes: Vec<String>,
}

/// Interprets MARC records as resolutions. A bad record (no symbol, a date, count or vote that
/// is not one) is an error, unless `keep_going`, when it is left out and listed in
/// [`Entries::skipped`].
pub fn entries(records: &[Record], keep_going: bool) -> Result<Entries, CatalogueError> {
    let mut out = Entries::default();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for record in records {
        match entry(record) {
            Ok(Some(e)) => match index.get(&e.symbol) {
                Some(&i) => merge(&mut out.entries[i], e, &mut out.notes),
                None => {
                    index.insert(e.symbol.clone(), out.entries.len());
                    out.entries.push(e);
                }
            },
            Ok(None) => out
                .other_documents
                .push(symbol_of(record).unwrap_or("?").to_owned()),
            Err(e) if keep_going => out.skipped.push(e),
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// Fills the gaps of `into` from `other` (a second record of the same resolution); where both
/// give a value and they differ, the first is kept and a note says so.
fn merge(into: &mut Entry, other: Entry, notes: &mut Vec<String>) {
    let (symbol, here, there) = (
        into.symbol.clone(),
        into.location.clone(),
        other.location.clone(),
    );
    let mut keep = |field: &str, a: &mut Option<String>, b: Option<String>| match (&a, b) {
        (None, b) => *a = b,
        (Some(x), Some(y)) if *x != y => notes.push(format!(
            "{symbol}: kept {field} {x:?} ({here}), not {y:?} ({there})"
        )),
        _ => {}
    };
    keep("title", &mut into.title, other.title);
    keep("meeting record", &mut into.meeting, other.meeting);
    // The action date of a voting record wins over a document's date.
    if other.date.is_some() && other.date_rank > into.date_rank {
        if let (Some(a), Some(b)) = (&into.date, &other.date) {
            if a != b {
                notes.push(format!(
                    "{symbol}: took the vote's date {b} ({there}), not the document's {a} ({here})"
                ));
            }
        }
        into.date = other.date;
        into.date_rank = other.date_rank;
    } else if other.date_rank == into.date_rank {
        keep("date", &mut into.date, other.date);
    }
    for item in other.agenda {
        if !into.agenda.contains(&item) {
            into.agenda.push(item);
        }
    }
    match (&mut into.vote, other.vote) {
        (None, v) => into.vote = v,
        (Some(a), Some(b)) => {
            // Field by field: a note from one record, the counts and States from another.
            if a.note.is_none() {
                a.note = b.note;
            }
            for (mine, theirs) in a.counts.iter_mut().zip(b.counts) {
                match (*mine, theirs) {
                    (None, t) => *mine = t,
                    (Some(m), Some(t)) if m != t => notes.push(format!(
                        "{symbol}: two records give different vote counts; kept {here}"
                    )),
                    _ => {}
                }
            }
            if a.states.is_empty() {
                a.states = b.states;
            } else if !b.states.is_empty() && a.states != b.states {
                notes.push(format!(
                    "{symbol}: two records list different votes of States; kept {here}"
                ));
            }
        }
        (Some(_), None) => {}
    }
}

/// A record's document symbol as written: `191 $a` of a document record, `791 $a` of a voting
/// record.
fn symbol_of(record: &Record) -> Option<&str> {
    record
        .first("191", 'a')
        .or_else(|| record.first("791", 'a'))
}

/// The resolution one record describes, `None` when it is not a GA or SC resolution.
fn entry(record: &Record) -> Result<Option<Entry>, CatalogueError> {
    let raw = symbol_of(record);
    let bad = |location: &Location, message: String| CatalogueError::Record {
        location: location.clone(),
        symbol: raw.unwrap_or("?").to_owned(),
        message,
    };
    let Some(raw) = raw else {
        return Err(bad(
            &record.location,
            "no document symbol (191 $a or 791 $a)".into(),
        ));
    };
    let Some(symbol) = normalise_symbol(raw) else {
        return Ok(None);
    };
    if !is_symbol(&symbol) {
        return Err(bad(
            &record.location,
            format!("{raw:?} is not a document symbol (letters, digits and / ( ) . , - only)"),
        ));
    }
    let meeting = match record.first("952", 'a') {
        None => None,
        Some(m) => {
            let m: String = m.split_whitespace().collect();
            if !is_symbol(&m) {
                return Err(bad(
                    &record.location,
                    format!("952 $a {m:?} is not a document symbol"),
                ));
            }
            Some(m)
        }
    };
    // The action date of a voting record (a list when there were several actions: the first
    // is taken), else the document's date (which may give only a year or a month: no date).
    let mut date = None;
    let mut date_rank = 0;
    for (tag, code, rank) in [("992", 'a', 2), ("269", 'a', 1)] {
        let Some(field) = record.fields(tag).find(|f| f.get(code).is_some()) else {
            continue;
        };
        let value = field.get(code).unwrap_or_default();
        let first = value.split(',').next().unwrap_or_default().trim();
        match parse_date(first) {
            Some(d) => {
                date = Some(d);
                date_rank = rank;
                break;
            }
            None if is_partial_date(first) => continue,
            None => {
                return Err(bad(
                    &field.location,
                    format!("{tag} ${code} {value:?} is not a date (YYYY-MM-DD or YYYYMMDD)"),
                ))
            }
        }
    }
    let agenda = record
        .fields("991")
        .filter_map(|f| f.get('c').or_else(|| f.get('d')))
        .map(|s| tidy(s).to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    let mut vote = Vote {
        note: record.first("591", 'a').map(str::to_owned),
        ..Vote::default()
    };
    for field in record.fields("996") {
        for (i, code) in ['b', 'c', 'd', 'e', 'f'].into_iter().enumerate() {
            if let Some(value) = field.get(code) {
                let n = value.parse::<u32>().map_err(|_| {
                    bad(
                        &field.location,
                        format!("996 ${code} {value:?} is not a number of votes"),
                    )
                })?;
                vote.counts[i] = Some(n);
            }
        }
    }
    // Older General Assembly records continue the list of States in 968 and 969.
    let state_fields = record
        .data
        .iter()
        .filter(|f| matches!(f.tag.as_str(), "967" | "968" | "969"));
    for field in state_fields {
        if field.get('b') == Some("9") {
            // Not eligible to vote (a State in arrears under Article 19).
            continue;
        }
        let Some(code) = field.get('c') else {
            return Err(bad(
                &field.location,
                format!("{} without a country code ($c)", field.tag),
            ));
        };
        let cast = match field.get('d') {
            None => Cast::NotVoting,
            Some("Y") | Some("y") => Cast::InFavour,
            Some("N") | Some("n") => Cast::Against,
            Some("A") | Some("a") => Cast::Abstaining,
            Some(other) => {
                return Err(bad(
                    &field.location,
                    format!("{} $d {other:?} is not a vote (Y, N or A)", field.tag),
                ))
            }
        };
        vote.states.push((code.to_ascii_uppercase(), cast));
    }
    // A list where no State has a vote says nothing about how each voted.
    if vote.states.iter().all(|(_, c)| *c == Cast::NotVoting) {
        vote.states.clear();
    }
    let has_vote =
        vote.note.is_some() || vote.counts.iter().any(Option::is_some) || !vote.states.is_empty();
    Ok(Some(Entry {
        location: record.location.clone(),
        symbol,
        title: record
            .first("245", 'a')
            .map(|t| tidy(t).to_owned())
            .filter(|t| !t.is_empty()),
        date,
        date_rank,
        agenda,
        meeting,
        vote: has_vote.then_some(vote),
    }))
}

/// A GA or SC resolution symbol as normgraph writes it (no spaces: `S/RES/242(1967)`,
/// `A/RES/2131(XX)`, `A/RES/ES-10/2`), or `None` for any other document.
pub fn normalise_symbol(raw: &str) -> Option<String> {
    let s: String = raw.split_whitespace().collect();
    let upper = s.to_ascii_uppercase();
    let is_resolution = |prefix: &str| {
        upper
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
    };
    (is_resolution("A/RES/") || is_resolution("S/RES/")).then(|| {
        // The organ and "RES" in capitals; the rest (roman numerals, "ES-10") as written.
        format!("{}{}", &upper[..6], &s[6..])
    })
}

/// Whether `s` can be a UN document symbol, and so part of an IRI: letters, digits and
/// `/ ( ) . , -`.
fn is_symbol(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/().,-".contains(c))
}

/// ISBD punctuation that closes a MARC field (` /`, ` :`, ` ;`, ` =`, a final `.`) dropped.
fn tidy(s: &str) -> &str {
    let mut t = s.trim();
    loop {
        let before = t;
        for end in [" /", " :", " ;", " =", " ,"] {
            t = t.strip_suffix(end).unwrap_or(t).trim_end();
        }
        if t.ends_with('.') && !t.ends_with("..") {
            // Keep the dot of an abbreviation such as "Corr." only when the word is short.
            let last = t.rsplit(' ').next().unwrap_or(t);
            if last.len() > 5 {
                t = &t[..t.len() - 1];
            }
        }
        if t == before {
            return t;
        }
    }
}

/// `YYYY`, `YYYY-MM` or `YYYYMM`: a date the records may give that is not a day.
fn is_partial_date(value: &str) -> bool {
    let digits: String = value.chars().filter(|c| *c != '-').collect();
    matches!(digits.len(), 4 | 6) && digits.bytes().all(|b| b.is_ascii_digit())
}

/// `YYYY-MM-DD` or `YYYYMMDD` (a real calendar date, 1945–2100) as `YYYY-MM-DD`.
fn parse_date(value: &str) -> Option<String> {
    let digits: String = value.chars().filter(|c| *c != '-').collect();
    if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if value.contains('-') && (value.len() != 10 || &value[4..5] != "-" || &value[7..8] != "-") {
        return None;
    }
    let date = format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..]);
    let year: u32 = digits[..4].parse().ok()?;
    ((1945..=2100).contains(&year) && valid_date(&date)).then_some(date)
}

/// What the reference data already says about a resolution, so that an import adds only what
/// it lacks (the curated, verified facts win).
#[derive(Debug, Default, Clone)]
pub struct Known {
    /// The resolution is described (has a `dcterms:identifier`).
    pub described: bool,
    /// Its curated title, if any.
    pub title: Option<String>,
    /// Its curated date, if any.
    pub date: Option<String>,
}

/// The triples stating `entry`, leaving out what `known` already states; `state` gives the IRI
/// of a State by its code (or `None` when the reference data has no such State). Returns the
/// triples and notes about what was left out or could not be linked.
pub fn triples(
    entry: &Entry,
    known: &Known,
    state: &dyn Fn(&str) -> Option<String>,
) -> (Vec<Triple>, Vec<String>) {
    let node = NamedNode::new_unchecked(vocab::un_document(&entry.symbol));
    let mut out = Vec::new();
    let mut notes = Vec::new();
    let mut add = |p: String, o: Term| {
        out.push(Triple::new(node.clone(), NamedNode::new_unchecked(p), o));
    };
    let iri = |s: String| -> Term { NamedNode::new_unchecked(s).into() };
    let text = |s: &str| -> Term { Literal::new_language_tagged_literal_unchecked(s, "en").into() };
    let int = |n: u32| -> Term { Literal::from(i64::from(n)).into() };
    if !known.described {
        add(format!("{RDF}type"), iri(vocab::ng("Resolution")));
        add(
            format!("{DCTERMS}identifier"),
            Literal::new_simple_literal(&entry.symbol).into(),
        );
        let organ = if entry.symbol.starts_with("S/") {
            "security-council"
        } else {
            "general-assembly"
        };
        add(
            vocab::ng("adoptedBy"),
            iri(format!("{}body/{organ}", vocab::ID)),
        );
    }
    match (&entry.title, &known.title) {
        (Some(t), None) => add(format!("{DCTERMS}title"), text(t)),
        (Some(t), Some(k)) if !same_words(t, k) => notes.push(format!(
            "{}: kept the catalogue's verified title {k:?}; the record ({}) gives {t:?}",
            entry.symbol, entry.location
        )),
        _ => {}
    }
    match (&entry.date, &known.date) {
        (Some(d), None) => add(
            format!("{DCTERMS}date"),
            Literal::new_typed_literal(d, NamedNode::new_unchecked(format!("{XSD}date"))).into(),
        ),
        (Some(d), Some(k)) if d != k => notes.push(format!(
            "{}: kept the catalogue's verified date {k}; the record ({}) gives {d}",
            entry.symbol, entry.location
        )),
        _ => {}
    }
    for item in &entry.agenda {
        add(vocab::ng("agendaItem"), text(item));
    }
    if let Some(m) = &entry.meeting {
        add(vocab::ng("meetingRecord"), iri(vocab::un_document(m)));
    }
    if let Some(vote) = &entry.vote {
        if vote.without_vote() {
            add(vocab::ng("adoptedWithoutVote"), Literal::from(true).into());
        }
        let names = [
            "votesInFavour",
            "votesAgainst",
            "abstentions",
            "nonVoting",
            "votingMembership",
        ];
        for (name, count) in names.iter().zip(vote.counts) {
            if let Some(n) = count {
                add(vocab::ng(name), int(n));
            }
        }
        let mut unknown = Vec::new();
        for (code, cast) in &vote.states {
            match state(code) {
                Some(s) => add(cast.property(), iri(s)),
                None => unknown.push(code.as_str()),
            }
        }
        if !unknown.is_empty() {
            notes.push(format!(
                "{}: votes of {} not linked (codes the reference data has no State for)",
                entry.symbol,
                unknown.join(", ")
            ));
        }
    }
    (out, notes)
}

/// Equal but for case, spacing and punctuation.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    words(a) == words(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::marc;
    use std::path::Path;

    fn records(body: &str) -> Vec<Record> {
        let text =
            format!("<collection xmlns=\"http://www.loc.gov/MARC21/slim\">{body}</collection>");
        marc::read(Path::new("t.xml"), &text).expect("well-formed")
    }

    fn field(tag: &str, subfields: &[(&str, &str)]) -> String {
        let subs: String = subfields
            .iter()
            .map(|(c, v)| format!("<subfield code=\"{c}\">{v}</subfield>"))
            .collect();
        format!("<datafield tag=\"{tag}\" ind1=\" \" ind2=\" \">{subs}</datafield>")
    }

    #[test]
    fn symbols_are_normalised_and_other_documents_passed_over() {
        assert_eq!(
            normalise_symbol("S/RES/242 (1967)").as_deref(),
            Some("S/RES/242(1967)")
        );
        assert_eq!(
            normalise_symbol("a/res/73/27").as_deref(),
            Some("A/RES/73/27")
        );
        assert_eq!(
            normalise_symbol("A/RES/2131(XX)").as_deref(),
            Some("A/RES/2131(XX)")
        );
        assert_eq!(normalise_symbol("A/73/PV.45"), None);
        assert_eq!(normalise_symbol("A/RES/"), None);
    }

    #[test]
    fn dates_titles_and_votes() {
        assert_eq!(parse_date("20181205").as_deref(), Some("2018-12-05"));
        assert_eq!(parse_date("2018-12-05").as_deref(), Some("2018-12-05"));
        assert_eq!(parse_date("2019-02-29"), None);
        assert_eq!(parse_date("2018-1205"), None);
        assert_eq!(parse_date("5 Dec. 2018"), None);
        assert_eq!(
            tidy("Developments in the field :"),
            "Developments in the field"
        );
        assert_eq!(tidy("Resolution 242 (1967) /"), "Resolution 242 (1967)");
        let bib = field("191", &[("a", "A/RES/1/1")])
            + &field("245", &[("a", "A title :"), ("b", "resolution /")])
            + &field("269", &[("a", "1946-01-30")])
            + &field("591", &[("a", "RECORDED")]);
        let vote = field("791", &[("a", "A/RES/1/1")])
            + &field("992", &[("a", "19460124")])
            + &field("591", &[("a", "RECORDED")])
            + &field(
                "996",
                &[("b", "2"), ("c", "1"), ("d", "0"), ("e", "1"), ("f", "4")],
            )
            + &field("967", &[("a", "001"), ("c", "AAA"), ("d", "Y")])
            + &field("967", &[("a", "002"), ("c", "BBB"), ("d", "N")])
            + &field("967", &[("a", "003"), ("c", "CCC")]);
        let found = entries(
            &records(&format!("<record>{bib}</record><record>{vote}</record>")),
            false,
        )
        .expect("good records");
        assert_eq!(found.entries.len(), 1, "one resolution from two records");
        let e = &found.entries[0];
        assert_eq!(e.title.as_deref(), Some("A title"));
        assert_eq!(
            e.date.as_deref(),
            Some("1946-01-24"),
            "the vote's date (992), not the document's (269), though the document came first"
        );
        assert!(
            found.notes.iter().any(|n| n.contains("1946-01-30")),
            "{:?}",
            found.notes
        );
        let v = e.vote.as_ref().expect("vote");
        assert_eq!(v.counts, [Some(2), Some(1), Some(0), Some(1), Some(4)]);
        assert_eq!(
            v.states,
            vec![
                ("AAA".into(), Cast::InFavour),
                ("BBB".into(), Cast::Against),
                ("CCC".into(), Cast::NotVoting)
            ]
        );
        let (written, notes) = triples(e, &Known::default(), &|c| {
            (c != "BBB").then(|| format!("https://example.org/{c}"))
        });
        assert!(notes.iter().any(|n| n.contains("BBB")), "{notes:?}");
        assert!(written
            .iter()
            .any(|t| t.predicate.as_str().ends_with("#inFavour")));
        assert!(!written
            .iter()
            .any(|t| t.predicate.as_str().ends_with("#against")));
        // A curated title wins; a different one is reported.
        let known = Known {
            described: true,
            title: Some("Another title".into()),
            date: Some("1946-01-24".into()),
        };
        let (written, notes) = triples(e, &known, &|_| None);
        assert!(!written
            .iter()
            .any(|t| t.predicate.as_str().ends_with("title")));
        assert!(!written
            .iter()
            .any(|t| t.predicate.as_str().ends_with("identifier")));
        assert!(
            notes.iter().any(|n| n.contains("Another title")),
            "{notes:?}"
        );
    }

    #[test]
    fn bad_records_are_errors_or_skipped() {
        let good = format!("<record>{}</record>", field("191", &[("a", "A/RES/1/1")]));
        let bad_date = format!(
            "<record>{}{}</record>",
            field("191", &[("a", "A/RES/1/2")]),
            field("269", &[("a", "sometime")])
        );
        let bad_vote = format!(
            "<record>{}{}</record>",
            field("791", &[("a", "A/RES/1/3")]),
            field("967", &[("c", "AAA"), ("d", "maybe")])
        );
        let no_symbol = format!("<record>{}</record>", field("245", &[("a", "x")]));
        let odd_symbol = format!(
            "<record>{}</record>",
            field("191", &[("a", "A/RES/1/4&lt;x&gt;")])
        );
        let report = format!("<record>{}</record>", field("191", &[("a", "A/73/PV.45")]));
        let all = records(&format!(
            "{good}{bad_date}{bad_vote}{no_symbol}{odd_symbol}{report}"
        ));
        match entries(&all, false) {
            Err(CatalogueError::Record {
                symbol, message, ..
            }) => {
                assert_eq!(symbol, "A/RES/1/2");
                assert!(message.contains("sometime"), "{message}");
            }
            other => panic!("expected a record error, got {other:?}"),
        }
        let found = entries(&all, true).expect("keep going");
        assert_eq!(found.entries.len(), 1);
        assert_eq!(found.skipped.len(), 4);
        assert_eq!(found.other_documents, vec!["A/73/PV.45".to_owned()]);
    }
}
