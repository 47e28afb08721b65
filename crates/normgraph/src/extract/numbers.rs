//! What a resolution's number alone says: the year of a Security Council resolution, the session
//! of an old-style General Assembly resolution (sessions I–XXX numbered their resolutions in one
//! running sequence), and the year of a General Assembly session.
//!
//! The tables in `data/reference/` hold *attested points* — numbers that the text of real
//! documents ties to a year or a session (see `scripts/derive-number-tables.py`) — and, for the
//! Security Council, the first and last resolution of every year 1946–2024
//! (`sc-resolutions-by-year.csv`, compiled from the Council's annual volumes and a per-vote
//! table; every number from 1 to 2767 has its year). Both sequences
//! run in order of adoption, so a number lying between two numbers of the same year (session)
//! belongs to that year (session); a number in a gap between two years is not known and is left
//! alone rather than guessed.

use crate::error::{Location, ResourceError};
use crate::rdf::resources::{ResourceFile, Resources};
use std::sync::LazyLock;

/// Ranges of numbers known to share a value (a year or a session): `(first, last, value)`,
/// ordered by number.
#[derive(Debug)]
pub struct Ranges(Vec<(u32, u32, u32)>);

impl Ranges {
    /// Builds the ranges from a table's text (`number,value,…` rows; `#` comments and the header
    /// line skipped); a row that does not start with two numbers is an error naming its line.
    fn parse(file: &ResourceFile) -> Result<Ranges, ResourceError> {
        Ok(Self::from_points(Self::points(file)?))
    }

    /// The `(number, value)` rows of a points table.
    fn points(file: &ResourceFile) -> Result<Vec<(u32, u32)>, ResourceError> {
        numeric_rows(file, "number,")
            .map(|(line, cols)| match cols[..] {
                [Some(number), Some(value), ..] => Ok((number, value)),
                _ => Err(bad_row(
                    file,
                    line,
                    "a row starts with two numbers: number,value",
                )),
            })
            .collect()
    }

    /// The `(first, year)` and `(last, year)` points of a by-year table (`year,first,last,…`
    /// rows); a row that does not start with three numbers, or whose last is below its first,
    /// is an error naming its line.
    fn year_points(file: &ResourceFile) -> Result<Vec<(u32, u32)>, ResourceError> {
        let mut points = Vec::new();
        for (line, cols) in numeric_rows(file, "year,") {
            let [Some(year), Some(first), Some(last), ..] = cols[..] else {
                return Err(bad_row(
                    file,
                    line,
                    "a row starts with three numbers: year,first,last",
                ));
            };
            if last < first {
                return Err(bad_row(file, line, "the last number is below the first"));
            }
            points.push((first, year));
            points.push((last, year));
        }
        Ok(points)
    }

    /// Ranges from points: consecutive points (by number) with the same value make one range.
    fn from_points(mut points: Vec<(u32, u32)>) -> Ranges {
        points.sort_unstable();
        points.dedup();
        let mut ranges: Vec<(u32, u32, u32)> = Vec::new();
        for (number, value) in points {
            match ranges.last_mut() {
                Some(last) if last.2 == value => last.1 = number,
                _ => ranges.push((number, number, value)),
            }
        }
        Ranges(ranges)
    }

    /// The value (year or session) of `number`, when it lies within a known range.
    pub fn value(&self, number: u32) -> Option<u32> {
        let i = self.0.partition_point(|r| r.1 < number);
        self.0
            .get(i)
            .filter(|r| r.0 <= number && number <= r.1)
            .map(|r| r.2)
    }

    /// The lowest number known to have a value above `value`: every number from it on came later.
    pub fn first_after(&self, value: u32) -> Option<u32> {
        self.0.iter().find(|r| r.2 > value).map(|r| r.0)
    }

    /// The ranges, in order: `(first, last, value)`.
    pub fn ranges(&self) -> &[(u32, u32, u32)] {
        &self.0
    }
}

