//! `normgraph catalogue import`: the UN Digital Library's MARC 21 XML records of resolutions
//! into the catalogue graph, and `catalogue report`.

use crate::util::{dump, fixture, normgraph, ok, seeds_store};

const CATALOGUE: &str = "https://w3id.org/normgraph/id/graph/catalogue";

/// One row of CSV answers per line, header dropped.
fn rows(store: &std::path::Path, cwd: &std::path::Path, query: &str) -> Vec<String> {
    let run = ok(store, cwd, &["query", "--format", "csv", query]);
    let mut lines: Vec<String> = run.stdout.lines().skip(1).map(str::to_owned).collect();
    lines.sort();
    lines
}

#[test]
fn marc_import_round_trips_its_fixture() {
    let (dir, store) = seeds_store();
    let cwd = dir.path();
    let file = fixture("catalogue/undl-sample.xml");
    let run = ok(
        &store,
        cwd,
        &["catalogue", "import", file.to_str().expect("utf8")],
    );
    assert!(run.stderr.contains("4 resolutions"), "{}", run.stderr);
    // The meeting record is passed over, named.
    assert!(run.stderr.contains("A/99/PV.45"), "{}", run.stderr);
    // The curated, verified title and date of 73/27 are kept, and the disagreement is said.
    assert!(
        run.stderr.contains("A title that is wrong on purpose")
            && run.stderr.contains("kept the catalogue's verified date"),
        "{}",
        run.stderr
    );
    // A vote by a code no State has is reported, not linked.
    assert!(run.stderr.contains("ZZZ"), "{}", run.stderr);

    // Symbol, title, date, agenda item, meeting record: as the records give them.
    let described = rows(
        &store,
        cwd,
        &format!(
            "SELECT ?id ?title ?date ?agenda ?meeting WHERE {{ GRAPH <{CATALOGUE}> {{
               ?r dcterms:identifier ?id .
               OPTIONAL {{ ?r dcterms:title ?title }} OPTIONAL {{ ?r dcterms:date ?date }}
               OPTIONAL {{ ?r ng:agendaItem ?agenda }} OPTIONAL {{ ?r ng:meetingRecord ?meeting }} }} }}"
        ),
    );
    assert_eq!(
        described,
        vec![
            "A/RES/99/1,Testing & verification in the context of international security,2044-12-05,Testing in the context of international security,https://undocs.org/A/99/PV.45".to_owned(),
            "A/RES/99/2,Second fixture resolution,2044-12-06,,".to_owned(),
            "S/RES/9999(2044),,2044-01-10,TESTING SITUATION,https://undocs.org/S/PV.99999".to_owned(),
        ]
    );
    // 73/27 gets nothing from the import: the reference data already describes it.
    let other = rows(
        &store,
        cwd,
        &format!("SELECT ?p WHERE {{ GRAPH <{CATALOGUE}> {{ <https://undocs.org/A/RES/73/27> ?p ?o }} }}"),
    );
    assert!(other.is_empty(), "{other:?}");
    // The counts and each State's vote.
    let counts = rows(
        &store,
        cwd,
        "SELECT ?id ?yes ?no ?abstain ?nv ?total WHERE { ?r dcterms:identifier ?id ; ng:votesInFavour ?yes ; ng:votesAgainst ?no ; ng:abstentions ?abstain ; ng:nonVoting ?nv ; ng:votingMembership ?total }",
    );
    assert_eq!(
        counts,
        vec![
            "A/RES/99/1,3,1,1,2,7".to_owned(),
            "S/RES/9999(2044),15,0,0,0,15".to_owned()
        ]
    );
    let votes = rows(
        &store,
        cwd,
        "SELECT ?how ?state WHERE { <https://undocs.org/A/RES/99/1> ?p ?s . VALUES ?p { ng:inFavour ng:against ng:abstaining ng:notVoting } BIND(STRAFTER(STR(?p), \"#\") AS ?how) ?s ng:iso3166Alpha3 ?state }",
    );
    assert_eq!(
        votes,
        vec![
            "abstaining,BRA",
            "against,FRA",
            "inFavour,CHN",
            "inFavour,IRN",
            "inFavour,USA",
            "notVoting,KEN"
        ]
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>()
    );
    let without_vote = rows(
        &store,
        cwd,
        &format!("SELECT ?id WHERE {{ GRAPH <{CATALOGUE}> {{ ?r ng:adoptedWithoutVote true ; dcterms:identifier ?id }} }}"),
    );
    assert_eq!(without_vote, vec!["A/RES/99/2".to_owned()]);

    // Importing again changes nothing.
    let before = dump(&store, cwd);
    ok(
        &store,
        cwd,
        &["catalogue", "import", file.to_str().expect("utf8")],
    );
    assert_eq!(
        before,
        dump(&store, cwd),
        "a second import of the same file changed the store"
    );

    // A second export giving only a new vote replaces the vote, and keeps what the first gave.
    let votes = dir.path().join("votes.xml");
    std::fs::write(
        &votes,
        r#"<collection xmlns="http://www.loc.gov/MARC21/slim"><record>
<datafield tag="791" ind1=" " ind2=" "><subfield code="a">A/RES/99/1</subfield></datafield>
<datafield tag="996" ind1=" " ind2=" "><subfield code="b">4</subfield><subfield code="c">0</subfield><subfield code="d">1</subfield><subfield code="e">2</subfield><subfield code="f">7</subfield></datafield>
<datafield tag="967" ind1=" " ind2=" "><subfield code="c">FRA</subfield><subfield code="d">Y</subfield></datafield>
</record></collection>"#,
    )
    .expect("write");
    ok(
        &store,
        cwd,
        &["catalogue", "import", votes.to_str().expect("utf8")],
    );
    let after = rows(
        &store,
        cwd,
        "SELECT ?title ?yes (COUNT(?s) AS ?states) WHERE { <https://undocs.org/A/RES/99/1> dcterms:title ?title ; ng:votesInFavour ?yes . OPTIONAL { <https://undocs.org/A/RES/99/1> ng:inFavour|ng:against|ng:abstaining|ng:notVoting ?s } } GROUP BY ?title ?yes",
    );
    assert_eq!(
        after,
        vec!["Testing & verification in the context of international security,4,1".to_owned()],
        "the title stays; the vote is the new file's alone"
    );

    // The report lists cited resolutions without a title or date; none of the imported ones
    // is cited, and the curated ones with both are not listed.
    let report = ok(&store, cwd, &["catalogue", "report", "--format", "csv"]);
    assert!(
        report
            .stdout
            .starts_with("resolution,mentions,statements,missing"),
        "{}",
        report.stdout
    );
    assert!(!report.stdout.contains("A/RES/73/27,"), "{}", report.stdout);
}

