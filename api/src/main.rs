//! The `budgetql` binary: sets up logging, parses the command line and runs the command.

use clap::Parser;

/// mimalloc instead of the system allocator: serving a page of a hundred departments allocates
/// and frees thousands of small values, and glibc's malloc spent about a third of the server's
/// CPU time on them (figures in docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    budgetql::telemetry::init_subscriber("info,sqlx=warn");
    let cli = budgetql::cli::Cli::parse();
    match cli.run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
