//! The mixture latency: each draw from one part, chosen by its weight. Checked
//! against its definition (shares, mean, the part in which p99 falls), read
//! and written back as a file writes it, and refused with a reason when wrong.

mod common;

use breakwater::report::{json::to_json, Summary};
use breakwater::sim::dist::Dist;
use breakwater::sim::rng::StreamKey;
use serde::Deserialize;

const MIX: &str = r#"{ dist = "mixture", parts = [ { weight = 0.98, dist = "constant", value = "10ms" }, { weight = 0.02, dist = "constant", value = "1s" } ] }"#;

fn dist(text: &str) -> Dist {
    let v: toml::Value = toml::from_str(&format!("d = {text}")).unwrap();
    <Dist as Deserialize>::deserialize(v.get("d").unwrap().clone()).unwrap()
}

#[test]
fn draws_follow_the_weights() {
    let d = dist(MIX);
    d.validate().unwrap();
    let s = d.sampler();
    let mut rng = StreamKey::new(1, "mixture-test", "").stream();
    let n = 200_000;
    let slow = (0..n)
        .filter(|_| s.sample(&mut rng, 1.0) == 1_000_000_000)
        .count();
    // Binomial(n, 0.02): sd = sqrt(n p (1-p)) ≈ 62.6; allow 5 sd.
    let expected = 0.02 * n as f64;
    let sd = (n as f64 * 0.02 * 0.98).sqrt();
    assert!(
        (slow as f64 - expected).abs() < 5.0 * sd,
        "{slow} slow draws of {n}, expected {expected} ± {sd:.1}"
    );
}

#[test]
fn weights_are_normalised_and_the_mean_is_the_parts_by_their_shares() {
    let a = dist(MIX);
    let b = dist(&MIX.replace("0.98", "49").replace("0.02", "1"));
    assert!((a.mean_secs() - 0.0298).abs() < 1e-12, "{}", a.mean_secs());
    assert!((b.mean_secs() - 0.0298).abs() < 1e-12, "{}", b.mean_secs());
    // A typical draw is the fast part's: the median falls in it.
    assert!((a.typical_secs() - 0.010).abs() < 1e-12);
}

#[test]
fn a_run_has_the_mixtures_quantiles() {
    let toml = format!(
        r#"
name = "Tail"
seed = 5
duration = "200s"
[load]
kind = "poisson"
rate = 100
[[services]]
name = "search"
workers = 1000
latency = {MIX}
"#
    );
    let s = common::scenario(&toml);
    let sim = common::run_each(&s, |_| {});
    let json = to_json(&Summary::of(&sim, &s.name, 0.0));
    let l = &json["services"]["search"]["latency_ms"];
    // 2 % of answers take 1 s: p50 is the fast part, p99 the slow one (the
    // slow share is above 1 %), within the histogram's precision.
    let p50 = l["p50"].as_f64().unwrap();
    let p99 = l["p99"].as_f64().unwrap();
    assert!((p50 - 10.0).abs() < 0.1, "p50 {p50}");
    assert!((p99 - 1000.0).abs() < 5.0, "p99 {p99}");
    let mean = l["mean"].as_f64().unwrap();
    assert!((mean - 29.8).abs() < 3.0, "mean {mean}");
}

#[test]
fn it_is_written_back_as_it_is_read() {
    let d = dist(
        r#"{ dist = "mixture", parts = [ { weight = 3, dist = "exponential", mean = "20ms" }, { weight = 1, dist = "lognormal", p50 = "100ms", p99 = "2s" }, { weight = 0.5, dist = "constant", value = "1s" } ] }"#,
    );
    let written = toml::Value::try_from(&d).unwrap();
    let back = <Dist as Deserialize>::deserialize(written.clone()).unwrap();
    assert_eq!(back, d, "{written}");
}

#[test]
fn a_wrong_mixture_says_what_is_wrong() {
    let bad = |text: &str| {
        let v: toml::Value = toml::from_str(&format!("d = {text}")).unwrap();
        let e = <Dist as Deserialize>::deserialize(v.get("d").unwrap().clone())
            .unwrap_err()
            .to_string();
        breakwater::i18n::Msg::say_within(&e, "en")
    };
    let e = bad(&MIX.replace("0.98", "0"));
    assert!(e.contains("`weight` (0) must be a number above 0"), "{e}");
    let e =
        bad(r#"{ dist = "mixture", parts = [ { weight = 1, dist = "mixture", parts = [] } ] }"#);
    assert!(e.contains("cannot be a mixture itself"), "{e}");
    let e = bad(r#"{ dist = "mixture" }"#);
    assert!(e.contains("1 to 16 tables"), "{e}");
    let e = bad(r#"{ dist = "mixture", parts = [ { dist = "constant", value = "1s" } ] }"#);
    assert!(e.contains("needs a `weight`"), "{e}");
    let e = bad(r#"{ dist = "mixture", parts = [ { weight = 1, dist = "expo", mean = "1s" } ] }"#);
    assert!(e.contains("`expo`"), "{e}");
}
