//! Seeded random streams. The algorithm is ChaCha8 (rand_chacha), portable and
//! fixed: the same seed gives the same numbers on every machine. Each purpose
//! (a service's arrivals, its latency, its failures, its jitter …) has its own
//! stream, so changing one part of a scenario does not reshuffle another's draws.

use rand::SeedableRng;
pub use rand_chacha::ChaCha8Rng as SimRng;

/// FNV-1a: a stable hash of a stream's name to its stream number.
fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The stream for `purpose` of `owner` (a service name, or "" for global).
pub fn stream(seed: u64, purpose: &str, owner: &str) -> SimRng {
    let mut rng = SimRng::seed_from_u64(seed);
    rng.set_stream(fnv1a(&format!("{purpose}/{owner}")));
    rng
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::RngCore;

    #[test]
    fn streams_are_independent_and_reproducible() {
        let a1 = stream(7, "arrivals", "payment").next_u64();
        let a2 = stream(7, "arrivals", "payment").next_u64();
        let b = stream(7, "arrivals", "user").next_u64();
        let c = stream(8, "arrivals", "payment").next_u64();
        assert_eq!(a1, a2);
        assert_ne!(a1, b);
        assert_ne!(a1, c);
    }
}
