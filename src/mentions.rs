//! Finding every gazetteer name in the text: capitalised runs of words whose folded key
//! (see [`crate::names`]) is in the name index, longest match first, with possessives stripped
//! ("Kiev’s"). Region phrases become region mentions ("Kharkiv region", "region of Kharkiv",
//! "Chernihiv, Sumy and Kharkiv Regions", "Dnipropetrovsk Governor"). People ("Volodymyr
//! Zelensky", "Taras Shevchenko"), unit names ("Azov Regiment") and words inside other words
//! are not mentions.

use crate::gazetteer::{Gazetteer, NameRef, PlaceId, PlaceType};
use crate::names::{fold_name_into, fold_word, is_place_adjective, town_keys_of_adjective};
use crate::text::{Document, TokenKind};
use crate::words::{FirstLetterLengths, WordSet};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;

/// How the text around a mention describes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framing {
    /// Nothing special.
    Bare,
    /// "the city of X", "the village of X", "X city", "town X": surely a settlement.
    Settlement,
    /// "X region", "region of X": the oblast named after X.
    Region,
    /// "the X" without a settlement word: a river or a region rather than a town.
    Definite,
}

/// One run of words in the text that names a place.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub first_token: usize,
    pub end_token: usize,
    /// Byte range of the name in the article (possessive ending excluded).
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    /// Places the name may stand for; for region framing, regions only.
    pub candidates: Vec<NameRef>,
    pub framing: Framing,
    /// Used for a government or army rather than the place: "Moscow said", "Kiev’s forces".
    pub metonym: bool,
    /// The first word of the sentence, capitalised by position only.
    pub sentence_initial: bool,
    /// The same word occurs in lower case elsewhere in the article: a common word.
    pub common_word: bool,
    /// The place a report was filed from ("KYIV, Ukraine (AP) —"): named, nothing more.
    pub dateline: bool,
}

/// Words after a name that make it a region: "Kharkiv region", "Donetsk Oblast".
static REGION_WORDS: WordSet = WordSet::new(&[
    "reservists",
    "region",
    "regions",
    "oblast",
    "oblasts",
    "province",
    "provinces",
    "governor",
    "gov",
    "regional",
    "area",
    "areas",
    "krai",
]);
/// Words before "of X" that make X a region.
static REGION_OF: WordSet = WordSet::new(&["region", "regions", "oblast", "province", "provinces"]);
/// Words that make the name a settlement: "the city of X", "X city", "town X".
static SETTLEMENT_WORDS: WordSet = WordSet::new(&[
    "city",
    "town",
    "village",
    "villages",
    "settlement",
    "settlements",
    "towns",
    "cities",
    "hamlet",
    "township",
]);
/// Words after a name that make it part of a unit's or an organisation's name.
static UNIT_WORDS: WordSet = WordSet::new(&[
    "regiment",
    "brigade",
    "battalion",
    "division",
    "corps",
    "group",
    "cossack",
    "cossacks",
    "university",
    "street",
    "avenue",
    "square",
    "fc",
    "club",
    "hotel",
    "airport",
    "metro",
    "station",
    "nuclear",
    "npp",
    "hpp",
    "plant",
    "dam",
    "mine",
    "mines",
    "colliery",
    "quarry",
    "airfield",
    "airbase",
    "independent",
    "post",
    "times",
    "school",
    "institute",
    "zoo",
]);
/// Capitalised first words of settlement names (Little, Great, New, Old, Upper, Lower, Red …):
/// before a shorter known name they make a longer name the gazetteer lacks.
static NAME_MODIFIERS: WordSet = WordSet::new(&[
    "mala",
    "malaya",
    "malyi",
    "maly",
    "malyy",
    "male",
    "maloye",
    "velyka",
    "velykyi",
    "velyki",
    "velyke",
    "bolshaya",
    "bolshoye",
    "bolshoi",
    "bolshoy",
    "nova",
    "novyi",
    "novyy",
    "nove",
    "novaya",
    "novoye",
    "novy",
    "stara",
    "staryi",
    "stare",
    "staraya",
    "staroye",
    "stary",
    "verkhnia",
    "verkhnii",
    "verkhnie",
    "verkhnyaya",
    "verkhneye",
    "nyzhnia",
    "nyzhnii",
    "nyzhnie",
    "nizhnyaya",
    "nizhneye",
    "krasnyi",
    "krasna",
    "krasne",
    "krasnaya",
    "krasnoye",
    "chervonyi",
    "chervona",
    "chervone",
    "krasny",
    "zelenyi",
    "zelena",
    "zelene",
    "bila",
    "bile",
    "bilyi",
    "chorna",
    "chornyi",
    "sukha",
    "sukhyi",
    "mokra",
    "mokryi",
    "vyshnia",
    "vyshnii",
    "pershe",
    "druhe",
    "persha",
    "druha",
]);

