//! The metric families `--openmetrics` and the live endpoint write, in the
//! order the file lists them, with their indexes; resilience4j's and
//! Polly's names as their libraries publish them, then Breakwater's own.

use crate::patterns::circuit_breaker::BreakerState;

/// A metric family: its name, OpenMetrics type, unit and help.
pub(super) struct Family {
    pub(super) name: &'static str,
    pub(super) kind: &'static str,
    pub(super) unit: Option<&'static str>,
    pub(super) help: &'static str,
}

pub(super) const fn fam(name: &'static str, kind: &'static str, help: &'static str) -> Family {
    Family {
        name,
        kind,
        unit: None,
        help,
    }
}

pub(super) const fn secs(name: &'static str, kind: &'static str, help: &'static str) -> Family {
    Family {
        name,
        kind,
        unit: Some("seconds"),
        help,
    }
}

// The families, in the order the file lists them (indexes below).
pub(super) const FAMILIES: [Family; 27] = [
    fam(
        "resilience4j_circuitbreaker_state",
        "gauge",
        "The states of the circuit breaker (1 for the current state)",
    ),
    secs(
        "resilience4j_circuitbreaker_calls_seconds",
        "summary",
        "Calls the circuit breaker recorded, by result, and their duration",
    ),
    fam(
        "resilience4j_circuitbreaker_not_permitted_calls",
        "counter",
        "Total number of not permitted calls",
    ),
    fam(
        "resilience4j_circuitbreaker_failure_rate",
        "gauge",
        "The failure rate of the circuit breaker in percent (-1 before min_calls)",
    ),
    fam(
        "resilience4j_circuitbreaker_slow_call_rate",
        "gauge",
        "The slow call rate of the circuit breaker in percent (-1 before min_calls)",
    ),
    fam(
        "resilience4j_retry_calls",
        "counter",
        "The number of calls the retry gave back, by how they ended",
    ),
    fam(
        "resilience4j_bulkhead_available_concurrent_calls",
        "gauge",
        "The number of available permissions",
    ),
    fam(
        "resilience4j_bulkhead_max_allowed_concurrent_calls",
        "gauge",
        "The maximum number of available permissions",
    ),
    fam(
        "breakwater_calls",
        "counter",
        "Calls finished, by final outcome (as run --json counts them)",
    ),
    fam("breakwater_calls_arrived", "counter", "Calls that arrived"),
    fam(
        "breakwater_calls_in_flight",
        "gauge",
        "Calls started and not yet answered",
    ),
    fam(
        "breakwater_fallbacks",
        "counter",
        "Calls answered by the fallback (also counted by their outcome)",
    ),
    fam(
        "breakwater_attempts",
        "counter",
        "Attempts made (the first try and every retry)",
    ),
    fam("breakwater_retries", "counter", "Retries made"),
    fam(
        "breakwater_downstream_attempts",
        "counter",
        "Attempts that reached the downstream",
    ),
    fam(
        "breakwater_downstream_refused",
        "counter",
        "Attempts the downstream refused (queue full or down)",
    ),
    fam("breakwater_hedged", "counter", "Hedged attempts sent"),
    secs(
        "breakwater_call_latency_seconds",
        "histogram",
        "Latency of finished calls, from arrival to final answer",
    ),
    fam(
        "breakwater_bulkhead_in_use",
        "gauge",
        "Bulkhead slots in use",
    ),
    fam(
        "breakwater_bulkhead_waiting",
        "gauge",
        "Calls waiting for a bulkhead slot",
    ),
    fam(
        "breakwater_downstream_busy_workers",
        "gauge",
        "Downstream workers serving",
    ),
    fam(
        "breakwater_downstream_queued",
        "gauge",
        "Attempts waiting in the downstream's queue",
    ),
    fam(
        "breakwater_retry_budget_tokens",
        "gauge",
        "Tokens left in the retry budget",
    ),
    fam(
        "breakwater_breaker_opened",
        "counter",
        "Times the circuit breaker opened",
    ),
    secs(
        "breakwater_breaker_open_seconds",
        "counter",
        "Time the circuit breaker spent open",
    ),
    fam(
        "breakwater_caller_threads",
        "gauge",
        "The client's caller threads, busy or waited for",
    ),
    fam(
        "resilience_polly_strategy_events",
        "counter",
        "Polly v8's resilience events, by event name (the pipeline is the service)",
    ),
];

pub(super) const STATE: usize = 0;
pub(super) const CB_CALLS: usize = 1;
pub(super) const NOT_PERMITTED: usize = 2;
pub(super) const FAILURE_RATE: usize = 3;
pub(super) const SLOW_RATE: usize = 4;
pub(super) const RETRY_CALLS: usize = 5;
pub(super) const BH_AVAILABLE: usize = 6;
pub(super) const BH_MAX: usize = 7;
pub(super) const CALLS: usize = 8;
pub(super) const ARRIVED: usize = 9;
pub(super) const IN_FLIGHT: usize = 10;
pub(super) const FALLBACKS: usize = 11;
pub(super) const ATTEMPTS: usize = 12;
pub(super) const RETRIES: usize = 13;
pub(super) const DS_ATTEMPTS: usize = 14;
pub(super) const DS_REFUSED: usize = 15;
pub(super) const HEDGED: usize = 16;
pub(super) const LATENCY: usize = 17;
pub(super) const BH_IN_USE: usize = 18;
pub(super) const BH_WAITING: usize = 19;
pub(super) const DS_BUSY: usize = 20;
pub(super) const DS_QUEUED: usize = 21;
pub(super) const BUDGET: usize = 22;
pub(super) const OPENED: usize = 23;
pub(super) const OPEN_SECONDS: usize = 24;
pub(super) const CALLERS: usize = 25;
pub(super) const POLLY: usize = 26;

/// Polly v8's event names, in the order `Prefixes::polly` holds them.
pub(super) const POLLY_EVENTS: [&str; 7] = [
    "OnRetry",
    "OnTimeout",
    "OnCircuitOpened",
    "OnCircuitClosed",
    "OnCircuitHalfOpened",
    "OnFallback",
    "OnHedging",
];

/// The breaker states resilience4j's gauge has a series for.
pub(super) const STATES: [BreakerState; 5] = [
    BreakerState::Closed,
    BreakerState::Open,
    BreakerState::HalfOpen,
    BreakerState::ForcedOpen,
    BreakerState::Disabled,
];

/// resilience4j's retry kinds, in `RetryTally` order.
pub(super) const RETRY_KINDS: [&str; 4] = [
    "successful_without_retry",
    "successful_with_retry",
    "failed_with_retry",
    "failed_without_retry",
];
