//! What the details panel shows about a place: its name (in its display form), forms, status,
//! reason and claimant, and every sentence that mentions it cut into pieces with the mentions
//! marked, grouped by side when both sides speak of the place. Mention spans are byte offsets
//! into the article; they are turned into pieces here, in Rust, so the page never has to
//! convert UTF-8 offsets to JavaScript's UTF-16 indices. No text is shown twice: a quotation's
//! words are those of its sentence, so a sentence names only who it quotes.

use serde::Serialize;
use std::borrow::Cow;
use std::sync::Arc;

use super::display::display_name;
use crate::report::Side;
use crate::report::{Evidence, Kind, ReportedPlace};
use crate::status::side_of_phrase;
use crate::text::floor_char_boundary;

/// A run of a sentence, highlighted where it is the place's mention.
#[derive(Serialize, Debug, PartialEq)]
pub struct Piece {
    pub text: String,
    pub mark: bool,
}

/// The side of the war a source speaks for.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerSide {
    Ukraine,
    Russia,
}

impl SpeakerSide {
    /// The side a speaker ("the Russian Defence Ministry", "Ukraine's General Staff") names, as
    /// the status engine reads it.
    fn of(speaker: &str) -> Option<SpeakerSide> {
        side_of_phrase(speaker).map(|side| match side {
            Side::Ukrainian => SpeakerSide::Ukraine,
            Side::Russian => SpeakerSide::Russia,
        })
    }
}

/// One sentence that mentions a place, cut into pieces at its mentions.
#[derive(Serialize, Debug, PartialEq)]
pub struct SentenceView {
    pub pieces: Vec<Piece>,
    /// Who said the quotations the mentions stand in (their words are the sentence's own, so
    /// they are not repeated).
    pub quoting: Vec<Arc<str>>,
    /// Who the sentence attributes its report to, besides the place's source.
    pub speakers: Vec<Arc<str>>,
    /// What this sentence alone reports about the place, and why.
    pub status: Option<&'static str>,
    pub reason: Option<String>,
    /// The side whose source says it, where the speaker names one.
    pub side: Option<SpeakerSide>,
}

/// Sentences of one side, or of neither, with what they report.
#[derive(Serialize, Debug, PartialEq)]
pub struct Group {
    /// The side that says them; none for the sentences neither side is named for, and for all
    /// of them when the place's sentences are not grouped.
    pub side: Option<SpeakerSide>,
    /// "Ukraine says", "Russia says", "Not attributed to either side"; none when not grouped.
    pub heading: Option<&'static str>,
    /// The statuses these sentences report, in the order first reported.
    pub statuses: Vec<&'static str>,
    /// Indices into the place's sentences, in article order.
    pub sentences: Vec<usize>,
}

/// Everything the details panel shows about a place.
#[derive(Serialize, Debug, PartialEq)]
pub struct Details<'a> {
    /// The gazetteer's name in its display form (`display::display_name`).
    pub name: Cow<'a, str>,
    pub kind: Kind,
    pub status: &'static str,
    pub reason: &'a str,
    pub claimed_by: Option<&'a str>,
    /// Who reports the place's status, in one line: the claimant, by its fullest name in the
    /// sentences ("the ministry" → "the Russian Defense Ministry").
    pub source: Option<String>,
    pub oblast: Option<&'a str>,
    pub forms: &'a [String],
    pub sentences: Vec<SentenceView>,
    /// The sentences by side when both sides speak of the place ("Ukraine says …", "Russia
    /// says …", then the others); else one group of them all, without a heading.
    pub groups: Vec<Group>,
}

impl<'a> Details<'a> {
    /// The panel's content for one place.
    pub fn of(p: &'a ReportedPlace) -> Details<'a> {
        let mut sentences = sentence_views(&p.mentions);
        let source = p.claimed_by.as_deref().map(|c| fullest_name(c, &sentences));
        // The source is said once, at the top; a sentence names only its other speakers.
        if let Some(source) = &source {
            let said = |s: &str| source.eq_ignore_ascii_case(s) || names_same(s, source);
            for v in &mut sentences {
                v.speakers.retain(|s| !said(s));
            }
        }
        let groups = side_groups(&sentences);
        Details {
            name: display_name(&p.name),
            kind: p.kind,
            status: p.status.as_str(),
            reason: &p.reason,
            claimed_by: p.claimed_by.as_deref(),
            source,
            oblast: p.oblast.as_deref(),
            forms: &p.forms,
            sentences,
            groups,
        }
    }
}

/// The groups of the panel: by side when both sides speak of the place, else one of all the
/// sentences.
fn side_groups(sentences: &[SentenceView]) -> Vec<Group> {
    let group = |side: Option<SpeakerSide>, heading: Option<&'static str>| {
        let members: Vec<usize> = (0..sentences.len())
            .filter(|&i| heading.is_none() || sentences[i].side == side)
            .collect();
        let mut statuses = Vec::new();
        for s in members.iter().filter_map(|&i| sentences[i].status) {
            if !statuses.contains(&s) {
                statuses.push(s);
            }
        }
        Group {
            side,
            heading,
            statuses,
            sentences: members,
        }
    };
    let speaks = |side| sentences.iter().any(|s| s.side == Some(side));
    if !(speaks(SpeakerSide::Ukraine) && speaks(SpeakerSide::Russia)) {
        return vec![group(None, None)];
    }
    [
        (Some(SpeakerSide::Ukraine), "Ukraine says"),
        (Some(SpeakerSide::Russia), "Russia says"),
        (None, "Not attributed to either side"),
    ]
    .into_iter()
    .map(|(side, heading)| group(side, Some(heading)))
    .filter(|g| !g.sentences.is_empty())
    .collect()
}

