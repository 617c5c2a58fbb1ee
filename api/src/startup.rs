//! The HTTP application: binds its listener first (so tests can bind port 0), then serves
//! GraphQL (with a response cache for repeated queries), GraphiQL and a health check.

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use async_graphql::http::GraphiQLSource;
use async_graphql_actix_web::GraphQLRequest;
use sea_orm::DatabaseConnection;
use sha2::{Digest, Sha256};

use crate::graphql::{AppSchema, BearerToken, build_schema};
use crate::persisted_queries::PersistedQueries;
use crate::queries::data_version;
use crate::response_cache::{self, CachedResponse, ResponseCache};

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot listen on {address}: {source}")]
    Bind {
        address: String,
        source: std::io::Error,
    },
}

/// How the server behaves, beyond where it listens and which database it reads.
#[derive(Debug, Clone)]
pub struct ServerOptions {
    /// The token that enables mutations for requests that carry it as a bearer token.
    pub admin_token: Option<String>,
    /// Bytes of whole responses kept for identical queries (see [`ResponseCache`]); 0: none.
    pub response_cache_bytes: usize,
}

/// The default response cache: 16 MiB.
pub const DEFAULT_RESPONSE_CACHE_BYTES: usize = 16 << 20;

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions {
            admin_token: None,
            response_cache_bytes: DEFAULT_RESPONSE_CACHE_BYTES,
        }
    }
}

/// A bound, ready-to-run server.
pub struct Application {
    port: u16,
    server: Server,
}

/// What every request handler shares.
struct Shared {
    schema: AppSchema,
    db: DatabaseConnection,
    persisted: PersistedQueries,
    responses: ResponseCache,
}

impl Application {
    /// Binds `address` (`host:port`; port 0 picks a free one) and prepares the server.
    pub fn build(
        address: &str,
        db: DatabaseConnection,
        options: ServerOptions,
    ) -> Result<Self, StartupError> {
        let bind_error = |source| StartupError::Bind {
            address: address.to_owned(),
            source,
        };
        let listener = TcpListener::bind(address).map_err(bind_error)?;
        let port = listener.local_addr().map_err(bind_error)?.port();
        let shared = web::Data::new(Shared {
            schema: build_schema(db.clone(), options.admin_token),
            db,
            persisted: PersistedQueries::default(),
            responses: ResponseCache::new(options.response_cache_bytes),
        });
        let server = HttpServer::new(move || {
            App::new()
                .app_data(shared.clone())
                .route("/graphql", web::post().to(graphql_post))
                .route("/graphql", web::get().to(graphql_get))
                .route("/graphiql", web::get().to(graphiql))
                .route("/health", web::get().to(health))
        })
        .listen(listener)
        .map_err(bind_error)?
        .run();
        Ok(Self { port, server })
    }

    /// The port the server listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until the process is stopped.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

async fn graphql_post(
    shared: web::Data<Shared>,
    http: HttpRequest,
    request: GraphQLRequest,
) -> HttpResponse {
    match execute(&shared, &http, request).await {
        Some(answer) => json(answer.body),
        None => HttpResponse::InternalServerError().finish(),
    }
}

/// A response body, and whether it may be cached by the client (a successful query).
struct Answer {
    body: Bytes,
    cacheable: bool,
}

/// Runs a request: its persisted query resolved, the caller's bearer token attached, answered
/// from the response cache when the same query was answered at the current data version.
/// `None` when the response cannot be serialised.
async fn execute(shared: &Shared, http: &HttpRequest, request: GraphQLRequest) -> Option<Answer> {
    let mut request = request.into_inner();
    if let Err(error) = shared.persisted.resolve(&mut request) {
        return serialise(&async_graphql::Response::from_errors(vec![error]));
    }
    let cache = if shared.responses.enabled() {
        match data_version::current(&shared.db).await {
            Ok(version) => Some((response_cache::key(&request), version)),
            Err(error) => {
                tracing::warn!(%error, "cannot read the data version: response not cached");
                None
            }
        }
    } else {
        None
    };
    if let Some((key, version)) = &cache
        && let Some(hit) = shared.responses.get(key, *version)
    {
        return Some(Answer {
            body: hit.body.clone(),
            cacheable: true,
        });
    }
    let is_query = cache.is_some() && response_cache::is_query(&request);
    let response = shared
        .schema
        .execute(request.data(bearer_token(http)))
        .await;
    let answer = serialise(&response)?;
    if let Some((key, version)) = cache
        && is_query
        && answer.cacheable
    {
        shared.responses.put(
            key,
            CachedResponse {
                version,
                body: answer.body.clone(),
            },
        );
    }
    Some(answer)
}

fn serialise(response: &async_graphql::Response) -> Option<Answer> {
    match serde_json::to_vec(response) {
        Ok(body) => Some(Answer {
            body: body.into(),
            cacheable: response.is_ok(),
        }),
        Err(error) => {
            tracing::error!(%error, "cannot serialise a GraphQL response");
            None
        }
    }
}

fn json(body: Bytes) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(body)
}

/// GET queries are cacheable: the response carries an ETag (a hash of its body) and a request
/// whose `If-None-Match` names it gets `304 Not Modified` without the body.
async fn graphql_get(
    shared: web::Data<Shared>,
    http: HttpRequest,
    request: GraphQLRequest,
) -> HttpResponse {
    let Some(answer) = execute(&shared, &http, request).await else {
        return HttpResponse::InternalServerError().finish();
    };
    if !answer.cacheable {
        return json(answer.body);
    }
    let digest = Sha256::digest(&answer.body);
    let etag = format!(
        "\"{}\"",
        digest[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    let matches = http
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            value
                .split(',')
                .any(|tag| tag.trim() == etag || tag.trim() == "*")
        });
    if matches {
        return HttpResponse::NotModified()
            .insert_header((header::ETAG, etag))
            .finish();
    }
    HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .body(answer.body)
}

fn bearer_token(http: &HttpRequest) -> BearerToken {
    BearerToken(
        http.headers()
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .map(|token| token.trim().to_owned()),
    )
}

async fn graphiql() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(
            GraphiQLSource::build()
                .endpoint("/graphql")
                .title("budgetql")
                .finish(),
        )
}

async fn health(shared: web::Data<Shared>) -> HttpResponse {
    match shared.db.ping().await {
        Ok(()) => HttpResponse::Ok().json(serde_json::json!({ "status": "ok" })),
        Err(error) => {
            tracing::error!(%error, "health check: database unreachable");
            HttpResponse::ServiceUnavailable()
                .json(serde_json::json!({ "status": "database unreachable" }))
        }
    }
}
