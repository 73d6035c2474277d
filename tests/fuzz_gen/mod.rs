//! The generator of `fuzz_runs`: whole scenario files from the format's
//! keys and whole command lines per command, seeded, with values inside, on
//! and beyond their ranges (how often beyond: `HOSTILE`, drawn per input).

use rand::Rng;
use rand_chacha::ChaCha8Rng;

thread_local! {
    /// The chance that a value is drawn from the edges and beyond rather
    /// than from the ordinary ones: set per scenario, so that some are
    /// mostly valid (and run) and others mostly hostile.
    static HOSTILE: std::cell::Cell<f64> = const { std::cell::Cell::new(0.5) };
}

fn hostile(rng: &mut ChaCha8Rng) -> bool {
    let p = HOSTILE.with(|h| h.get());
    rng.random_bool(p)
}

/// One of `sane`, or (hostile) one of `edges`.
fn either(rng: &mut ChaCha8Rng, sane: &[&str], edges: &[&str]) -> String {
    if hostile(rng) {
        pick(rng, edges).to_string()
    } else {
        pick(rng, sane).to_string()
    }
}

/// One of `xs`.
fn pick<'a, T: ?Sized>(rng: &mut ChaCha8Rng, xs: &[&'a T]) -> &'a T {
    xs[rng.random_range(0..xs.len())]
}

/// A duration: ordinary, on the edges of the ranges, or not one.
fn duration(rng: &mut ChaCha8Rng) -> String {
    let d = either(
        rng,
        &["1ms", "10ms", "50ms", "100ms", "250ms", "1s", "2s", "5s"],
        &[
            "1ns",
            "1us",
            "60s",
            "1h",
            "1d",
            "25h",
            "0s",
            "-1s",
            "7d",
            "1e3s",
            "abc",
            "",
            "1.5s",
            "999999999d",
        ],
    );
    format!("\"{d}\"")
}

/// A number: ordinary, on the edges of the ranges, or beyond them.
fn number(rng: &mut ChaCha8Rng) -> String {
    either(
        rng,
        &["1", "2", "3", "5", "10", "20", "50", "100"],
        &[
            "0.5",
            "0.1",
            "0",
            "1000",
            "0.01",
            "0.99",
            "1.0",
            "1.5",
            "-1",
            "1e6",
            "1000000",
            "1000001",
            "100000",
            "4294967296",
            "1e308",
            "nan",
            "inf",
            "-0.0",
            "\"7\"",
            "true",
        ],
    )
}

/// A rate of arrivals or a number of clients: up to the limits.
fn load(rng: &mut ChaCha8Rng) -> String {
    if rng.random_bool(0.1) {
        return pick(rng, &["100000", "1000000", "200000"]).into();
    }
    either(
        rng,
        &["1", "10", "50", "100", "500", "1000", "5000"],
        &["0", "1000001", "1e7", "-5", "nan", "4294967296"],
    )
}

/// A probability: ordinary, or on and beyond the edges.
fn rate(rng: &mut ChaCha8Rng) -> String {
    either(
        rng,
        &["0", "0.01", "0.1", "0.5", "0.9", "1"],
        &["1.0", "1.5", "-0.1", "nan", "inf", "1e-300", "\"x\""],
    )
}

/// A distribution of durations, in one of its forms.
fn dist(rng: &mut ChaCha8Rng) -> String {
    let d = |rng: &mut ChaCha8Rng| duration(rng);
    match rng.random_range(0..9) {
        0 | 1 => d(rng),
        2 => format!("{{ dist = \"constant\", value = {} }}", d(rng)),
        3 => format!("{{ dist = \"uniform\", min = {}, max = {} }}", d(rng), d(rng)),
        4 => format!("{{ dist = \"exponential\", mean = {} }}", d(rng)),
        5 => format!("{{ dist = \"normal\", mean = {}, sd = {} }}", d(rng), d(rng)),
        6 => format!("{{ dist = \"lognormal\", p50 = {}, p99 = {} }}", d(rng), d(rng)),
        7 => format!(
            "{{ dist = \"pareto\", scale = {}, shape = {} }}",
            d(rng),
            number(rng)
        ),
        _ => format!(
            "{{ dist = \"mixture\", parts = [{{ weight = {}, dist = \"constant\", value = {} }}, {{ weight = {}, dist = \"exponential\", mean = {} }}] }}",
            number(rng),
            d(rng),
            number(rng),
            d(rng)
        ),
    }
}

