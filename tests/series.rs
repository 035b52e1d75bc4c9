//! The bundled example series (www/examples/series, five reports written for the project) read
//! as a set against the real gazetteer: each report's date and side, and Kupiansk's status as
//! the series' README says a reader sees it.

mod common;

use common::gazetteer;
use frontline::dates::Date;
use frontline::report::Side;
use frontline::timeline::{as_of, DatedReport};

fn series() -> Vec<DatedReport> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/examples/series");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let added = Date::new(2026, 1, 1).unwrap();
    files
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            DatedReport::read(gazetteer(), &text, "", added)
        })
        .collect()
}

fn day(month: u8, day: u8) -> Date {
    Date::new(2022, month, day).unwrap()
}

#[test]
fn the_series_is_dated_and_voiced_and_kupiansk_is_disputed_then_liberated() {
    let set = series();
    let read: Vec<(String, bool, Option<Side>)> = set
        .iter()
        .map(|r| (r.date.to_string(), r.dated_by_text, r.side))
        .collect();
    let expected = [
        ("2022-09-07", true, Some(Side::Ukrainian)),
        ("2022-09-10", true, Some(Side::Russian)),
        ("2022-09-11", true, None),
        ("2022-09-12", true, Some(Side::Ukrainian)),
        ("2022-10-03", true, None),
    ];
    assert_eq!(
        read,
        expected.map(|(d, by_text, side)| (d.to_string(), by_text, side))
    );
    let kupiansk = |date: Date| {
        as_of(&set, date)
            .into_iter()
            .find(|p| p.place().name == "Kupiansk")
            .map(|p| (p.status.as_str(), p.history.len()))
    };
    assert_eq!(kupiansk(day(9, 6)), None);
    assert_eq!(kupiansk(day(9, 7)), Some(("occupied", 1)));
    assert_eq!(kupiansk(day(9, 10)), Some(("occupied", 2)));
    assert_eq!(kupiansk(day(9, 11)), Some(("liberated", 3)));
    assert_eq!(kupiansk(day(9, 12)), Some(("disputed", 4)));
    assert_eq!(kupiansk(day(10, 3)), Some(("liberated", 5)));
}