/// Lower-case words after a name that make it the name of something else: a river, a hill, a
/// city district or a raion ("the Mokri Yaly river", "Kremenets hill", "the Kyivskyi district").
/// A community (hromada) is not among them: it is named after its town, which it stands for.
static FEATURE_WORDS: WordSet = WordSet::new(&[
    "river",
    "lake",
    "hill",
    "heights",
    "ridge",
    "forest",
    "reservoir",
    "district",
    "districts",
    "raion",
    "island",
    "spit",
    "canal",
]);

/// Words after a name that make it stand for a government or an army.
static METONYM_AFTER: WordSet = WordSet::new(&[
    "said",
    "says",
    "say",
    "claims",
    "claimed",
    "announced",
    "denied",
    "denies",
    "insists",
    "insisted",
    "wants",
    "warned",
    "launched",
    "forces",
    "troops",
    "army",
    "armed",
    "military",
    "government",
    "regime",
    "authorities",
    "officials",
    "leadership",
    "command",
    "troop",
    "soldiers",
    "side",
]);
/// Capitalised words of institutions after a possessive: "Moscow’s Defense Ministry".
static INSTITUTION_WORDS: WordSet = WordSet::new(&[
    "defense",
    "defence",
    "foreign",
    "ministry",
    "president",
    "government",
    "general",
    "army",
    "military",
    "navy",
    "air",
    "security",
    "intelligence",
    "envoy",
    "ambassador",
    "embassy",
    "leader",
    "leaders",
    "officials",
    "spokesman",
    "spokeswoman",
    "western",
    "allies",
    "backers",
    "partners",
    "forces",
    "troops",
    "counteroffensive",
    "offensive",
    "claims",
    "response",
    "governor",
]);
/// Given names: a name after one of these is a surname, and one of these before a capitalised
/// word is a person ("Volodymyr Zelensky").
static GIVEN_NAMES: WordSet = WordSet::new(&[
    "volodymyr",
    "vladimir",
    "oleh",
    "oleg",
    "maksym",
    "maxim",
    "serhiy",
    "serhii",
    "sergei",
    "sergey",
    "vadym",
    "vadim",
    "valeriy",
    "valerii",
    "valery",
    "valentyn",
    "denis",
    "denys",
    "igor",
    "ihor",
    "natalia",
    "nataliya",
    "natalya",
    "olena",
    "elena",
    "iryna",
    "irina",
    "oleksandr",
    "oleksiy",
    "oleksii",
    "alexander",
    "alexei",
    "alexey",
    "andriy",
    "andrii",
    "andrei",
    "andrey",
    "dmytro",
    "dmitry",
    "dmitri",
    "mykola",
    "nikolai",
    "yuriy",
    "yurii",
    "yuri",
    "viktor",
    "victor",
    "vitaliy",
    "vitalii",
    "vitali",
    "ivan",
    "petro",
    "pavlo",
    "pavel",
    "mykhailo",
    "mikhail",
    "roman",
    "bohdan",
    "taras",
    "yevhen",
    "yevgeny",
    "yevgeniy",
    "anatoliy",
    "anatoly",
    "kyrylo",
    "kirill",
    "ruslan",
    "hanna",
    "anna",
    "olha",
    "olga",
    "tetiana",
    "tatiana",
    "yulia",
    "yuliia",
    "lyudmila",
    "liudmyla",
    "svitlana",
    "svetlana",
    "kateryna",
    "ekaterina",
    "daria",
    "maria",
    "oksana",
    "vasyl",
    "vasily",
    "stepan",
    "hennadiy",
    "gennady",
    "konstantin",
    "kostiantyn",
    "anton",
    "artem",
    "boris",
    "borys",
    "ramzan",
    "emmanuel",
    "olaf",
    "joe",
    "donald",
    "antony",
    "recep",
    "mark",
    "lloyd",
    "jake",
    "antonio",
    "ursula",
    "dmitriy",
    "arsen",
    "petr",
    "yaroslav",
    "vyacheslav",
    "mikhailo",
]);
/// Titles before a person's name.
static TITLES: WordSet = WordSet::new(&[
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "minister",
    "gen",
    "general",
    "colonel",
    "col",
    "spokesman",
    "spokeswoman",
    "commander",
    "mayor",
    "governor",
    "chief",
    "lt",
    "sgt",
    "captain",
    "st",
    "saint",
    "sir",
    "lieutenant",
    "major",
    "marshal",
    "admiral",
    "patriarch",
    "prime",
]);