fn outcomes(rng: &mut ChaCha8Rng) -> String {
    let all = [
        "ok",
        "failed",
        "timed_out",
        "short_circuited",
        "bulkhead_rejected",
    ];
    let n = rng.random_range(0..4);
    let list: Vec<String> = (0..n)
        .map(|_| either(rng, &all, &["client_rejected", "nope", ""]))
        .map(|o| format!("\"{o}\""))
        .collect();
    format!("[{}]", list.join(", "))
}

/// One pattern's section body (without its header), or `None` for none.
fn pattern(rng: &mut ChaCha8Rng, which: usize) -> String {
    let mut s = String::new();
    let mut kv = |k: &str, v: String| s.push_str(&format!("{k} = {v}\n"));
    match which {
        0 => {
            kv(
                "kind",
                either(rng, &["\"consecutive\"", "\"rate\""], &["\"x\"", "1"]),
            );
            kv("failure_threshold", number(rng));
            if rng.random_bool(0.5) {
                let time = rng.random_bool(0.5);
                kv("window", if time { "\"time\"" } else { "\"count\"" }.into());
                let size = if time == hostile(rng) {
                    number(rng)
                } else {
                    either(
                        rng,
                        &["\"1s\"", "\"10s\"", "\"1h\""],
                        &["\"1ms\"", "\"2h\""],
                    )
                };
                kv("window_size", size);
                kv("min_calls", number(rng));
                kv(
                    "failure_rate",
                    either(rng, &["0.5", "0.2", "1"], &["0", "1.5"]),
                );
            }
            if rng.random_bool(0.3) {
                kv("slow_call_duration", duration(rng));
                kv("slow_call_rate", either(rng, &["0.5", "1"], &["0", "2"]));
            }
            kv("open_for", duration(rng));
            if rng.random_bool(0.3) {
                kv(
                    "open_from",
                    pick(rng, &["\"opened\"", "\"last_failure\""]).into(),
                );
                kv(
                    "half_open_calls",
                    if rng.random_bool(0.5) {
                        "\"all\"".into()
                    } else {
                        number(rng)
                    },
                );
            }
            if rng.random_bool(0.1) {
                kv(
                    "force",
                    pick(rng, &["\"forced_open\"", "\"disabled\"", "\"none\""]).into(),
                );
            }
        }
        1 => {
            kv("max_attempts", number(rng));
            let backoff = match rng.random_range(0..4) {
                0 => duration(rng),
                1 => format!("{{ kind = \"constant\", delay = {} }}", duration(rng)),
                2 => format!(
                    "{{ kind = \"linear\", initial = {}, step = {}, max = {} }}",
                    duration(rng),
                    duration(rng),
                    duration(rng)
                ),
                _ => format!(
                    "{{ kind = \"exponential\", multiplier = {}, base = {}, min = {}, max = {} }}",
                    duration(rng),
                    number(rng),
                    duration(rng),
                    duration(rng)
                ),
            };
            kv("backoff", backoff);
            kv(
                "jitter",
                pick(
                    rng,
                    &["\"none\"", "\"full\"", "\"equal\"", "\"decorrelated\""],
                )
                .into(),
            );
            if rng.random_bool(0.3) {
                kv(
                    "budget",
                    format!(
                        "{{ max_tokens = {}, token_ratio = {} }}",
                        number(rng),
                        rate(rng)
                    ),
                );
            }
            if rng.random_bool(0.5) {
                kv("retry_on", outcomes(rng));
            }
            if rng.random_bool(0.2) {
                kv("deadline", duration(rng));
            }
        }
        2 => {
            kv("max_concurrent", number(rng));
            kv("max_queue", number(rng));
            kv("max_wait", duration(rng));
        }
        3 => kv("per_attempt", duration(rng)),
        4 => {
            kv(
                "on",
                either(
                    rng,
                    &["[\"timed_out\"]", "[\"failed\", \"short_circuited\"]", "[]"],
                    &["[\"ok\"]", "[\"nope\"]", "\"failed\""],
                ),
            );
            kv(
                "answer",
                either(
                    rng,
                    &["\"cached\""],
                    &[
                        "\"fallback \\u001b[31m\"",
                        "\"\"",
                        "\"a\\nb\"",
                        "\"\\u202e\"",
                    ],
                ),
            );
        }
        _ => {
            kv(
                "max_hedged_attempts",
                either(rng, &["1", "2", "3"], &["0", "11", "1.5"]),
            );
            kv("delay", duration(rng));
        }
    }
    if rng.random_bool(0.1) {
        kv("enabled", pick(rng, &["false", "true"]).into());
    }
    s
}

const PATTERNS: [&str; 6] = [
    "circuit_breaker",
    "retry",
    "bulkhead",
    "timeout",
    "fallback",
    "hedging",
];

/// Draws a value of one kind.
type Value = fn(&mut ChaCha8Rng) -> String;

