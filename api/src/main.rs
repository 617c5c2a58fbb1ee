//! The `budgetql` binary: sets up logging, parses the command line and runs the command.

use clap::Parser;

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
