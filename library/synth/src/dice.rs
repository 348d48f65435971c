//! The seeded random source and the stable hash everything else draws on.
//!
//! Only integer draws are used (no floating-point maths), so a seed gives the
//! same records on every platform: ChaCha8 is specified bit for bit, and
//! `random_range` on `u32`/`u64`/`i64` does not depend on the pointer width.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

#[derive(Debug)]
pub(crate) struct Dice {
    rng: ChaCha8Rng,
}

const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

impl Dice {
    pub(crate) fn new(seed: u64) -> Self {
        Self {
            rng: ChaCha8Rng::seed_from_u64(seed),
        }
    }

    /// A uniform index in `0..n`; 0 when `n` is 0 or 1.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        // Catalog and pool sizes are far below u32::MAX.
        self.rng.random_range(0..n as u32) as usize
    }

    /// A uniform value in `lo..=hi` (`lo` when the range is empty).
    pub(crate) fn between(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            return lo;
        }
        self.rng.random_range(lo..=hi)
    }

    pub(crate) fn between_i64(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        self.rng.random_range(lo..=hi)
    }

    /// True with probability `percent`/100.
    pub(crate) fn percent(&mut self, percent: u32) -> bool {
        self.rng.random_range(0..100u32) < percent
    }

    /// One element; `items` must be non-empty (the catalogs are, a test checks).
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index drawn with the given relative weights.
    pub(crate) fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|w| u64::from(*w)).sum();
        if total == 0 {
            return self.below(weights.len());
        }
        let mut roll = self.between(0, total - 1);
        for (i, w) in weights.iter().enumerate() {
            let w = u64::from(*w);
            if roll < w {
                return i;
            }
            roll -= w;
        }
        weights.len() - 1
    }

    pub(crate) fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }

    /// Upper-case letters and digits, like processor reference codes.
    pub(crate) fn alnum(&mut self, n: usize) -> String {
        (0..n).map(|_| char::from(*self.pick(ALNUM))).collect()
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.rng.random()
    }
}

/// FNV-1a with a SplitMix64 finaliser: stable across platforms and releases,
/// unlike `std`'s hasher, because merchant splits and identities hang on it.
pub(crate) fn stable_hash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stable_hash_does_not_change() {
        // Pinned: a change would silently reshuffle the train/test split.
        assert_eq!(stable_hash(""), 0xf52a_15e9_a9b5_e89b);
        assert_eq!(
            stable_hash("food_and_drink/starbucks"),
            0xbb3e_1f58_4ac8_28a4
        );
    }

    #[test]
    fn the_random_stream_does_not_change() {
        // Pinned: a new rand or rand_chacha that changes the stream shows here
        // first, instead of as a different data set.
        let mut dice = Dice::new(7);
        let drawn = [
            dice.next_u64(),
            dice.between(0, 1_000_000),
            dice.below(1000) as u64,
        ];
        assert_eq!(drawn, [2_910_824_217_569_608_635, 167_989, 270]);
    }

    #[test]
    fn draws_are_reproducible_and_in_range() {
        let mut a = Dice::new(1);
        let mut b = Dice::new(1);
        for _ in 0..1000 {
            let x = a.between(3, 9);
            assert_eq!(x, b.between(3, 9));
            assert!((3..=9).contains(&x));
        }
        assert_eq!(a.below(0), 0);
        assert_eq!(a.weighted(&[0, 0, 5]), 2);
        assert_eq!(a.digits(7).len(), 7);
        assert!(a.alnum(9).bytes().all(|c| c.is_ascii_alphanumeric()));
    }
}
