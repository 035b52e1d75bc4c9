//! How the page writes a gazetteer name (its display form; the CLI's GeoJSON keeps the
//! gazetteer's own spelling).
//!
//! Most of the gazetteer's Ukrainian names are the official romanisation of the Cabinet of
//! Ministers' system of 2010 (Kupiansk, Mykilske, Blahovishchenske), which writes neither the
//! soft sign (ь) nor the apostrophe (ʼ). The places GeoNames alone knows keep its BGN/PCGN-style
//! spellings, which write both as ’ or ' after a consonant: “Nikol's’ke”, “Bol’shoy Ladyzhen”,
//! “Rozverten’”. Where the data holds both spellings of one place, the official one is the other
//! without those marks (Blagovishhens'ke / Blahovishchenske, Bil'kivci / Bilkivtsi). So the
//! display form drops an apostrophe that follows a Latin consonant. It keeps one after a vowel
//! (the pinyin syllable break of Xi’an, the Arabic ʿayn of Ra’s Bayrūt) and one before a capital
//! letter (the elision of N'Djamena).

use crate::names::fold_word;
use std::borrow::Cow;

/// The marks romanisations write for the soft sign and the apostrophe: the ASCII apostrophe,
/// the right single quotation mark and the modifier letter apostrophe.
const SOFT_SIGNS: [char; 3] = ['\'', '’', 'ʼ'];

/// Whether `c` is a consonant of the Latin alphabet, accents aside (ž is, ë and Cyrillic
/// letters are not).
fn latin_consonant(c: char) -> bool {
    let base = fold_word(c.encode_utf8(&mut [0; 4])).bytes().next();
    base.is_some_and(|b| b.is_ascii_alphabetic() && !b"aeiouy".contains(&b))
}

/// `name` as the page shows it: soft signs and apostrophes after a Latin consonant left out,
/// unless a capital letter follows. Borrows `name` when it has none.
pub fn display_name(name: &str) -> Cow<'_, str> {
    let dropped = |before: Option<char>, c: char, after: Option<char>| {
        SOFT_SIGNS.contains(&c)
            && before.is_some_and(latin_consonant)
            && !after.is_some_and(char::is_uppercase)
    };
    let chars: Vec<char> = name.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let keep = |i: usize| !dropped(i.checked_sub(1).and_then(at), chars[i], at(i + 1));
    if (0..chars.len()).all(keep) {
        return Cow::Borrowed(name);
    }
    Cow::Owned(
        (0..chars.len())
            .filter(|&i| keep(i))
            .map(|i| chars[i])
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_signs_after_consonants_are_left_out_and_other_apostrophes_kept() {
        // Spellings of data/gazetteer.geojson and the display form a reader expects.
        let cases = [
            ("Nikol's’ke", "Nikolske"),
            ("Bol’shoy Ladyzhen", "Bolshoy Ladyzhen"),
            ("Rozverten’", "Rozverten"),
            ("Mar'ivka", "Marivka"),
            ("Rudnya Myhal's'ka", "Rudnya Myhalska"),
            ("Pereves’ye", "Perevesye"),
            ("Novo-Podol’skiy", "Novo-Podolskiy"),
            (
                "Konstantinopol’ Nomer Tretiy",
                "Konstantinopol Nomer Tretiy",
            ),
            ("Poluozër’ye Rybchanskoye", "Poluozërye Rybchanskoye"),
            // Not in the data: the modifier letter apostrophe, a consonant with an accent.
            ("Kamʼianka", "Kamianka"),
            ("Ploskoš’e", "Ploskoše"),
            // Names without the marks, and marks that are not soft signs, stay as written.
            ("Kupiansk", "Kupiansk"),
            ("Xi’an", "Xi’an"),
            ("Huai'an", "Huai'an"),
            ("Ra’s Bayrūt", "Ra’s Bayrūt"),
            ("N'Djamena", "N'Djamena"),
            ("Мар'їнка", "Мар'їнка"),
            ("’Kharkiv", "’Kharkiv"),
            ("", ""),
        ];
        for (name, shown) in cases {
            assert_eq!(display_name(name), shown, "{name}");
        }
    }

    #[test]
    fn a_name_without_soft_signs_is_borrowed() {
        assert!(matches!(display_name("Huai'an"), Cow::Borrowed(_)));
        assert!(matches!(display_name("Mar'ivka"), Cow::Owned(_)));
    }
}
