//! The random draws of the continuous distributions (exponential, normal,
//! lognormal, pareto), with the portable maths of `base::maths`.
//!
//! They are rand_distr 0.5's algorithms step for step — the ziggurat of
//! Marsaglia & Tsang in Doornik's ZIGNOR variant for the exponential and the
//! normal, inversion for the pareto — reading the same bits of the stream in
//! the same order, so a seed draws what it drew with rand_distr. What differs
//! is only where the numbers come from: rand_distr's `exp`, `ln` and `powf`
//! are the platform's C library; these are `libm`'s, the same on every
//! platform (see `base::maths`).

use crate::base::maths;
use crate::sim::ziggurat_tables::{self as tables, ZigTable};
use rand::distr::{Open01, OpenClosed01};
use rand::Rng;

/// A float in `[1, 2) · 2^exponent` whose fraction is the low 52 bits of
/// `bits` (rand's `into_float_with_exponent`).
#[inline(always)]
fn float_with_exponent(bits: u64, exponent: i32) -> f64 {
    f64::from_bits(bits | (((1023 + exponent) as u64) << 52))
}

/// The ziggurat: `x` is the boxes' right edges, `f` the density at them;
/// `pdf` the density, `tail` the draw beyond the last box (given `u`).
#[inline(always)]
fn ziggurat<R: Rng + ?Sized>(
    rng: &mut R,
    symmetric: bool,
    x_tab: ZigTable,
    f_tab: ZigTable,
    pdf: impl Fn(f64) -> f64,
    tail: impl Fn(&mut R, f64) -> f64,
) -> f64 {
    loop {
        // One u64 gives the box (low 8 bits) and the position (high 52).
        let bits = rng.next_u64();
        let i = bits as usize & 0xff;
        let u = if symmetric {
            // [2, 4) − 3 = [−1, 1)
            float_with_exponent(bits >> 12, 1) - 3.0
        } else {
            // [1, 2) − (1 − ε/2) = (0, 1)
            float_with_exponent(bits >> 12, 0) - (1.0 - f64::EPSILON / 2.0)
        };
        let x = u * x_tab[i];
        let test_x = if symmetric { x.abs() } else { x };
        if test_x < x_tab[i + 1] {
            return x;
        }
        if i == 0 {
            return tail(rng, u);
        }
        if f_tab[i + 1] + (f_tab[i] - f_tab[i + 1]) * rng.random::<f64>() < pdf(x) {
            return x;
        }
    }
}

/// A draw of the standard exponential distribution, Exp(1).
#[inline]
pub fn exp1<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    ziggurat(
        rng,
        false,
        &tables::ZIG_EXP_X,
        &tables::ZIG_EXP_F,
        |x| maths::exp(-x),
        |rng, _| tables::ZIG_EXP_R - maths::ln(rng.random::<f64>()),
    )
}

/// A draw of the standard normal distribution, N(0, 1).
#[inline]
pub fn standard_normal<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    ziggurat(
        rng,
        true,
        &tables::ZIG_NORM_X,
        &tables::ZIG_NORM_F,
        |x| maths::exp(-x * x / 2.0),
        |rng, u| {
            // Marsaglia's tail: the first pair with −2y ≥ x².
            let mut x = 1.0f64;
            let mut y = 0.0f64;
            while -2.0 * y < x * x {
                let x_: f64 = rng.sample(Open01);
                let y_: f64 = rng.sample(Open01);
                x = maths::ln(x_) / tables::ZIG_NORM_R;
                y = maths::ln(y_);
            }
            if u < 0.0 {
                x - tables::ZIG_NORM_R
            } else {
                tables::ZIG_NORM_R - x
            }
        },
    )
}

/// The exponential distribution of the given mean.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Exp {
    /// 1/λ, computed as rand_distr did (`1 / (1 / mean)`), to the bit.
    lambda_inverse: f64,
}

impl Exp {
    /// `mean` in any unit, > 0.
    pub fn with_mean(mean: f64) -> Exp {
        let lambda = 1.0 / mean;
        Exp {
            lambda_inverse: 1.0 / lambda,
        }
    }

    #[inline]
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        exp1(rng) * self.lambda_inverse
    }
}

/// The normal distribution N(mean, sd²).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Normal {
    pub mean: f64,
    pub sd: f64,
}

impl Normal {
    #[inline]
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        self.mean + self.sd * standard_normal(rng)
    }
}

/// The lognormal distribution: e to the power of a N(mu, sigma²) draw.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LogNormal {
    pub mu: f64,
    pub sigma: f64,
}

impl LogNormal {
    #[inline]
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        maths::exp(self.mu + self.sigma * standard_normal(rng))
    }
}

/// The Pareto distribution of the given scale (the least value) and shape.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pareto {
    scale: f64,
    inv_neg_shape: f64,
}

impl Pareto {
    /// `scale` > 0, `shape` > 0.
    pub fn new(scale: f64, shape: f64) -> Pareto {
        Pareto {
            scale,
            inv_neg_shape: -1.0 / shape,
        }
    }

    #[inline]
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        let u: f64 = rng.sample(OpenClosed01);
        self.scale * maths::pow(u, self.inv_neg_shape)
    }
}
