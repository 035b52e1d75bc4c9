//! Shared fixtures of the integration tests: the project's gazetteer, loaded once, and the
//! articles. Each test binary uses only some of them.
#![allow(dead_code)]

use frontline::Gazetteer;
use std::sync::OnceLock;

/// The project's gazetteer (`data/gazetteer.geojson`), loaded once per test binary.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/gazetteer.geojson");
        let text = std::fs::read_to_string(path).expect("data/gazetteer.geojson is readable");
        Gazetteer::from_geojson_str(&text).expect("the project's gazetteer loads")
    })
}

/// Where a fixture article is: the seed article is the page's bundled example
/// (`www/examples/seed.txt`); the others are in `tests/fixtures`.
fn fixture_path(name: &str) -> String {
    let dir = if name == "seed.txt" {
        "www/examples"
    } else {
        "tests/fixtures"
    };
    format!("{}/{dir}/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A fixture article (see [`fixture_path`]).
pub fn fixture(name: &str) -> String {
    let path = fixture_path(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}
