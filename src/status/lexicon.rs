//! The lexicon of the status engine, as data: the event predicates (cue phrases and what each
//! says of a place) and the word classes the structure and attachment stages look for, read once
//! from `data/lexicon.tsv` (embedded at build time; its header documents every class). Matching
//! cue phrases against a sentence's words is here too.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// What a cue says, before the actor's side is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cue {
    /// liberated, retook, freed: liberated (occupied when the Russian side says it).
    Liberate,
    /// captured, seized, took control: depends on who took it.
    Capture,
    /// withdrew, retreated, fled: the side that left loses it.
    Withdraw,
    /// occupied, under Russian control, Russian-held.
    Occupied,
    /// hold, held: occupied when Russian forces hold it, contested when Ukrainian forces do.
    Hold,
    Contested,
    Attacked,
    Evacuated,
    /// "kilometers from X", "the road to X": X is a reference point.
    Reference,
}

/// A class of words of the lexicon (see the header of `data/lexicon.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    SideRussian,
    SideUkrainian,
    Negation,
    Earlier,
    Near,
    Destination,
    Civilian,
    PlaceNoun,
    Auxiliary,
    Passive,
    ListFiller,
    MorePlaces,
    FrontLine,
    Relative,
    ClauseBreak,
    ObjectMarker,
    Expel,
    ListOpener,
    SettlementNoun,
    Attempt,
    Hypothetical,
    Denial,
    Conditional,
    BackReference,
}

/// Every word class with its name in the data file, in the order of `Class` (a class is its
/// index here).
const CLASSES: &[(&str, Class)] = &[
    ("side-russian", Class::SideRussian),
    ("side-ukrainian", Class::SideUkrainian),
    ("negation", Class::Negation),
    ("earlier", Class::Earlier),
    ("near", Class::Near),
    ("destination", Class::Destination),
    ("civilian", Class::Civilian),
    ("place-noun", Class::PlaceNoun),
    ("auxiliary", Class::Auxiliary),
    ("passive", Class::Passive),
    ("list-filler", Class::ListFiller),
    ("more-places", Class::MorePlaces),
    ("front-line", Class::FrontLine),
    ("relative", Class::Relative),
    ("clause-break", Class::ClauseBreak),
    ("object-marker", Class::ObjectMarker),
    ("expel", Class::Expel),
    ("list-opener", Class::ListOpener),
    ("settlement-noun", Class::SettlementNoun),
    ("attempt", Class::Attempt),
    ("hypothetical", Class::Hypothetical),
    ("denial", Class::Denial),
    ("conditional", Class::Conditional),
    ("back-reference", Class::BackReference),
];

/// The longest word a word class can hold.
const LONGEST_CLASS_WORD: usize = 32;

/// The classes a word belongs to, one bit each: a word is looked up once and each class test
/// is a bit test.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ClassSet(u32);

impl ClassSet {
    /// The set whose bits are `bits` (as [`ClassSet::bits`] gave them).
    pub(crate) fn from_bits(bits: u32) -> ClassSet {
        ClassSet(bits)
    }

    pub(crate) fn bits(self) -> u32 {
        self.0
    }

    pub(crate) fn has(self, class: Class) -> bool {
        self.0 & (1 << class as u32) != 0
    }
}

/// What a phrase of the lexicon is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Phrase {
    Cue(Cue),
    /// Begins with a cue word but is no cue ("left bank").
    NoCue,
    /// Sets its sentence in an earlier phase of the war ("early in the war").
    EarlierTime,
}

/// Every phrase class with its name in the data file.
const PREDICATES: &[(&str, Phrase)] = &[
    ("liberate", Phrase::Cue(Cue::Liberate)),
    ("capture", Phrase::Cue(Cue::Capture)),
    ("withdraw", Phrase::Cue(Cue::Withdraw)),
    ("occupied", Phrase::Cue(Cue::Occupied)),
    ("hold", Phrase::Cue(Cue::Hold)),
    ("contested", Phrase::Cue(Cue::Contested)),
    ("attacked", Phrase::Cue(Cue::Attacked)),
    ("evacuated", Phrase::Cue(Cue::Evacuated)),
    ("reference", Phrase::Cue(Cue::Reference)),
    ("none", Phrase::NoCue),
    ("earlier-time", Phrase::EarlierTime),
];

/// One word of a cue phrase: exact, or a prefix (written with a trailing `*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CueWord {
    text: &'static str,
    prefix: bool,
}

impl CueWord {
    /// A word matching any word that starts with `text`.
    pub(crate) const fn prefix(text: &'static str) -> CueWord {
        CueWord { text, prefix: true }
    }

