//! Relay pages keyed by id: the size a client may ask for, and whether more rows follow.

use async_graphql::ErrorExtensions;

use super::error::{ApiError, ApiResult};

/// Page size when `first` is omitted.
const DEFAULT_PAGE: usize = 50;
/// Largest page a client may ask for.
const MAX_PAGE: usize = 500;

/// The page size `first` asks for, checked against the limit.
pub fn page_size(first: Option<usize>) -> ApiResult<usize> {
    let size = first.unwrap_or(DEFAULT_PAGE);
    if size > MAX_PAGE {
        return Err(ApiError::BadArgument {
            argument: "first",
            problem: format!("{size} is more than {MAX_PAGE}"),
        }
        .extend());
    }
    Ok(size)
}

/// How many rows to fetch for a page of `size`: one more, to know whether another page follows.
pub fn fetch_limit(size: usize) -> u64 {
    size as u64 + 1
}

/// The page of `rows` (fetched with [`fetch_limit`]) and whether more follow.
pub fn split_page<T>(mut rows: Vec<T>, size: usize) -> (Vec<T>, bool) {
    let has_next = rows.len() > size;
    rows.truncate(size);
    (rows, has_next)
}