/// A whole scenario file.
pub fn scenario_text(rng: &mut ChaCha8Rng) -> String {
    let h = pick(rng, &[&0.0, &0.0, &0.005, &0.02, &0.3]);
    HOSTILE.with(|c| c.set(*h));
    let mut s = format!(
        "name = \"fuzz {}\"\nseed = {}\nduration = {}\n",
        rng.random::<u16>(),
        rng.random::<u32>(),
        either(
            rng,
            &["\"1s\"", "\"10s\"", "\"60s\"", "\"5m\""],
            &["\"1h\"", "\"1d\"", "\"7d\"", "\"8d\"", "\"0s\"", "\"1ms\""]
        )
    );
    if rng.random_bool(0.2) {
        s.push_str(&format!("tick = {}\n", duration(rng)));
    }
    let services = if rng.random_bool(0.05) {
        rng.random_range(1..=70)
    } else {
        rng.random_range(1..=4)
    };
    s.push_str("\n[load]\n");
    match rng.random_range(0..3) {
        0 => s.push_str(&format!("kind = \"poisson\"\nrate = {}\n", load(rng))),
        1 => s.push_str(&format!("kind = \"constant\"\nrate = {}\n", load(rng))),
        _ => s.push_str(&format!(
            "kind = \"closed\"\nclients = {}\nthink = {}\n",
            load(rng),
            dist(rng)
        )),
    }
    if rng.random_bool(0.3) {
        s.push_str(&format!(
            "\n[client]\nthreads = {}\nqueue = {}\n",
            number(rng),
            number(rng)
        ));
    }
    for i in 0..services {
        s.push_str(&format!("\n[[services]]\nname = \"s{i}\"\n"));
        for (k, p) in [
            ("share", 0.3),
            ("workers", 0.7),
            ("queue", 0.5),
            ("latency_factor", 0.2),
        ] {
            if rng.random_bool(p) {
                s.push_str(&format!("{k} = {}\n", number(rng)));
            }
        }
        if rng.random_bool(0.5) {
            s.push_str(&format!("failure_rate = {}\n", rate(rng)));
        }
        s.push_str(&format!("latency = {}\n", dist(rng)));
        if rng.random_bool(0.1) {
            s.push_str("down = true\n");
        }
        if rng.random_bool(0.2) {
            s.push_str("cancel_on_timeout = true\n");
        }
        if rng.random_bool(0.2) {
            let p = rng.random_range(0..PATTERNS.len());
            s.push_str(&format!("[services.{}]\n{}", PATTERNS[p], pattern(rng, p)));
        }
    }
    if rng.random_bool(0.5) {
        let mut order: Vec<&str> = PATTERNS.to_vec();
        order.retain(|_| rng.random_bool(0.8));
        for i in (1..order.len()).rev() {
            order.swap(i, rng.random_range(0..=i));
        }
        let names: Vec<String> = order.iter().map(|o| format!("\"{o}\"")).collect();
        s.push_str(&format!("\n[patterns]\norder = [{}]\n", names.join(", ")));
    }
    for (p, name) in PATTERNS.iter().enumerate() {
        if rng.random_bool(0.4) {
            s.push_str(&format!("\n[patterns.{name}]\n{}", pattern(rng, p)));
        }
    }
    // Paths with a value of their kind (a hostile one: any path, any value).
    let paths: [(&str, Value); 9] = [
        ("load.rate", load),
        ("load.clients", load),
        ("services.s0.failure_rate", rate),
        ("services.s0.latency_factor", number),
        ("services.s0.down", |_| "true".into()),
        ("services.s0.workers", number),
        ("patterns.retry.max_attempts", number),
        ("patterns.timeout.per_attempt", duration),
        ("patterns.circuit_breaker.force", |_| {
            "\"forced_open\"".into()
        }),
    ];
    for _ in 0..rng.random_range(0..4) {
        let (mut path, value) = paths[rng.random_range(0..paths.len())];
        let mut value = value(rng);
        if hostile(rng) {
            path = pick(rng, &["services.s9.queue", "nope.nope", "load"]);
            value = pick(rng, &["true", "[1]", "\"x\""]).into();
        }
        let at = either(
            rng,
            &["\"0s\"", "\"500ms\"", "\"1s\""],
            &["\"2h\"", "\"-1s\""],
        );
        s.push_str(&format!(
            "\n[[timeline]]\nat = {at}\nset = {{ \"{path}\" = {value} }}\n"
        ));
        if rng.random_bool(0.3) {
            s.push_str(&format!("over = {}\n", duration(rng)));
        }
    }
    s
}

