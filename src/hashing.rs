//! Hash maps for the hot path, behind one module so the hasher can be swapped.
//!
//! foldhash is several times faster than std's SipHash on short keys (slugs, heading ids,
//! UI keys) and is still seeded per process, so crafted names cannot force collisions.

pub type FastMap<K, V> = foldhash::HashMap<K, V>;
pub type FastSet<T> = foldhash::HashSet<T>;

/// `new()` and `with_capacity()` for the aliases above.
pub use foldhash::{HashMapExt, HashSetExt};

/// A 64-bit hash of a string, the same on every run: alignment compares segments by it.
pub fn hash_str(s: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(0x5eed).hash_one(s)
}