/// Strips a possessive ending: "Kiev’s" → "Kiev", "Kupiansk's" → "Kupiansk".
fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "ʼs", "'S", "’S"] {
        if let Some(base) = word.strip_suffix(suffix) {
            if !base.is_empty() {
                return base;
            }
        }
    }
    word
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The top-level entry point for finding names: every mention of a gazetteer name, in text order.
pub fn find(gazetteer: &Gazetteer, doc: &Document) -> Vec<Mention> {
    let n = doc.tokens.len();
    let mut names = NameCache::default();
    let max_words = gazetteer.max_words().clamp(1, MAX_WORDS);
    let mut mentions: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < n {
        if doc.tokens[i].kind != TokenKind::Word
            || !is_capitalised(doc.tok(i))
            || is_inside_word(doc, i)
            || is_noun_of_a_name(doc, i)
        {
            i += 1;
            continue;
        }
        match longest_name(gazetteer, doc, i, max_words, &mut names) {
            Some((end_token, refs)) => {
                if let Some(m) = build_mention(gazetteer, doc, i, end_token, refs) {
                    mentions.push(m);
                }
                i = end_token;
            }
            None => i += 1,
        }
    }
    add_region_lists(gazetteer, doc, &mut mentions);
    spread_settlement_framing(doc, &mut mentions);
    mark_common_words(doc, &mut mentions);
    mentions
}

/// "Pokrovska Hromada", "Siversk Direction": the capitalised noun after a name is no name.
fn is_noun_of_a_name(doc: &Document, i: usize) -> bool {
    ADJECTIVE_NOUNS.contains(doc.tok(i))
        && word_before(doc, i).is_some_and(is_capitalised)
        && !doc.tokens[i].after_newline
}

/// A token glued to a letter before it ("anti-Kyiv" is fine, "McKyiv" cannot happen; but a
/// word right after an apostrophe or a digit is part of something else).
fn is_inside_word(doc: &Document, i: usize) -> bool {
    let start = doc.tokens[i].start;
    doc.text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '@' || c == '#' || c == '/')
}

/// The most words a name may have.
const MAX_WORDS: usize = 6;

/// What the gazetteer has for each spelling met in one article, folded and looked up once: the
/// places it names and the regions it is the stem of; and the settlements of its loose key, when
/// asked for.
#[derive(Default)]
struct NameCache<'a, 'g> {
    found: HashMap<&'a str, (&'g [NameRef], &'g [PlaceId])>,
    loose: HashMap<&'a str, &'g [NameRef]>,
    key: String,
}

impl<'a, 'g> NameCache<'a, 'g> {
    fn lookup(
        &mut self,
        gazetteer: &'g Gazetteer,
        surface: &'a str,
    ) -> (&'g [NameRef], &'g [PlaceId]) {
        let key = &mut self.key;
        *self.found.entry(surface).or_insert_with(|| {
            fold_name_into(surface, key);
            (gazetteer.lookup(key), gazetteer.lookup_stem(key))
        })
    }

    /// The settlements of the loose key of `surface` (see [`Gazetteer::lookup_loose`]).
    fn lookup_loose(&mut self, gazetteer: &'g Gazetteer, surface: &'a str) -> &'g [NameRef] {
        let key = &mut self.key;
        self.loose.entry(surface).or_insert_with(|| {
            fold_name_into(surface, key);
            gazetteer.lookup_loose(key)
        })
    }
}

/// The places a folded key names, or when it names none, the settlements of its loose key
/// (a Russian spelling: "Belogorka" for Bilohirka), which are alternate names.
fn lookup_or_loose<'g>(gazetteer: &'g Gazetteer, key: &str) -> &'g [NameRef] {
    match gazetteer.lookup(key) {
        [] if !key.is_empty() => gazetteer.lookup_loose(key),
        refs => refs,
    }
}

/// Nouns after a place-name adjective that make it name the town ("the Pokrovskyi direction",
/// "Kurakhivska community", "Kindrashivska, Kurylivka and Kupiansk hromadas").
static ADJECTIVE_NOUNS: WordSet = WordSet::new(&[
    "direction",
    "directions",
    "sector",
    "sectors",
    "axis",
    "community",
    "communities",
    "hromada",
    "hromadas",
]);

/// The most tokens between an adjective and its noun: the rest of a list of names.
const ADJECTIVE_LIST_TOKENS: usize = 12;

