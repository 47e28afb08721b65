//! MARC 21 XML ("MARCXML", the slim schema of the Library of Congress), the format in which the
//! UN Digital Library exports its bibliographic and voting records.
//!
//! A file is a `<collection>` of `<record>`s (or one `<record>`); a record has a `<leader>`,
//! `<controlfield tag="…">`s and `<datafield tag="…" ind1="…" ind2="…">`s made of
//! `<subfield code="…">`s. This module reads that structure and nothing more, keeping where each
//! record and field starts so that later stages can point at them; what the fields mean is
//! [`crate::rdf::catalogue`]'s business.
//!
//! The XML itself is parsed by quick-xml (the parser oxigraph's RDF/XML reader uses). The MARC
//! crates on crates.io were not used: they convert MARCXML to ISO 2709 first and lose every
//! position, so a bad record could not be named by line, nor skipped alone.

use crate::error::{CatalogueError, Location};
use crate::source::file::line_column;
use quick_xml::events::{BytesStart, BytesText, Event};
use quick_xml::Reader;
use std::path::Path;

/// The MARC 21 XML namespace; a root element in another namespace is refused.
pub const MARCXML_NAMESPACE: &str = "http://www.loc.gov/MARC21/slim";

/// One MARC record as the file gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Where its `<record>` element starts.
    pub location: Location,
    /// The leader (24 characters in MARC 21), when given.
    pub leader: Option<String>,
    /// Control fields (`00X`): tag and value.
    pub control: Vec<(String, String)>,
    /// Data fields, in file order.
    pub data: Vec<DataField>,
}

/// One data field: a tag, two indicators and its subfields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataField {
    /// Where its `<datafield>` element starts.
    pub location: Location,
    /// Three characters, e.g. `245`.
    pub tag: String,
    /// First indicator (a space when blank).
    pub ind1: char,
    /// Second indicator.
    pub ind2: char,
    /// Subfield codes and values, in order.
    pub subfields: Vec<(char, String)>,
}

impl DataField {
    /// The first value of subfield `code`, trimmed, when it has one that is not empty.
    pub fn get(&self, code: char) -> Option<&str> {
        self.subfields
            .iter()
            .filter(|(c, _)| *c == code)
            .map(|(_, v)| v.trim())
            .find(|v| !v.is_empty())
    }
}

impl Record {
    /// The data fields with `tag`.
    pub fn fields<'a, 't>(&'a self, tag: &'t str) -> impl Iterator<Item = &'a DataField> + 't
    where
        'a: 't,
    {
        self.data.iter().filter(move |f| f.tag == tag)
    }

    /// The first non-empty value of `tag $code`.
    pub fn first(&self, tag: &str, code: char) -> Option<&str> {
        self.data
            .iter()
            .filter(|f| f.tag == tag)
            .find_map(|f| f.get(code))
    }

    /// The value of control field `tag`.
    pub fn control(&self, tag: &str) -> Option<&str> {
        self.control
            .iter()
            .find(|(t, _)| t == tag)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads the records of a MARC 21 XML file whose text is `text` (`path` names it in errors).
/// A file that is not well-formed XML, or whose elements are not those of the slim schema, is
/// refused as a whole with the line and column of the first fault.
pub fn read(path: &Path, text: &str) -> Result<Vec<Record>, CatalogueError> {
    let line_starts = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    Parser {
        path,
        text,
        reader: Reader::from_str(text),
        line_starts,
    }
    .records()
}

struct Parser<'a> {
    path: &'a Path,
    text: &'a str,
    reader: Reader<&'a [u8]>,
    /// Byte offsets where lines start, for positions without rescanning the text.
    line_starts: Vec<usize>,
}

impl<'a> Parser<'a> {
    /// The location of byte `offset` of the text.
    fn at(&self, offset: usize) -> Location {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line.saturating_sub(1)];
        let (_, column) = line_column(&self.text.as_bytes()[start..offset]);
        Location::at(self.path, line.max(1), column)
    }

