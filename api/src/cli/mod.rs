//! The `budgetql` command line: serve, migrate, import, schema.

mod import;

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

use crate::db::{self, DEFAULT_DATABASE_URL, DatabaseError};
use crate::document::Stage;
use crate::graphql::schema_sdl;
use crate::import::ImportError;
use crate::parse::Overrides;
use crate::sample::import_sample;
use crate::startup::{Application, ServerOptions, StartupError};
use crate::synth::{SynthError, SynthOptions, synthesize};

/// budgetql: Chinese department budget disclosures (部门预算 / 部门决算) over GraphQL.
#[derive(Debug, Parser)]
#[command(name = "budgetql", version)]
pub struct Cli {
    /// Database URL: sqlite://FILE, postgres://USER@HOST/DB or mysql://USER@HOST/DB.
    #[arg(long, global = true, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL, hide_env_values = true)]
    pub database_url: String,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve GraphQL at /graphql and GraphiQL at /graphiql. Migrates the database first, and
    /// loads the bundled sample into an empty one.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "BUDGETQL_BIND", default_value = "127.0.0.1:8000")]
        bind: String,
        /// Do not load the sample into an empty database.
        #[arg(long)]
        no_sample: bool,
        /// The token that mutations (importDisclosure) need as `Authorization: Bearer …`;
        /// without it mutations are refused.
        #[arg(long, env = "BUDGETQL_ADMIN_TOKEN", hide_env_values = true)]
        admin_token: Option<String>,
        /// MiB of whole responses kept for repeated identical queries, served while the data
        /// version is unchanged; 0 turns the cache off.
        #[arg(long, env = "BUDGETQL_RESPONSE_CACHE_MIB", default_value_t = 16)]
        response_cache_mib: usize,
    },
    /// Apply pending schema migrations.
    Migrate,
    /// Import disclosures, each in its own transaction: published texts (*.txt) or JSON import
    /// documents (*.json).
    Import {
        /// Files, or directories searched recursively for *.txt and *.json.
        #[arg(required_unless_present = "sample")]
        paths: Vec<PathBuf>,
        /// Import the bundled sample disclosure.
        #[arg(long)]
        sample: bool,
        /// The department, where a text names none (overrides the text).
        #[arg(long)]
        department: Option<String>,
        /// The fiscal year (overrides the text).
        #[arg(long)]
        year: Option<i32>,
        /// The stage (overrides the text).
        #[arg(long, value_enum)]
        stage: Option<StageArg>,
        /// Documents written at once, each in its own transaction [default: 4 on PostgreSQL and
        /// MySQL, 1 on SQLite].
        #[arg(long)]
        jobs: Option<NonZeroUsize>,
    },
    /// Print the GraphQL schema (SDL), as checked in at schema.graphql.
    Schema,
    /// Fill the database with realistic synthetic disclosures (reproducible for a seed), for
    /// trying dashboards and for benchmarks. Migrates first.
    Synth {
        /// Counties (each in a synthetic city and province).
        #[arg(long, default_value_t = 1)]
        regions: usize,
        /// Departments per county.
        #[arg(long, default_value_t = 100)]
        departments: usize,
        /// Fiscal years, ending with --last-year: a budget each year, final accounts for past years.
        #[arg(long, default_value_t = 5)]
        years: usize,
        /// The newest fiscal year.
        #[arg(long, default_value_t = 2024)]
        last_year: i32,
        /// Seed: the same seed and options give the same data.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Fewest and most projects per disclosure.
        #[arg(long, num_args = 2, value_names = ["MIN", "MAX"], default_values_t = [10, 40])]
        projects: Vec<usize>,
    },
}

/// A stage as the command line spells it.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
#[value(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum StageArg {
    /// 预算.
    Budget,
    /// 调整预算.
    AdjustedBudget,
    /// 决算.
    FinalAccounts,
}

impl From<StageArg> for Stage {
    fn from(stage: StageArg) -> Self {
        match stage {
            StageArg::Budget => Stage::Budget,
            StageArg::AdjustedBudget => Stage::AdjustedBudget,
            StageArg::FinalAccounts => Stage::FinalAccounts,
        }
    }
}

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Database(#[from] DatabaseError),
    #[error(transparent)]
    Startup(#[from] StartupError),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error("the server stopped: {0}")]
    Serve(std::io::Error),
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{failed} of {total} documents were not imported")]
    SomeImportsFailed { failed: usize, total: usize },
    #[error(transparent)]
    Synth(#[from] SynthError),
    #[error("cannot count departments: {0}")]
    Count(sea_orm::DbErr),
}

impl Cli {
    /// Runs the command.
    pub async fn run(self) -> Result<(), CliError> {
        match self.command {
            Command::Schema => {
                print!("{}", schema_sdl());
                Ok(())
            }
            Command::Migrate => {
                let db = db::connect(&self.database_url).await?;
                db::migrate(&db).await?;
                tracing::info!(database = %db::redact(&self.database_url), "migrations applied");
                Ok(())
            }
            Command::Import {
                paths,
                sample,
                department,
                year,
                stage,
                jobs,
            } => {
                let db = db::connect(&self.database_url).await?;
                let overrides = Overrides {
                    department,
                    fiscal_year: year,
                    stage: stage.map(Stage::from),
                };
                let jobs = crate::import::jobs(jobs, db.get_database_backend());
                import::run(&db, &paths, sample, &overrides, jobs).await
            }
            Command::Synth {
                regions,
                departments,
                years,
                last_year,
                seed,
                projects,
            } => {
                let db = db::connect(&self.database_url).await?;
                db::migrate(&db).await?;
                let (fewest, most) = (
                    projects.first().copied().unwrap_or(10),
                    projects.get(1).copied().unwrap_or(40),
                );
                let options = SynthOptions {
                    counties: regions,
                    departments,
                    years,
                    last_year,
                    seed,
                    projects: (fewest.min(most), most.max(fewest)),
                    ..SynthOptions::default()
                };
                let report = synthesize(&db, &options).await?;
                let w = report.written;
                println!(
                    "synthesised {} counties, {} departments, {} disclosures, {} projects, {} indicators, {} findings in {:.1} s ({:.0} disclosures/s)",
                    report.regions,
                    report.departments,
                    w.disclosures,
                    w.projects,
                    w.indicators,
                    w.findings,
                    report.elapsed.as_secs_f64(),
                    w.disclosures as f64 / report.elapsed.as_secs_f64().max(1e-9)
                );
                Ok(())
            }
            Command::Serve {
                bind,
                no_sample,
                admin_token,
                response_cache_mib,
            } => {
                let db = db::connect(&self.database_url).await?;
                db::migrate(&db).await?;
                if !no_sample && is_empty(&db).await? {
                    let report = import_sample(&db).await?;
                    tracing::info!(
                        disclosure = report.disclosure_id,
                        "empty database: loaded the bundled sample"
                    );
                }
                let options = ServerOptions {
                    admin_token: admin_token.filter(|t| !t.is_empty()),
                    response_cache_bytes: response_cache_mib.saturating_mul(1 << 20),
                };
                let app = Application::build(&bind, db, options)?;
                tracing::info!(
                    "budgetql listening: GraphQL at http://{bind}/graphql, GraphiQL at http://{bind}/graphiql"
                );
                app.run_until_stopped().await.map_err(CliError::Serve)
            }
        }
    }
}

async fn is_empty(db: &DatabaseConnection) -> Result<bool, CliError> {
    let departments = entity::department::Entity::find()
        .count(db)
        .await
        .map_err(CliError::Count)?;
    Ok(departments == 0)
}
