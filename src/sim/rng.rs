//! Seeded random numbers, keyed so that two worlds see the same luck.
//!
//! Draws are not consumed in event order. Each is a pure function of the
//! seed, what it is for, who owns it and which call and attempt it belongs to:
//! attempt k of call n of a service draws the same service time and the same
//! failure coin, and its retry the same jitter, whatever happened to other
//! calls. That is what makes a comparison of two configurations fair (common
//! random numbers): both sides meet the same downstream.
//!
//! The algorithm is SplitMix64 (Steele, Lea & Flood, "Fast splittable
//! pseudorandom number generators", OOPSLA 2014): a 64-bit counter whose
//! output goes through a strong bijective mix. A key is mixed into the
//! starting state, so every (purpose, owner, call, attempt) starts its own
//! short stream. It is portable integer arithmetic: the same seed gives the
//! same numbers on every machine.

use rand::RngCore;

const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// SplitMix64's output function (a bijection of u64, good avalanche).
#[inline]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// FNV-1a: a stable hash of a stream's name.
fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A SplitMix64 stream.
#[derive(Clone, Debug)]
pub struct SimRng {
    state: u64,
}

impl RngCore for SimRng {
    #[inline]
    fn next_u32(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }
    #[inline]
    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix(self.state)
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        for chunk in dest.chunks_mut(8) {
            let bytes = self.next_u64().to_le_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
    }
}

/// The root of a family of keyed streams: one per (seed, purpose, owner),
/// e.g. the attempts of service `payment`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StreamKey(u64);

impl StreamKey {
    pub fn new(seed: u64, purpose: &str, owner: &str) -> StreamKey {
        StreamKey(mix(
            mix(seed ^ GOLDEN) ^ fnv1a(&format!("{purpose}/{owner}"))
        ))
    }

    /// One sequential stream for this key (e.g. a service's arrivals).
    pub fn stream(self) -> SimRng {
        SimRng { state: self.0 }
    }

    /// The root of the draws of copy `n` (from 1) of an attempt (a hedge):
    /// its own luck, leaving the original attempt's draws as they were.
    #[inline]
    pub fn fork(self, n: u32) -> StreamKey {
        StreamKey(mix(
            self.0 ^ mix((n as u64).wrapping_mul(GOLDEN) ^ 0x0f0f_f0f0)
        ))
    }

    /// The key of item `index` (a call), sub-item `sub` (an attempt).
    #[inline]
    pub fn at(self, index: u64, sub: u32) -> DrawKey {
        DrawKey(mix(mix(self.0 ^ index) ^ (sub as u64).wrapping_mul(GOLDEN)))
    }
}

/// The key of one item (a call's attempt, a client's call): it opens a short
/// stream per purpose of that item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DrawKey(pub u64);

/// What a draw of one item is for; each opens its own stream.
#[derive(Clone, Copy, Debug)]
pub enum Draw {
    /// The service time of an attempt.
    Latency = 1,
    /// Whether an attempt fails.
    Failure = 2,
    /// The jitter of the backoff after an attempt.
    Jitter = 3,
    /// A closed-loop client's think time before a call.
    Think = 4,
    /// Which service a closed-loop client's call goes to.
    Route = 5,
}

impl DrawKey {
    #[inline]
    pub fn rng(self, purpose: Draw) -> SimRng {
        SimRng {
            state: mix(self.0 ^ (purpose as u64).wrapping_mul(GOLDEN)),
        }
    }
}

/// A keyed stream opened on its first draw: most attempts end without
/// needing their jitter, and opening a stream costs three mixes.
pub struct LazyRng {
    root: StreamKey,
    index: u64,
    sub: u32,
    purpose: Draw,
    open: Option<SimRng>,
}

impl LazyRng {
    pub fn new(root: StreamKey, index: u64, sub: u32, purpose: Draw) -> LazyRng {
        LazyRng {
            root,
            index,
            sub,
            purpose,
            open: None,
        }
    }

    #[inline]
    fn stream(&mut self) -> &mut SimRng {
        let (root, index, sub, purpose) = (self.root, self.index, self.sub, self.purpose);
        self.open
            .get_or_insert_with(|| root.at(index, sub).rng(purpose))
    }
}

impl RngCore for LazyRng {
    fn next_u32(&mut self) -> u32 {
        self.stream().next_u32()
    }
    fn next_u64(&mut self) -> u64 {
        self.stream().next_u64()
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        self.stream().fill_bytes(dest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng;

    #[test]
    fn streams_are_independent_and_reproducible() {
        let k = |seed, owner| StreamKey::new(seed, "arrivals", owner).stream().next_u64();
        assert_eq!(k(7, "payment"), k(7, "payment"));
        assert_ne!(k(7, "payment"), k(7, "user"));
        assert_ne!(k(7, "payment"), k(8, "payment"));
    }

    #[test]
    fn a_lazy_stream_draws_what_the_open_one_would() {
        let s = StreamKey::new(2, "attempts", "api");
        let mut lazy = LazyRng::new(s, 17, 3, Draw::Jitter);
        let mut open = s.at(17, 3).rng(Draw::Jitter);
        assert_eq!(lazy.next_u64(), open.next_u64());
        assert_eq!(lazy.next_u64(), open.next_u64());
    }

    #[test]
    fn keyed_draws_depend_on_the_key_alone() {
        let s = StreamKey::new(1, "attempts", "payment");
        let a = s.at(41, 2).rng(Draw::Latency).next_u64();
        // Other draws in between change nothing.
        let _ = s.at(40, 1).rng(Draw::Latency).next_u64();
        assert_eq!(a, s.at(41, 2).rng(Draw::Latency).next_u64());
        assert_ne!(a, s.at(41, 1).rng(Draw::Latency).next_u64());
        assert_ne!(a, s.at(42, 2).rng(Draw::Latency).next_u64());
        assert_ne!(a, s.at(41, 2).rng(Draw::Failure).next_u64());
    }

    #[test]
    fn a_fork_draws_apart_from_the_original_and_from_other_forks() {
        let s = StreamKey::new(1, "attempts", "payment");
        let draw = |k: StreamKey| k.at(41, 1).rng(Draw::Latency).next_u64();
        assert_ne!(draw(s), draw(s.fork(1)));
        assert_ne!(draw(s.fork(1)), draw(s.fork(2)));
        assert_eq!(draw(s.fork(2)), draw(s.fork(2)));
    }

    #[test]
    fn keyed_coins_are_uniform_and_uncorrelated_across_neighbours() {
        // Neighbouring calls' first draws: mean ½, and a coin at p = 0.3
        // that comes up in 30 % of calls, independently of the previous call.
        let s = StreamKey::new(3, "attempts", "svc");
        let n = 200_000u64;
        let u: Vec<f64> = (0..n)
            .map(|i| s.at(i, 1).rng(Draw::Failure).random::<f64>())
            .collect();
        let mean = u.iter().sum::<f64>() / n as f64;
        assert!((mean - 0.5).abs() < 0.003, "mean {mean}");
        let hits = u.iter().filter(|&&x| x < 0.3).count() as f64 / n as f64;
        assert!((hits - 0.3).abs() < 0.003, "p {hits}");
        let both = u.windows(2).filter(|w| w[0] < 0.3 && w[1] < 0.3).count() as f64;
        let joint = both / (n - 1) as f64;
        assert!((joint - 0.09).abs() < 0.003, "joint {joint}");
    }
}
