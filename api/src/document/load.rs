//! Reading a document from JSON, with errors that name the field and the problem.

use super::DisclosureDocument;

/// A document that cannot be read. The message names the document, the place and the problem.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The JSON is malformed or does not fit the format.
    #[error("{document}: at `{path}` (line {line}, column {column}): {problem}")]
    Malformed {
        document: String,
        path: String,
        line: usize,
        column: usize,
        problem: String,
    },
    /// The JSON fits the format but a value is not acceptable.
    #[error("{document}: at `{path}`: {problem}")]
    Invalid {
        document: String,
        path: String,
        problem: String,
    },
}

/// Reads one disclosure document from JSON text. `document` names it in errors (a file path).
pub fn parse_document(document: &str, json: &str) -> Result<DisclosureDocument, DocumentError> {
    let deserializer = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        DocumentError::Malformed {
            document: document.to_owned(),
            path,
            line: inner.line(),
            column: inner.column(),
            problem: inner.to_string(),
        }
    })
}
