//! Whole responses of identical queries, kept while the data has not changed.
//!
//! A dashboard sends the same few queries again and again. The cache key is the SHA-256 of the
//! query text, operation name and variables; an entry remembers the data version (see
//! [`crate::queries::data_version`]) it was computed at. Each request reads the current version
//! (one statement on the primary key) and is answered from the cache only when the entry's
//! version is the current one, so a write from any process, this server's mutation or a
//! `budgetql import` elsewhere, is seen by the next request. Only successful queries are kept,
//! never mutations; the least recently used entries go first when the byte budget is full.

use std::sync::{Arc, Mutex};

use async_graphql::Request;
use async_graphql::parser::types::{DocumentOperations, OperationType};
use lru::LruCache;
use sha2::{Digest, Sha256};

/// A cached response body and the data version it was computed at.
pub struct CachedResponse {
    pub version: i64,
    pub body: actix_web::web::Bytes,
}

/// Responses by request hash, within a byte budget.
pub struct ResponseCache {
    budget: usize,
    state: Mutex<State>,
}

struct State {
    entries: LruCache<[u8; 32], Arc<CachedResponse>>,
    bytes: usize,
}

/// The key of a request: what decides its response.
pub fn key(request: &Request) -> [u8; 32] {
    let mut hasher = Sha256::new();
    for part in [
        request.query.as_bytes(),
        request.operation_name.as_deref().unwrap_or("").as_bytes(),
        serde_json::to_string(&request.variables)
            .unwrap_or_default()
            .as_bytes(),
    ] {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher.finalize().into()
}

/// Whether the operation a request runs is a query (not a mutation or subscription).
pub fn is_query(request: &Request) -> bool {
    let Ok(document) = async_graphql::parser::parse_query(&request.query) else {
        return false;
    };
    let ty = match (&document.operations, request.operation_name.as_deref()) {
        (DocumentOperations::Single(operation), _) => Some(operation.node.ty),
        (DocumentOperations::Multiple(operations), Some(name)) => {
            operations.get(name).map(|operation| operation.node.ty)
        }
        (DocumentOperations::Multiple(operations), None) if operations.len() == 1 => operations
            .values()
            .next()
            .map(|operation| operation.node.ty),
        (DocumentOperations::Multiple(_), None) => None,
    };
    ty == Some(OperationType::Query)
}

impl ResponseCache {
    /// A cache holding up to `budget` bytes of response bodies; 0 turns it off.
    pub fn new(budget: usize) -> Self {
        ResponseCache {
            budget,
            state: Mutex::new(State {
                entries: LruCache::unbounded(),
                bytes: 0,
            }),
        }
    }

    /// Whether the cache keeps anything.
    pub fn enabled(&self) -> bool {
        self.budget > 0
    }

    /// The response stored for `key` at data version `version`, if any.
    pub fn get(&self, key: &[u8; 32], version: i64) -> Option<Arc<CachedResponse>> {
        let mut state = self.state.lock().ok()?;
        let cached = state.entries.get(key)?.clone();
        (cached.version == version).then_some(cached)
    }

    /// Stores a response, evicting the least recently used ones to stay within the budget.
    pub fn put(&self, key: [u8; 32], response: CachedResponse) {
        let size = response.body.len();
        if size > self.budget / 4 {
            return;
        }
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        if let Some(old) = state.entries.put(key, Arc::new(response)) {
            state.bytes -= old.body.len();
        }
        state.bytes += size;
        while state.bytes > self.budget {
            match state.entries.pop_lru() {
                Some((_, evicted)) => state.bytes -= evicted.body.len(),
                None => break,
            }
        }
    }

    /// How many responses are stored.
    pub fn len(&self) -> usize {
        self.state.lock().map_or(0, |state| state.entries.len())
    }

    /// Whether nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(size: usize) -> CachedResponse {
        CachedResponse {
            version: 1,
            body: vec![b'x'; size].into(),
        }
    }

    #[test]
    fn an_entry_is_served_only_at_its_own_data_version() {
        let cache = ResponseCache::new(1000);
        let key = key(&Request::new("{ fiscalYears }"));
        cache.put(key, body(10));
        assert!(cache.get(&key, 1).is_some());
        assert!(cache.get(&key, 2).is_none());
    }

    #[test]
    fn the_least_recently_used_go_first_when_the_budget_is_full() {
        let cache = ResponseCache::new(1000);
        let keys: Vec<_> = (0..5)
            .map(|n| key(&Request::new(format!("{{ a{n} }}"))))
            .collect();
        for k in &keys[..4] {
            cache.put(*k, body(250));
        }
        assert_eq!(cache.len(), 4, "exactly the budget");
        assert!(cache.get(&keys[0], 1).is_some());
        cache.put(keys[4], body(250));
        assert_eq!(cache.len(), 4);
        assert!(cache.get(&keys[1], 1).is_none(), "least recently used");
        assert!(cache.get(&keys[0], 1).is_some());
    }

    #[test]
    fn a_response_larger_than_a_quarter_of_the_budget_is_not_kept() {
        let cache = ResponseCache::new(1000);
        let k = key(&Request::new("{ fiscalYears }"));
        cache.put(k, body(251));
        assert!(cache.is_empty());
    }

    #[test]
    fn variables_and_operation_names_are_part_of_the_key() {
        let query = "query A($y: Int) { fiscalYears } query B { fiscalYears }";
        let a = Request::new(query).operation_name("A");
        let b = Request::new(query).operation_name("B");
        let a2 =
            Request::new(query)
                .operation_name("A")
                .variables(async_graphql::Variables::from_json(
                    serde_json::json!({ "y": 2024 }),
                ));
        assert_ne!(key(&a), key(&b));
        assert_ne!(key(&a), key(&a2));
    }

    #[test]
    fn only_queries_are_cached() {
        assert!(is_query(&Request::new("{ fiscalYears }")));
        assert!(is_query(&Request::new("query Q { fiscalYears }")));
        assert!(!is_query(&Request::new("mutation { x }")));
        let both = "query Q { fiscalYears } mutation M { x }";
        assert!(is_query(&Request::new(both).operation_name("Q")));
        assert!(!is_query(&Request::new(both).operation_name("M")));
        assert!(!is_query(&Request::new(both)));
        assert!(!is_query(&Request::new("{ not closed")));
    }
}
