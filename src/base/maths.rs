//! The transcendental maths that decides a simulated number, the same on
//! every platform.
//!
//! `f64::ln`, `exp` and `powf` call the platform's C library (glibc on Linux,
//! another on macOS or Windows, a port of musl in the browser), and those are
//! allowed to differ in the last bit; a last bit can flip a comparison and so
//! a whole run. These go through the `libm` crate instead (rust-lang's pure
//! Rust port of musl's libm): the same code, the same bits, everywhere,
//! including wasm32. The basic operations (`+ - * /`, `sqrt`, `floor`,
//! `round`) are exactly rounded by IEEE 754 and need no such care.

/// The natural logarithm.
#[inline]
pub fn ln(x: f64) -> f64 {
    libm::log(x)
}

/// e to the power `x`.
#[inline]
pub fn exp(x: f64) -> f64 {
    libm::exp(x)
}

/// `x` to the power `y`.
#[inline]
pub fn pow(x: f64, y: f64) -> f64 {
    libm::pow(x, y)
}

/// The base-10 logarithm.
#[inline]
pub fn log10(x: f64) -> f64 {
    libm::log10(x)
}

/// The complementary error function, 1 − erf(`x`).
#[inline]
pub fn erfc(x: f64) -> f64 {
    libm::erfc(x)
}

/// `x` to the integer power `n`, by repeated squaring — the very steps of the
/// `__powidf2` that `f64::powi` calls at run time, spelled out because Rust
/// leaves `powi`'s rounding unspecified (it may be folded or lowered
/// differently by target). Each step is an exactly rounded multiplication.
pub fn powi(x: f64, n: i32) -> f64 {
    let mut a = x;
    let mut k = n.unsigned_abs();
    let mut r = 1.0;
    loop {
        if k & 1 != 0 {
            r *= a;
        }
        k >>= 1;
        if k == 0 {
            break;
        }
        a *= a;
    }
    if n < 0 {
        1.0 / r
    } else {
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powi_takes_the_steps_of_the_runtime_powi() {
        // A value whose powers round at every step, so a different order of
        // multiplications would show in the last bits.
        for x in [1.1f64, 1.5, 2.0, 0.3, 7.77, -1.3] {
            for n in -40..=60 {
                let runtime = std::hint::black_box(x).powi(std::hint::black_box(n));
                assert_eq!(powi(x, n).to_bits(), runtime.to_bits(), "{x}^{n}");
            }
        }
        assert_eq!(powi(3.0, 0), 1.0);
        assert_eq!(powi(2.0, -2), 0.25);
    }

    #[test]
    fn the_functions_are_libm_s() {
        assert_eq!(ln(1.0), 0.0);
        assert_eq!(exp(0.0), 1.0);
        assert_eq!(pow(2.0, 10.0), 1024.0);
        assert_eq!(log10(1000.0), 3.0);
        assert!((ln(std::f64::consts::E) - 1.0).abs() < 1e-15);
        assert!((exp(1.0) - std::f64::consts::E).abs() < 1e-15);
    }
}
