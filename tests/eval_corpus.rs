//! The project's own evaluation set (`eval/`): `extract` must stay as accurate on it as the
//! figures committed in `eval/figures.json` say, within [`TOLERANCE`]. The scorer is
//! `eval_corpus/score.rs`, to the evaluation kit's rules.
//!
//! `scripts/eval.sh` runs the ignored test [`table`] to print every article's row — for `eval/`
//! and, when the lent kit is beside the project, for its development set by halves — and, with
//! `--write`, to rewrite `eval/figures.json` from the run.

mod common;
#[path = "eval_corpus/score.rs"]
mod score;

use common::gazetteer;
use frontline::extract;
use score::{Counts, Gold, Table};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How far a figure may fall below the committed one before the test fails.
const TOLERANCE: f64 = 0.02;

/// Set by `scripts/eval.sh --write`: the table test rewrites `eval/figures.json`.
const WRITE_VAR: &str = "FRONTLINE_EVAL_WRITE";

fn project(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// One scored article of a corpus: its file stem and counts.
struct Scored {
    name: String,
    counts: Counts,
}

/// Scores every `NAME.gold.json` in `dir` (with `NAME.txt` beside it), in name order.
fn score_dir(dir: &Path) -> Vec<Scored> {
    let mut golds: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    golds
        .iter()
        .map(|gold_path| {
            let read = |p: &Path| {
                std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
            };
            let file = gold_path.file_name().unwrap().to_string_lossy();
            let name = file.trim_end_matches(".gold.json").to_owned();
            let gold: Gold = serde_json::from_str(&read(gold_path))
                .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
            let text = read(&dir.join(format!("{name}.txt")));
            let counts = score::score(&gold, &extract(gazetteer(), &text));
            Scored { name, counts }
        })
        .collect()
}

fn total<'a>(articles: impl IntoIterator<Item = &'a Scored>) -> Counts {
    let mut sum = Counts::default();
    for a in articles {
        sum += a.counts;
    }
    sum
}

/// Rows for `articles` and their total under `label`.
fn add_group<'a>(table: &mut Table, label: &str, articles: impl IntoIterator<Item = &'a Scored>) {
    let mut sum = Counts::default();
    for a in articles {
        table.row(&a.name, &a.counts);
        sum += a.counts;
    }
    table.total(label, &sum);
}

fn eval_table(scored: &[Scored]) -> Table {
    let mut table = Table::new("eval/ (the project's own set)");
    add_group(&mut table, "eval/ total", scored);
    table
}

/// The figures the regression test holds `extract` to (`eval/figures.json`).
#[derive(Debug, Deserialize, Serialize)]
struct Figures {
    about: String,
    articles: usize,
    gold_settlements: usize,
    precision: f64,
    recall: f64,
    f1: f64,
    status_lenient: f64,
    status_strict: f64,
}

/// Rounds to four decimals, as the figures file keeps them.
fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

impl Figures {
    fn of(articles: usize, c: &Counts) -> Figures {
        Figures {
            about: "Accuracy of extract on eval/, written by scripts/eval.sh --write; \
                    tests/eval_corpus.rs fails when f1, status_lenient or status_strict falls \
                    more than 0.02 below these."
                .to_owned(),
            articles,
            gold_settlements: c.gold,
            precision: round4(c.precision()),
            recall: round4(c.recall()),
            f1: round4(c.f1()),
            status_lenient: round4(c.status_lenient()),
            status_strict: round4(c.status_strict()),
        }
    }
}

fn figures_path() -> PathBuf {
    project("eval/figures.json")
}

#[test]
fn eval_corpus_keeps_its_committed_figures() {
    let scored = score_dir(&project("eval"));
    let now = Figures::of(scored.len(), &total(&scored));
    let path = figures_path();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let committed: Figures =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let drops: Vec<String> = [
        ("settlement F1", now.f1, committed.f1),
        (
            "status lenient",
            now.status_lenient,
            committed.status_lenient,
        ),
        ("status strict", now.status_strict, committed.status_strict),
    ]
    .iter()
    .filter(|(_, now, was)| *now < was - TOLERANCE)
    .map(|(what, now, was)| format!("{what} {now:.4} < committed {was:.4} - {TOLERANCE}"))
    .collect();
    assert!(
        drops.is_empty(),
        "accuracy on eval/ fell: {}\n\n{}\nIf the change is meant, rewrite the figures with \
         scripts/eval.sh --write and commit them.",
        drops.join("; "),
        eval_table(&scored).text()
    );
}

/// Whether an article of the kit's development set is in its odd half: its leading number is
/// odd, and the seed article (no number) counts as odd.
fn odd_half(name: &str) -> bool {
    let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
    digits.parse::<u64>().map_or(true, |n| n % 2 == 1)
}

