//! Logging: one subscriber for the binary and the tests. `RUST_LOG` overrides the default level.

use tracing_subscriber::EnvFilter;

/// Installs the global subscriber, writing to standard error. Safe to call more than once.
pub fn init_subscriber(default_filter: &str) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
