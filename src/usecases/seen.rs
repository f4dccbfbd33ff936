//! A compact set of the ids seen so far, to drop repeats from a stream of a million of them.

use std::collections::HashSet;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher, RandomState};

/// Ids kept as 128-bit hashes: 16 bytes an id, whatever its length, in 64 shards so that growing
/// one never copies more than a sixty-fourth of the set (a single table would briefly hold its
/// old and new arrays, half as much again). Two ids are taken for one only if both 64-bit halves
/// collide, each from its own randomly keyed SipHash-1-3: for n ids the chance is about
/// n²/2¹²⁹, 1.5e-27 for a million, far below the odds of the machine flipping a bit, so a
/// collision is not a practical risk. The keys are new in every process, so no input can be
/// crafted to collide either.
pub struct Seen {
    keys: [RandomState; 2],
    shards: Vec<HashSet<u128, BuildHasherDefault<AlreadyHashed>>>,
}

const SHARD_BITS: u32 = 6;

impl Default for Seen {
    fn default() -> Seen {
        Seen::new()
    }
}

impl Seen {
    pub fn new() -> Seen {
        Seen {
            keys: [RandomState::new(), RandomState::new()],
            shards: (0..1 << SHARD_BITS).map(|_| HashSet::default()).collect(),
        }
    }

    /// True the first time `id` is seen.
    pub fn insert(&mut self, id: &str) -> bool {
        let hash =
            (u128::from(self.keys[0].hash_one(id)) << 64) | u128::from(self.keys[1].hash_one(id));
        let shard = (hash >> (128 - SHARD_BITS)) as usize;
        self.shards[shard].insert(hash)
    }
}

/// The hasher of values that are random hashes already: their low 64 bits as they are.
#[derive(Default)]
struct AlreadyHashed(u64);

impl Hasher for AlreadyHashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }

    fn write_u128(&mut self, n: u128) {
        self.0 = n as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::Seen;

    #[test]
    fn each_id_is_new_once() {
        let mut seen = Seen::new();
        assert!((0..100_000).all(|n| seen.insert(&format!("iv_{n}"))));
        assert!((0..100_000).all(|n| !seen.insert(&format!("iv_{n}"))));
        assert!(seen.insert("iv_100000"));
    }
}