    fn parse(w: &'static str) -> CueWord {
        match w.strip_suffix('*') {
            Some(text) => CueWord { text, prefix: true },
            None => CueWord {
                text: w,
                prefix: false,
            },
        }
    }

    /// Whether `word` matches, ignoring ASCII case.
    pub(crate) fn matches(self, word: &str) -> bool {
        if self.prefix {
            word.len() >= self.text.len()
                && word.as_bytes()[..self.text.len()].eq_ignore_ascii_case(self.text.as_bytes())
        } else {
            word.eq_ignore_ascii_case(self.text)
        }
    }
}

/// The lexicon, parsed: the phrases by the first two letters of their first word and by that
/// word (so a word is compared with the few first words that can start it, and only the phrases
/// of a matching one further), the word classes, the framing phrases.
pub(crate) struct Lexicon {
    phrases: Vec<(Vec<CueWord>, Phrase)>,
    by_first_letters: Vec<Vec<Opening>>,
    /// Each word of a class, in lower case, with every class that holds it.
    classes: FxHashMap<&'static [u8], ClassSet>,
    russian_framing: Vec<&'static str>,
    ukrainian_framing: Vec<&'static str>,
}

/// The phrases that open with one word, as indices into the lexicon's phrases, in file order.
#[derive(Clone, Debug)]
struct Opening {
    word: CueWord,
    phrases: Vec<usize>,
}

/// The slot of a word's first two letters, ASCII letters only, ignoring case (every cue word
/// starts with two of them).
fn first_two(w: &str) -> Option<usize> {
    match w.as_bytes() {
        [a, b, ..] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => Some(
            usize::from(a.to_ascii_lowercase() - b'a') * 26
                + usize::from(b.to_ascii_lowercase() - b'a'),
        ),
        _ => None,
    }
}

/// The lexicon file, embedded.
const LEXICON_TSV: &str = include_str!("../../data/lexicon.tsv");

/// Reads `text` in the format of `data/lexicon.tsv`; an error names the line at fault.
fn parse(text: &'static str) -> Result<Lexicon, String> {
    let mut lexicon = Lexicon {
        phrases: Vec::new(),
        by_first_letters: vec![Vec::new(); 26 * 26],
        classes: FxHashMap::default(),
        russian_framing: Vec::new(),
        ukrainian_framing: Vec::new(),
    };
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fault = |what: &str| format!("data/lexicon.tsv line {}: {what}: {line:?}", n + 1);
        let (class, phrase) = line.split_once('\t').ok_or_else(|| fault("no tab"))?;
        if phrase.is_empty() || phrase != phrase.to_lowercase() || phrase.contains("  ") {
            return Err(fault(
                "a phrase is lower case, words separated by one space",
            ));
        }
        if class == "russian-framing" {
            lexicon.russian_framing.push(phrase);
        } else if class == "ukrainian-framing" {
            lexicon.ukrainian_framing.push(phrase);
        } else if let Some((_, cue)) = PREDICATES.iter().find(|(name, _)| *name == class) {
            let parts: Vec<CueWord> = phrase.split(' ').map(CueWord::parse).collect();
            let key = first_two(parts[0].text).ok_or_else(|| fault("a cue starts with letters"))?;
            let index = lexicon.phrases.len();
            let openings = &mut lexicon.by_first_letters[key];
            match openings.iter_mut().find(|o| o.word == parts[0]) {
                Some(opening) => opening.phrases.push(index),
                None => openings.push(Opening {
                    word: parts[0],
                    phrases: vec![index],
                }),
            }
            lexicon.phrases.push((parts, *cue));
        } else if let Some(&(_, class)) = CLASSES.iter().find(|(name, _)| *name == class) {
            if phrase.contains(' ') || phrase.len() > LONGEST_CLASS_WORD {
                return Err(fault("a word class holds single words"));
            }
            lexicon.classes.entry(phrase.as_bytes()).or_default().0 |= 1 << class as u32;
        } else {
            return Err(fault("unknown class"));
        }
    }
    Ok(lexicon)
}

/// The project's lexicon, parsed on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| parse(LEXICON_TSV).expect("data/lexicon.tsv is well formed (tested)"))
}

impl Lexicon {
    /// Whether `word` (any case, possessive stripped by the caller) is in `class`.
    pub(crate) fn is(&self, class: Class, word: &str) -> bool {
        self.classes_of(word).has(class)
    }