/// The noun of [`ADJECTIVE_NOUNS`] that follows the words ending before token `end_token`,
/// right after them or after a list of capitalised names.
fn adjective_noun<'a>(doc: &Document<'a>, end_token: usize) -> Option<&'a str> {
    let last = doc.tokens.len().min(end_token + ADJECTIVE_LIST_TOKENS);
    for t in end_token..last {
        let w = doc.tok(t);
        if ADJECTIVE_NOUNS.contains(w) {
            return Some(w);
        }
        let list_part = w == ","
            || w.eq_ignore_ascii_case("and")
            || (doc.tokens[t].kind == TokenKind::Word && is_capitalised(w));
        if !list_part || doc.tokens[t].after_newline {
            return None;
        }
    }
    None
}

/// Nouns of a line of the front: an adjective before them names a town or a land
/// ("the Pokrovskyi direction", "the Siverske direction" of Sivershchyna), not a village.
static FRONT_NOUNS: WordSet =
    WordSet::new(&["direction", "directions", "sector", "sectors", "axis"]);

/// The settlements a place-name adjective stands for (see [`town_keys_of_adjective`]): every
/// town whose name it may be formed from, under its own key or its loose key.
fn towns_of_adjective(gazetteer: &Gazetteer, key: &str) -> Vec<NameRef> {
    let mut towns: Vec<NameRef> = Vec::new();
    for town in town_keys_of_adjective(key) {
        for &r in lookup_or_loose(gazetteer, &town) {
            let settlement = gazetteer.place(r.place).kind == crate::Kind::Settlement;
            if settlement && !towns.iter().any(|t| t.place == r.place) {
                towns.push(r);
            }
        }
    }
    towns
}

/// The longest run of words from token `first` that is a name: (end token, places).
fn longest_name<'a, 'g>(
    gazetteer: &'g Gazetteer,
    doc: &Document<'a>,
    first: usize,
    max_words: usize,
    names: &mut NameCache<'a, 'g>,
) -> Option<(usize, Cow<'g, [NameRef]>)> {
    let mut words = [first; MAX_WORDS];
    let mut count = 1;
    let mut t = first;
    while count < max_words.min(MAX_WORDS) {
        let next = t + 1;
        let joined_by_hyphen = next + 1 < doc.tokens.len()
            && doc.tokens[next].kind == TokenKind::Punct
            && matches!(doc.tok(next), "-" | "‑" | "‐")
            && doc.tokens[next].start == doc.tokens[t].end
            && doc.tokens[next + 1].start == doc.tokens[next].end
            && doc.tokens[next + 1].kind == TokenKind::Word;
        // "St. Petersburg": the full stop of a short abbreviation stays inside a name.
        let abbreviation = next + 1 < doc.tokens.len()
            && doc.tok(next) == "."
            && doc.tokens[next].start == doc.tokens[t].end
            && doc.tok(t).len() <= 3
            && is_capitalised(doc.tok(t))
            && !doc.tokens[next + 1].after_newline;
        // "Kupiansk – Vuzlovyi": a dash between spaces inside a hyphenated name.
        let spaced_dash = next + 1 < doc.tokens.len()
            && matches!(doc.tok(next), "-" | "–" | "—")
            && doc.tokens[next].start > doc.tokens[t].end
            && doc.tokens[next + 1].start > doc.tokens[next].end
            && !doc.tokens[next + 1].after_newline
            && is_capitalised(doc.tok(next + 1));
        let w = if joined_by_hyphen || abbreviation || spaced_dash {
            next + 1
        } else {
            next
        };
        if w >= doc.tokens.len()
            || doc.tokens[w].kind != TokenKind::Word
            || doc.tokens[w].after_newline
            || strip_possessive(doc.tok(t)) != doc.tok(t)
        {
            break;
        }
        if !joined_by_hyphen && !is_capitalised(doc.tok(w)) {
            break;
        }
        words[count] = w;
        count += 1;
        t = w;
    }
    for len in (1..=count).rev() {
        // The words are separated by spaces, hyphens or dashes only, so the key of the text
        // from the first word to the last (possessive stripped) is the key of the name.
        let last = words[len - 1];
        let end = doc.tokens[last].start + strip_possessive(doc.tok(last)).len();
        let surface = &doc.text[doc.tokens[first].start..end];
        let (refs, regions) = names.lookup(gazetteer, surface);
        let end_token = words[len - 1] + 1;
        // Alternate names of villages only: before a community's or a direction's noun they may
        // be the adjective of a town ("Pokrovska Hromada"), and for a whole run of capitalised
        // words the Russian spelling of another village ("Verkhnekamenka").
        let noun = adjective_noun(doc, end_token);
        let adjective = noun.is_some();
        let whole_run = len == count;
        let villages_only = refs.iter().all(|r| {
            matches!(
                gazetteer.place(r.place).place_type,
                PlaceType::Village | PlaceType::Minor | PlaceType::Section
            )
        });
        if !refs.is_empty()
            && villages_only
            && noun.is_some_and(|w| FRONT_NOUNS.contains(w))
            && is_place_adjective(&fold_key_of(doc, first, end_token))
        {
            return None;
        }
        let alternates_only = villages_only && refs.iter().all(|r| !r.primary);
        if !refs.is_empty() && !(alternates_only && (adjective || whole_run)) {
            return Some((end_token, Cow::Borrowed(refs)));
        }
        let region_framed =
            followed_by_region_word(doc, end_token) || preceded_by_region_of(doc, first);
        if region_framed && !regions.is_empty() {
            return Some((end_token, Cow::Owned(region_refs(regions))));
        }
        if adjective {
            let key = fold_key_of(doc, first, end_token);
            let towns = union(towns_of_adjective(gazetteer, &key), refs);
            if !towns.is_empty() {
                return Some((end_token, Cow::Owned(towns)));
            }
        }
        // Not "Kazachya" of "Kazachya Loknya": a fragment has no loose look-up.
        if whole_run {
            let loose = names.lookup_loose(gazetteer, surface);
            if !loose.is_empty() {
                return Some((end_token, Cow::Owned(union(refs.to_vec(), loose))));
            }
        }
        if !refs.is_empty() {
            return Some((end_token, Cow::Borrowed(refs)));
        }
    }
    None
}