/// Whether the speaker `short` names the same source as `full`: its words, past "the", stand
/// in `full` ("the ministry" in "the Russian Defense Ministry").
fn names_same(short: &str, full: &str) -> bool {
    let key = short.trim();
    let key = key
        .strip_prefix("the ")
        .or_else(|| key.strip_prefix("The "))
        .unwrap_or(key)
        .to_lowercase();
    !key.is_empty() && full.to_lowercase().contains(&key)
}

/// The claimant by its fullest name among the sentences' speakers.
fn fullest_name(claimant: &str, sentences: &[SentenceView]) -> String {
    sentences
        .iter()
        .flat_map(|v| v.speakers.iter().chain(&v.quoting))
        .filter(|s| s.len() > claimant.len() && names_same(claimant, s))
        .max_by_key(|s| s.len())
        .map_or_else(|| claimant.to_string(), |s| s.to_string())
}

/// Groups a place's mentions by sentence and cuts each sentence at the mentions' byte ranges.
pub fn sentence_views(mentions: &[Evidence]) -> Vec<SentenceView> {
    let mut groups: Vec<(usize, Vec<&Evidence>)> = Vec::new();
    for e in mentions {
        match groups.iter_mut().find(|(s, _)| *s == e.sentence_start) {
            Some((_, g)) => g.push(e),
            None => groups.push((e.sentence_start, vec![e])),
        }
    }
    groups
        .into_iter()
        .map(|(start, group)| sentence_view(start, &group))
        .collect()
}

/// The view of the sentence at article offset `start` holding the mentions `group`.
fn sentence_view(start: usize, group: &[&Evidence]) -> SentenceView {
    let mut quoting: Vec<Arc<str>> = Vec::new();
    let mut speakers: Vec<Arc<str>> = Vec::new();
    for e in group {
        let Some(sp) = &e.speaker else { continue };
        let said_by = if e.quote.is_some() {
            &mut quoting
        } else {
            &mut speakers
        };
        if !said_by.contains(sp) {
            said_by.push(sp.clone());
        }
    }
    let judged = group.iter().find(|e| e.status.is_some());
    SentenceView {
        pieces: pieces(&group[0].sentence, start, group),
        quoting,
        speakers,
        status: judged.and_then(|e| e.status).map(|s| s.as_str()),
        reason: judged.and_then(|e| e.reason.clone()),
        side: group
            .iter()
            .find_map(|e| e.speaker.as_deref().and_then(SpeakerSide::of)),
    }
}

