//! Stage 1, sources: the statement files as normgraph reads them.
//!
//! [`file`] reads any text file a user gives (UTF-8 checked, with locations); [`reader`] finds statement files (`.txt`, `.md`, `.pdf`) and decodes them into text (UTF-8
//! checked, byte-order mark removed, PDF pages joined by form feeds, YAML front matter read);
//! [`manifest`] reads the CSV metadata that applies to them.

pub mod file;
pub mod manifest;
pub mod reader;
