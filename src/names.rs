//! Folding a name to its matching key. Two spellings of one place get the same key when they
//! differ only in case, diacritics, apostrophes (soft signs), hyphens, or in the ways Ukrainian
//! and Russian names are romanised: `y`/`i`/`j` (Izyum/Izium, Kupyansk/Kupiansk), doubled `ii`
//! (Balakliia/Balaklia), Russian adjective endings (-iy/-yi/-yy, -aya, -oye/-oe, -skoye/-ske) and
//! Russian neuter endings (-ovo/-ove, -evo/-eve, -ino/-yne), and -ovka/-ivka.
//! Other variants (Kiev/Kyiv, Kharkov/Kharkiv, Artemivsk/Bakhmut) are separate names in the
//! gazetteer, romanised from its Cyrillic names by rule when the data was built.
//!
//! What a character other than ASCII adds to a key is read from a generated table
//! ([`fold_table`]): the ASCII letters and digits of its compatibility decomposition (NFKD:
//! `é` → `e`, `ﬁ` → `fi`, `Ａ` → `a`), the base letter of the Latin letters Unicode does not
//! decompose (`ł` → `l`), or "another script" (`Київ`). The table is the NFKD fold of the
//! `unicode-normalization` crate written out for the characters where it matters, which keeps
//! that crate's tables out of the page's WebAssembly.

#[rustfmt::skip]
mod fold_table;

/// The matching key of one word: lower-case ASCII letters and digits only. A word with letters
/// of another script ("Київ", "RӾoM") has an empty key: it names nothing in the Latin index.
pub fn fold_word(word: &str) -> String {
    let mut key = String::with_capacity(word.len());
    if !push_folded_word(word, &mut key) {
        key.clear();
    }
    key
}

/// Appends the key of `word` to `out` (which may already hold other words); false when the
/// word has letters outside the Latin script (then `out` is left as it was).
fn push_folded_word(word: &str, out: &mut String) -> bool {
    let start = out.len();
    if word.is_ascii() {
        // The common case, byte by byte: nothing to decompose, nothing of another script.
        for b in word.bytes().filter(u8::is_ascii_alphanumeric) {
            push_key_byte(out, start, b);
        }
    } else {
        for c in word.chars() {
            match fold_char(c) {
                CharFold::Letter(b) => push_key_byte(out, start, b),
                CharFold::Letters(letters) => {
                    letters.bytes().for_each(|b| push_key_byte(out, start, b));
                }
                CharFold::Nothing => {}
                CharFold::OtherScript => {
                    out.truncate(start);
                    return false;
                }
            }
        }
    }
    fold_ending(out, start);
    true
}

/// Whether `cp` lies in one of `ranges`, sorted `(first, last)` pairs.
fn in_ranges(ranges: &[(u32, u32)], cp: u32) -> bool {
    let i = ranges.partition_point(|&(first, _)| first <= cp);
    i > 0 && cp <= ranges[i - 1].1
}

/// What one character adds to a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CharFold {
    /// One ASCII letter or digit, in lower case.
    Letter(u8),
    /// Several ASCII letters and digits, in lower case (`ﬁ` → `fi`).
    Letters(&'static str),
    /// Nothing: a mark, a punctuation mark, a symbol.
    Nothing,
    /// A letter of another script: the word has no key.
    OtherScript,
}

/// What `c` adds to a key: ASCII letters and digits in lower case, other characters as
/// [`fold_table`] says, or, when it does not list them, as letters of another script if they
/// are alphabetic and as nothing otherwise.
fn fold_char(c: char) -> CharFold {
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() {
            CharFold::Letter(c.to_ascii_lowercase() as u8)
        } else {
            CharFold::Nothing
        };
    }
    let cp = u32::from(c);
    let run = fold_table::LETTER_RUNS.partition_point(|&(first, ..)| first <= cp);
    if let Some(&(first, last, letter, step)) =
        run.checked_sub(1).map(|i| &fold_table::LETTER_RUNS[i])
    {
        if cp <= last {
            // A run whose letters step is at most 26 long (a to z): the offset fits a byte.
            return CharFold::Letter(letter + step * (cp - first) as u8);
        }
    }
    if let Ok(i) = fold_table::STRINGS.binary_search_by_key(&cp, |&(c, _)| c) {
        return CharFold::Letters(fold_table::STRINGS[i].1);
    }
    if in_ranges(&fold_table::OTHER_SCRIPT, cp) || c.is_alphabetic() {
        CharFold::OtherScript
    } else {
        CharFold::Nothing
    }
}

