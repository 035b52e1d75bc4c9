//! Many reports on one map: a set of dated reports, the status of each place as of a date, and
//! each place's history. The latest report of an event or a state at a place wins (a later bare
//! mention does not erase an earlier "liberated"); where the two sides' latest claims of control
//! disagree within [`CLAIM_STANDS_DAYS`] of each other and no later report settles it, the place
//! is disputed.

use crate::dates::{report_date, Date, DATELINE_REACH};
use crate::gazetteer::Gazetteer;
use crate::report::{Report, ReportedPlace, Side, Status};
use crate::status::{narrator_side, side_of_phrase};
use crate::text::{floor_char_boundary, Document};
use rustc_hash::FxHashMap;
use serde::{Serialize, Serializer};

/// How long a side's claim of control stands against the other side's: two claims further apart
/// than this are not a dispute, the later one is news.
pub const CLAIM_STANDS_DAYS: i64 = 14;

/// One report of a set: what it says and when.
#[derive(Clone, Debug)]
pub struct DatedReport {
    /// A name for the report: its first line, or its file's name.
    pub title: String,
    pub date: Date,
    /// The date is the report's own (read from its text or set by the user), not the day it
    /// was added.
    pub dated_by_text: bool,
    /// Who published it, where the text names them.
    pub source: Option<String>,
    /// The side whose voice the report is in, where it tells: the side most of its claims are
    /// made by, else the side whose terms its narrator uses, else the side its source names. A claim in no named voice counts as this
    /// side's.
    pub side: Option<Side>,
    pub report: Report,
}

/// The longest title kept, in bytes.
const LONGEST_TITLE: usize = 80;

impl DatedReport {
    /// Reads `text` as a report of a set: its places, its title (the first line, else `name`),
    /// its own date (else `added`, the day it was added) and its source.
    pub fn read(gazetteer: &Gazetteer, text: &str, name: &str, added: Date) -> DatedReport {
        let doc = Document::parse(text);
        let report = crate::extract_parsed(gazetteer, &doc);
        let title = title_of(text).unwrap_or(name).to_string();
        let own_date = report_date(text, added.year);
        let source = dateline_source(text).or_else(|| most_claimed_by(&report));
        let side = majority_side(&report)
            .or_else(|| narrator_side(&doc))
            .or_else(|| source.as_deref().and_then(side_of_phrase));
        DatedReport {
            title,
            date: own_date.unwrap_or(added),
            dated_by_text: own_date.is_some(),
            source,
            side,
            report,
        }
    }
}

/// The first non-blank line of `text`, cut to [`LONGEST_TITLE`] bytes at a word.
fn title_of(text: &str) -> Option<&str> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    if line.len() <= LONGEST_TITLE {
        return Some(line);
    }
    let end = floor_char_boundary(line, LONGEST_TITLE);
    let cut = line[..end].rfind(' ').unwrap_or(end);
    Some(line[..cut].trim_end())
}

/// The agency of a dateline: "KYIV, Sept 11 (Reuters) –" gives "Reuters" — one to four words
/// in parentheses, the first capitalised, followed by a dash.
fn dateline_source(text: &str) -> Option<String> {
    let head = &text[..floor_char_boundary(text, DATELINE_REACH)];
    let mut from = 0;
    while let Some(open) = head[from..].find('(').map(|k| from + k) {
        let Some(close) = head[open..].find(')').map(|k| open + k) else {
            break;
        };
        let inside = head[open + 1..close].trim();
        let words: Vec<&str> = inside.split_whitespace().collect();
        let named =
            (1..=4).contains(&words.len()) && words[0].starts_with(|c: char| c.is_uppercase());
        let dash_after = head[close + 1..].trim_start().starts_with(['–', '—', '-']);
        if named && dash_after {
            return Some(inside.to_string());
        }
        from = close;
    }
    None
}

