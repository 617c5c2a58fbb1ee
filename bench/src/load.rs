//! Driving a running `budgetql serve` with wrk, and the same statements straight to the
//! database (pgbench on PostgreSQL), at the same concurrency.

use std::process::Command;

/// Throughput and latency of one run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Measured {
    pub requests_per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
}

fn run(command: &mut Command) -> Result<String, String> {
    let output = command
        .output()
        .map_err(|e| format!("cannot run {:?}: {e}", command.get_program()))?;
    if !output.status.success() {
        return Err(format!(
            "{:?} failed: {}",
            command.get_program(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// A latency like "1.23ms", "850.00us" or "1.02s", in milliseconds.
fn milliseconds(text: &str) -> Option<f64> {
    let text = text.trim();
    let (number, factor) = if let Some(n) = text.strip_suffix("us") {
        (n, 0.001)
    } else if let Some(n) = text.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = text.strip_suffix('s') {
        (n, 1000.0)
    } else {
        (text, 1.0)
    };
    number.parse::<f64>().ok().map(|n| n * factor)
}

/// POSTs `body` to `url` for `seconds` with `connections` connections, through wrk.
pub fn wrk(
    url: &str,
    body: &str,
    connections: usize,
    seconds: u64,
    scratch: &std::path::Path,
) -> Result<Measured, String> {
    let script = scratch.join("post.lua");
    let escaped = body
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', " ");
    std::fs::write(&script, format!("wrk.method = \"POST\"\nwrk.body = \"{escaped}\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"))
        .map_err(|e| e.to_string())?;
    let threads = connections.clamp(1, 2);
    let out = run(Command::new("wrk")
        .args([
            "--latency",
            "-t",
            &threads.to_string(),
            "-c",
            &connections.to_string(),
            "-d",
            &format!("{seconds}s"),
            "-s",
        ])
        .arg(&script)
        .arg(url))?;
    let mut measured = Measured::default();
    for line in out.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["Requests/sec:", value] => measured.requests_per_second = value.parse().unwrap_or(0.0),
            ["50%", value] => measured.p50_ms = milliseconds(value).unwrap_or(0.0),
            ["99%", value] => measured.p99_ms = milliseconds(value).unwrap_or(0.0),
            _ => {}
        }
    }
    Ok(measured)
}

/// Runs `statements` (one transaction-free round of the statements one GraphQL request sends)
/// through pgbench against `database` at `connections` clients for `seconds`.
pub fn pgbench(
    database_url: &str,
    statements: &[String],
    connections: usize,
    seconds: u64,
    scratch: &std::path::Path,
) -> Result<Measured, String> {
    let script = scratch.join("floor.sql");
    let body: String = statements
        .iter()
        .map(|s| format!("{};\n", s.replace('\n', " ")))
        .collect();
    std::fs::write(&script, body).map_err(|e| e.to_string())?;
    let out = run(Command::new("pgbench")
        .args([
            "-n",
            "-r",
            "-M",
            "prepared",
            "-c",
            &connections.to_string(),
            "-j",
            &connections.clamp(1, 2).to_string(),
            "-T",
            &seconds.to_string(),
            "-f",
        ])
        .arg(&script)
        .arg(database_url))?;
    let mut measured = Measured::default();
    for line in out.lines() {
        if let Some(rest) = line.strip_prefix("tps = ") {
            measured.requests_per_second = rest
                .split_whitespace()
                .next()
                .and_then(|v| v.parse().ok())
                .unwrap_or(0.0);
        }
        if let Some(rest) = line.strip_prefix("latency average = ") {
            measured.p50_ms = rest
                .split_whitespace()
                .next()
                .and_then(|v| v.parse().ok())
                .unwrap_or(0.0);
        }
    }
    Ok(measured)
}
