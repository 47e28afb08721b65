//! User text files: the one way normgraph reads a file a user gives as text (statements,
//! queries, rules, corrections, manifests, projections, resource folders), so that every one
//! accepts a UTF-8 byte-order mark, refuses UTF-16 and names the file, line and column of a byte
//! that is not UTF-8.

use crate::error::{Location, ReadError};
use std::fs;
use std::path::Path;

/// Reads a text file a user gives (a query, rules, corrections, a projection): the one way
/// normgraph reads such files, so they all accept a UTF-8 byte-order mark and all name the file,
/// line and column of a byte that is not UTF-8.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    let bytes = fs::read(path).map_err(|source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    decode_text(path, &bytes).map(str::to_owned)
}

/// The text of a file's bytes: UTF-8, without its byte-order mark; UTF-16 and bytes that are not
/// UTF-8 are errors naming the file (and the line and column of the first bad byte).
pub fn decode_text<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, ReadError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ReadError::Utf16 {
            path: path.to_path_buf(),
        });
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(body).map_err(|e| {
        let offset = e.valid_up_to();
        let (line, column) = line_column(&body[..offset]);
        ReadError::NotUtf8 {
            location: Location::at(path, line, column),
            offset: offset + (bytes.len() - body.len()),
        }
    })
}

/// 1-based line and column (in characters) just after the given valid UTF-8 prefix.
pub(crate) fn line_column(prefix: &[u8]) -> (usize, usize) {
    let prefix = String::from_utf8_lossy(prefix);
    let line = prefix.matches('\n').count() + 1;
    let last = prefix.rsplit('\n').next().unwrap_or("");
    (line, last.chars().count() + 1)
}