/// The speaker who makes more than half of the report's claims.
fn most_claimed_by(report: &Report) -> Option<String> {
    let claimants: Vec<&str> = report
        .places
        .iter()
        .filter_map(|p| p.claimed_by.as_deref())
        .collect();
    let count = |c: &str| claimants.iter().filter(|&&x| x == c).count();
    let best = claimants.iter().copied().max_by_key(|&c| count(c))?;
    (count(best) * 2 > claimants.len()).then(|| best.to_string())
}

/// The side that makes more than half of the report's claims (its places with an event or a
/// state): a report that quotes one side now and then is not in that side's voice.
fn majority_side(report: &Report) -> Option<Side> {
    let claims = || {
        report
            .places
            .iter()
            .filter(|p| p.status != Status::Mentioned)
    };
    let all = claims().count();
    [Side::Ukrainian, Side::Russian]
        .into_iter()
        .find(|&side| claims().filter(|p| p.claimant_side == Some(side)).count() * 2 > all)
}

/// A place's status over a set of reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetStatus {
    /// As the latest report of an event or state there says.
    Reported(Status),
    /// The two sides' claims of control disagree.
    Disputed,
}

impl SetStatus {
    /// The lower-case name used in GeoJSON and in the page.
    pub fn as_str(self) -> &'static str {
        match self {
            SetStatus::Reported(status) => status.as_str(),
            SetStatus::Disputed => "disputed",
        }
    }
}

impl Serialize for SetStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// What one report says of one place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Claim<'a> {
    /// The report's index in the set.
    pub report: usize,
    pub date: Date,
    /// The side that makes the claim: the place's claimant's, else the report's.
    pub side: Option<Side>,
    pub place: &'a ReportedPlace,
}

impl Claim<'_> {
    fn is_event(&self) -> bool {
        self.place.status != Status::Mentioned
    }

    fn of_control(&self) -> bool {
        matches!(
            self.place.status,
            Status::Liberated | Status::Occupied | Status::Contested
        )
    }
}

/// One place of the set as of a date.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceAsOf<'a> {
    pub status: SetStatus,
    /// The claims that decide the status: the winning one, or the two sides' disagreeing ones
    /// (Ukrainian first).
    pub deciding: Vec<Claim<'a>>,
    /// Every claim about the place up to the date, newest first.
    pub history: Vec<Claim<'a>>,
}

impl<'a> PlaceAsOf<'a> {
    /// The latest report's view of the place (name, coordinates, kind).
    pub fn place(&self) -> &'a ReportedPlace {
        self.history[0].place
    }
}

/// Which place a reported place is, across reports: its gazetteer id, or its name and kind.
fn key(p: &ReportedPlace) -> (Option<u64>, &str) {
    (
        p.geonameid,
        if p.geonameid.is_some() { "" } else { &p.name },
    )
}

/// Every place the reports of `set` dated up to `date` name, in order of first appearance (by
/// report date, then article order), each with its status as of `date`. Reports of one date
/// count in the order of `set`.
pub fn as_of<'a>(set: &'a [DatedReport], date: Date) -> Vec<PlaceAsOf<'a>> {
    let mut order: Vec<usize> = (0..set.len()).filter(|&r| set[r].date <= date).collect();
    order.sort_by_key(|&r| set[r].date);
    let mut slots: FxHashMap<(Option<u64>, &str), usize> = FxHashMap::default();
    let mut claims: Vec<Vec<Claim>> = Vec::new();
    for r in order {
        for place in &set[r].report.places {
            let slot = *slots.entry(key(place)).or_insert_with(|| {
                claims.push(Vec::new());
                claims.len() - 1
            });
            claims[slot].push(Claim {
                report: r,
                date: set[r].date,
                side: place.claimant_side.or(set[r].side),
                place,
            });
        }
    }
    claims
        .into_iter()
        .map(|mut oldest_first| {
            let (status, deciding) = decide(&oldest_first);
            oldest_first.reverse();
            PlaceAsOf {
                status,
                deciding,
                history: oldest_first,
            }
        })
        .collect()
}