/// The places of `refs` and those of `more` that `refs` lacks.
fn union(mut refs: Vec<NameRef>, more: &[NameRef]) -> Vec<NameRef> {
    for &r in more {
        if !refs.iter().any(|t| t.place == r.place) {
            refs.push(r);
        }
    }
    refs
}

fn region_refs(ids: &[PlaceId]) -> Vec<NameRef> {
    ids.iter()
        .map(|&place| NameRef {
            place,
            primary: true,
        })
        .collect()
}

fn followed_by_region_word(doc: &Document, end_token: usize) -> bool {
    // "Kursk region's Lgov district": the possessive of the region word too.
    end_token < doc.tokens.len() && REGION_WORDS.contains(strip_possessive(doc.tok(end_token)))
}

fn preceded_by_region_of(doc: &Document, first: usize) -> bool {
    first >= 2 && doc.is_word(first - 1, "of") && REGION_OF.contains(doc.tok(first - 2))
}

fn word_before<'a>(doc: &Document<'a>, i: usize) -> Option<&'a str> {
    (i > 0 && doc.tokens[i - 1].kind == TokenKind::Word).then(|| doc.tok(i - 1))
}

fn build_mention(
    gazetteer: &Gazetteer,
    doc: &Document,
    first: usize,
    end_token: usize,
    refs: Cow<[NameRef]>,
) -> Option<Mention> {
    let last = end_token - 1;
    let start = doc.tokens[first].start;
    let last_word = doc.tok(last);
    let end = doc.tokens[last].start + strip_possessive(last_word).len();
    let possessive = strip_possessive(last_word).len() != last_word.len();
    let next = (end_token < doc.tokens.len() && doc.tokens[end_token].kind == TokenKind::Word)
        .then(|| doc.tok(end_token));
    let before = word_before(doc, first);

    // People: "Volodymyr Zelensky", "Taras Shevchenko", "President Zelensky".
    if let Some(b) = before {
        if (GIVEN_NAMES.contains(b) || TITLES.contains(b)) && is_capitalised(b) {
            return None;
        }
    }
    // "Malaya Loknya" when the gazetteer has only "Loknia": a fragment of a name it lacks.
    if before.is_some_and(|b| NAME_MODIFIERS.contains(b) && is_capitalised(b)) {
        return None;
    }
    // "Nova Poshta": a modifier followed by a name the gazetteer lacks is that longer name.
    if first + 1 == end_token
        && NAME_MODIFIERS.contains(doc.tok(first))
        && next.is_some_and(is_capitalised)
    {
        return None;
    }
    // A given name is a person ("Volodymyr Zelensky", "his first name, Maksym"), unless the
    // text calls it a village.
    let called_settlement = before.is_some_and(|b| SETTLEMENT_WORDS.contains(b))
        || (first >= 2
            && doc.is_word(first - 1, "of")
            && SETTLEMENT_WORDS.contains(doc.tok(first - 2)));
    if first + 1 == end_token && GIVEN_NAMES.contains(doc.tok(first)) && !called_settlement {
        return None;
    }
    // "the Sea of Azov", "the Gulf of Finland": a body of water, not the town.
    if first >= 2
        && doc.is_word(first - 1, "of")
        && ["sea", "gulf", "bay", "strait", "straits"]
            .iter()
            .any(|w| doc.is_word(first - 2, w))
    {
        return None;
    }
    // "the Mokri Yaly river": a name the gazetteer lacks ends in a feature word.
    let feature_after_next = next.is_some_and(is_capitalised)
        && end_token + 1 < doc.tokens.len()
        && FEATURE_WORDS.contains(doc.tok(end_token + 1));
    if feature_after_next
        || next.is_some_and(|w| UNIT_WORDS.contains(w) || FEATURE_WORDS.contains(w))
    {
        return None;
    }

    // "the Donetsk People's Republic" is the region, not the city.
    let peoples_republic = next.is_some_and(|w| {
        strip_possessive(w) != w && strip_possessive(w).eq_ignore_ascii_case("people")
    }) && doc.is_word(end_token + 1, "republic");
    let region_framed = next.is_some_and(|w| REGION_WORDS.contains(strip_possessive(w)))
        || preceded_by_region_of(doc, first)
        || peoples_republic;
    let mut candidates = refs;
    let mut framing = Framing::Bare;
    if region_framed {
        let key = fold_key_of(doc, first, end_token);
        let regions = gazetteer.lookup_stem(&key);
        let area_only =
            next.is_some_and(|w| w.eq_ignore_ascii_case("area") || w.eq_ignore_ascii_case("areas"));
        if !regions.is_empty() {
            candidates = Cow::Owned(region_refs(regions));
            framing = Framing::Region;
        } else if !area_only
            && candidates
                .iter()
                .any(|r| gazetteer.place(r.place).kind == crate::Kind::Region)
        {
            framing = Framing::Region;
        }
    }
    if framing == Framing::Bare {
        let settlement_before = before.is_some_and(|b| SETTLEMENT_WORDS.contains(b))
            || (first >= 2
                && doc.is_word(first - 1, "of")
                && SETTLEMENT_WORDS.contains(doc.tok(first - 2)));
        let settlement_after = next.is_some_and(|w| SETTLEMENT_WORDS.contains(w));
        if settlement_before || settlement_after {
            framing = Framing::Settlement;
        } else if before.is_some_and(|b| b.eq_ignore_ascii_case("the")) {
            framing = Framing::Definite;
        }
    }
    // "Moscow said", "Kiev troops", "Kiev’s armed forces", "Moscow’s Defense Ministry"; but not
    // "officials in Pokrovsk announced".
    let after_preposition = before.is_some_and(|b| {
        ["in", "from", "near", "at", "of", "to", "around"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(b))
    });
    let metonym = framing != Framing::Settlement
        && !after_preposition
        && (next.is_some_and(|w| METONYM_AFTER.contains(w))
            || (possessive && next.is_some_and(|w| INSTITUTION_WORDS.contains(w))));
    let sentence = doc.sentence_of(first);
    // "KYIV, Ukraine (AP) —", "KYIV/MUNICH, Feb 17 (Reuters) -": where the report was filed,
    // not what it reports.
    let dateline = (first == 0 || doc.tokens[first].after_newline)
        && doc.text[start..end].chars().all(|c| !c.is_lowercase())
        && end_token < doc.tokens.len()
        && matches!(doc.tok(end_token), "," | "—" | "–" | "-" | "(" | "/");
    let sentence_initial = doc.sentences[sentence].first_token == first
        || (first > 0
            && doc.tokens[first - 1].kind == TokenKind::Punct
            && doc.sentences[sentence].first_token + 1 == first);
    Some(Mention {
        first_token: first,
        end_token,
        start,
        end,
        sentence,
        candidates: candidates.into_owned(),
        framing,
        metonym,
        sentence_initial,
        common_word: false,
        dateline,
    })
}

