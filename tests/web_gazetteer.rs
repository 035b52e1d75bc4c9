//! The gazetteer the page downloads (`scripts/web_gazetteer.py`, run by `scripts/build_web.sh`)
//! is `data/gazetteer.geojson` in fewer bytes: the program loads it into the same gazetteer
//! but for the GeoNames ids, which the page never shows, and so extracts the same places,
//! statuses and evidence from every article of the project.

mod common;

use common::gazetteer;
use frontline::{extract, Gazetteer, Report};
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The served gazetteer as the script writes it, loaded once.
fn served() -> &'static Gazetteer {
    static SERVED: OnceLock<Gazetteer> = OnceLock::new();
    SERVED.get_or_init(|| {
        let output = Command::new("python3")
            .current_dir(ROOT)
            .args(["scripts/web_gazetteer.py", "data/gazetteer.geojson"])
            .output()
            .expect("python3 runs scripts/web_gazetteer.py");
        assert!(
            output.status.success(),
            "scripts/web_gazetteer.py failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let text = String::from_utf8(output.stdout).expect("the served gazetteer is UTF-8");
        let full = std::fs::metadata(Path::new(ROOT).join("data/gazetteer.geojson")).unwrap();
        assert!(
            (text.len() as u64) < full.len(),
            "the served gazetteer is no smaller"
        );
        Gazetteer::from_geojson_str(&text).expect("the served gazetteer loads")
    })
}

/// A report as the page gives it: without GeoNames ids.
fn without_ids(mut report: Report) -> Report {
    for place in &mut report.places {
        place.geonameid = None;
    }
    report
}

#[test]
fn the_served_gazetteer_loads_as_the_full_one_without_ids() {
    let path = Path::new(ROOT).join("data/gazetteer.geojson");
    let mut expected =
        Gazetteer::from_geojson_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(expected.places.iter().any(|p| p.geonameid.is_some()));
    for place in &mut expected.places {
        place.geonameid = None;
    }
    let served = served();
    assert_eq!(served.places.len(), expected.places.len(), "places");
    let differing = served
        .places
        .iter()
        .zip(&expected.places)
        .position(|(s, e)| s != e);
    if let Some(i) = differing {
        let (s, e) = (&served.places[i], &expected.places[i]);
        panic!("place {i}: served {s:?}, data/gazetteer.geojson {e:?}");
    }
    assert!(
        *served == expected,
        "the served gazetteer indexes other keys"
    );
}

#[test]
fn the_served_gazetteer_extracts_what_the_full_one_does_from_every_article() {
    let mut articles = 0;
    for dir in [
        "eval",
        "tests/fixtures",
        "tests/e2e/fixtures",
        "www/examples",
    ] {
        let mut paths: Vec<_> = std::fs::read_dir(Path::new(ROOT).join(dir))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap();
            let full = without_ids(extract(gazetteer(), &text));
            assert!(!full.places.is_empty(), "{}: no places", path.display());
            assert_eq!(extract(served(), &text), full, "{}", path.display());
            articles += 1;
        }
    }
    assert!(articles >= 20, "{articles} articles");
}