/// The status of a place from its claims, oldest first, and the claims that decide it.
fn decide<'a>(claims: &[Claim<'a>]) -> (SetStatus, Vec<Claim<'a>>) {
    let Some(latest) = claims.iter().rev().find(|c| c.is_event()) else {
        let last = *claims.last().expect("a place has a claim");
        return (SetStatus::Reported(Status::Mentioned), vec![last]);
    };
    let latest_of = |side: Side| {
        claims
            .iter()
            .rev()
            .find(|c| c.of_control() && c.side == Some(side))
    };
    if let (Some(ua), Some(ru)) = (latest_of(Side::Ukrainian), latest_of(Side::Russian)) {
        let apart = ua.date.days_since(ru.date).abs();
        let settled = claims
            .iter()
            .any(|c| c.of_control() && c.side.is_none() && c.date > ua.date.max(ru.date));
        if ua.place.status != ru.place.status && apart <= CLAIM_STANDS_DAYS && !settled {
            return (SetStatus::Disputed, vec![*ua, *ru]);
        }
    }
    (SetStatus::Reported(latest.place.status), vec![*latest])
}

#[cfg(test)]
mod tests {
    use super::*;
    use Side::{Russian, Ukrainian};
    use Status::*;

    fn day(d: u8) -> Date {
        Date::new(2022, 9, d).unwrap()
    }

    fn place(name: &str, status: Status, side: Option<Side>) -> ReportedPlace {
        ReportedPlace {
            name: name.to_string(),
            geonameid: Some(name.bytes().map(u64::from).sum()),
            kind: crate::Kind::Settlement,
            lon: 37.6,
            lat: 49.7,
            oblast: None,
            status,
            reason: String::new(),
            claimed_by: None,
            claimant_side: side,
            forms: vec![name.to_string()],
            mentions: Vec::new(),
        }
    }

    fn report(title: &str, date: Date, places: Vec<ReportedPlace>) -> DatedReport {
        DatedReport {
            title: title.to_string(),
            date,
            dated_by_text: true,
            source: None,
            side: None,
            report: Report { places },
        }
    }

    /// Each place as "name: status (deciding reports) [history reports]".
    fn summary(set: &[DatedReport], date: Date) -> Vec<String> {
        as_of(set, date)
            .iter()
            .map(|p| {
                let titles = |claims: &[Claim]| {
                    claims
                        .iter()
                        .map(|c| set[c.report].title.as_str())
                        .collect::<Vec<_>>()
                        .join(",")
                };
                format!(
                    "{}: {} ({}) [{}]",
                    p.place().name,
                    p.status.as_str(),
                    titles(&p.deciding),
                    titles(&p.history)
                )
            })
            .collect()
    }

    #[test]
    fn the_latest_event_wins_and_a_bare_mention_does_not_erase_it() {
        let set = [
            report("c", day(12), vec![place("Kupiansk", Mentioned, None)]),
            report("a", day(6), vec![place("Kupiansk", Contested, None)]),
            report(
                "b",
                day(10),
                vec![
                    place("Izium", Attacked, None),
                    place("Kupiansk", Liberated, None),
                ],
            ),
        ];
        let cases: &[(u8, &[&str])] = &[
            (5, &[]),
            (6, &["Kupiansk: contested (a) [a]"]),
            (
                10,
                &["Kupiansk: liberated (b) [b,a]", "Izium: attacked (b) [b]"],
            ),
            (
                30,
                &["Kupiansk: liberated (b) [c,b,a]", "Izium: attacked (b) [b]"],
            ),
        ];
        for (d, expected) in cases {
            assert_eq!(summary(&set, day(*d)), *expected, "as of {d}");
        }
    }