/// The data rows of a reference table, with their line numbers: each row's comma-separated
/// columns read as numbers (`None` where a column is not one); `#` comments, blank lines and
/// the header line (beginning with `header`) skipped.
fn numeric_rows<'a>(
    file: &'a ResourceFile,
    header: &'a str,
) -> impl Iterator<Item = (usize, Vec<Option<u32>>)> + 'a {
    file.text
        .lines()
        .enumerate()
        .filter(move |(_, l)| !(l.starts_with('#') || l.starts_with(header) || l.trim().is_empty()))
        .map(|(i, l)| (i + 1, l.split(',').map(|c| c.trim().parse().ok()).collect()))
}

/// A table row that is not what it should be: the error names the file and line.
fn bad_row(file: &ResourceFile, line: usize, message: &str) -> ResourceError {
    ResourceError::Table {
        location: Location::line(&file.origin, line),
        message: message.to_owned(),
    }
}

/// The number tables of `data/reference/` (see the module's documentation), read through the
/// [`Resources`], so that a resource folder can give its own.
#[derive(Debug)]
pub struct NumberTables {
    /// Security Council resolution numbers → year of adoption.
    pub sc_years: Ranges,
    /// Old-style General Assembly resolution numbers → regular session (1–30).
    pub ga_sessions: Ranges,
    /// General Assembly regular sessions → the year they opened (their general debate).
    pub session_years: Vec<(u32, u32)>,
}

impl NumberTables {
    /// Reads the four tables (`sc-resolution-years.csv`, `sc-resolutions-by-year.csv`,
    /// `ga-resolution-sessions.csv`, `ga-sessions.csv`) from the resources.
    pub fn load(resources: &Resources) -> Result<Self, ResourceError> {
        let tables = resources.reference_tables()?;
        let table = |name: &str| {
            let wanted = format!("data/reference/{name}");
            tables
                .iter()
                .find(|f| f.name == wanted)
                .ok_or(ResourceError::MissingTable(wanted))
        };
        let sessions = table("ga-sessions.csv")?;
        let session_years = numeric_rows(sessions, "session,")
            .map(|(line, cols)| match cols[..] {
                [Some(session), Some(year)] => Ok((session, year)),
                _ => Err(bad_row(sessions, line, "a row is session,year")),
            })
            .collect::<Result<_, _>>()?;
        Ok(Self {
            sc_years: {
                let mut points = Ranges::points(table("sc-resolution-years.csv")?)?;
                points.extend(Ranges::year_points(table("sc-resolutions-by-year.csv")?)?);
                Ranges::from_points(points)
            },
            ga_sessions: Ranges::parse(table("ga-resolution-sessions.csv")?)?,
            session_years,
        })
    }

    /// The tables built into the binary (checked by the tests).
    pub fn embedded() -> &'static NumberTables {
        static TABLES: LazyLock<NumberTables> = LazyLock::new(|| {
            NumberTables::load(&Resources::Embedded).expect("the built-in number tables parse")
        });
        &TABLES
    }

    /// The year Security Council resolution `number` was adopted, when the tables tell.
    pub fn sc_year(&self, number: u32) -> Option<u32> {
        self.sc_years.value(number)
    }

    /// The regular session whose old-style resolution `number` is, when the tables tell.
    /// Session I's numbers (1–65 attested) are not told: numbers that small are as often another
    /// body's (UNCTAD, a conference) that numbers its resolutions from 1 in each session.
    pub fn ga_session(&self, number: u32) -> Option<u32> {
        self.ga_sessions.value(number).filter(|&s| s > 1)
    }

    /// Whether old-style General Assembly resolution `number` cannot be of regular session
    /// `session`: the numbers run on from session to session, so it cannot be when a number
    /// known to be of an earlier session is as high, or one of a later session as low ("93
    /// (IV)" is UNCTAD's: 110 is of session II). Session I's numbers count here.
    pub fn ga_number_outside_session(&self, number: u32, session: u32) -> bool {
        self.ga_sessions.ranges().iter().any(|&(first, last, s)| {
            (s < session && last >= number) || (s > session && first <= number)
        })
    }

    /// The year regular session `session` of the General Assembly opened.
    pub fn session_year(&self, session: u32) -> Option<u32> {
        self.session_years
            .iter()
            .find(|(s, _)| *s == session)
            .map(|(_, y)| *y)
    }

    /// Whether Security Council resolution `number` could have been adopted by the end of
    /// `year`: false only when the tables show a later year's resolution with a number at or
    /// below it.
    pub fn sc_exists_by(&self, number: u32, year: u32) -> bool {
        self.sc_years
            .first_after(year)
            .is_none_or(|first| number < first)
    }
}

