//! `sim::sampling` draws what rand_distr 0.5 drew from the same stream — the
//! same algorithms reading the same bits — with `libm`'s maths in place of the
//! platform's; and its draws have the moments they should.

use breakwater::sim::rng::StreamKey;
use breakwater::sim::sampling::{exp1, standard_normal, Exp, LogNormal, Normal, Pareto};
use rand_distr::Distribution;

const N: usize = 200_000;

fn stream(name: &str) -> breakwater::sim::rng::SimRng {
    StreamKey::new(42, "sampling-test", name).stream()
}

/// Compares `N` draws of ours and theirs, each from its own copy of one
/// stream. The streams stay in step only if every draw consumed the same
/// bits, so equal values to a relative 1e-12 mean the same algorithm; the
/// maths differ, if at all, in the last bits.
fn same_draws(
    name: &str,
    mut ours: impl FnMut(&mut breakwater::sim::rng::SimRng) -> f64,
    mut theirs: impl FnMut(&mut breakwater::sim::rng::SimRng) -> f64,
) {
    let (mut a, mut b) = (stream(name), stream(name));
    for k in 0..N {
        let (x, y) = (ours(&mut a), theirs(&mut b));
        let tol = 1e-12 * y.abs().max(1e-300);
        assert!(
            (x - y).abs() <= tol,
            "{name}: draw {k}: ours {x}, rand_distr {y}"
        );
    }
}

#[test]
fn the_exponential_draws_are_rand_distr_s() {
    same_draws("exp1", exp1, |r| rand_distr::Exp1.sample(r));
    let ours = Exp::with_mean(0.08);
    let theirs = rand_distr::Exp::new(1.0 / 0.08).unwrap();
    same_draws("exp", |r| ours.sample(r), |r| theirs.sample(r));
}

#[test]
fn the_normal_and_lognormal_draws_are_rand_distr_s() {
    same_draws("n01", standard_normal, |r| {
        rand_distr::StandardNormal.sample(r)
    });
    let ours = Normal {
        mean: 0.1,
        sd: 0.03,
    };
    let theirs = rand_distr::Normal::new(0.1, 0.03).unwrap();
    same_draws("normal", |r| ours.sample(r), |r| theirs.sample(r));
    let ours = LogNormal {
        mu: -3.0,
        sigma: 1.2,
    };
    let theirs = rand_distr::LogNormal::new(-3.0, 1.2).unwrap();
    same_draws("lognormal", |r| ours.sample(r), |r| theirs.sample(r));
}

#[test]
fn the_pareto_draws_are_rand_distr_s() {
    let ours = Pareto::new(0.01, 1.5);
    let theirs = rand_distr::Pareto::new(0.01, 1.5).unwrap();
    same_draws("pareto", |r| ours.sample(r), |r| theirs.sample(r));
}

#[test]
fn the_draws_have_their_moments() {
    let mean_var = |mut f: Box<dyn FnMut(&mut breakwater::sim::rng::SimRng) -> f64>| {
        let mut r = stream("moments");
        let xs: Vec<f64> = (0..N).map(|_| f(&mut r)).collect();
        let m = xs.iter().sum::<f64>() / N as f64;
        let v = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (N - 1) as f64;
        (m, v)
    };
    // Exp(1): mean 1, variance 1. Standard error of the mean ≈ 0.0022.
    let (m, v) = mean_var(Box::new(exp1));
    assert!(
        (m - 1.0).abs() < 0.01 && (v - 1.0).abs() < 0.03,
        "exp1: {m} {v}"
    );
    // N(0, 1): mean 0, variance 1.
    let (m, v) = mean_var(Box::new(standard_normal));
    assert!(m.abs() < 0.01 && (v - 1.0).abs() < 0.02, "normal: {m} {v}");
    // Lognormal(0, 0.5): mean e^(σ²/2) = 1.1331.
    let ln = LogNormal {
        mu: 0.0,
        sigma: 0.5,
    };
    let (m, _) = mean_var(Box::new(move |r| ln.sample(r)));
    assert!((m - (0.125f64).exp()).abs() < 0.01, "lognormal: {m}");
    // Pareto(1, 3): mean α/(α−1) = 1.5, every draw ≥ the scale.
    let p = Pareto::new(1.0, 3.0);
    let (m, _) = mean_var(Box::new(move |r| {
        let x = p.sample(r);
        assert!(x >= 1.0);
        x
    }));
    assert!((m - 1.5).abs() < 0.02, "pareto: {m}");
}

/// A fingerprint of 100 000 draws of each kind from a fixed stream, to the
/// bit: the wedge and tail steps, which call `exp` and `ln`, are taken a few
/// thousand times, and every lognormal and pareto draw calls `exp` or `pow`.
/// A change of algorithm or of maths shows here, on any platform.
#[test]
fn the_draws_are_the_same_bits_everywhere() {
    fn fingerprint(mut f: impl FnMut(&mut breakwater::sim::rng::SimRng) -> f64) -> u64 {
        let mut r = stream("golden");
        (0..100_000).fold(0u64, |h, _| {
            (h.rotate_left(5) ^ f(&mut r).to_bits()).wrapping_mul(0x100_0000_01b3)
        })
    }
    let ln = LogNormal {
        mu: -2.0,
        sigma: 1.5,
    };
    let p = Pareto::new(1.0, 1.2);
    let got = [
        fingerprint(exp1),
        fingerprint(standard_normal),
        fingerprint(|r| ln.sample(r)),
        fingerprint(|r| p.sample(r)),
    ];
    let want: [u64; 4] = [
        0x8b38_b65a_f614_e0a3,
        0x0e8c_72c5_1cd6_6cf2,
        0x3fb2_c56b_4836_4b3c,
        0x90f0_d412_1296_458f,
    ];
    assert_eq!(got, want, "{got:#x?}");
}
