//! Automatic persisted queries (Apollo's APQ protocol, version 1): a dashboard sends the
//! SHA-256 of a query instead of its text once the server has seen it. Handled before execution,
//! so it costs nothing per field.

use std::num::NonZeroUsize;
use std::sync::Mutex;

use async_graphql::{Request, ServerError};
use lru::LruCache;
use sha2::{Digest, Sha256};

/// Queries remembered by their hash, the least recently used forgotten first.
pub struct PersistedQueries {
    cache: Mutex<LruCache<String, String>>,
}

/// How many distinct queries are remembered.
const CAPACITY: NonZeroUsize = match NonZeroUsize::new(2048) {
    Some(n) => n,
    None => NonZeroUsize::MIN,
};

impl Default for PersistedQueries {
    fn default() -> Self {
        PersistedQueries {
            cache: Mutex::new(LruCache::new(CAPACITY)),
        }
    }
}

impl PersistedQueries {
    /// Fills in a request that names its query by hash, or remembers a query sent with its hash.
    /// The error is the one Apollo clients expect (`PersistedQueryNotFound` makes them resend
    /// the text).
    pub fn resolve(&self, request: &mut Request) -> Result<(), ServerError> {
        let Some(extension) = request.extensions.remove("persistedQuery") else {
            return Ok(());
        };
        let json = serde_json::to_value(&extension).unwrap_or_default();
        if json.get("version").and_then(|v| v.as_i64()) != Some(1) {
            return Err(ServerError::new(
                "only version 1 of the persistedQuery extension is supported",
                None,
            ));
        }
        let Some(hash) = json
            .get("sha256Hash")
            .and_then(|h| h.as_str())
            .map(str::to_ascii_lowercase)
        else {
            return Err(ServerError::new(
                "the persistedQuery extension needs a sha256Hash",
                None,
            ));
        };
        let mut cache = self
            .cache
            .lock()
            .map_err(|_| ServerError::new("the persisted query cache is unavailable", None))?;
        if request.query.is_empty() {
            match cache.get(&hash) {
                Some(query) => request.query = query.clone(),
                None => return Err(ServerError::new("PersistedQueryNotFound", None)),
            }
            return Ok(());
        }
        let actual: String = Sha256::digest(request.query.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if actual != hash {
            return Err(ServerError::new(
                "the sha256Hash does not match the query",
                None,
            ));
        }
        cache.put(hash, request.query.clone());
        Ok(())
    }
}
