//! Folding a name to its matching key. Two spellings of one place get the same key when they
//! differ only in case, diacritics, apostrophes (soft signs), hyphens, or in the ways Ukrainian
//! and Russian names are romanised: `y`/`i`/`j` (Izyum/Izium, Kupyansk/Kupiansk), doubled `ii`
//! (Balakliia/Balaklia), Russian adjective endings (-iy/-yi/-yy, -aya, -oye/-oe, -skoye/-ske) and
//! Russian neuter endings (-ovo/-ove, -evo/-eve, -ino/-yne), and -ovka/-ivka.
//! Other variants (Kiev/Kyiv, Kharkov/Kharkiv, Artemivsk/Bakhmut) are separate names in the
//! gazetteer, romanised from its Cyrillic names by rule when the data was built.

use unicode_normalization::UnicodeNormalization;

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
    let mut latin = true;
    let mut push = |c: char| {
        // Latin letters that Unicode does not decompose into a base letter and a mark
        // (`PLAIN_LETTERS` of scripts/build_gazetteer.py).
        let c = match c {
            'ł' | 'Ł' => 'l',
            'ø' | 'Ø' => 'o',
            'đ' | 'Đ' | 'ð' | 'Ð' => 'd',
            'ı' => 'i',
            'ħ' | 'Ħ' => 'h',
            'ŧ' | 'Ŧ' => 't',
            _ => c,
        };
        if c.is_ascii_alphanumeric() {
            push_key_byte(out, start, c as u8);
        } else if c.is_alphabetic() {
            latin = false;
        }
    };
    if word.is_ascii() {
        // The common case, byte by byte: nothing to decompose, nothing of another script.
        for b in word.bytes().filter(u8::is_ascii_alphanumeric) {
            push_key_byte(out, start, b);
        }
    } else {
        word.nfkd().for_each(&mut push);
    }
    if !latin {
        out.truncate(start);
        return false;
    }
    fold_ending(out, start);
    true
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
    let mut last = None;
    for c in key.chars().filter(|&c| c != ' ') {
        let c = match c {
            'g' => 'h',
            'e' | 'o' => 'i',
            c => c,
        };
        let doubled = c.is_ascii_alphabetic() && last == Some(c);
        let ia = c == 'a' && last == Some('i');
        if !(doubled || ia) {
            loose.push(c);
            last = Some(c);
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