/// The table of `scripts/eval.sh` (run with `--ignored --nocapture`).
#[test]
#[ignore = "prints the evaluation table; run by scripts/eval.sh"]
fn table() {
    let scored = score_dir(&project("eval"));
    print!("{}", eval_table(&scored).text());
    if std::env::var_os(WRITE_VAR).is_some() {
        let figures = Figures::of(scored.len(), &total(&scored));
        let json = serde_json::to_string_pretty(&figures).expect("figures serialise") + "\n";
        std::fs::write(figures_path(), json).expect("eval/figures.json is writable");
        println!("wrote {}", figures_path().display());
    }
    let dev = project("../shared/eval/dev");
    if dev.is_dir() {
        let scored = score_dir(&dev);
        let (odd, even): (Vec<&Scored>, Vec<&Scored>) =
            scored.iter().partition(|a| odd_half(&a.name));
        let mut table = Table::new("\n../shared/eval/dev (lent, copyrighted), odd half");
        add_group(&mut table, "dev odd half", odd);
        print!("{}", table.text());
        let mut table = Table::new("\n../shared/eval/dev, even half");
        add_group(&mut table, "dev even half", even);
        print!("{}", table.text());
        println!("{}", score::summary("dev total", &total(&scored)));
    }
}

/// The scorer on a made-up gold and report, one rule of the kit per place.
#[test]
fn scorer_follows_the_kits_rules() {
    use frontline::{Kind, Report, ReportedPlace, Status};
    let gold: Gold = serde_json::from_str(
        r#"{ "places": [
        {"name": "Kupiansk", "geonameid": 703656, "lat": 49.71, "lon": 37.616, "kind": "settlement", "status": "liberated", "also": []},
        {"name": "Izium", "geonameid": 707292, "lat": 49.21, "lon": 37.26, "kind": "settlement", "status": "contested", "also": ["attacked"]},
        {"name": "Lyman", "geonameid": 704204, "lat": 48.99, "lon": 37.808, "kind": "settlement", "status": "occupied", "also": []},
        {"name": "Moscow", "geonameid": 524901, "lat": 55.75, "lon": 37.62, "kind": "settlement", "optional": true, "status": "mentioned"},
        {"name": "Kharkiv Oblast", "geonameid": null, "lat": 49.6, "lon": 36.5, "kind": "region", "status": "mentioned"},
        {"name": "Unfound", "geonameid": null, "lat": 46.0, "lon": 30.0, "kind": "settlement", "status": "attacked"}
    ] }"#,
    )
    .unwrap();
    let place = |name: &str, id: Option<u64>, kind, lat, lon, status| ReportedPlace {
        name: name.to_owned(),
        geonameid: id,
        kind,
        lon,
        lat,
        oblast: None,
        status,
        reason: String::new(),
        claimed_by: None,
        claimant_side: None,
        forms: vec![],
        mentions: vec![],
    };
    let report = Report {
        places: vec![
            // Same id, far away: a match, and the right status.
            place(
                "Kupiansk",
                Some(703656),
                Kind::Settlement,
                0.0,
                0.0,
                Status::Liberated,
            ),
            // Another place 10 km from Izium: it would match, but the place with Izium's id
            // takes Izium first, so this one is a false positive.
            place(
                "Near Izium",
                Some(1),
                Kind::Settlement,
                49.3,
                37.26,
                Status::Contested,
            ),
            // Izium's status is in `also`: right leniently, wrong strictly.
            place(
                "Izium",
                Some(707292),
                Kind::Settlement,
                49.21,
                37.26,
                Status::Attacked,
            ),
            // Lyman matched with the wrong status.
            place(
                "Lyman",
                Some(704204),
                Kind::Settlement,
                48.99,
                37.808,
                Status::Mentioned,
            ),
            // An optional gold place absorbs a system place: no credit, no penalty.
            place(
                "Moscow",
                Some(524901),
                Kind::Settlement,
                55.75,
                37.62,
                Status::Mentioned,
            ),
            // A region the system declares is set aside, wherever it lies.
            place(
                "Kursk Oblast",
                None,
                Kind::Region,
                51.7,
                36.1,
                Status::Mentioned,
            ),
            // A settlement near a gold region is absorbed by it.
            place(
                "Kharkiv-ish",
                Some(2),
                Kind::Settlement,
                49.6,
                36.5,
                Status::Attacked,
            ),
            // Nothing near: a false positive.
            place(
                "Far",
                Some(3),
                Kind::Settlement,
                40.0,
                20.0,
                Status::Mentioned,
            ),
        ],
    };
    let c = score::score(&gold, &report);
    assert_eq!(
        (c.gold, c.tp, c.fp, c.fn_, c.lenient, c.strict),
        (4, 3, 2, 1, 2, 1),
        "{c:?}"
    );
    assert!((c.precision() - 0.6).abs() < 1e-9 && (c.recall() - 0.75).abs() < 1e-9);
    assert!((score::haversine_km(49.21, 37.26, 49.3, 37.26) - 10.0).abs() < 0.1);
}