    #[test]
    fn opposite_claims_of_control_close_in_time_are_a_dispute() {
        let set = [
            report(
                "ua",
                day(10),
                vec![place("Kupiansk", Liberated, Some(Ukrainian))],
            ),
            report(
                "ru",
                day(11),
                vec![place("Kupiansk", Occupied, Some(Russian))],
            ),
            report(
                "ru-late",
                day(28),
                vec![place("Kupiansk", Occupied, Some(Russian))],
            ),
            report("wire", day(30), vec![place("Kupiansk", Liberated, None)]),
        ];
        let cases: &[(u8, &str)] = &[
            (10, "Kupiansk: liberated (ua) [ua]"),
            (11, "Kupiansk: disputed (ua,ru) [ru,ua]"),
            // Further apart than a claim stands: the later claim is news.
            (28, "Kupiansk: occupied (ru-late) [ru-late,ru,ua]"),
            // A report in no side's voice after both settles it.
            (30, "Kupiansk: liberated (wire) [wire,ru-late,ru,ua]"),
        ];
        for (d, expected) in cases {
            assert_eq!(summary(&set, day(*d)), [*expected], "as of {d}");
        }
    }

    #[test]
    fn agreeing_sides_fire_and_mentions_are_no_dispute() {
        let set = [
            report(
                "ua",
                day(10),
                vec![
                    place("Izium", Contested, Some(Ukrainian)),
                    place("Kupiansk", Attacked, Some(Ukrainian)),
                    place("Lyman", Mentioned, Some(Ukrainian)),
                ],
            ),
            report(
                "ru",
                day(10),
                vec![
                    place("Izium", Contested, Some(Russian)),
                    place("Kupiansk", Occupied, Some(Russian)),
                    place("Lyman", Mentioned, Some(Russian)),
                ],
            ),
        ];
        assert_eq!(
            summary(&set, day(10)),
            [
                "Izium: contested (ru) [ru,ua]",
                "Kupiansk: occupied (ru) [ru,ua]",
                "Lyman: mentioned (ru) [ru,ua]"
            ]
        );
    }

    #[test]
    fn places_without_an_id_are_told_apart_by_name() {
        let mut a = place("Novoselivka", Attacked, None);
        let mut b = place("Novoselivka", Contested, None);
        let mut c = place("Nova", Occupied, None);
        for p in [&mut a, &mut b, &mut c] {
            p.geonameid = None;
        }
        let set = [
            report("x", day(1), vec![a, c]),
            report("y", day(2), vec![b]),
        ];
        assert_eq!(
            summary(&set, day(2)),
            ["Novoselivka: contested (y) [y,x]", "Nova: occupied (x) [x]"]
        );
    }

