//! Case-insensitive word sets: the vocabularies of the linguistic rules (given names, titles,
//! region words, speech verbs …), hashed once on first use so that a lookup costs one hash
//! instead of a scan of the list.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// The longest word a set can hold.
const LONGEST: usize = 32;

/// A fixed list of lower-case words, looked up ignoring ASCII case.
pub struct WordSet {
    words: &'static [&'static str],
    index: OnceLock<Index>,
}

/// The hashed words, and for each first letter (a–z, then any other byte) a bit per word length
/// present: most words of a text are ruled out by these two alone, before any hashing.
struct Index {
    set: FxHashSet<&'static [u8]>,
    lengths_by_first: [u32; 27],
}

/// The slot of a word's first byte in `Index::lengths_by_first`.
fn first_slot(b: u8) -> usize {
    if b.is_ascii_alphabetic() {
        usize::from(b.to_ascii_lowercase() - b'a')
    } else {
        26
    }
}

impl WordSet {
    /// The set of `words`, which must be written in lower case and be at most 32 bytes long.
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            index: OnceLock::new(),
        }
    }

    /// True when `word`, lower-cased, is in the set.
    pub fn contains(&self, word: &str) -> bool {
        let index = self.index.get_or_init(|| {
            let mut lengths_by_first = [0u32; 27];
            for w in self.words {
                assert!(!w.is_empty() && w.len() <= LONGEST, "word set entry {w:?}");
                lengths_by_first[first_slot(w.as_bytes()[0])] |= 1 << (w.len() - 1);
            }
            Index {
                set: self.words.iter().map(|w| w.as_bytes()).collect(),
                lengths_by_first,
            }
        });
        let bytes = word.as_bytes();
        let Some(&first) = bytes.first() else {
            return false;
        };
        if bytes.len() > LONGEST
            || index.lengths_by_first[first_slot(first)] & (1 << (bytes.len() - 1)) == 0
        {
            return false;
        }
        let mut buffer = [0u8; LONGEST];
        let lower = &mut buffer[..bytes.len()];
        lower.copy_from_slice(bytes);
        lower.make_ascii_lowercase();
        index.set.contains(&*lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static SET: WordSet = WordSet::new(&["region", "oblast"]);

    #[test]
    fn looks_up_ignoring_case() {
        assert!(SET.contains("Region"));
        assert!(SET.contains("OBLAST"));
        assert!(!SET.contains("regions"));
        assert!(!SET.contains(""));
        assert!(!SET.contains(&"x".repeat(100)));
        assert!(!SET.contains("Київ"));
    }
}