#[test]
fn a_bad_catalogue_is_refused_with_its_position_and_the_store_is_unchanged() {
    let (dir, store) = seeds_store();
    let cwd = dir.path();
    let sample = std::fs::read_to_string(fixture("catalogue/undl-sample.xml")).expect("fixture");
    let before = dump(&store, cwd);

    // Not well-formed: an end tag that does not match.
    let broken = cwd.join("broken.xml");
    let text = sample.replacen(
        "</subfield>\n      <subfield code=\"b\">A/</subfield>",
        "</subfeld>\n      <subfield code=\"b\">A/</subfield>",
        1,
    );
    assert_ne!(text, sample);
    std::fs::write(&broken, &text).expect("write");
    let run = normgraph(
        &store,
        cwd,
        &["catalogue", "import", broken.to_str().expect("utf8")],
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    let line = text
        .lines()
        .position(|l| l.contains("</subfeld>"))
        .expect("line")
        + 1;
    assert!(
        run.stderr.contains(&format!("broken.xml:{line}:")),
        "{}",
        run.stderr
    );
    assert_eq!(
        before,
        dump(&store, cwd),
        "a refused file changed the store"
    );

    // Well-formed, one bad record (a date that is none): refused, then skipped with --keep-going.
    let bad = cwd.join("bad-record.xml");
    let text = sample.replacen(
        "<subfield code=\"a\">20441206</subfield>",
        "<subfield code=\"a\">2044-13-06</subfield>",
        1,
    );
    assert_ne!(text, sample);
    std::fs::write(&bad, &text).expect("write");
    let run = normgraph(
        &store,
        cwd,
        &["catalogue", "import", bad.to_str().expect("utf8")],
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    let line = text
        .lines()
        .position(|l| l.contains("2044-13-06"))
        .expect("line");
    // The field's line (the datafield starts just above its subfield).
    assert!(
        run.stderr.contains(&format!("bad-record.xml:{line}:")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("A/RES/99/2"), "{}", run.stderr);
    assert_eq!(
        before,
        dump(&store, cwd),
        "a refused file changed the store"
    );
    let run = ok(
        &store,
        cwd,
        &[
            "catalogue",
            "import",
            "--keep-going",
            bad.to_str().expect("utf8"),
        ],
    );
    assert!(
        run.stderr.contains("skipped:") && run.stderr.contains("1 bad records left out"),
        "{}",
        run.stderr
    );
    let ids = rows(
        &store,
        cwd,
        &format!("SELECT ?id WHERE {{ GRAPH <{CATALOGUE}> {{ ?r dcterms:identifier ?id }} }}"),
    );
    assert_eq!(
        ids,
        vec!["A/RES/99/1".to_owned(), "S/RES/9999(2044)".to_owned()]
    );

    // A bad file leaves no store behind where there was none.
    let fresh = cwd.join("no-store-yet");
    let run = normgraph(
        &fresh,
        cwd,
        &["catalogue", "import", broken.to_str().expect("utf8")],
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(!fresh.exists(), "a refused import created a store");

    // A file that is not MARC 21 XML at all.
    let html = cwd.join("page.xml");
    std::fs::write(&html, "<html><body>search results</body></html>").expect("write");
    let run = normgraph(
        &store,
        cwd,
        &["catalogue", "import", html.to_str().expect("utf8")],
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(
        run.stderr.contains("page.xml:1:1") && run.stderr.contains("<html>"),
        "{}",
        run.stderr
    );
}

/// Every resolution in the curated catalogue, and every group's membership list, carries a
/// `# verified:` comment naming the text its facts were checked against (in the comment block
/// right above it).
#[test]
fn every_catalogue_entry_says_what_it_was_verified_against() {
    for (file, starts) in [
        ("data/reference/resolutions.ttl", "<https://undocs.org/"),
        ("data/reference/groups.ttl", "grp:"),
    ] {
        let text = std::fs::read_to_string(crate::util::root().join(file)).expect("read");
        let lines: Vec<&str> = text.lines().collect();
        let mut unverified = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            // A resource that states facts: a resolution, or a group's members.
            let states_facts = line.starts_with(starts)
                && (line.contains(" a ng:Resolution") || line.contains("org:hasMember"));
            if !states_facts {
                continue;
            }
            let comments = lines[..i]
                .iter()
                .rev()
                .take_while(|l| l.starts_with('#'))
                .any(|l| l.to_lowercase().contains("verified"));
            if !comments {
                unverified.push(format!("{file}:{}: {line}", i + 1));
            }
        }
        assert!(
            unverified.is_empty(),
            "entries without a # verified comment right above them:\n{}",
            unverified.join("\n")
        );
    }
}