/// A command line for one of the commands, with flags from every command
/// and values on and beyond their edges (durations kept short unless
/// `long`, so the smoke pass takes seconds).
pub fn command_line(rng: &mut ChaCha8Rng, long: bool) -> Vec<String> {
    let command = pick(
        rng,
        &[
            "run", "check", "trace", "plot", "sweep", "compare", "lesson", "list", "bogus",
        ],
    );
    let scenario = either(
        rng,
        &["seed-lesson", "retry-storm", "hedging", "breaker-opens"],
        &[
            "seed-lesson",
            "retry-storm",
            "hedging",
            "breaker-opens",
            "@tests/runaway/retries.toml",
            "@tests/bad",
            "/dev/null",
            "nope",
            "",
        ],
    );
    let h = pick(rng, &[&0.0, &0.1, &0.5]);
    HOSTILE.with(|c| c.set(*h));
    let mut args: Vec<String> = vec![command.into()];
    if command != "list" && rng.random_bool(0.9) {
        // `@` marks a path in the repository, given whole (the command
        // runs in a scratch folder, where default figure names land).
        args.push(match scenario.strip_prefix('@') {
            Some(path) => super::common::root()
                .join(path)
                .to_string_lossy()
                .into_owned(),
            None => scenario,
        });
    }
    let durations: &[&str] = if long {
        // The ordinary value (the first) a day: a long run.
        &["1d", "1s", "1h", "7d", "8d", "0s", "1ns", "x", "\u{1b}[2J"]
    } else {
        &["1s", "10s", "8d", "0s", "1ns", "x", "\u{1b}[2J"]
    };
    let flags: [(&str, &[&str]); 20] = [
        (
            "--seed",
            &[
                "1",
                "0",
                "9223372036854775807",
                "9223372036854775808",
                "-1",
                "x",
            ],
        ),
        ("--duration", durations),
        ("--json", &[]),
        ("--quiet", &[]),
        ("--progress", &[]),
        ("--variant", &["a", "b", "c"]),
        ("--at", &["0s", "5s", "1d", "-1s", "\u{9b}"]),
        ("--call", &["1", "0", "18446744073709551616"]),
        ("--service", &["payment", "nope", ""]),
        ("--calls", &["1", "0", "1000000"]),
        ("--where", &["timed_out", "ok", "x"]),
        (
            "--set",
            &[
                "load.rate=100",
                "load.rate=1e12",
                "patterns.retry.max_attempts=100",
                "patterns.timeout.per_attempt=1ns",
                "services.payment.failure_rate=1.5",
                "load.rate",
                "=",
            ],
        ),
        (
            "--vary",
            &[
                "load.rate=10,20",
                "load.rate=1..100:50",
                "load.rate=1..1000000:1",
                "x=1",
                "load.rate=",
            ],
        ),
        ("--metric", &["goodput", "p99", "nope", "\u{7}"]),
        ("--jobs", &["2", "1", "0", "1024", "-1"]),
        ("--size", &["800x600", "0x0", "100000x100000", "x"]),
        ("-o", &["/dev/null", "/nonexistent/dir/x.svg", "x.bmp"]),
        ("--lang", &["en", "es", "fr", "\u{202e}"]),
        ("--timeseries", &["/dev/null", "/nonexistent/x.csv"]),
        ("--csv", &["/dev/null", "/nonexistent/x.csv"]),
    ];
    // The flags each command takes (by index in `flags`), the first of
    // `must` always; a hostile line takes any flag.
    let (takes, must): (&[usize], Option<usize>) = match command {
        "run" => (&[0, 1, 2, 3, 4, 5, 11, 17, 18], None),
        "check" => (&[11, 17], None),
        "trace" => (&[0, 2, 3, 4, 5, 7, 8, 9, 10, 11, 17], Some(6)),
        "plot" => (&[0, 1, 3, 4, 11, 15, 16, 17], None),
        "sweep" => (&[0, 1, 2, 3, 4, 11, 13, 14, 16, 17, 19], Some(12)),
        "compare" => (&[0, 1, 2, 3, 4, 5, 11, 17], None),
        _ => (&[17], None),
    };
    let mut chosen: Vec<usize> = must.into_iter().collect();
    for _ in 0..rng.random_range(0..5) {
        chosen.push(if hostile(rng) {
            rng.random_range(0..flags.len())
        } else {
            takes[rng.random_range(0..takes.len())]
        });
    }
    for i in chosen {
        let (flag, values) = flags[i];
        args.push(flag.into());
        if !values.is_empty() {
            // The first value is an ordinary one.
            args.push(if hostile(rng) {
                pick(rng, values).into()
            } else {
                values[0].into()
            });
        }
    }
    args
}
