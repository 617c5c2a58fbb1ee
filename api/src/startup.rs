//! The HTTP application: binds its listener first (so tests can bind port 0), then serves
//! GraphQL, GraphiQL and a health check.

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::http::header;
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use async_graphql::http::GraphiQLSource;
use async_graphql_actix_web::{GraphQLRequest, GraphQLResponse};
use sea_orm::DatabaseConnection;
use sha2::{Digest, Sha256};

use crate::graphql::{AppSchema, BearerToken, build_schema};
use crate::persisted_queries::PersistedQueries;

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot listen on {address}: {source}")]
    Bind {
        address: String,
        source: std::io::Error,
    },
}

/// A bound, ready-to-run server.
pub struct Application {
    port: u16,
    server: Server,
}

impl Application {
    /// Binds `address` (`host:port`; port 0 picks a free one) and prepares the server.
    /// `admin_token` enables mutations for requests that carry it as a bearer token.
    pub fn build(
        address: &str,
        db: DatabaseConnection,
        admin_token: Option<String>,
    ) -> Result<Self, StartupError> {
        let bind_error = |source| StartupError::Bind {
            address: address.to_owned(),
            source,
        };
        let listener = TcpListener::bind(address).map_err(bind_error)?;
        let port = listener.local_addr().map_err(bind_error)?.port();
        let schema = web::Data::new(build_schema(db.clone(), admin_token));
        let db = web::Data::new(db);
        let persisted = web::Data::new(PersistedQueries::default());
        let server = HttpServer::new(move || {
            App::new()
                .app_data(schema.clone())
                .app_data(db.clone())
                .app_data(persisted.clone())
                .route("/graphql", web::post().to(graphql))
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

async fn graphql(
    schema: web::Data<AppSchema>,
    persisted: web::Data<PersistedQueries>,
    http: HttpRequest,
    request: GraphQLRequest,
) -> GraphQLResponse {
    execute(&schema, &persisted, &http, request).await.into()
}

/// Runs a request: its persisted query resolved, the caller's bearer token attached.
async fn execute(
    schema: &AppSchema,
    persisted: &PersistedQueries,
    http: &HttpRequest,
    request: GraphQLRequest,
) -> async_graphql::Response {
    let mut request = request.into_inner();
    if let Err(error) = persisted.resolve(&mut request) {
        return async_graphql::Response::from_errors(vec![error]);
    }
    schema.execute(request.data(bearer_token(http))).await
}

/// GET queries are cacheable: the response carries an ETag (a hash of its body) and a request
/// whose `If-None-Match` names it gets `304 Not Modified` without the body.
async fn graphql_get(
    schema: web::Data<AppSchema>,
    persisted: web::Data<PersistedQueries>,
    http: HttpRequest,
    request: GraphQLRequest,
) -> HttpResponse {
    let response = execute(&schema, &persisted, &http, request).await;
    let cacheable = response.is_ok();
    let body = match serde_json::to_vec(&response) {
        Ok(body) => body,
        Err(error) => {
            tracing::error!(%error, "cannot serialise a GraphQL response");
            return HttpResponse::InternalServerError().finish();
        }
    };
    let digest = Sha256::digest(&body);
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
    if cacheable && matches {
        return HttpResponse::NotModified()
            .insert_header((header::ETAG, etag))
            .finish();
    }
    let mut reply = HttpResponse::Ok();
    reply.content_type("application/json");
    if cacheable {
        reply
            .insert_header((header::ETAG, etag))
            .insert_header((header::CACHE_CONTROL, "no-cache"));
    }
    reply.body(body)
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

async fn health(db: web::Data<DatabaseConnection>) -> HttpResponse {
    match db.ping().await {
        Ok(()) => HttpResponse::Ok().json(serde_json::json!({ "status": "ok" })),
        Err(error) => {
            tracing::error!(%error, "health check: database unreachable");
            HttpResponse::ServiceUnavailable()
                .json(serde_json::json!({ "status": "database unreachable" }))
        }
    }
}
