//! A hint to the CPU to bring memory into the cache before it is read: the
//! engine asks for the next event's call and job while it handles the one
//! before, so that with many calls in flight (their slots far beyond the
//! cache) the wait for memory overlaps with work. Only a hint: it reads
//! nothing, decides nothing, and does nothing where it is not available.

/// Fetches the cache lines of `value` (up to three, 192 bytes).
#[inline(always)]
pub fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        let p = value as *const T as *const i8;
        let lines = std::mem::size_of::<T>().div_ceil(64).min(3);
        for line in 0..lines {
            // SAFETY: a prefetch never faults and never reads into the
            // program; the address is within or just past `value`.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(p.wrapping_add(line * 64)) };
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}