fn fold_key_of(doc: &Document, first: usize, end_token: usize) -> String {
    let mut key = String::new();
    for i in first..end_token {
        if doc.tokens[i].kind != TokenKind::Word {
            continue;
        }
        let w = if i + 1 == end_token {
            strip_possessive(doc.tok(i))
        } else {
            doc.tok(i)
        };
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&fold_word(w));
    }
    key
}

/// Mention `a`, then mention `b`, joined only by commas, "and" or "or", the last perhaps
/// followed by "(the) town of" ("the village of A and the town of B"): members of one list.
pub fn in_one_list(doc: &Document, a: &Mention, b: &Mention) -> bool {
    if a.sentence != b.sentence || a.end_token >= b.first_token {
        return false;
    }
    let mut end = b.first_token;
    if end >= a.end_token + 3
        && doc.is_word(end - 1, "of")
        && SETTLEMENT_WORDS.contains(doc.tok(end - 2))
    {
        end -= 2;
        if doc.is_word(end - 1, "the") {
            end -= 1;
        }
    }
    a.end_token < end
        && (a.end_token..end).all(|t| {
            let w = doc.tok(t);
            w == "," || w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or")
        })
}

/// "the villages of A, B and C": the list's later names are settlements too.
fn spread_settlement_framing(doc: &Document, mentions: &mut [Mention]) {
    for k in 1..mentions.len() {
        if in_one_list(doc, &mentions[k - 1], &mentions[k])
            && mentions[k - 1].framing == Framing::Settlement
            && mentions[k].framing == Framing::Bare
        {
            mentions[k].framing = Framing::Settlement;
        }
    }
}

