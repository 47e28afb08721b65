//! Pictures of projected graphs: a self-contained HTML viewer (Cytoscape.js, vendored and
//! embedded, so the page works offline) and a static SVG through Graphviz for papers.

use crate::analysis::{InfluenceGraph, Scores};
use crate::error::AnalysisError;
use crate::output::graphio::{self, GraphFormat};
use std::io::Write;
use std::process::{Command, Stdio};

const TEMPLATE: &str = include_str!("../../../../assets/viewer.html");
/// Cytoscape.js 3.35.0 (MIT licence; the notice is at the top of the file), from the npm
/// registry; see `assets/vendor/cytoscape/VERSION`.
const CYTOSCAPE: &str = include_str!("../../../../assets/vendor/cytoscape/cytoscape.min.js");

/// The HTML viewer of a graph: nodes sized by PageRank (when computed), coloured by kind or
/// community, a search box, and a side panel with a clicked node's neighbours and the quoted
/// sentences behind its edges. The page needs no network.
pub fn html(g: &InfluenceGraph, scores: &Scores, title: &str) -> String {
    let colours: serde_json::Map<String, serde_json::Value> = graphio::kind_colours()
        .iter()
        .filter(|(k, _)| k != "*")
        .map(|(k, c)| (k.clone(), serde_json::Value::from(c.as_str())))
        .collect();
    let data = serde_json::json!({
        "graph": graphio::cytoscape_json(g, scores),
        "kindColours": colours,
    });
    // Inside <script>, "</script" or "<!--" in the data would end or confuse the element.
    let data = data.to_string().replace('<', "\\u003c");
    let title = html_escape(title).replace('@', "&#64;");
    TEMPLATE
        .replace("@@CYTOSCAPE@@", CYTOSCAPE)
        .replace("@@TITLE@@", &title)
        .replace("@@DATA@@", &data)
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The graph drawn by Graphviz (`dot -Tsvg`, or another layout program such as `sfdp` for
/// large graphs) as SVG.
pub fn svg(g: &InfluenceGraph, scores: &Scores, program: &str) -> Result<Vec<u8>, AnalysisError> {
    let mut dot = Vec::new();
    graphio::write(g, scores, GraphFormat::Dot, &mut dot)?;
    let mut child = Command::new(program)
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            AnalysisError::BadOption(if e.kind() == std::io::ErrorKind::NotFound {
                format!(
                    "Graphviz `{program}` is not installed: install it (Debian: apt-get install graphviz), or write the DOT file with `normgraph export-graph --format dot` and draw it elsewhere"
                )
            } else {
                format!("cannot run Graphviz `{program}`: {e}")
            })
        })?;
    // Feed stdin from a thread so a large graph cannot deadlock against a full stdout pipe.
    let mut stdin = child.stdin.take().expect("stdin was piped");
    let writer = std::thread::spawn(move || stdin.write_all(&dot));
    let output = child.wait_with_output()?;
    let _ = writer.join();
    if !output.status.success() {
        return Err(AnalysisError::BadOption(format!(
            "Graphviz `{program}` failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    Ok(output.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_self_contained_and_data_cannot_close_the_script() {
        let mut g = InfluenceGraph::new("t", true);
        let a = g.node("a");
        g.graph[a].label = "</script><script>alert(1)</script> @@DATA@@".into();
        let b = g.node("b");
        g.add_edge(a, b, 1.0, None, None);
        let page = html(&g, &Scores::default(), "title <x>");
        assert_eq!(
            page.matches("</script>").count(),
            4,
            "only the page's own scripts end"
        );
        assert!(!page.contains("http://") || !page.contains("src=\"http"));
        assert!(!page.contains("<script src"));
        assert!(page.contains("title &lt;x&gt;"));
    }
}