/// Appends the ASCII letter or digit `b` to the key of the word that starts at byte `start` of
/// `out`: in lower case, `y` and `j` as `i`, and an `i` after an `i` left out.
fn push_key_byte(out: &mut String, start: usize, b: u8) {
    let b = match b.to_ascii_lowercase() {
        b'y' | b'j' => b'i',
        b => b,
    };
    if !(b == b'i' && out.len() > start && out.ends_with('i')) {
        out.push(char::from(b));
    }
}

/// Russian-derived endings to their Ukrainian counterparts (applied after y→i) on the word
/// that starts at byte `start` of `key`.
fn fold_ending(key: &mut String, start: usize) {
    const ENDINGS: [(&str, &str); 7] = [
        ("oie", "e"),
        ("oe", "e"),
        ("aia", "a"),
        ("ovka", "ivka"),
        ("ovo", "ove"),
        ("evo", "eve"),
        ("ino", "ine"),
    ];
    let len = key.len() - start;
    for (from, to) in ENDINGS {
        if len > from.len() + 2 && key.ends_with(from) {
            key.truncate(key.len() - from.len());
            // "Zolotariovka" → "zolotariivka" → "zolotarivka": the doubled i collapses again.
            let to = if key.ends_with('i') {
                to.strip_prefix('i').unwrap_or(to)
            } else {
                to
            };
            key.push_str(to);
            return;
        }
    }
}

/// The matching key of a whole name: its words folded and joined by single spaces. Words are
/// separated by whitespace, hyphens and dashes.
pub fn fold_name(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    fold_name_into(name, &mut key);
    key
}

/// Writes the key of `name` into `key`, replacing its content (no allocation when it fits).
/// The key is empty when a word has letters of another script.
pub fn fold_name_into(name: &str, key: &mut String) {
    key.clear();
    for word in name.split(is_word_separator).filter(|w| !w.is_empty()) {
        let before = key.len();
        if before > 0 {
            key.push(' ');
        }
        if !push_folded_word(word, key) {
            key.clear();
            return;
        }
        if key.len() == before + usize::from(before > 0) {
            key.truncate(before);
        }
    }
}

/// The loose key of a folded key, for a second look-up when a spelling names no place under
/// its own key: Russian spellings of Ukrainian names write г as g where Ukrainian writes h
/// (Grodovka/Hrodivka), e or o where Ukrainian writes i (Belogorka/Bilohirka,
/// Klishcheevka/Klishchiivka), e where Ukrainian writes ia (Kamenka/Kamianka), and single
/// letters where Ukrainian doubles them (Vysokopolye/Vysokopillia), and compounds written as
/// one word or two (Verkhnekamenka/Verkhne-Kamenka). The loose key merges all of these: g → h,
/// e and o → i, ia → i, a doubled letter written once, and no spaces.
pub fn loose_key(key: &str) -> String {
    let mut loose = String::with_capacity(key.len());
    loose_key_into(key, &mut loose);
    loose
}

/// Writes the loose key of `key` (see [`loose_key`]) into `loose`, replacing its content (no
/// allocation when it fits).
pub fn loose_key_into(key: &str, loose: &mut String) {
    loose.clear();
    // A key is ASCII: letters, digits and spaces.
    let mut last = None;
    for b in key.bytes().filter(|&b| b != b' ') {
        let b = match b {
            b'g' => b'h',
            b'e' | b'o' => b'i',
            b => b,
        };
        let doubled = b.is_ascii_alphabetic() && last == Some(b);
        let ia = b == b'a' && last == Some(b'i');
        if !(doubled || ia) {
            loose.push(char::from(b));
            last = Some(b);
        }
    }
}

/// Adjective endings of place names, folded: Ukrainian -ska, -ske, -skyi and Russian -skaya,
/// -skoye, -sky, -skoy ("the Pokrovskyi direction", "Kurakhivska community").
const ADJECTIVE_ENDINGS: [&str; 4] = ["ska", "ske", "ski", "skoi"];

/// Whether the last word of a folded key has an adjective ending of [`ADJECTIVE_ENDINGS`].
pub fn is_place_adjective(key: &str) -> bool {
    ADJECTIVE_ENDINGS.iter().any(|ending| key.ends_with(ending))
}

