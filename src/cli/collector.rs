//! `--otlp-endpoint URL`: the spans `--otlp` writes, sent to an
//! OpenTelemetry collector's OTLP/HTTP receiver (`POST /v1/traces`,
//! `application/json`, one request per batch), after the run, so a
//! collector that is slow or gone never changes the run's pace or its
//! numbers. The HTTP is hyper's client (1.x) on a small tokio runtime.
//!
//! The official `opentelemetry-otlp` exporter is not used: it exports
//! spans the SDK makes, with wall-clock times and its own ids, while these
//! spans are already made, in virtual time, with ids from the seed; the
//! protocol's own JSON is sent as it is written to the file.

use breakwater::base::escape::escape;
use breakwater::t;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use std::time::Duration;

/// How long a collector has to accept the connection, and to answer each
/// request.
const CONNECT: Duration = Duration::from_secs(5);
const ANSWER: Duration = Duration::from_secs(10);

/// Where spans go: `http://HOST:PORT[/PATH]` (`/v1/traces` when no path).
#[derive(Clone, Debug)]
pub struct Endpoint {
    host: String,
    port: u16,
    path: String,
    /// As given, for messages.
    pub text: String,
}

/// `--otlp-endpoint URL`: plain HTTP to a host and port (4318, OTLP/HTTP's,
/// when none is given).
pub fn parse_endpoint(s: &str) -> Result<Endpoint, String> {
    let bad = || t!("otlp-endpoint-invalid", value = escape(s));
    let rest = s.strip_prefix("http://").ok_or_else(bad)?;
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, p.parse::<u16>().map_err(|_| bad())?),
        None => (authority, 4318),
    };
    if host.is_empty() || host.contains(['@', ' ']) {
        return Err(bad());
    }
    let path = if path.is_empty() || path == "/" {
        "/v1/traces".to_string()
    } else {
        path.to_string()
    };
    Ok(Endpoint {
        host: host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string(),
        port,
        path,
        text: s.to_string(),
    })
}

/// Why sending stopped.
fn failed(e: &Endpoint, sent: usize, reason: String) -> String {
    t!(
        "otlp-endpoint-failed",
        url = escape(&e.text),
        sent = sent,
        reason = reason
    )
}

/// Sends every batch (one OTLP/JSON request each) in order on one
/// connection: the number sent, or what went wrong and after how many.
pub fn send(e: &Endpoint, batches: Vec<Vec<u8>>) -> Result<usize, String> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|x| failed(e, 0, x.to_string()))?;
    rt.block_on(async {
        let io_reason = |x: &std::io::Error| breakwater::base::io_reason::io_reason(x).said();
        let connect = tokio::net::TcpStream::connect((e.host.as_str(), e.port));
        let stream = match tokio::time::timeout(CONNECT, connect).await {
            Ok(Ok(s)) => s,
            Ok(Err(x)) => return Err(failed(e, 0, io_reason(&x))),
            Err(_) => return Err(failed(e, 0, t!("otlp-endpoint-silent", seconds = 5))),
        };
        let io = hyper_util::rt::TokioIo::new(stream);
        let (mut sender, conn) = hyper::client::conn::http1::handshake(io)
            .await
            .map_err(|x| failed(e, 0, x.to_string()))?;
        let conn = tokio::spawn(conn);
        let authority = format!("{}:{}", e.host, e.port);
        let mut sent = 0;
        for body in batches {
            let req = hyper::Request::post(e.path.as_str())
                .header(hyper::header::HOST, authority.as_str())
                .header(hyper::header::CONTENT_TYPE, "application/json")
                .body(Full::new(Bytes::from(body)))
                .map_err(|x| failed(e, sent, x.to_string()))?;
            let answer = match tokio::time::timeout(ANSWER, sender.send_request(req)).await {
                Ok(Ok(r)) => r,
                Ok(Err(x)) => return Err(failed(e, sent, x.to_string())),
                Err(_) => return Err(failed(e, sent, t!("otlp-endpoint-silent", seconds = 10))),
            };
            let status = answer.status();
            let _ = answer.into_body().collect().await;
            if !status.is_success() {
                let reason = t!("otlp-endpoint-status", status = status.to_string());
                return Err(failed(e, sent, reason));
            }
            sent += 1;
        }
        drop(sender);
        let _ = conn.await;
        Ok(sent)
    })
}
