//! Case-insensitive word sets: the vocabularies of the linguistic rules (given names, titles,
//! region words, speech verbs …), sorted once on first use by first letter and length, so that
//! a lookup compares a word with the few of the set that share both, without hashing it.

use std::sync::OnceLock;

/// The longest word a set can hold.
const LONGEST: usize = 32;

/// A fixed list of lower-case words, looked up ignoring ASCII case.
pub struct WordSet {
    words: &'static [&'static str],
    index: OnceLock<Index>,
}

/// How many (first letter, length) runs a set has: 27 first letters (see
/// [`FirstLetterLengths`]) and the lengths 0 to [`LONGEST`].
const RUNS: usize = 27 * (LONGEST + 1);

/// The words sorted by first letter and length, and where each run of one first letter and one
/// length starts among them; and which runs are not empty, in a few bytes that stay in the cache:
/// most words of a text are ruled out by these alone.
struct Index {
    words: Vec<&'static [u8]>,
    starts: Box<[u16; RUNS + 1]>,
    lengths: FirstLetterLengths,
}

impl Index {
    fn of(words: &'static [&'static str]) -> Index {
        let mut starts = Box::new([0u16; RUNS + 1]);
        let mut lengths = FirstLetterLengths::default();
        for w in words {
            assert!(!w.is_empty() && w.len() <= LONGEST, "word set entry {w:?}");
            starts[run_of(w.as_bytes()) + 1] += 1;
            lengths.insert(w);
        }
        for run in 1..=RUNS {
            starts[run] += starts[run - 1];
        }
        let mut words: Vec<&'static [u8]> = words.iter().map(|w| w.as_bytes()).collect();
        words.sort_by_key(|w| run_of(w));
        Index {
            words,
            starts,
            lengths,
        }
    }
}

/// The run of words with the first letter and the length of `word` (at most [`LONGEST`] bytes).
fn run_of(word: &[u8]) -> usize {
    word.first().map_or(0, |&first| {
        FirstLetterLengths::slot(first) * (LONGEST + 1) + word.len()
    })
}

/// For each first letter (a–z ignoring ASCII case, then any other first byte) a bit per word
/// length, 1 to 64 bytes, present among some words: most other words of a text are ruled out by
/// these two alone, before any hashing.
#[derive(Clone, Copy, Debug, Default)]
pub struct FirstLetterLengths([u64; 27]);

impl FirstLetterLengths {
    fn slot(first: u8) -> usize {
        if first.is_ascii_alphabetic() {
            usize::from(first.to_ascii_lowercase() - b'a')
        } else {
            26
        }
    }

    /// Notes `word` (a word longer than 64 bytes or empty is left out).
    pub fn insert(&mut self, word: &str) {
        if let Some(&first) = word.as_bytes().first() {
            if word.len() <= 64 {
                self.0[Self::slot(first)] |= 1 << (word.len() - 1);
            }
        }
    }

    /// False when no word noted has the first letter and the length of `word`.
    pub fn may_contain(&self, word: &str) -> bool {
        word.as_bytes().first().is_some_and(|&first| {
            word.len() <= 64 && self.0[Self::slot(first)] & (1 << (word.len() - 1)) != 0
        })
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
        let index = self.index.get_or_init(|| Index::of(self.words));
        let bytes = word.as_bytes();
        if bytes.len() > LONGEST || !index.lengths.may_contain(word) {
            return false;
        }
        let run = run_of(bytes);
        let (from, to) = (index.starts[run], index.starts[run + 1]);
        // The set's words are in lower case.
        index.words[usize::from(from)..usize::from(to)]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(bytes))
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

    #[test]
    fn first_letters_and_lengths_rule_words_out() {
        let mut lengths = FirstLetterLengths::default();
        lengths.insert("mayak");
        lengths.insert(&"x".repeat(65));
        assert!(lengths.may_contain("mayak") && lengths.may_contain("Mirny"));
        assert!(!lengths.may_contain("maya") && !lengths.may_contain("bayak"));
        assert!(!lengths.may_contain("") && !lengths.may_contain(&"x".repeat(65)));
    }
}