/// The keys of the towns a place-name adjective may stand for ("the Pokrovskyi direction",
/// "Kurakhivska community", "the Novopavlovsk direction"), from the folded key of the
/// adjective: its last word's ending cut to the stem, then the stem with -sk (Pokrovsk), the
/// stem itself (Bakhmut), for a stem in -iv or -ov (Kurakhiv-, Illiniv-, Novosilkiv-,
/// Novopavlov-) the -ivka, -ove and -a names it is formed from (Illinivka, Kurakhove,
/// Novosilka, Novopavlivka), otherwise the stem with -ka, and for a -pil stem the -pillia and
/// -pole names (Krasnopillia, Huliaipole). Empty when the word is no adjective.
pub fn town_keys_of_adjective(key: &str) -> Vec<String> {
    let (head, word) = match key.rsplit_once(' ') {
        Some((head, word)) => (format!("{head} "), word),
        None => (String::new(), key),
    };
    let Some(stem) = ADJECTIVE_ENDINGS
        .iter()
        .find_map(|ending| word.strip_suffix(ending))
        .or_else(|| word.strip_suffix("sk"))
        .filter(|stem| stem.len() >= 3)
    else {
        return Vec::new();
    };
    let mut towns = vec![format!("{stem}sk"), stem.to_string()];
    if let Some(base) = stem.strip_suffix("iv").or_else(|| stem.strip_suffix("ov")) {
        towns.push(format!("{base}ivka"));
        towns.push(format!("{base}ove"));
        towns.push(format!("{base}a"));
    } else {
        towns.push(format!("{stem}ka"));
    }
    if let Some(base) = stem.strip_suffix("pil") {
        towns.push(format!("{base}pillia"));
        towns.push(format!("{base}pole"));
    }
    towns
        .into_iter()
        .map(|town| fold_name(&(head.clone() + &town)))
        .collect()
}

