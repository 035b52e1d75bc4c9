//! Case-insensitive word sets: the vocabularies of the linguistic rules (given names, titles,
//! region words, speech verbs …), hashed once on first use so that a lookup costs one hash
//! instead of a scan of the list.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// A fixed list of lower-case words, looked up ignoring ASCII case.
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<(FxHashSet<&'static str>, usize, usize)>,
}

impl WordSet {
    /// The set of `words`, which must be written in lower case.
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    /// True when `word`, lower-cased, is in the set.
    pub fn contains(&self, word: &str) -> bool {
        const LONGEST: usize = 32;
        let (set, shortest, longest) = self.set.get_or_init(|| {
            let set: FxHashSet<&'static str> = self.words.iter().copied().collect();
            let shortest = self.words.iter().map(|w| w.len()).min().unwrap_or(0);
            let longest = self.words.iter().map(|w| w.len()).max().unwrap_or(0);
            (set, shortest, longest)
        });
        // Most words are ruled out by their length alone.
        if word.len() < *shortest || word.len() > (*longest).min(LONGEST) {
            return false;
        }
        let mut buffer = [0u8; LONGEST];
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let Ok(lower) = std::str::from_utf8(lower) else {
            return false;
        };
        set.contains(lower)
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