/// Lists before a plural region word: "in Chernihiv, Sumy, Kharkiv and Kherson Regions",
/// "between the Kharkiv and Donetsk regions", and after one: "the regions of Luhansk and
/// Donetsk". Every name of the list becomes a region mention.
fn add_region_lists(gazetteer: &Gazetteer, doc: &Document, mentions: &mut [Mention]) {
    const PLURALS: [&str; 4] = ["regions", "oblasts", "provinces", "areas"];
    for k in 0..mentions.len() {
        if mentions[k].framing != Framing::Region {
            continue;
        }
        let (first, after) = (mentions[k].first_token, mentions[k].end_token);
        if after < doc.tokens.len() && PLURALS.iter().any(|w| doc.is_word(after, w)) {
            spread_region(gazetteer, doc, mentions, k, false);
        }
        if first >= 2
            && doc.is_word(first - 1, "of")
            && PLURALS.iter().any(|w| doc.is_word(first - 2, w))
        {
            spread_region(gazetteer, doc, mentions, k, true);
        }
    }
}

/// Makes region mentions of the mentions after the region mention `k` (or before it), one by
/// one while each is joined to its neighbour by commas, "and", "&" or "or" and names a region.
fn spread_region(
    gazetteer: &Gazetteer,
    doc: &Document,
    mentions: &mut [Mention],
    k: usize,
    forward: bool,
) {
    let mut j = k;
    loop {
        let next = if forward { j + 1 } else { j.wrapping_sub(1) };
        if next >= mentions.len() {
            return;
        }
        let (a, b) = (j.min(next), j.max(next));
        let gap = mentions[a].end_token..mentions[b].first_token;
        let joined = gap.clone().all(|t| {
            let w = doc.tok(t);
            w == "," || w.eq_ignore_ascii_case("and") || w == "&" || w.eq_ignore_ascii_case("or")
        });
        if !joined || gap.is_empty() {
            return;
        }
        let key = fold_key_of(doc, mentions[next].first_token, mentions[next].end_token);
        let regions = gazetteer.lookup_stem(&key);
        if regions.is_empty() {
            return;
        }
        let member = &mut mentions[next];
        member.candidates = region_refs(regions);
        member.framing = Framing::Region;
        member.metonym = false;
        j = next;
    }
}

/// Marks one-word mentions whose word also occurs in lower case in the article ("the mayak
/// was dark"): a common word, not a name. One pass over the words, looking up only words whose
/// first letter and length some mention has.
fn mark_common_words(doc: &Document, mentions: &mut [Mention]) {
    // Each one-word spelling, lower-cased once, and the first letters and lengths among them.
    let mut lower_of: HashMap<&str, String> = HashMap::default();
    let mut lengths = FirstLetterLengths::default();
    for m in mentions.iter().filter(|m| m.first_token + 1 == m.end_token) {
        let surface = doc.tok(m.first_token);
        let lower = lower_of
            .entry(surface)
            .or_insert_with(|| surface.to_lowercase());
        lengths.insert(lower);
    }
    if lower_of.is_empty() {
        return;
    }
    let forms: HashSet<&str> = lower_of.values().map(String::as_str).collect();
    let mut found: HashSet<&str> = HashSet::default();
    for t in doc.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let w = &doc.text[t.start..t.end];
        if lengths.may_contain(w) && w.starts_with(|c: char| c.is_lowercase()) {
            if let Some(f) = forms.get(w) {
                found.insert(f);
            }
        }
    }
    for m in mentions
        .iter_mut()
        .filter(|m| m.first_token + 1 == m.end_token)
    {
        m.common_word = found.contains(lower_of[doc.tok(m.first_token)].as_str());
    }
}

#[cfg(test)]
mod tests {
    use crate::resolve::tests::{fixture, resolved, Row};