/// `sentence` (at article offset `start`) cut at the byte ranges of the mentions `group`,
/// converted from article offsets to sentence offsets, clamped and snapped to characters, so a
/// bad span can never split a character.
fn pieces(sentence: &str, start: usize, group: &[&Evidence]) -> Vec<Piece> {
    let mut spans: Vec<(usize, usize)> = group
        .iter()
        .map(|e| {
            let a = floor_char_boundary(sentence, e.start.saturating_sub(start));
            let b = floor_char_boundary(sentence, e.end.saturating_sub(start));
            (a, b)
        })
        .filter(|(a, b)| a < b)
        .collect();
    spans.sort_unstable();
    let mut pieces = Vec::new();
    let mut push = |text: &str, mark: bool| {
        pieces.push(Piece {
            text: text.to_string(),
            mark,
        })
    };
    let mut at = 0;
    for (a, b) in spans {
        let a = a.max(at);
        if a >= b {
            continue;
        }
        if a > at {
            push(&sentence[at..a], false);
        }
        push(&sentence[a..b], true);
        at = b;
    }
    if at < sentence.len() {
        push(&sentence[at..], false);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Status;

    fn ev(article: &str, sentence: &str, mention: &str, nth: usize) -> Evidence {
        let sentence_start = article.find(sentence).unwrap();
        let start = sentence_start
            + sentence
                .match_indices(mention)
                .nth(nth)
                .map(|(i, _)| i)
                .unwrap();
        Evidence {
            sentence: sentence.into(),
            sentence_start,
            quote: None,
            speaker: None,
            start,
            end: start + mention.len(),
            status: None,
            reason: None,
        }
    }

    fn text(v: &SentenceView) -> String {
        v.pieces
            .iter()
            .map(|p| {
                if p.mark {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn pieces_follow_byte_offsets_past_non_ascii_text() {
        let article = "Zelensky: “2 thousand” km². Troops enter Izyum after “forcing” it. Izyum’s mayor — Izyum!";
        let s1 = "Troops enter Izyum after “forcing” it.";
        let s2 = "Izyum’s mayor — Izyum!";
        let mentions = [
            ev(article, s1, "Izyum", 0),
            ev(article, s2, "Izyum", 0),
            ev(article, s2, "Izyum", 1),
        ];
        let views = sentence_views(&mentions);
        assert_eq!(views.len(), 2, "one view per sentence");
        assert_eq!(text(&views[0]), "Troops enter [Izyum] after “forcing” it.");
        assert_eq!(text(&views[1]), "[Izyum]’s mayor — [Izyum]!");
    }

    #[test]
    fn bad_spans_never_split_characters_or_panic() {
        let cases = [(0, 3), (2, 200), (7, 5), (usize::MAX - 1, usize::MAX)];
        for (start, end) in cases {
            let e = Evidence {
                sentence: "“Київ” — Kyiv".into(),
                sentence_start: 0,
                quote: None,
                speaker: None,
                start,
                end,
                status: None,
                reason: None,
            };
            let v = sentence_views(&[e]);
            let joined: String = v[0].pieces.iter().map(|p| p.text.as_str()).collect();
            assert_eq!(joined, "“Київ” — Kyiv", "{start}..{end}");
        }
    }

    #[test]
    fn a_quotation_is_named_by_its_speaker_and_its_words_never_repeated() {
        // (sentence, quotation, the quotation's words the sentence does not show)
        let cases = [
            (
                "“We have just started to evacuate the city,” an official told CNN.",
                "We have just started to evacuate the city,",
                None,
            ),
            (
                "The governor said: “Russian troops shelled the city overnight.",
                "Russian troops shelled the city overnight. They also hit Balakliia.",
                Some("They also hit Balakliia."),
            ),
            (
                "They also hit the city.”",
                "Russian troops shelled Izium overnight. They also hit the city.",
                Some("Russian troops shelled Izium overnight."),
            ),
        ];
        for (sentence, quote, beyond) in cases {
            let mut e = ev(sentence, sentence, "city", 0);
            e.quote = Some(quote.into());
            e.speaker = Some("an official".into());
            e.status = Some(Status::Evacuated);
            e.reason = Some("evacuate".into());
            let views = sentence_views(&[e.clone(), e]);
            assert_eq!(views.len(), 1, "{sentence}");
            let v = &views[0];
            assert_eq!(text(v), sentence.replace("city", "[city]"));
            assert_eq!(v.quoting, [Arc::from("an official")], "{sentence}");
            assert!(v.speakers.is_empty(), "{sentence}");
            assert_eq!(v.status, Some("evacuated"));
            if let Some(beyond) = beyond {
                let json = serde_json::to_string(v).unwrap();
                assert!(!json.contains(beyond), "{json}");
            }
        }
    }

    #[test]
    fn a_speaker_names_its_side_as_the_status_engine_reads_it() {
        let cases = [
            ("the Russian Defence Ministry", Some(SpeakerSide::Russia)),
            ("Kremlin spokesman Dmitry Peskov", Some(SpeakerSide::Russia)),
            ("Ukraine's General Staff", Some(SpeakerSide::Ukraine)),
            ("the Ukrainian military", Some(SpeakerSide::Ukraine)),
            ("an official", None),
            ("TASS", None),
        ];
        for (speaker, side) in cases {
            assert_eq!(SpeakerSide::of(speaker), side, "{speaker}");
        }
    }

    /// A place whose sentences are `said`: (sentence, speaker, whether the mention stands in a
    /// quotation, status), each mentioning "Marinka".
    fn place_said(said: &[(&str, Option<&str>, bool, Option<Status>)]) -> ReportedPlace {
        let article: String = said.iter().map(|s| format!("{} ", s.0)).collect();
        let mentions = said
            .iter()
            .map(|&(sentence, speaker, quoted, status)| {
                let mut e = ev(&article, sentence, "Marinka", 0);
                e.speaker = speaker.map(Arc::from);
                e.quote = quoted.then(|| Arc::from(sentence));
                e.status = status;
                e
            })
            .collect();
        ReportedPlace {
            name: "Mar'inka".into(),
            geonameid: None,
            kind: Kind::Settlement,
            lon: 37.5,
            lat: 47.9,
            oblast: None,
            status: Status::Contested,
            reason: String::new(),
            claimed_by: None,
            claimant_side: None,
            forms: vec!["Marinka".into()],
            mentions,
        }
    }

    #[test]
    fn sentences_are_grouped_by_side_when_both_sides_speak() {
        use SpeakerSide::{Russia, Ukraine};
        use Status::{Attacked, Contested, Liberated, Occupied};
        const UA: Option<&str> = Some("Ukraine's General Staff");
        const RU: Option<&str> = Some("the Russian Defence Ministry");
        type Said = (&'static str, Option<&'static str>, bool, Option<Status>);
        // (sentences, groups: (side, heading, statuses, sentence indices))
        type Case = (
            &'static [Said],
            &'static [(
                Option<SpeakerSide>,
                Option<&'static str>,
                &'static [&'static str],
                &'static [usize],
            )],
        );
        let cases: &[Case] = &[
            (&[], &[(None, None, &[], &[])]),
            // One side only: one group, no heading.
            (
                &[
                    ("Troops retook Marinka.", UA, false, Some(Liberated)),
                    ("Marinka was shelled.", None, false, Some(Attacked)),
                ],
                &[(None, None, &["liberated", "attacked"], &[0, 1])],
            ),
            // Both sides: Ukraine first, then Russia, then the rest; a quotation's speaker
            // counts as the sentence's.
            (
                &[
                    ("Marinka was shelled.", None, false, Some(Attacked)),
                    ("We took Marinka.", RU, true, Some(Occupied)),
                    ("Fighting goes on in Marinka.", UA, false, Some(Contested)),
                    ("Marinka is ours.", RU, false, Some(Occupied)),
                    ("Marinka, a town.", UA, false, None),
                ],
                &[
                    (Some(Ukraine), Some("Ukraine says"), &["contested"], &[2, 4]),
                    (Some(Russia), Some("Russia says"), &["occupied"], &[1, 3]),
                    (
                        None,
                        Some("Not attributed to either side"),
                        &["attacked"],
                        &[0],
                    ),
                ],
            ),
            // Both sides, no other sentence: no third group.
            (
                &[
                    ("We took Marinka.", RU, false, Some(Occupied)),
                    ("We hold Marinka.", UA, false, Some(Contested)),
                ],
                &[
                    (Some(Ukraine), Some("Ukraine says"), &["contested"], &[1]),
                    (Some(Russia), Some("Russia says"), &["occupied"], &[0]),
                ],
            ),
        ];
        for (said, expected) in cases {
            let place = place_said(said);
            let d = Details::of(&place);
            let got: Vec<_> = d
                .groups
                .iter()
                .map(|g| {
                    (
                        g.side,
                        g.heading,
                        g.statuses.as_slice(),
                        g.sentences.as_slice(),
                    )
                })
                .collect();
            let expected: Vec<_> = expected.iter().map(|&(a, b, c, e)| (a, b, c, e)).collect();
            assert_eq!(got, expected, "{said:?}");
        }
    }

    #[test]
    fn the_name_is_shown_in_its_display_form() {
        let place = place_said(&[]);
        assert_eq!(place.name, "Mar'inka");
        assert_eq!(Details::of(&place).name, "Marinka");
    }

    #[test]
    fn the_source_is_named_once_and_in_full() {
        let article = "Russian forces captured Avdiivka, the Russian Defense Ministry said. \
                       The ministry said Avdiivka was taken, a report by TASS said.";
        let s1 = "Russian forces captured Avdiivka, the Russian Defense Ministry said.";
        let s2 = "The ministry said Avdiivka was taken, a report by TASS said.";
        let mut a = ev(article, s1, "Avdiivka", 0);
        a.speaker = Some("the Russian Defense Ministry".into());
        let mut b = ev(article, s2, "Avdiivka", 0);
        b.speaker = Some("TASS".into());
        let mut c = b.clone();
        c.speaker = Some("The ministry".into());
        let place = ReportedPlace {
            name: "Avdiivka".into(),
            geonameid: None,
            kind: Kind::Settlement,
            lon: 37.75,
            lat: 48.14,
            oblast: None,
            status: Status::Occupied,
            reason: String::new(),
            claimed_by: Some("The ministry".into()),
            claimant_side: None,
            forms: vec!["Avdiivka".into()],
            mentions: vec![a, b, c],
        };
        let d = Details::of(&place);
        assert_eq!(d.source.as_deref(), Some("the Russian Defense Ministry"));
        let speakers: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|v| v.speakers.iter().map(|s| &**s).collect())
            .collect();
        assert_eq!(speakers, [vec![], vec!["TASS"]]);
    }
}