/// Whether two written forms differ by one character (one inserted, dropped or changed): the
/// slip a speaker or a scan makes in "2758 (XXXVI)" for 2758 (XXVI) or "242 (1969)" for 1967.
pub fn one_slip(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => short.iter().zip(&long).filter(|(x, y)| x != y).count() == 1,
        1 => (0..long.len()).any(|skip| {
            long.iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, c)| c)
                .eq(short.iter())
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_run_in_order() {
        let tables = NumberTables::embedded();
        for table in [&tables.sc_years, &tables.ga_sessions] {
            let r = table.ranges();
            assert!(r.len() > 20);
            for w in r.windows(2) {
                assert!(w[0].1 < w[1].0, "overlapping ranges {w:?}");
                assert!(w[0].2 < w[1].2, "values out of order {w:?}");
            }
        }
        assert_eq!(tables.session_years.len(), 67);
        assert!(tables.session_years.iter().all(|(s, y)| *y == 1945 + s));
    }

    #[test]
    fn known_numbers() {
        // Each of these is attested in the table's sources.
        assert_eq!(NumberTables::embedded().sc_year(242), Some(1967));
        assert_eq!(NumberTables::embedded().sc_year(1540), Some(2004));
        assert_eq!(NumberTables::embedded().sc_year(1701), Some(2006));
        assert_eq!(NumberTables::embedded().sc_year(2231), Some(2015));
        assert_eq!(NumberTables::embedded().ga_session(1514), Some(15));
        assert_eq!(NumberTables::embedded().ga_session(2758), Some(26));
        assert_eq!(NumberTables::embedded().ga_session(3236), Some(29));
        assert_eq!(NumberTables::embedded().session_year(29), Some(1974));
        // The by-year table: the first and last of 2016 and 2024, and one between.
        assert_eq!(NumberTables::embedded().sc_year(2260), Some(2016));
        assert_eq!(NumberTables::embedded().sc_year(2336), Some(2016));
        assert_eq!(NumberTables::embedded().sc_year(2417), Some(2018));
        assert_eq!(NumberTables::embedded().sc_year(2767), Some(2024));
        // Numbers beyond the tables are not known.
        assert_eq!(NumberTables::embedded().sc_year(2768), None);
        assert_eq!(NumberTables::embedded().sc_year(9999), None);
        assert_eq!(NumberTables::embedded().ga_session(4000), None);
        assert!(!NumberTables::embedded().sc_exists_by(2832, 1990));
        assert!(NumberTables::embedded().sc_exists_by(242, 1990));
    }

    #[test]
    fn numbers_run_on_from_session_to_session() {
        let t = NumberTables::embedded();
        // 181 (II) and 110 (II) are known: 93 cannot be of session IV, nor 181 of session III.
        assert!(t.ga_number_outside_session(93, 4));
        assert!(t.ga_number_outside_session(181, 3));
        assert!(!t.ga_number_outside_session(181, 2));
        assert!(!t.ga_number_outside_session(2625, 25));
        assert!(t.ga_number_outside_session(2625, 20));
    }

    #[test]
    fn slips() {
        assert!(one_slip("XXXVI", "XXVI"));
        assert!(one_slip("1969", "1967"));
        assert!(!one_slip("XLIV", "XIII"));
        assert!(!one_slip("1967", "1967"));
        assert!(!one_slip("1978", "1987"));
    }
}
