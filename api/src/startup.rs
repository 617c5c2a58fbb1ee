//! The HTTP application: binds its listener first (so tests can bind port 0), then serves
//! GraphQL, GraphiQL and a health check.

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use async_graphql::http::GraphiQLSource;
use async_graphql_actix_web::{GraphQLRequest, GraphQLResponse};
use sea_orm::DatabaseConnection;

use crate::graphql::{AppSchema, BearerToken, build_schema};

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot listen on {address}: {source}")]
    Bind { address: String, source: std::io::Error },
}

/// A bound, ready-to-run server.
pub struct Application {
    port: u16,
    server: Server,
}

impl Application {
    /// Binds `address` (`host:port`; port 0 picks a free one) and prepares the server.
    /// `admin_token` enables mutations for requests that carry it as a bearer token.
    pub fn build(address: &str, db: DatabaseConnection, admin_token: Option<String>) -> Result<Self, StartupError> {
        let bind_error = |source| StartupError::Bind { address: address.to_owned(), source };
        let listener = TcpListener::bind(address).map_err(bind_error)?;
        let port = listener.local_addr().map_err(bind_error)?.port();
        let schema = web::Data::new(build_schema(db.clone(), admin_token));
        let db = web::Data::new(db);
        let server = HttpServer::new(move || {
            App::new()
                .app_data(schema.clone())
                .app_data(db.clone())
                .route("/graphql", web::post().to(graphql))
                .route("/graphql", web::get().to(graphql))
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

async fn graphql(schema: web::Data<AppSchema>, http: HttpRequest, request: GraphQLRequest) -> GraphQLResponse {
    let token = http
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(|token| token.trim().to_owned());
    schema.execute(request.into_inner().data(BearerToken(token))).await.into()
}

async fn graphiql() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(GraphiQLSource::build().endpoint("/graphql").title("budgetql").finish())
}

async fn health(db: web::Data<DatabaseConnection>) -> HttpResponse {
    match db.ping().await {
        Ok(()) => HttpResponse::Ok().json(serde_json::json!({ "status": "ok" })),
        Err(error) => {
            tracing::error!(%error, "health check: database unreachable");
            HttpResponse::ServiceUnavailable().json(serde_json::json!({ "status": "database unreachable" }))
        }
    }
}