/// True for the characters that separate the words of a name.
pub fn is_word_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–' | '—' | '/' | '(' | ')' | ',' | '.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// Latin letters that Unicode does not decompose into a base letter and a mark, and their
    /// base letters (`PLAIN_LETTERS` of scripts/build_gazetteer.py): the one part of the fold
    /// table that is not Unicode's.
    const PLAIN_LETTERS: [(char, char); 13] = [
        ('ł', 'l'),
        ('Ł', 'l'),
        ('ø', 'o'),
        ('Ø', 'o'),
        ('đ', 'd'),
        ('Đ', 'd'),
        ('ð', 'd'),
        ('Ð', 'd'),
        ('ı', 'i'),
        ('ħ', 'h'),
        ('Ħ', 'h'),
        ('ŧ', 't'),
        ('Ŧ', 't'),
    ];

    /// What `c` adds to a key by its NFKD decomposition, as the fold read it before the table:
    /// the ASCII letters and digits in lower case (plain letters as their base letter), `None`
    /// when a letter of another script remains.
    fn nfkd_fold(c: char) -> Option<String> {
        let mut letters = String::new();
        for d in c.nfkd() {
            let d = PLAIN_LETTERS
                .iter()
                .find(|&&(plain, _)| plain == d)
                .map_or(d, |&(_, base)| base);
            if d.is_ascii_alphanumeric() {
                letters.push(d.to_ascii_lowercase());
            } else if d.is_alphabetic() {
                return None;
            }
        }
        Some(letters)
    }

    /// What `c` adds to a key by [`fold_char`], in the terms of [`nfkd_fold`].
    fn table_fold(c: char) -> Option<String> {
        match fold_char(c) {
            CharFold::Letter(b) => Some(char::from(b).to_string()),
            CharFold::Letters(letters) => Some(letters.to_string()),
            CharFold::Nothing => Some(String::new()),
            CharFold::OtherScript => None,
        }
    }

    /// The generated table's module doc.
    const FOLD_TABLE_HEADER: &str = "\
//! What a character other than ASCII adds to a name's key (`fold_char` in src/names.rs),
//! listed for every character where that is neither nothing (for characters that are no
//! letters) nor \"another script\" (for letters): the ASCII letters and digits of its NFKD
//! decomposition in lower case (crate unicode-normalization), and the Latin letters Unicode
//! does not decompose as their base letter; letters are what Rust's `char::is_alphabetic` says.
//!
//! Generated by the test `names::tests::the_fold_table_is_generated_from_nfkd`: do not edit.
//! Write it anew with `UPDATE_EXPECT=1 cargo test --lib fold_table`.
";

    /// Every character other than ASCII.
    fn non_ascii() -> impl Iterator<Item = char> {
        (0x80..=u32::from(char::MAX)).filter_map(char::from_u32)
    }

    /// A run of code points folding to one letter each: `(first, last, letter, step)`.
    type Run = (u32, u32, u8, u8);

    /// Adds code point `cp`, which folds to `letter`, to the last run when it continues it
    /// (the same letter again, or the next letter in a run that steps), or starts a run.
    fn add_to_runs(runs: &mut Vec<Run>, cp: u32, letter: u8) {
        if let Some((first, last, start, step)) = runs.last_mut() {
            if *last + 1 == cp {
                let single = first == last;
                if letter == *start + *step * (cp - *first) as u8 {
                    *last = cp;
                    return;
                }
                if single && letter == *start + 1 {
                    (*last, *step) = (cp, 1);
                    return;
                }
            }
        }
        runs.push((cp, cp, letter, 0));
    }

    /// The text of `src/names/fold_table.rs`: every character whose [`nfkd_fold`] differs
    /// from what [`fold_char`] gives a character the table does not list.
    fn generate_fold_table() -> String {
        let (mut runs, mut strings, mut other) = (Vec::new(), Vec::new(), Vec::new());
        for c in non_ascii() {
            let cp = u32::from(c);
            match nfkd_fold(c) {
                None if !c.is_alphabetic() => match other.last_mut() {
                    Some((_, last)) if *last + 1 == cp => *last = cp,
                    _ => other.push((cp, cp)),
                },
                Some(letters) if letters.len() == 1 => {
                    add_to_runs(&mut runs, cp, letters.as_bytes()[0])
                }
                Some(letters) if !letters.is_empty() || c.is_alphabetic() => {
                    strings.push((cp, letters))
                }
                _ => {}
            }
        }
        let mut out = format!(
            "{FOLD_TABLE_HEADER}\
             // unicode-normalization: Unicode {:?}; char::is_alphabetic: Unicode {:?}.\n\n\
             /// `(first, last, letter, step)`: the code points `first..=last` fold to one letter \
             or digit\n/// each, `first + i` to `letter + step * i`.\n",
            unicode_normalization::UNICODE_VERSION,
            char::UNICODE_VERSION,
        );
        out += &format!(
            "pub(super) const LETTER_RUNS: [(u32, u32, u8, u8); {}] = [\n",
            runs.len()
        );
        for (first, last, letter, step) in runs {
            out += &format!(
                "    ({first:#x}, {last:#x}, b'{}', {step}),\n",
                char::from(letter)
            );
        }
        out += "];\n\n/// Code points that fold to several letters and digits, or to none although they are letters.\n";
        out += &format!(
            "pub(super) const STRINGS: [(u32, &str); {}] = [\n",
            strings.len()
        );
        for (cp, letters) in strings {
            out += &format!("    ({cp:#x}, {letters:?}),\n");
        }
        out += "];\n\n/// `(first, last)`: code points that are no letters but decompose into a letter of \
                another script.\n";
        out += &format!(
            "pub(super) const OTHER_SCRIPT: [(u32, u32); {}] = [\n",
            other.len()
        );
        for (first, last) in other {
            out += &format!("    ({first:#x}, {last:#x}),\n");
        }
        out + "];\n"
    }

    /// The table is what the generator makes of `unicode-normalization`'s NFKD now; run with
    /// `UPDATE_EXPECT=1` to write it anew.
    #[test]
    fn the_fold_table_is_generated_from_nfkd() {
        expect_test::expect_file!["names/fold_table.rs"].assert_eq(&generate_fold_table());
    }

    /// Every character folds by the table as it did by its NFKD decomposition.
    #[test]
    fn the_fold_table_folds_every_character_as_nfkd_did() {
        let mut checked = 0;
        for c in non_ascii() {
            assert_eq!(
                table_fold(c),
                nfkd_fold(c),
                "{c:?} (U+{:04X})",
                u32::from(c)
            );
            checked += 1;
        }
        assert!(checked > 1_000_000);
        let cases = [
            ('é', Some("e")),
            ('ł', Some("l")),
            ('ﬁ', Some("fi")),
            ('Ａ', Some("a")),
            ('\u{301}', Some("")),
            ('й', None),
            ('㎂', None),
        ];
        for (c, folded) in cases {
            assert_eq!(table_fold(c).as_deref(), folded, "{c:?}");
        }
    }

    /// Every name of the gazetteer has the key of its NFKD form: with the test above, the key
    /// it had when words were folded through their NFKD decomposition.
    #[test]
    fn gazetteer_names_fold_as_their_nfkd_forms() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/gazetteer.geojson");
        let text = std::fs::read_to_string(path).unwrap();
        let collection: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut names = 0;
        for feature in collection["features"].as_array().unwrap() {
            for name in feature["properties"]["names"].as_array().unwrap() {
                let name = name.as_str().unwrap();
                assert_eq!(
                    fold_name(name),
                    fold_name(&name.nfkd().collect::<String>()),
                    "{name}"
                );
                names += 1;
            }
        }
        assert!(names > 80_000, "{names} names");
    }

    #[test]
    fn spellings_of_one_place_share_a_key() {
        let same = [
            ("Izyum", "Izium"),
            ("Kupyansk", "Kupiansk"),
            ("Kup'yansk", "Kupiansk"),
            ("Kup’yans’k", "Kupiansk"),
            ("Balakliya", "Balakliia"),
            ("Balaklia", "Balakliia"),
            ("Shevchenkovo", "Shevchenkove"),
            ("Rodinske", "Rodynske"),
            ("Novoselovskoye", "Novoselovske"),
            ("Krasnaya", "Krasna"),
            ("Avdiyivka", "Avdiivka"),
            ("Robotino", "Robotyne"),
            ("Maryinka", "Mariinka"),
            ("Pisky-Radkivski", "Pisky Radkivski"),
            ("Kyiv", "KYIV"),
            ("Zelenyy", "Zelenyi"),
            ("Ševčenkove", "Sevcenkove"),
        ];
        for (a, b) in same {
            assert_eq!(fold_name(a), fold_name(b), "{a} vs {b}");
        }
    }

    #[test]
    fn different_places_keep_different_keys() {
        let different = [
            ("Kharkiv", "Kherson"),
            ("Lyman", "Liman Pershyi"),
            ("Bakhmut", "Bakhmutka"),
            ("Izium", "Izyumets"),
        ];
        for (a, b) in different {
            assert_ne!(fold_name(a), fold_name(b), "{a} vs {b}");
        }
    }

    #[test]
    fn words_of_other_scripts_have_no_key() {
        assert_eq!(fold_word("Київ"), "");
        assert_eq!(fold_word("RӾoM"), "");
        assert_eq!(fold_name("Kyiv Київ"), "");
        assert_eq!(fold_word("Ševčenkove"), "sevcenkove");
    }

    /// The golden list shared with the gazetteer builder (`--check-folding`), so that the
    /// spellings it stores once are those this folding makes one.
    #[test]
    fn fold_name_agrees_with_the_golden_list() {
        let golden = include_str!("../tests/fixtures/fold_golden.tsv");
        let mut pairs = 0;
        for line in golden.lines() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (spelling, key) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("no tab in golden line {line:?}"));
            assert_eq!(fold_name(spelling), key, "fold_name({spelling:?})");
            pairs += 1;
        }
        assert!(pairs >= 50, "the golden list has {pairs} pairs");
    }

    #[test]
    fn a_doubled_i_collapses_after_an_ending_changes() {
        assert_eq!(fold_word("Zolotariovka"), fold_word("Zolotarivka"));
    }

    #[test]
    fn russian_spellings_share_a_loose_key_with_the_ukrainian_names() {
        let same = [
            ("Belogorka", "Bilohirka"),
            ("Grodovka", "Hrodivka"),
            ("Klishcheevka", "Klishchiivka"),
            ("Verkhnekamenka", "Verkhnokamianka"),
            ("Verkhnekamenka", "Verkhne-Kamenka"),
            ("Vysokopolye", "Vysokopillia"),
        ];
        for (russian, ukrainian) in same {
            assert_eq!(
                loose_key(&fold_name(russian)),
                loose_key(&fold_name(ukrainian)),
                "{russian} vs {ukrainian}"
            );
        }
        assert_ne!(
            loose_key(&fold_name("Bilohorivka")),
            loose_key(&fold_name("Bilohirka"))
        );
    }

    #[test]
    fn adjectives_name_the_towns_they_are_formed_from() {
        let cases = [
            ("Pokrovskyi", "Pokrovsk"),
            ("Vovchanska", "Vovchansk"),
            ("Bakhmutskyi", "Bakhmut"),
            ("Kurakhivska", "Kurakhove"),
            ("Illinivska", "Illinivka"),
            ("Novopavlovsk", "Novopavlivka"),
            ("Huliaipilskyi", "Huliaipole"),
            ("Krasnopilska", "Krasnopillia"),
            ("Velyka Novosilkivska", "Velyka Novosilka"),
        ];
        for (adjective, town) in cases {
            let keys = town_keys_of_adjective(&fold_name(adjective));
            assert!(
                keys.iter().any(|k| fold_name(k) == fold_name(town)),
                "{adjective}: {keys:?}"
            );
        }
        assert!(town_keys_of_adjective(&fold_name("Soledar")).is_empty());
        assert!(is_place_adjective(&fold_name("Siverske")));
        assert!(!is_place_adjective(&fold_name("Siversk")));
    }

    #[test]
    fn short_words_keep_their_endings() {
        assert_eq!(fold_word("Zoe"), "zoe");
        assert_eq!(fold_word("Lino"), "lino");
    }
}