    fn gazetteer() -> Gazetteer {
        let town = |id: u32, name: &str, lon: f64, lat: f64| {
            format!(
                r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[{lon},{lat}]}},
                "properties":{{"id":{id},"name":"{name}","kind":"settlement","type":"city",
                "names":["{name}"],"oblast":"Kharkiv Oblast","country":"UA","pop":30000}}}}"#
            )
        };
        let features = [
            town(703656, "Kupiansk", 37.616, 49.710),
            town(707292, "Izium", 37.277, 49.207),
        ];
        Gazetteer::of_features(&features)
    }

    #[test]
    fn a_report_is_read_with_its_title_date_source_and_side() {
        let gazetteer = gazetteer();
        let added = day(20);
        let read = |text: &str| DatedReport::read(&gazetteer, text, "file.txt", added);
        type Case = (
            &'static str,
            &'static str,
            Date,
            bool,
            Option<&'static str>,
            Option<Side>,
        );
        let cases: &[Case] = &[
            (
                "KYIV, Sept 11, 2022 (Wire Service) – Ukrainian forces liberated Kupiansk.",
                "KYIV, Sept 11, 2022 (Wire Service) – Ukrainian forces liberated Kupiansk.",
                day(11),
                true,
                Some("Wire Service"),
                None,
            ),
            (
                "Statement of the Russian Defence Ministry\n\nThe Kiev regime lost ground. Our troops hold Izium.",
                "Statement of the Russian Defence Ministry",
                added,
                false,
                None,
                Some(Russian),
            ),
            (
                "\n  \n\"Our forces liberated Kupiansk,\" the Ukrainian General Staff said on 12 September 2022.",
                "\"Our forces liberated Kupiansk,\" the Ukrainian General Staff said on 12",
                day(12),
                true,
                Some("the Ukrainian General Staff"),
                Some(Ukrainian),
            ),
            (
                "Morning update\n\nThe occupiers shelled Izium; in temporarily occupied Kupiansk \"it is quiet\".",
                "Morning update",
                added,
                false,
                None,
                Some(Ukrainian),
            ),
            (
                "Morning update\n\nKupiansk is quiet, \"say the occupiers\".",
                "Morning update",
                added,
                false,
                None,
                None,
            ),
            ("", "file.txt", added, false, None, None),
        ];
        for &(text, title, date, dated_by_text, source, side) in cases {
            let r = read(text);
            assert_eq!(
                (
                    r.title.as_str(),
                    r.date,
                    r.dated_by_text,
                    r.source.as_deref(),
                    r.side
                ),
                (title, date, dated_by_text, source, side),
                "{text:?}"
            );
        }
        assert_eq!(read("Kupiansk was shelled.").report.places.len(), 1);
    }

    #[test]
    fn titles_are_cut_at_a_word_and_sources_need_a_dateline() {
        let long = format!("{} end", "word ".repeat(20));
        assert_eq!(title_of(&long), Some("word ".repeat(16).trim_end()));
        assert_eq!(title_of(&"ж".repeat(60)).map(str::len), Some(80));
        assert_eq!(title_of(" \n\t"), None);
        let sources = [
            (
                "LONDON (Frontline example) — Text.",
                Some("Frontline example"),
            ),
            ("The Armed Forces of Ukraine (AFU) said.", None),
            ("KYIV (lower case) – text", None),
            ("KYIV (Ukrinform) text", None),
            ("KYIV (One Two Three Four Five) – text", None),
            ("KYIV (Reuters", None),
        ];
        for (text, source) in sources {
            assert_eq!(dateline_source(text).as_deref(), source, "{text:?}");
        }
    }

    #[test]
    fn a_claim_in_no_named_voice_takes_the_reports_side() {
        let mut ru = report("ru", day(11), vec![place("Kupiansk", Occupied, None)]);
        ru.side = Some(Russian);
        let set = [
            report(
                "ua",
                day(10),
                vec![place("Kupiansk", Liberated, Some(Ukrainian))],
            ),
            ru,
        ];
        assert_eq!(
            summary(&set, day(11)),
            ["Kupiansk: disputed (ua,ru) [ru,ua]"]
        );
    }

    #[test]
    fn the_most_frequent_claimant_names_the_source_and_the_majority_side() {
        let claimed = |by: Option<&str>, side: Option<Side>| ReportedPlace {
            claimed_by: by.map(str::to_string),
            ..place("X", Contested, side)
        };
        let report = Report {
            places: vec![
                claimed(Some("the governor"), Some(Ukrainian)),
                claimed(Some("the ministry"), Some(Russian)),
                claimed(Some("the ministry"), Some(Russian)),
                claimed(None, None),
            ],
        };
        assert_eq!(most_claimed_by(&report).as_deref(), Some("the ministry"));
        assert_eq!(
            majority_side(&report),
            None,
            "two claims of four are no majority"
        );
        let mut mostly_russian = report.clone();
        mostly_russian.places[3].status = Mentioned;
        assert_eq!(
            majority_side(&mostly_russian),
            Some(Russian),
            "a mention is no claim"
        );
        let even = Report {
            places: report.places[..2].to_vec(),
        };
        assert_eq!(most_claimed_by(&even), None);
        assert_eq!(majority_side(&even), None);
        assert_eq!(most_claimed_by(&Report::default()), None);
    }
}
