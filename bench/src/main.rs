//! `budgetql-bench`: measures budgetql and prints figures. See the README's "Benchmarks".
//!
//! `import` imports copies of the bundled sample (each as a different department) into a
//! database and prints documents per second, then re-imports them unchanged.
//!
//! `http` starts `budgetql serve` on a database filled by `budgetql synth`, drives Q1–Q4 with
//! wrk at each concurrency, runs the same SQL statements straight against the database (the
//! raw-SQL floor: pgbench on PostgreSQL, a tight in-process loop on SQLite) and prints both,
//! their ratio and the server's peak memory.

mod http;
mod load;
mod queries;

use std::time::Instant;

use clap::{Parser, Subcommand};

/// The allocator `budgetql` itself runs with, so `import` measures what the command does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "budgetql-bench")]
struct Bench {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import throughput: sample-sized documents per second, each in its own transaction.
    Import {
        /// Databases to measure (empty or fresh ones; the tables are created). Repeat the flag.
        #[arg(long = "database-url", required = true)]
        database_urls: Vec<String>,
        /// How many documents.
        #[arg(long, default_value_t = 400)]
        documents: usize,
        /// Documents written at once [default: as `budgetql import`: 4 on PostgreSQL and
        /// MySQL, 1 on SQLite].
        #[arg(long)]
        jobs: Option<std::num::NonZeroUsize>,
    },
    /// Q1–Q4 over HTTP against the raw-SQL floor. Needs wrk (and pgbench for PostgreSQL).
    Http {
        /// A database filled by `budgetql synth` (seed 1).
        #[arg(long = "database-url")]
        database_url: String,
        /// Seconds per measurement at most.
        #[arg(long, default_value_t = 5)]
        seconds: u64,
        /// Requests per measurement at most (to budgetql, and rounds of the SQLite floor;
        /// pgbench runs for the seconds).
        #[arg(long, default_value_t = 100_000, value_parser = clap::value_parser!(u64).range(1..))]
        max_requests: u64,
        /// Concurrencies to measure.
        #[arg(long, value_delimiter = ',', default_value = "1,16,64")]
        concurrency: Vec<usize>,
        /// The fiscal year queried.
        #[arg(long, default_value_t = 2024)]
        year: i32,
        /// Only these queries (Q1,Q2…).
        #[arg(long, value_delimiter = ',')]
        only: Vec<String>,
        /// The server's response cache in MiB (its `--response-cache-mib`); 0 measures every
        /// request executed in full. Default: the server's default.
        #[arg(long)]
        response_cache_mib: Option<usize>,
    },
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    match Bench::parse().command {
        Command::Http {
            database_url,
            seconds,
            max_requests,
            concurrency,
            year,
            only,
            response_cache_mib,
        } => {
            let options = http::Options {
                seconds,
                max_requests,
                concurrency,
                year,
                only,
                response_cache_mib,
            };
            http::run(&database_url, &options).await
        }
        Command::Import {
            database_urls,
            documents,
            jobs,
        } => {
            println!(
                "{:<10} {:>4} {:>9} {:>10} {:>10} {:>16}",
                "backend", "jobs", "documents", "seconds", "docs/s", "unchanged docs/s"
            );
            for url in database_urls {
                let db = budgetql::db::connect(&url).await?;
                budgetql::db::migrate(&db).await?;
                let run = std::process::id();
                let docs: Vec<_> = (0..documents)
                    .map(|n| {
                        let mut doc = budgetql::document::parse_document(
                            "sample",
                            budgetql::sample::SAMPLE_JSON,
                        )
                        .expect("the sample parses");
                        doc.department.name = format!("基准测试部门{run}-{n}");
                        doc.units.clear();
                        doc
                    })
                    .collect();
                let jobs = budgetql::import::jobs(jobs, db.get_database_backend());
                let inserted = import_all(&db, &docs, jobs).await?;
                let unchanged = import_all(&db, &docs, jobs).await?;
                let backend = format!("{:?}", db.get_database_backend()).to_lowercase();
                println!(
                    "{backend:<10} {jobs:>4} {documents:>9} {inserted:>10.2} {:>10.0} {:>16.0}",
                    documents as f64 / inserted,
                    documents as f64 / unchanged
                );
            }
            Ok(())
        }
    }
}

/// Imports `docs`, `jobs` at a time, as `budgetql import` does; returns the seconds taken.
async fn import_all(
    db: &sea_orm::DatabaseConnection,
    docs: &[budgetql::document::DisclosureDocument],
    jobs: usize,
) -> Result<f64, budgetql::import::ImportError> {
    use futures_util::{StreamExt, TryStreamExt, stream};
    let started = Instant::now();
    stream::iter(docs)
        .map(|doc| budgetql::import::import_document(db, "bench", doc))
        .buffer_unordered(jobs)
        .try_collect::<Vec<_>>()
        .await?;
    Ok(started.elapsed().as_secs_f64())
}
