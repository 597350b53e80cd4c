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

/// Strings numbered in the order they are first seen. The search index looks every word of
/// every page up in one; a word of up to 16 bytes is kept inside the table's slot and
/// compared there, so a lookup follows no pointer and calls no `memcmp` (the two were
/// half the time of counting a page's words). The strings themselves stand one after
/// another in one buffer: an allocation per new word was a tenth of counting.
///
/// Each string's slot also holds a small value `V` of the caller's, so that a caller keeping
/// something per string (the search counter: where the word stands in the page being
/// counted) finds it in the slot the lookup already read, not in a second table.
pub struct Interner<V = ()> {
    table: hashbrown::HashTable<Slot<V>>,
    strings: Strings,
    hasher: HeadHasher,
}

/// Numbered strings, one after another in one buffer.
#[derive(Default)]
pub struct Strings {
    text: String,
    /// Each string's end in `text`; it starts where the one before ends.
    ends: Vec<u32>,
}

impl Strings {
    /// The string numbered `id`.
    pub fn get(&self, id: u32) -> &str {
        let id = id as usize;
        let start = if id == 0 {
            0
        } else {
            self.ends[id - 1] as usize
        };
        &self.text[start..self.ends[id] as usize]
    }

    /// The strings in the order of their numbers.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> {
        (0..self.ends.len() as u32).map(|id| self.get(id))
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn push(&mut self, s: &str) -> u32 {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
        self.ends.len() as u32 - 1
    }
}

/// Hashes a string from its head when that is all of it: a folded multiply of the head's
/// two halves with this process's keys, as foldhash does; longer strings go to foldhash.
struct HeadHasher {
    state: foldhash::fast::RandomState,
    keys: (u64, u64),
}

impl HeadHasher {
    fn new() -> HeadHasher {
        use std::hash::BuildHasher;
        let state = foldhash::fast::RandomState::default();
        HeadHasher {
            keys: (state.hash_one(1u8), state.hash_one(2u8)),
            state,
        }
    }

    fn hash(&self, s: &str, head: u128) -> u64 {
        use std::hash::BuildHasher;
        if s.len() > HEAD {
            return self.state.hash_one(s);
        }
        let (lo, hi) = (head as u64, (head >> 64) as u64);
        let m = u128::from(lo ^ self.keys.0) * u128::from(hi ^ self.keys.1 ^ s.len() as u64);
        (m as u64) ^ ((m >> 64) as u64)
    }
}

#[derive(Clone, Copy)]
struct Slot<V> {
    /// The string's first 16 bytes, zero-padded.
    head: u128,
    len: u32,
    id: u32,
    value: V,
}

const HEAD: usize = 16;

/// `s`'s first 16 bytes, zero-padded, read a word at a time: copying the bytes into an
/// array and reading it back stalled on every lookup.
fn head_of(s: &str) -> u128 {
    let b = s.as_bytes();
    let n = b.len();
    let word = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().unwrap_or_default());
    if n >= HEAD {
        u128::from(word(0)) | u128::from(word(8)) << 64
    } else if n >= 8 {
        // The last eight bytes, less those that the first eight already hold.
        let high = word(n - 8).checked_shr(8 * (HEAD - n) as u32).unwrap_or(0);
        u128::from(word(0)) | u128::from(high) << 64
    } else if n >= 4 {
        let half = |at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap_or_default());
        let high = half(n - 4).checked_shr(8 * (8 - n) as u32).unwrap_or(0);
        u128::from(half(0)) | u128::from(high) << 32
    } else {
        b.iter()
            .rev()
            .fold(0u128, |acc, &x| acc << 8 | u128::from(x))
    }
}

impl<V: Copy + Default> Default for Interner<V> {
    fn default() -> Self {
        Interner::with_capacity(0)
    }
}

impl<V: Copy + Default> Interner<V> {
    pub fn with_capacity(n: usize) -> Interner<V> {
        Interner {
            table: hashbrown::HashTable::with_capacity(n),
            strings: Strings {
                text: String::with_capacity(n * 8),
                ends: Vec::with_capacity(n),
            },
            hasher: HeadHasher::new(),
        }
    }

    /// The string numbered `id`.
    pub fn get(&self, id: u32) -> &str {
        self.strings.get(id)
    }

    /// The strings, without the table that finds them (a dictionary only read from now on).
    pub fn into_strings(self) -> Strings {
        self.strings
    }

    /// `s`'s number, given it now if it had none (numbers count up from 0).
    pub fn intern(&mut self, s: &str) -> u32 {
        self.entry(s).0
    }

    /// `s`'s number and its value (`V::default()` when `s` is new).
    #[inline]
    pub fn entry(&mut self, s: &str) -> (u32, &mut V) {
        let head = head_of(s);
        let hash = self.hasher.hash(s, head);
        let len = s.len() as u32;
        let strings = &self.strings;
        let same = |slot: &Slot<V>| {
            slot.len == len
                && slot.head == head
                && (s.len() <= HEAD
                    || strings.get(slot.id).as_bytes()[HEAD..] == s.as_bytes()[HEAD..])
        };
        // Found, most of the time: a lookup alone is cheaper than an entry, which first
        // makes room for an insertion.
        match self.table.find_entry(hash, same) {
            Ok(found) => {
                let slot = found.into_mut();
                (slot.id, &mut slot.value)
            }
            Err(absent) => {
                let table = absent.into_table();
                Self::insert(table, &mut self.strings, &self.hasher, s, head, hash)
            }
        }
    }

    #[cold]
    fn insert<'t>(
        table: &'t mut hashbrown::HashTable<Slot<V>>,
        strings: &mut Strings,
        hasher: &HeadHasher,
        s: &str,
        head: u128,
        hash: u64,
    ) -> (u32, &'t mut V) {
        let id = strings.push(s);
        let slot = table
            .insert_unique(
                hash,
                Slot {
                    head,
                    len: s.len() as u32,
                    id,
                    value: V::default(),
                },
                |slot| hasher.hash(strings.get(slot.id), slot.head),
            )
            .into_mut();
        (slot.id, &mut slot.value)
    }

    pub fn len(&self) -> usize {
        self.strings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of every length around the 8- and 16-byte boundaries the slot's head is read
    /// at, and words that differ only past those bytes, keep their own numbers.
    #[test]
    fn interned_strings_keep_their_numbers() {
        let words: Vec<String> = (1..=40)
            .flat_map(|n| {
                let base = "abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмн".chars().take(n);
                let a: String = base.clone().collect();
                let mut b = a.clone();
                b.push('x');
                let mut c: String = base.take(n.saturating_sub(1)).collect();
                c.push('ż');
                [a, b, c]
            })
            .collect();
        let mut interner: Interner = Interner::with_capacity(4);
        let ids: Vec<u32> = words.iter().map(|w| interner.intern(w)).collect();
        let mut distinct = words.clone();
        distinct.dedup();
        for (w, id) in words.iter().zip(&ids) {
            assert_eq!(interner.intern(w), *id, "{w}");
            assert_eq!(interner.get(*id), w.as_str());
        }
        let count = interner.len();
        let strings = interner.into_strings();
        let strings: Vec<&str> = strings.iter().collect();
        let mut sorted_ids = ids.clone();
        sorted_ids.sort_unstable();
        sorted_ids.dedup();
        assert_eq!(sorted_ids.len(), strings.len());
        assert_eq!(strings.len(), words.iter().collect::<FastSet<_>>().len());
        assert_eq!(strings.len(), count);
    }
}