    /// Towns and villages of Donetsk oblast, and a village named like a community's noun.
    const DONETSK: &[Row] = &[
        (
            "Kurakhove",
            "city",
            (37.28, 47.98),
            "Donetsk Oblast",
            18_000,
            &[],
        ),
        (
            "Illinivka",
            "village",
            (37.66, 48.49),
            "Donetsk Oblast",
            1_100,
            &[],
        ),
        (
            "Pokrovsk",
            "city",
            (37.18, 48.28),
            "Donetsk Oblast",
            60_000,
            &[],
        ),
        (
            "Pokrovka",
            "village",
            (37.3, 48.1),
            "Donetsk Oblast",
            200,
            &["Pokrovska"],
        ),
        (
            "Hromada",
            "village",
            (37.2, 48.3),
            "Donetsk Oblast",
            100,
            &[],
        ),
        (
            "Hrodivka",
            "settlement",
            (37.37, 48.33),
            "Donetsk Oblast",
            2_300,
            &[],
        ),
        (
            "Butivka",
            "village",
            (37.9, 48.3),
            "Donetsk Oblast",
            100,
            &[],
        ),
        (
            "Kupiansk-Vuzlovyi",
            "settlement",
            (37.64, 49.67),
            "Kharkiv Oblast",
            8_000,
            &[],
        ),
    ];

    fn places(text: &str) -> Vec<String> {
        resolved(&fixture(DONETSK), text)
            .into_iter()
            .map(|(_, place)| place)
            .collect()
    }

    #[test]
    fn a_community_adjective_names_its_town() {
        let found = places(
            "Children leave Kurakhivska community, Illinivska community and Grodovska \
             community. Strikes hit Pokrovska Hromada.",
        );
        assert_eq!(
            found,
            ["Kurakhove", "Illinivka", "Hrodivka", "Pokrovsk"],
            "{found:?}"
        );
    }

    #[test]
    fn an_adjective_in_a_list_before_the_noun_names_its_town() {
        let found = places("Evacuation from Kurakhivska, Illinivska and Pokrovsk hromadas.");
        assert_eq!(found, ["Kurakhove", "Illinivka", "Pokrovsk"], "{found:?}");
    }

    #[test]
    fn a_russian_spelling_finds_the_village_by_its_loose_key() {
        assert_eq!(
            places("Troops entered Grodovka near Pokrovsk."),
            ["Hrodivka", "Pokrovsk"]
        );
        assert_eq!(
            places("Troops entered Grodovka Malaya near Pokrovsk."),
            ["Pokrovsk"]
        );
    }

    #[test]
    fn a_village_named_by_an_alternate_may_be_another_by_its_loose_key() {
        let g = fixture(&[
            (
                "Lysychansk",
                "city",
                (38.43, 48.91),
                "Luhansk Oblast",
                95_000,
                &[],
            ),
            (
                "Verkhnokamianka",
                "village",
                (38.27, 48.85),
                "Luhansk Oblast",
                300,
                &["Verkhne-Kamenka"],
            ),
            (
                "Verkhokamianka",
                "village",
                (38.17, 47.59),
                "Donetsk Oblast",
                97,
                &["Verkhnekamenka"],
            ),
        ]);
        let found = resolved(&g, "Troops seized Verkhnekamenka near Lysychansk.");
        assert_eq!(found[0].1, "Verkhnokamianka", "{found:?}");
    }

    #[test]
    fn names_after_regions_of_are_regions() {
        let g = fixture(&[
            (
                "Luhansk Oblast",
                "oblast",
                (39.0, 48.9),
                "Luhansk Oblast",
                0,
                &[],
            ),
            (
                "Donetsk Oblast",
                "oblast",
                (37.8, 48.0),
                "Donetsk Oblast",
                0,
                &[],
            ),
            (
                "Donetsk",
                "city",
                (37.8, 48.0),
                "Donetsk Oblast",
                900_000,
                &[],
            ),
        ]);
        let found = resolved(&g, "Donbas includes the regions of Luhansk and Donetsk.");
        assert_eq!(
            found,
            [
                ("Luhansk".into(), "Luhansk Oblast".into()),
                ("Donetsk".into(), "Donetsk Oblast".into())
            ],
        );
    }

    #[test]
    fn an_adjective_before_a_front_noun_is_no_village() {
        let g = fixture(&[(
            "Siverske",
            "village",
            (36.65, 49.46),
            "Kharkiv Oblast",
            300,
            &[],
        )]);
        assert!(resolved(&g, "At the Siverske direction the enemy is passive.").is_empty());
        assert_eq!(resolved(&g, "Strikes hit Siverske community.").len(), 1);
    }

    #[test]
    fn a_name_before_a_feature_word_is_the_feature() {
        assert!(places("Attacks were repelled near the Butivka mine.").is_empty());
    }

    #[test]
    fn a_dash_between_spaces_may_join_a_name() {
        assert_eq!(
            places("Residents of Kupiansk – Vuzlovyi must leave."),
            ["Kupiansk-Vuzlovyi"]
        );
    }
}