    /// Every class that holds `word` (any case).
    pub(crate) fn classes_of(&self, word: &str) -> ClassSet {
        let bytes = word.as_bytes();
        if bytes.len() > LONGEST_CLASS_WORD {
            return ClassSet::default();
        }
        let found = if bytes.iter().any(u8::is_ascii_uppercase) {
            let mut lower = [0u8; LONGEST_CLASS_WORD];
            let lower = &mut lower[..bytes.len()];
            lower.copy_from_slice(bytes);
            lower.make_ascii_lowercase();
            self.classes.get(&*lower)
        } else {
            self.classes.get(bytes)
        };
        found.copied().unwrap_or_default()
    }

    /// Whether lower-cased `text` (hyphens as spaces) uses a phrase of the Russian side.
    pub(crate) fn russian_framing(&self, lower: &str) -> bool {
        self.russian_framing.iter().any(|p| lower.contains(p))
    }

    /// Whether lower-cased `text` (hyphens as spaces) uses a phrase of the Ukrainian side.
    pub(crate) fn ukrainian_framing(&self, lower: &str) -> bool {
        self.ukrainian_framing.iter().any(|p| lower.contains(p))
    }

    /// The longest phrase starting at `words[w]`: its length in words and what it is; `None`
    /// when no phrase starts there.
    pub(crate) fn phrase_at<'w>(
        &self,
        w: usize,
        len: usize,
        word: impl Fn(usize) -> &'w str,
    ) -> Option<(usize, Phrase)> {
        let first = word(w);
        let openings = first_two(first).map(|k| &self.by_first_letters[k]);
        // (length, index, what): the longest phrase, the first in the file among equals.
        let mut matched: Option<(usize, usize, Phrase)> = None;
        for opening in openings.into_iter().flatten() {
            if !opening.word.matches(first) {
                continue;
            }
            for &i in &opening.phrases {
                let (parts, cue) = &self.phrases[i];
                if w + parts.len() > len {
                    continue;
                }
                let ok = (1..parts.len()).all(|k| parts[k].matches(word(w + k)));
                let better = |(l, j, _): (usize, usize, Phrase)| {
                    parts.len() > l || (parts.len() == l && i < j)
                };
                if ok && matched.is_none_or(better) {
                    matched = Some((parts.len(), i, *cue));
                }
            }
        }
        matched.map(|(l, _, cue)| (l, cue))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cue of the phrase at the start of `text`, and its length in words.
    fn cue_of(text: &str) -> Option<(usize, Phrase)> {
        let words: Vec<&str> = text.split(' ').collect();
        lexicon().phrase_at(0, words.len(), |i| words[i])
    }

    #[test]
    fn the_lexicon_file_parses() {
        let lexicon = parse(LEXICON_TSV).unwrap();
        assert!(lexicon.phrases.len() > 150);
        assert!(CLASSES.len() <= 32, "a ClassSet has a bit for each class");
        for (k, (_, class)) in CLASSES.iter().enumerate() {
            assert_eq!(*class as usize, k, "CLASSES is in the order of Class");
            assert!(
                lexicon.classes.values().any(|set| set.has(*class)),
                "{class:?} has words"
            );
        }
    }

    #[test]
    fn each_predicate_class_has_its_phrases() {
        type Case = (&'static str, Option<(usize, Phrase)>);
        let cases: &[Case] = &[
            ("liberated the", Some((1, Phrase::Cue(Cue::Liberate)))),
            ("Recaptured", Some((1, Phrase::Cue(Cue::Liberate)))),
            (
                "back under ukrainian control",
                Some((4, Phrase::Cue(Cue::Liberate))),
            ),
            ("seized", Some((1, Phrase::Cue(Cue::Capture)))),
            ("took control of", Some((2, Phrase::Cue(Cue::Capture)))),
            ("withdrew", Some((1, Phrase::Cue(Cue::Withdraw)))),
            ("pulled out", Some((2, Phrase::Cue(Cue::Withdraw)))),
            ("russian held", Some((2, Phrase::Cue(Cue::Occupied)))),
            ("holds", Some((1, Phrase::Cue(Cue::Hold)))),
            ("encircled", Some((1, Phrase::Cue(Cue::Contested)))),
            ("battles", Some((1, Phrase::Cue(Cue::Contested)))),
            ("shelled", Some((1, Phrase::Cue(Cue::Attacked)))),
            ("missile", Some((1, Phrase::Cue(Cue::Attacked)))),
            ("injured", Some((1, Phrase::Cue(Cue::Attacked)))),
            ("striking", Some((1, Phrase::Cue(Cue::Attacked)))),
            ("took", Some((1, Phrase::Cue(Cue::Capture)))),
            ("took part", Some((2, Phrase::NoCue))),
            ("taken", Some((1, Phrase::Cue(Cue::Capture)))),
            ("taken to", Some((2, Phrase::NoCue))),
            ("russian staging", Some((2, Phrase::Cue(Cue::Occupied)))),
            ("troops in", Some((2, Phrase::Cue(Cue::Hold)))),
            ("gained ground", Some((2, Phrase::Cue(Cue::Contested)))),
            ("evacuation", Some((1, Phrase::Cue(Cue::Evacuated)))),
            ("kilometres", Some((1, Phrase::Cue(Cue::Reference)))),
            ("north of", Some((2, Phrase::Cue(Cue::Reference)))),
            ("left bank", Some((2, Phrase::NoCue))),
            ("fell on", Some((2, Phrase::NoCue))),
            ("fell", Some((1, Phrase::Cue(Cue::Capture)))),
            ("flag was hoisted", Some((3, Phrase::Cue(Cue::Liberate)))),
            ("progressed", Some((1, Phrase::Cue(Cue::Contested)))),
            ("attack aircraft", Some((2, Phrase::NoCue))),
            ("artillery units", Some((2, Phrase::NoCue))),
            ("artillery", Some((1, Phrase::Cue(Cue::Attacked)))),
            ("early in the war", Some((4, Phrase::EarlierTime))),
            ("village", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(cue_of(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn each_word_class_has_its_words() {
        let cases: &[(Class, &str, &str)] = &[
            (Class::SideRussian, "Occupiers", "occupation"),
            (Class::SideUkrainian, "AFU", "russian"),
            (Class::Negation, "failed", "fail"),
            (Class::Earlier, "previously", "now"),
            (Class::Near, "vicinity", "in"),
            (Class::Destination, "towards", "from"),
            (Class::Civilian, "residents", "troops"),
            (Class::PlaceNoun, "town", "forces"),
            (Class::Auxiliary, "had", "been"),
            (Class::Passive, "been", "had"),
            (Class::ListFiller, "villages", "near"),
            (Class::MorePlaces, "surrounding", "villages"),
            (Class::FrontLine, "axis", "area"),
            (Class::Relative, "which", "who"),
            (Class::ClauseBreak, "whereas", "and"),
            (Class::ObjectMarker, "against", "by"),
            (Class::Expel, "ousted", "out"),
            (Class::ListOpener, "namely", "such"),
            (Class::SettlementNoun, "village", "region"),
            (Class::Attempt, "tried", "wanted"),
            (Class::Hypothetical, "might", "must"),
            (Class::Denial, "dismissed", "confirmed"),
            (Class::Conditional, "would", "could"),
            (Class::BackReference, "areas", "area"),
        ];
        for &(class, member, other) in cases {
            assert!(lexicon().is(class, member), "{class:?} holds {member}");
            assert!(!lexicon().is(class, other), "{class:?} lacks {other}");
        }
        let classes = lexicon().classes_of("NEAR");
        assert!(classes.has(Class::Near) && !classes.has(Class::Destination));
        assert_eq!(lexicon().classes_of(&"near".repeat(9)), ClassSet::default());
        assert_eq!(lexicon().classes_of("Київ"), ClassSet::default());
        let both = lexicon().classes_of("Were");
        assert!(both.has(Class::Auxiliary) && both.has(Class::Passive) && !both.has(Class::Near));
        assert_eq!(ClassSet::from_bits(both.bits()), both);
        assert!(lexicon().russian_framing("the kiev regime said"));
        assert!(!lexicon().russian_framing("the kyiv government said"));
        assert!(lexicon().ukrainian_framing("in temporarily occupied kupiansk"));
        assert!(lexicon().ukrainian_framing("the occupiers shelled"));
        assert!(!lexicon().ukrainian_framing("the occupied town"));
        assert!(!lexicon().ukrainian_framing("the kiev regime said"));
    }

    #[test]
    fn malformed_lines_are_named() {
        let cases: &[(&str, &str)] = &[
            ("contested", "no tab"),
            ("contested\tFighting", "lower case"),
            ("contested\t", "lower case"),
            ("near\tclose to", "single words"),
            ("fighting\tbattle", "unknown class"),
            ("contested\t7th", "starts with letters"),
        ];
        for (text, fault) in cases {
            let error = parse(text).err().unwrap_or_default();
            assert!(
                error.contains("line 1") && error.contains(fault),
                "{text:?}: {error}"
            );
        }
    }
}
