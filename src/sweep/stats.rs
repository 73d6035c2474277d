//! `--seeds N`: the mean over N seeds and its 95 % confidence interval,
//! mean ± t(0.975, N−1) · s / √N with the sample standard deviation s
//! (Student's t: with few seeds the normal 1.96 would claim too much).

/// Two-sided 95 % quantiles of Student's t for 1 … 30 degrees of freedom.
const T95: [f64; 30] = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
    2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
    2.052, 2.048, 2.045, 2.042,
];

/// t(0.975, df); between the tabled degrees of freedom past 30, the value
/// of the next lower one (a slightly wider interval, never a narrower one).
pub fn t95(df: usize) -> f64 {
    match df {
        0 => f64::NAN,
        1..=30 => T95[df - 1],
        31..=39 => 2.042,
        40..=59 => 2.021,
        60..=119 => 2.000,
        120..=999 => 1.980,
        _ => 1.960,
    }
}

/// The mean of `xs`, and with two or more the 95 % interval around it.
pub fn mean_interval(xs: &[f64]) -> (f64, Option<(f64, f64)>) {
    let n = xs.len();
    if n == 0 {
        return (f64::NAN, None);
    }
    let mean = xs.iter().sum::<f64>() / n as f64;
    if n < 2 {
        return (mean, None);
    }
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
    let half = t95(n - 1) * (var / n as f64).sqrt();
    (mean, Some((mean - half, mean + half)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_textbook_interval() {
        // 5 values, mean 10, s = √2.5: half-width 2.776 · √(2.5/5).
        let (m, i) = mean_interval(&[8.0, 9.0, 10.0, 11.0, 12.0]);
        assert_eq!(m, 10.0);
        let (lo, hi) = i.unwrap();
        let half = 2.776 * (0.5f64).sqrt();
        assert!((lo - (10.0 - half)).abs() < 1e-12 && (hi - (10.0 + half)).abs() < 1e-12);
        assert_eq!(mean_interval(&[3.0]), (3.0, None));
        assert_eq!(mean_interval(&[4.0, 4.0, 4.0]), (4.0, Some((4.0, 4.0))));
        assert!(t95(45) > t95(60) && t95(60) > 1.96);
    }
}
