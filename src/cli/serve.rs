//! Live metrics: `GET /metrics` on `--metrics-addr` (loopback by default;
//! another address only when given), answered with the world's current
//! values in the classic Prometheus text format 0.0.4, or in OpenMetrics
//! when the scraper's `Accept` asks for `application/openmetrics-text`.
//! The HTTP is hyper's (1.x, on the tokio runtime the program already
//! has); the text is `report::openmetrics::exposition`, made only when a
//! scrape comes (nothing runs while nobody scrapes).
//!
//! `run --serve` paces a headless run in real time (×1, or `--speed`) so
//! Prometheus can scrape it while it runs; the dashboard answers scrapes
//! from its own loop (`tui::Scrape`), so paused values stay still and a
//! restart resets the counters as Prometheus expects.

use super::failure::Failure;
use breakwater::base::escape::escape;
use breakwater::base::time::SimTime;
use breakwater::report::openmetrics::{exposition, Stepper};
use breakwater::sim::metrics::Tick;
use breakwater::sim::Simulation;
use breakwater::t;
use breakwater::tui::Scrape;
use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::{Method, Request, Response, StatusCode};
use std::convert::Infallible;
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, oneshot};

/// The address `--metrics-addr` listens on unless told (the port of
/// OpenTelemetry's Prometheus exporter).
pub const DEFAULT_ADDR: &str = "127.0.0.1:9464";

/// Binds `addr` now, so that an address that cannot be had is said before
/// anything waits on it: the listener, or the message.
pub fn bind(addr: &str) -> Result<std::net::TcpListener, Failure> {
    std::net::TcpListener::bind(addr)
        .and_then(|l| l.set_nonblocking(true).map(|()| l))
        .map_err(|e| {
            Failure::io(t!(
                "serve-cannot-listen",
                addr = escape(addr),
                reason = breakwater::base::io_reason::io_reason(&e).said()
            ))
        })
}

/// Says where the metrics are (stderr: stdout stays the report's).
pub fn announce(l: &std::net::TcpListener) {
    if let Ok(a) = l.local_addr() {
        breakwater::output::errln(&format!(
            "breakwater: {}",
            t!("serve-listening", url = format!("http://{a}/metrics"))
        ));
    }
}

const PROMETHEUS_TEXT: &str = "text/plain; version=0.0.4; charset=utf-8";
const OPENMETRICS_TEXT: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// One HTTP request: `GET /metrics` is passed on as a scrape and answered
/// with what comes back; anything else is 404 or 405.
async fn answer(req: Request<Incoming>, tx: mpsc::Sender<Scrape>) -> Response<Full<Bytes>> {
    let reply = |status: StatusCode, kind: &str, body: String| {
        let mut r = Response::new(Full::new(Bytes::from(body)));
        *r.status_mut() = status;
        if let Ok(v) = kind.parse() {
            r.headers_mut().insert(hyper::header::CONTENT_TYPE, v);
        }
        r
    };
    if req.uri().path() != "/metrics" {
        return reply(
            StatusCode::NOT_FOUND,
            "text/plain",
            "not found: try /metrics\n".into(),
        );
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return reply(
            StatusCode::METHOD_NOT_ALLOWED,
            "text/plain",
            "GET only\n".into(),
        );
    }
    let openmetrics = req
        .headers()
        .get_all(hyper::header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains("application/openmetrics-text"));
    let (back, answer) = oneshot::channel();
    let scrape = Scrape {
        openmetrics,
        reply: back,
    };
    let text = match tx.send(scrape).await {
        Ok(()) => answer.await.ok(),
        Err(_) => None,
    };
    match text {
        Some(body) if openmetrics => reply(StatusCode::OK, OPENMETRICS_TEXT, body),
        Some(body) => reply(StatusCode::OK, PROMETHEUS_TEXT, body),
        None => reply(
            StatusCode::SERVICE_UNAVAILABLE,
            "text/plain",
            "ended\n".into(),
        ),
    }
}

/// Accepts connections on `listener` for as long as the runtime runs,
/// passing each scrape to `tx`.
pub async fn accept(listener: std::net::TcpListener, tx: mpsc::Sender<Scrape>) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let tx = tx.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let tx = tx.clone();
                async move { Ok::<_, Infallible>(answer(req, tx).await) }
            });
            let io = hyper_util::rt::TokioIo::new(stream);
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(io, service)
                .await;
        });
    }
}

/// Serves `listener` on a thread of its own (with its own runtime): the
/// scrapes come out of the receiver, for the dashboard's loop to answer.
pub fn in_thread(listener: std::net::TcpListener) -> mpsc::Receiver<Scrape> {
    let (tx, rx) = mpsc::channel::<Scrape>(16);
    std::thread::spawn(move || {
        if let Ok(rt) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        {
            rt.block_on(accept(listener, tx));
        }
    });
    rx
}

/// Runs `sim` to its end in real time × `speed` (`run --serve`), answering
/// scrapes on `listener` between steps; the run's ticks and steps go to
/// `on_tick` and `at_step` as in a run at full speed, so every result is
/// the same.
pub fn paced(
    sim: &mut Simulation,
    speed: f64,
    listener: std::net::TcpListener,
    stepper: &mut Stepper,
    on_tick: &mut dyn FnMut(&Tick),
    at_step: &mut dyn FnMut(&mut Simulation),
) -> std::io::Result<()> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let (tx, mut rx) = mpsc::channel::<Scrape>(16);
        let server = tokio::spawn(accept(listener, tx));
        let started = Instant::now();
        let mut frame = tokio::time::interval(Duration::from_millis(20));
        frame.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                Some(s) = rx.recv() => {
                    let _ = s.reply.send(exposition(sim, s.openmetrics));
                }
                _ = frame.tick() => {
                    let virtual_ns = started.elapsed().as_secs_f64() * speed * 1e9;
                    let until = (virtual_ns as SimTime).min(sim.end());
                    stepper.advance(sim, until, on_tick, at_step);
                    if sim.is_finished() {
                        break;
                    }
                }
            }
        }
        server.abort();
    });
    Ok(())
}
