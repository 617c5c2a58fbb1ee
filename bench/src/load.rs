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

/// POSTs `body` to `url` with `connections` connections through wrk, for `seconds` or until
/// about `max_requests` requests were sent, whichever comes first.
pub fn wrk(
    url: &str,
    body: &str,
    connections: usize,
    limits: Limits,
    scratch: &std::path::Path,
) -> Result<Measured, String> {
    let threads = connections.clamp(1, 2);
    let script = scratch.join("post.lua");
    std::fs::write(
        &script,
        wrk_script(body, limits.max_requests.div_ceil(threads as u64))?,
    )
    .map_err(|e| e.to_string())?;
    let out = run(Command::new("wrk")
        .args([
            "--latency",
            "-t",
            &threads.to_string(),
            "-c",
            &connections.to_string(),
            "-d",
            &format!("{}s", limits.seconds),
            "-s",
        ])
        .arg(&script)
        .arg(url))?;
    let mut measured = Measured::default();
    for line in out.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["bounded:", requests, "requests", "in", seconds, "s"] => {
                if let (Ok(requests), Ok(seconds)) =
                    (requests.parse::<f64>(), seconds.parse::<f64>())
                    && seconds > 0.0
                {
                    measured.requests_per_second = requests / seconds;
                }
            }
            ["50%", value] => measured.p50_ms = milliseconds(value).unwrap_or(0.0),
            ["99%", value] => measured.p99_ms = milliseconds(value).unwrap_or(0.0),
            _ => {}
        }
    }
    Ok(measured)
}

/// A wrk script that POSTs `body` and stops each thread after `per_thread` requests. The
/// request is built once (`init`); `request` only counts. wrk's own requests per second divide
/// by the whole `--duration` even when the threads stopped earlier, so `done` prints the
/// completed requests and the seconds until the last thread stopped (monotonic clock, through
/// LuaJIT's FFI), which [`wrk`] reads instead.
fn wrk_script(body: &str, per_thread: u64) -> Result<String, String> {
    if body.contains("]==]") {
        return Err("the request body cannot be quoted for wrk".to_owned());
    }
    Ok(format!(
        r#"wrk.method = "POST"
wrk.body = [==[{body}]==]
wrk.headers["Content-Type"] = "application/json"

local ffi = require("ffi")
ffi.cdef[[
typedef struct {{ long tv_sec; long tv_nsec; }} bench_timespec;
int clock_gettime(int clock, bench_timespec *time);
]]
local clock = ffi.new("bench_timespec")
local function now()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) + tonumber(clock.tv_nsec) * 1e-9
end

local threads, started = {{}}, nil
function setup(thread)
  started = started or now()
  table.insert(threads, thread)
end

local limit, sent, prepared = {per_thread}, 0, nil
function init(args) prepared = wrk.format() end
function request()
  sent = sent + 1
  if sent == limit then
    stopped = now()
    wrk.thread:stop()
  end
  return prepared
end

function done(summary, latency, requests)
  local ended = started + summary.duration / 1e6
  local last = 0
  for _, thread in ipairs(threads) do
    last = math.max(last, thread:get("stopped") or ended)
  end
  io.write(string.format("bounded: %d requests in %.6f s\n", summary.requests, last - started))
end
"#
    ))
}

/// How long one measurement may run: whichever bound comes first.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub seconds: u64,
    pub max_requests: u64,
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

#[cfg(test)]
mod tests {
    use super::{milliseconds, wrk_script};

    #[test]
    fn the_wrk_script_sends_the_body_as_is_and_stops_at_the_limit() {
        let body = r#"{"query":"{ a(b: \"c\") }"}"#;
        let script = wrk_script(body, 250).expect("quotable");
        assert!(script.contains(&format!("wrk.body = [==[{body}]==]")));
        assert!(script.contains("local limit, sent, prepared = 250, 0, nil"));
        assert!(script.contains("local threads, started = {}, nil"));
        assert!(wrk_script("x]==]y", 1).is_err());
    }

    #[test]
    fn wrk_latencies_read_in_milliseconds() {
        assert_eq!(milliseconds("850.00us"), Some(0.85));
        assert_eq!(milliseconds("1.25ms"), Some(1.25));
        assert_eq!(milliseconds("1.02s"), Some(1020.0));
        assert_eq!(milliseconds("n/a"), None);
    }
}