    fn syntax(&self, offset: usize, message: impl Into<String>) -> CatalogueError {
        CatalogueError::Syntax {
            location: self.at(offset),
            message: message.into(),
        }
    }

    /// Text where only elements may stand (`t`, just read): an error at its start.
    fn stray_text(&self, t: &BytesText<'_>, message: &str) -> CatalogueError {
        let at = self.reader.buffer_position() as usize - t.len();
        self.syntax(at, message)
    }

    /// An element (`e`, just read; `empty` when it was `<e/>`) where `parent` holds only
    /// `allowed`.
    fn unexpected(
        &self,
        e: &BytesStart<'_>,
        empty: bool,
        parent: &str,
        allowed: &str,
    ) -> CatalogueError {
        let at = self.start_of(e, empty);
        self.syntax(
            at,
            format!("<{}> inside <{parent}> (only <{allowed}>)", name(e)),
        )
    }

    /// The start of the element just read (`e`), as a byte offset.
    fn start_of(&self, e: &BytesStart<'_>, empty: bool) -> usize {
        let end = self.reader.buffer_position() as usize;
        end.saturating_sub(e.len() + if empty { 3 } else { 2 })
    }

    fn next(&mut self) -> Result<Event<'a>, CatalogueError> {
        self.reader.read_event().map_err(|e| {
            let at = self.reader.error_position() as usize;
            self.syntax(at, format!("not well-formed XML: {e}"))
        })
    }

    fn records(mut self) -> Result<Vec<Record>, CatalogueError> {
        // Not trimmed: quick-xml's trimming would shift the positions of text and join the pieces
        // of a value around a comment. White space between elements is passed over below;
        // values are trimmed where they are read ([`DataField::get`]).
        let mut records = Vec::new();
        let mut root_seen = false;
        loop {
            match self.next()? {
                Event::Start(e) | Event::Empty(e) if root_seen => {
                    let at = self.start_of(&e, false);
                    return Err(
                        self.syntax(at, format!("more than one root element ({})", name(&e)))
                    );
                }
                Event::Start(e) => {
                    root_seen = true;
                    let at = self.start_of(&e, false);
                    self.check_namespace(&e, at)?;
                    match name(&e).as_str() {
                        "collection" => self.collection(&mut records)?,
                        "record" => records.push(self.record(at)?),
                        other => {
                            return Err(self.syntax(
                                at,
                                format!("the root element is <{other}>, not MARC 21 XML's <collection> or <record>"),
                            ))
                        }
                    }
                }
                Event::Empty(e) => {
                    root_seen = true;
                    let at = self.start_of(&e, true);
                    self.check_namespace(&e, at)?;
                    if name(&e) != "collection" {
                        return Err(self.syntax(at, format!("<{}/> holds no record", name(&e))));
                    }
                }
                Event::Text(t) if !is_blank(&t) => {
                    return Err(self.stray_text(&t, "text outside the root element"));
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if !root_seen {
            return Err(self.syntax(self.text.len(), "no MARC 21 XML in the file"));
        }
        Ok(records)
    }

    /// A root element may leave the namespace out (some exports do), but may not give another.
    fn check_namespace(&self, e: &BytesStart<'_>, at: usize) -> Result<(), CatalogueError> {
        for a in e.attributes() {
            let a = a.map_err(|err| self.syntax(at, format!("bad attribute: {err}")))?;
            let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            let prefix = name(e).len() < String::from_utf8_lossy(e.name().as_ref()).len();
            let declares_own = if prefix {
                let p = String::from_utf8_lossy(e.name().as_ref())
                    .split(':')
                    .next()
                    .unwrap_or("")
                    .to_owned();
                key == format!("xmlns:{p}")
            } else {
                key == "xmlns"
            };
            if declares_own {
                let value = a
                    .unescape_value()
                    .map_err(|err| self.syntax(at, format!("bad attribute value: {err}")))?;
                if value != MARCXML_NAMESPACE {
                    return Err(self.syntax(
                        at,
                        format!("namespace {value} is not MARC 21 XML's ({MARCXML_NAMESPACE})"),
                    ));
                }
            }
        }
        Ok(())
    }

    fn collection(&mut self, records: &mut Vec<Record>) -> Result<(), CatalogueError> {
        loop {
            match self.next()? {
                Event::Start(e) if name(&e) == "record" => {
                    let at = self.start_of(&e, false);
                    records.push(self.record(at)?);
                }
                Event::Empty(e) if name(&e) == "record" => {
                    let at = self.start_of(&e, true);
                    records.push(Record {
                        location: self.at(at),
                        leader: None,
                        control: Vec::new(),
                        data: Vec::new(),
                    });
                }
                Event::Start(e) => {
                    return Err(self.unexpected(&e, false, "collection", "record"));
                }
                Event::Empty(e) => {
                    return Err(self.unexpected(&e, true, "collection", "record"));
                }
                Event::Text(t) if !is_blank(&t) => {
                    return Err(self.stray_text(&t, "text between records"));
                }
                Event::End(_) => return Ok(()),
                Event::Eof => {
                    return Err(self.syntax(self.text.len(), "the file ends inside <collection>"))
                }
                _ => {}
            }
        }
    }

    fn record(&mut self, at: usize) -> Result<Record, CatalogueError> {
        let mut record = Record {
            location: self.at(at),
            leader: None,
            control: Vec::new(),
            data: Vec::new(),
        };
        loop {
            match self.next()? {
                Event::Start(e) => {
                    let start = self.start_of(&e, false);
                    match name(&e).as_str() {
                        "leader" => record.leader = Some(self.text_until_end(start)?),
                        "controlfield" => {
                            let tag = self.tag(&e, start)?;
                            let value = self.text_until_end(start)?;
                            record.control.push((tag, value));
                        }
                        "datafield" => {
                            let field = self.datafield(&e, start)?;
                            record.data.push(field);
                        }
                        other => {
                            return Err(self.syntax(
                                start,
                                format!("<{other}> inside <record> (only <leader>, <controlfield>, <datafield>)"),
                            ))
                        }
                    }
                }
                Event::Empty(e) => {
                    let start = self.start_of(&e, true);
                    match name(&e).as_str() {
                        "leader" => record.leader = Some(String::new()),
                        "controlfield" => {
                            let tag = self.tag(&e, start)?;
                            record.control.push((tag, String::new()));
                        }
                        "datafield" => {
                            let field = DataField {
                                location: self.at(start),
                                tag: self.tag(&e, start)?,
                                ind1: self.indicator(&e, "ind1", start)?,
                                ind2: self.indicator(&e, "ind2", start)?,
                                subfields: Vec::new(),
                            };
                            record.data.push(field);
                        }
                        other => {
                            return Err(self.syntax(start, format!("<{other}/> inside <record>")))
                        }
                    }
                }
                Event::Text(t) if !is_blank(&t) => {
                    return Err(self.stray_text(&t, "text directly inside <record>"));
                }
                Event::End(_) => return Ok(record),
                Event::Eof => {
                    return Err(self.syntax(self.text.len(), "the file ends inside <record>"))
                }
                _ => {}
            }
        }
    }

    fn datafield(&mut self, e: &BytesStart<'_>, start: usize) -> Result<DataField, CatalogueError> {
        let mut field = DataField {
            location: self.at(start),
            tag: self.tag(e, start)?,
            ind1: self.indicator(e, "ind1", start)?,
            ind2: self.indicator(e, "ind2", start)?,
            subfields: Vec::new(),
        };
        loop {
            match self.next()? {
                Event::Start(s) if name(&s) == "subfield" => {
                    let at = self.start_of(&s, false);
                    let code = self.code(&s, at)?;
                    let value = self.text_until_end(at)?;
                    field.subfields.push((code, value));
                }
                Event::Empty(s) if name(&s) == "subfield" => {
                    let at = self.start_of(&s, true);
                    let code = self.code(&s, at)?;
                    field.subfields.push((code, String::new()));
                }
                Event::Start(s) => {
                    return Err(self.unexpected(&s, false, "datafield", "subfield"));
                }
                Event::Empty(s) => {
                    return Err(self.unexpected(&s, true, "datafield", "subfield"));
                }
                Event::Text(t) if !is_blank(&t) => {
                    return Err(self.stray_text(&t, "text directly inside <datafield>"));
                }
                Event::End(_) => return Ok(field),
                Event::Eof => {
                    return Err(self.syntax(self.text.len(), "the file ends inside <datafield>"))
                }
                _ => {}
            }
        }
    }

    /// The text of a simple element (leader, control field, subfield) up to its end tag.
    fn text_until_end(&mut self, start: usize) -> Result<String, CatalogueError> {
        let mut out = String::new();
        loop {
            match self.next()? {
                Event::Text(t) => {
                    let at = self.reader.buffer_position() as usize - t.len();
                    let text = t
                        .unescape()
                        .map_err(|e| self.syntax(at, format!("bad character reference: {e}")))?;
                    out.push_str(&text);
                }
                Event::CData(c) => out.push_str(&String::from_utf8_lossy(&c)),
                Event::End(_) => return Ok(out),
                Event::Start(e) => {
                    let at = self.start_of(&e, false);
                    return Err(self.syntax(
                        at,
                        format!("<{}> inside a value (values are text only)", name(&e)),
                    ));
                }
                Event::Empty(e) => {
                    let at = self.start_of(&e, true);
                    return Err(self.syntax(
                        at,
                        format!("<{}> inside a value (values are text only)", name(&e)),
                    ));
                }
                Event::Eof => return Err(self.syntax(start, "the element is never closed")),
                _ => {}
            }
        }
    }

    /// The value of attribute `key`; a malformed attribute or value is an error.
    fn attribute(
        &self,
        e: &BytesStart<'_>,
        key: &str,
        at: usize,
    ) -> Result<Option<String>, CatalogueError> {
        for a in e.attributes() {
            let a = a.map_err(|err| self.syntax(at, format!("bad attribute: {err}")))?;
            if a.key.local_name().as_ref() == key.as_bytes() {
                let value = a
                    .unescape_value()
                    .map_err(|err| self.syntax(at, format!("bad attribute value: {err}")))?;
                return Ok(Some(value.into_owned()));
            }
        }
        Ok(None)
    }

    /// A field's tag: three ASCII letters or digits.
    fn tag(&self, e: &BytesStart<'_>, at: usize) -> Result<String, CatalogueError> {
        match self.attribute(e, "tag", at)? {
            Some(t) if t.len() == 3 && t.bytes().all(|b| b.is_ascii_alphanumeric()) => Ok(t),
            Some(t) => Err(self.syntax(at, format!("tag {t:?} is not three letters or digits"))),
            None => Err(self.syntax(at, format!("<{}> without a tag", name(e)))),
        }
    }

    /// An indicator: one character (blank when the attribute is left out or empty).
    fn indicator(&self, e: &BytesStart<'_>, key: &str, at: usize) -> Result<char, CatalogueError> {
        let value = self.attribute(e, key, at)?.unwrap_or_default();
        let mut chars = value.chars();
        match (chars.next(), chars.next()) {
            (None, _) => Ok(' '),
            (Some(c), None) if c == ' ' || c.is_ascii_alphanumeric() => Ok(c),
            _ => Err(self.syntax(
                at,
                format!("{key} {value:?} is not one letter, digit or blank"),
            )),
        }
    }

    /// A subfield code: one ASCII letter or digit.
    fn code(&self, e: &BytesStart<'_>, at: usize) -> Result<char, CatalogueError> {
        let value = self.attribute(e, "code", at)?.unwrap_or_default();
        let mut chars = value.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_alphanumeric() => Ok(c),
            _ => Err(self.syntax(
                at,
                format!("subfield code {value:?} is not one letter or digit"),
            )),
        }
    }
}

/// Whether a text event is only white space (between elements).
fn is_blank(t: &BytesText<'_>) -> bool {
    t.iter().all(u8::is_ascii_whitespace)
}

/// An element's local name (without its namespace prefix).
fn name(e: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<collection xmlns="http://www.loc.gov/MARC21/slim">
  <record>
    <leader>00000nam a2200000 a 4500</leader>
    <controlfield tag="001">123</controlfield>
    <datafield tag="191" ind1=" " ind2=" ">
      <subfield code="a">A/RES/1/1</subfield>
      <subfield code="c">1</subfield>
    </datafield>
    <datafield tag="245" ind1="1" ind2="0">
      <subfield code="a">A &amp; B</subfield>
    </datafield>
  </record>
  <record><datafield tag="191" ind1=" " ind2=" "><subfield code="a">S/RES/1 (1946)</subfield></datafield></record>
</collection>"#;

    #[test]
    fn reads_records_fields_and_positions() {
        let records = read(Path::new("x.xml"), SAMPLE).expect("reads");
        assert_eq!(records.len(), 2);
        let first = &records[0];
        assert_eq!(first.location.line, Some(3));
        assert_eq!(first.location.column, Some(3));
        assert_eq!(first.control("001"), Some("123"));
        assert_eq!(first.first("191", 'a'), Some("A/RES/1/1"));
        assert_eq!(first.first("245", 'a'), Some("A & B"));
        let title = first.fields("245").next().expect("245");
        assert_eq!((title.ind1, title.ind2), ('1', '0'));
        assert_eq!(title.location.line, Some(10));
        assert_eq!(records[1].location.line, Some(14));
        assert_eq!(records[1].first("191", 'a'), Some("S/RES/1 (1946)"));
        // A comment inside a value does not join its pieces.
        let commented = SAMPLE.replace("A &amp; B", "A <!-- note --> B");
        let records = read(Path::new("x.xml"), &commented).expect("reads");
        assert_eq!(records[0].first("245", 'a'), Some("A  B"));
    }

    #[test]
    fn refuses_broken_files_with_their_position() {
        let err = |text: &str| match read(Path::new("x.xml"), text) {
            Err(CatalogueError::Syntax { location, message }) => (location.line, message),
            other => panic!("expected a syntax error, got {other:?}"),
        };
        // An end tag that does not match.
        let broken = SAMPLE.replace(
            "</subfield>\n      <subfield code=\"c\">",
            "</subfeld>\n      <subfield code=\"c\">",
        );
        let (line, message) = err(&broken);
        assert_eq!(line, Some(7), "{message}");
        // Not MARC 21 XML.
        let (line, message) = err("<html>\n<body/></html>");
        assert_eq!(line, Some(1));
        assert!(message.contains("<html>"), "{message}");
        let (_, message) = err(&SAMPLE.replace("MARC21/slim", "MARC21/other"));
        assert!(message.contains("namespace"), "{message}");
        let (line, _) = err(&SAMPLE.replace(r#"code="c""#, r#"code="cc""#));
        assert_eq!(line, Some(8));
        let (line, _) = err(&SAMPLE.replace(r#"tag="245""#, r#"tag="24""#));
        assert_eq!(line, Some(10));
        let (_, message) = err("");
        assert!(message.contains("no MARC"), "{message}");
        let (line, message) = err(&SAMPLE.replace("<leader>", "<title>x</title><leader>"));
        assert_eq!(line, Some(4), "{message}");
        let (line, _) = err(&SAMPLE.replace(r#"ind1="1""#, r#"ind1="&bogus;""#));
        assert_eq!(
            line,
            Some(10),
            "a bad attribute value is an error, not a blank"
        );
        let (_, message) = err(&SAMPLE.replace("&amp;", "&bogus;"));
        assert!(
            message.contains("reference") || message.contains("XML"),
            "{message}"
        );
    }
}
