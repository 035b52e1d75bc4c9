//! Many reports on one map: a set of dated reports, the status of each place as of a date, and
//! each place's history. The latest report of an event or a state at a place wins (a later bare
//! mention does not erase an earlier "liberated"); where the two sides' latest claims of control
//! disagree within [`CLAIM_STANDS_DAYS`] of each other and no later report settles it, the place
//! is disputed.

use crate::dates::Date;
use crate::report::{Report, ReportedPlace, Side, Status};
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
    pub report: Report,
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
            .find(|c| c.of_control() && c.place.claimant_side == Some(side))
    };
    if let (Some(ua), Some(ru)) = (latest_of(Side::Ukrainian), latest_of(Side::Russian)) {
        let apart = ua.date.days_since(ru.date).abs();
        let settled = claims.iter().any(|c| {
            c.of_control() && c.place.claimant_side.is_none() && c.date > ua.date.max(ru.date)
        });
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
}
