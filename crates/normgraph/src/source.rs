//! Stage 1, sources: the statement files as normgraph reads them.
//!
//! [`file`](mod@file) reads any text file a user gives (UTF-8 checked, byte-order mark
//! removed, errors with file, line and column); [`reader`] finds statement files (`.txt`, `.md`,
//! `.pdf`) and decodes them into text (PDF pages joined by form feeds, YAML front matter read);
//! [`manifest`] reads the CSV metadata that applies to them; [`marc`] reads the MARC 21 XML
//! records a scholar exports from the UN Digital Library (`normgraph catalogue import`).

pub mod file;
pub mod manifest;
pub mod marc;
pub mod reader;
