//! The HTTP benchmark: budgetql against its raw-SQL floor, with the server's peak memory.

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};

use crate::load::{Limits, Measured, pgbench, wrk};
use crate::queries;

/// A `budgetql serve` child process, stopped on drop.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(
        database_url: &str,
        response_cache_mib: Option<usize>,
    ) -> Result<Self, Box<dyn std::error::Error>> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let binary = std::env::current_exe()?.with_file_name("budgetql");
        let mut command = Command::new(&binary);
        command.args([
            "serve",
            "--no-sample",
            "--bind",
            &format!("127.0.0.1:{port}"),
            "--database-url",
            database_url,
        ]);
        if let Some(mib) = response_cache_mib {
            command.args(["--response-cache-mib", &mib.to_string()]);
        }
        let child = command
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| {
                format!(
                    "cannot start {}: {e} (build it with `cargo build --release`)",
                    binary.display()
                )
            })?;
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if started.elapsed() > Duration::from_secs(60) {
                return Err("budgetql serve did not start within 60 s".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(Server { child, port })
    }

    /// The peak resident memory so far (VmHWM), in MiB.
    fn peak_memory_mib(&self) -> Option<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kib / 1024.0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The statements budgetql sends for `query`, with their values written in.
async fn statements_of(
    database_url: &str,
    query: &str,
) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let mut db = budgetql::db::connect(database_url).await?;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    db.set_metric_callback(move |info| {
        if let Ok(mut statements) = sink.lock() {
            statements.push(info.statement.to_string());
        }
    });
    let schema = budgetql::graphql::build_schema(db, None);
    let response = schema.execute(query).await;
    if !response.errors.is_empty() {
        return Err(format!("the query failed: {:?}", response.errors).into());
    }
    let statements = seen.lock().map(|s| s.clone()).unwrap_or_default();
    Ok(statements)
}

/// Runs the statements in a loop from `connections` tasks within `limits`: the SQLite floor.
async fn in_process_floor(
    db: &DatabaseConnection,
    statements: &[String],
    connections: usize,
    limits: Limits,
) -> Result<Measured, Box<dyn std::error::Error>> {
    let started = Instant::now();
    let deadline = started + Duration::from_secs(limits.seconds);
    let rounds = Arc::new(AtomicU64::new(0));
    let mut tasks = Vec::new();
    for _ in 0..connections {
        let db = db.clone();
        let rounds = rounds.clone();
        let statements: Vec<Statement> = statements
            .iter()
            .map(|s| Statement::from_string(DbBackend::Sqlite, s.clone()))
            .collect();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            while Instant::now() < deadline
                && rounds.fetch_add(1, Ordering::Relaxed) < limits.max_requests
            {
                let started = Instant::now();
                for statement in &statements {
                    db.query_all_raw(statement.clone()).await?;
                }
                latencies.push(started.elapsed());
            }
            Ok::<_, sea_orm::DbErr>(latencies)
        }));
    }
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await??);
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let pick = |q: f64| {
        latencies
            .get(((latencies.len() as f64 - 1.0) * q) as usize)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    Ok(Measured {
        requests_per_second: latencies.len() as f64 / elapsed,
        p50_ms: pick(0.5),
        p99_ms: pick(0.99),
    })
}

/// What the HTTP benchmark measures.
pub struct Options {
    /// Seconds per measurement.
    pub seconds: u64,
    /// Requests per measurement at most, to budgetql and in the SQLite floor.
    pub max_requests: u64,
    pub concurrency: Vec<usize>,
    /// The fiscal year queried.
    pub year: i32,
    /// Only these queries (empty: all).
    pub only: Vec<String>,
    /// The server's response cache in MiB; `None`: its default.
    pub response_cache_mib: Option<usize>,
}

pub async fn run(database_url: &str, options: &Options) -> Result<(), Box<dyn std::error::Error>> {
    let (seconds, year) = (options.seconds, options.year);
    let limits = Limits {
        seconds,
        max_requests: options.max_requests,
    };
    let db = budgetql::db::connect(database_url).await?;
    let backend = db.get_database_backend();
    let scratch = std::env::temp_dir().join(format!("budgetql-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch)?;
    let server = Server::start(database_url, options.response_cache_mib)?;
    let url = format!("http://127.0.0.1:{}/graphql", server.port);
    let cache = match options.response_cache_mib {
        Some(0) => "off (every request executed)".to_owned(),
        Some(mib) => format!("{mib} MiB"),
        None => "the server's default".to_owned(),
    };
    println!(
        "backend: {backend:?}; {seconds} s or {} requests per measurement; response cache: {cache}; floor = the same SQL statements sent straight to the database",
        options.max_requests
    );
    println!(
        "{:<4} {:>5} {:>12} {:>9} {:>9} {:>12} {:>9} {:>9} {:>7} {:>6}",
        "q",
        "conc",
        "budgetql/s",
        "p50 ms",
        "p99 ms",
        "floor/s",
        "p50 ms",
        "p99 ms",
        "ratio",
        "stmts"
    );
    for query in queries::all(year) {
        let only = &options.only;
        if !only.is_empty() && !only.iter().any(|o| o.eq_ignore_ascii_case(query.name)) {
            continue;
        }
        let statements = statements_of(database_url, &query.graphql).await?;
        if std::env::var_os("BENCH_SHOW_SQL").is_some() {
            for statement in &statements {
                println!("  {}: {statement}", query.name);
            }
        }
        let body = serde_json::json!({ "query": query.graphql }).to_string();
        for &connections in &options.concurrency {
            let served = wrk(&url, &body, connections, limits, &scratch)?;
            let floor = match backend {
                DbBackend::Postgres => pgbench(
                    &postgres_url(database_url),
                    &statements,
                    connections,
                    seconds,
                    &scratch,
                )?,
                _ => in_process_floor(&db, &statements, connections, limits).await?,
            };
            println!(
                "{:<4} {:>5} {:>12.0} {:>9.2} {:>9.2} {:>12.0} {:>9.2} {:>9.2} {:>6.0}% {:>6}",
                query.name,
                connections,
                served.requests_per_second,
                served.p50_ms,
                served.p99_ms,
                floor.requests_per_second,
                floor.p50_ms,
                floor.p99_ms,
                100.0 * served.requests_per_second / floor.requests_per_second.max(1e-9),
                statements.len()
            );
        }
    }
    for query in queries::all(year) {
        println!("{}: {}", query.name, query.what);
    }
    println!(
        "server peak resident memory: {:.1} MiB",
        server.peak_memory_mib().unwrap_or(f64::NAN)
    );
    println!("(pgbench reports an average latency, shown as its p50; its p99 is not measured)");
    let _ = std::fs::remove_dir_all(&scratch);
    Ok(())
}

/// pgbench takes libpq URLs; sea-orm's are the same but for the scheme spelling.
fn postgres_url(url: &str) -> String {
    url.replacen("postgres://", "postgresql://", 1)
}
