//! Limits on a query's shape, checked before it is parsed, and the stack it runs on.
//!
//! SPARQL parsing, optimisation and evaluation recurse once per level of nesting (`{ { … } }`,
//! `((…))`) and once per link of a chain (`1 + 1 + …`, `<p>/<p>/…`, `{…} UNION {…} UNION …`).
//! A hostile or generated query can make that recursion deep enough to overflow a thread's
//! stack, which aborts the whole process. So every query (and update) is first read as tokens —
//! strings, IRIs and comments skipped — and refused, with a clear error, when it nests deeper
//! than [`MAX_NESTING`] or holds more than [`MAX_TOKENS`] tokens; and it is parsed and evaluated
//! on a thread with a [`QUERY_STACK_BYTES`] stack ([`on_query_stack`]), which the tests show is
//! enough for the deepest and longest queries these limits let through.

use crate::error::QueryError;

/// The deepest nesting of `{ }`, `( )` and `[ ]` a query may have. Hand-written and generated
/// queries nest a few levels (the curated ones at most 5).
pub const MAX_NESTING: usize = 128;

/// The most tokens (names, variables, literals, IRIs, punctuation) a query may have: a page of
/// SPARQL is a few hundred; this leaves room for long `VALUES` lists.
pub const MAX_TOKENS: usize = 20_000;

/// The stack of the thread a query is parsed and evaluated on. It is reserved, not used: pages
/// are committed only as deep recursion touches them.
pub const QUERY_STACK_BYTES: usize = 256 << 20;

/// Refuses a query (or update) that nests deeper than [`MAX_NESTING`] or is longer than
/// [`MAX_TOKENS`] tokens. `origin` names where it came from.
pub fn check_shape(text: &str, origin: &str) -> Result<(), QueryError> {
    let too_complex = |message: String| QueryError::TooComplex {
        origin: origin.to_owned(),
        message,
    };
    let chars: Vec<char> = text.chars().collect();
    let (mut depth, mut tokens) = (0usize, 0usize);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        tokens += 1;
        if tokens > MAX_TOKENS {
            return Err(too_complex(format!(
                "the query has more than {MAX_TOKENS} tokens"
            )));
        }
        match c {
            '#' => {
                tokens -= 1;
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '"' | '\'' => i = skip_string(&chars, i),
            '<' => i = skip_iri(&chars, i).unwrap_or(i + 1),
            '{' | '(' | '[' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(too_complex(format!(
                        "the query nests more than {MAX_NESTING} levels deep"
                    )));
                }
                i += 1;
            }
            '}' | ')' | ']' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            c if is_word(c) => {
                while i < chars.len() && is_word(chars[i]) {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    Ok(())
}

/// Characters of names, variables, numbers and keywords.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | ':' | '?' | '$' | '.' | '-' | '@')
}

/// The index after the string literal starting at `start` (short or long, either quote).
fn skip_string(chars: &[char], start: usize) -> usize {
    let quote = chars[start];
    let long = chars.get(start + 1) == Some(&quote) && chars.get(start + 2) == Some(&quote);
    let mut i = start + if long { 3 } else { 1 };
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            c if c == quote && !long => return i + 1,
            c if c == quote
                && chars.get(i + 1) == Some(&quote)
                && chars.get(i + 2) == Some(&quote) =>
            {
                return i + 3
            }
            '\n' if !long => return i + 1,
            _ => i += 1,
        }
    }
    chars.len()
}

/// The index after the IRI written `<…>` at `start`, or `None` when `<` is an operator there.
fn skip_iri(chars: &[char], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while let Some(&c) = chars.get(i) {
        match c {
            '>' => return Some(i + 1),
            c if c.is_whitespace() || matches!(c, '<' | '"' | '{' | '}' | '|' | '^' | '`') => {
                return None
            }
            _ => i += 1,
        }
    }
    None
}

/// Runs `f` on a thread with a [`QUERY_STACK_BYTES`] stack and returns what it returns (or runs
/// it here when no such thread can be started).
pub fn on_query_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    let mut f = Some(f);
    let ran = std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name("query".into())
            .stack_size(QUERY_STACK_BYTES)
            .spawn_scoped(scope, || (f.take().expect("taken once"))());
        spawned.ok().map(|handle| handle.join())
    });
    match ran {
        Some(Ok(value)) => value,
        Some(Err(panic)) => std::panic::resume_unwind(panic),
        None => (f.take().expect("not run yet"))(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(q: &str) -> bool {
        matches!(check_shape(q, "q"), Err(QueryError::TooComplex { .. }))
    }

    #[test]
    fn nesting_and_length_are_bounded_outside_strings_iris_and_comments() {
        let nested = |n: usize| format!("SELECT * WHERE {}{}", "{".repeat(n), "}".repeat(n));
        assert!(!refused(&nested(MAX_NESTING - 1)));
        assert!(refused(&nested(MAX_NESTING + 1)));
        let in_string = format!("SELECT * WHERE {{ ?s ?p \"{}\" }}", "{".repeat(1000));
        assert!(!refused(&in_string));
        let in_comment = format!("# {}\nSELECT * WHERE {{ ?s ?p ?o }}", "(".repeat(1000));
        assert!(!refused(&in_comment));
        let in_iri = "SELECT * WHERE { ?s <urn:a(b)> ?o FILTER(?o < 3) }";
        assert!(!refused(in_iri));
        let chain = format!("SELECT (1{} AS ?x) {{}}", "+1".repeat(MAX_TOKENS / 2));
        assert!(refused(&chain));
        let chain = format!("SELECT (1{} AS ?x) {{}}", "+1".repeat(MAX_TOKENS / 2 - 20));
        assert!(!refused(&chain));
    }

    #[test]
    fn the_query_stack_runs_and_returns() {
        let v = [1, 2, 3];
        assert_eq!(on_query_stack(|| v.iter().sum::<i32>()), 6);
    }
}
