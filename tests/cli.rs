//! The `frontline` command as a user runs it: output contract, exit codes, bad input.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// A directory of this test's own, removed when the test ends (passed or failed).
struct ScratchDir(PathBuf);

impl ScratchDir {
    fn new(name: &str) -> ScratchDir {
        let dir = std::env::temp_dir().join(format!("frontline-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        ScratchDir(dir)
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn frontline(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("frontline runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn features(out: &Output) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(v["type"], "FeatureCollection");
    v["features"].as_array().unwrap().clone()
}

#[test]
fn extract_prints_the_geojson_contract() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/www/examples/seed.txt");
    let out = frontline(&["extract", seed], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let feats = features(&out);
    let kupiansk = feats
        .iter()
        .find(|f| f["properties"]["name"] == "Kupiansk")
        .expect("Kupiansk");
    assert_eq!(kupiansk["geometry"]["type"], "Point");
    let p = &kupiansk["properties"];
    assert_eq!(p["geonameid"], 703656);
    assert_eq!(p["kind"], "settlement");
    assert_eq!(p["status"], "liberated");
    assert!(p["reason"].as_str().is_some_and(|r| !r.is_empty()));
    assert!(p.get("claimed_by").is_some());
    assert_eq!(p["forms"][0], "Kupiansk");
    let m = &p["mentions"][0];
    for key in ["sentence", "quote", "speaker", "start", "end"] {
        assert!(m.get(key).is_some(), "mention lacks {key}");
    }
}

#[test]
fn standard_input_and_pretty_output() {
    let out = frontline(
        &["extract", "--pretty", "-"],
        "Russian missiles struck Odesa.".as_bytes(),
    );
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("\n  "),
        "--pretty indents"
    );
    let feats = features(&out);
    assert_eq!(feats[0]["properties"]["name"], "Odesa");
    assert_eq!(feats[0]["properties"]["status"], "attacked");
}

#[test]
fn empty_input_prints_an_empty_collection() {
    let out = frontline(&["extract"], b"");
    assert!(out.status.success());
    assert!(features(&out).is_empty());
}

#[test]
fn missing_and_non_utf8_files_exit_2_with_one_line() {
    let dir = ScratchDir::new("cli");
    let binary = dir.0.join("binary.txt");
    std::fs::write(&binary, [0x66, 0x6f, 0xff, 0xfe, 0x00, 0x80]).unwrap();
    let missing = dir.0.join("missing.txt");
    for (path, expected) in [
        (binary.to_str().unwrap(), "not UTF-8"),
        (missing.to_str().unwrap(), "cannot read"),
    ] {
        let out = frontline(&["extract", path], b"");
        assert_eq!(out.status.code(), Some(2), "{path}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(err.contains(expected), "{err}");
        assert!(out.stdout.is_empty());
    }
    let out = frontline(&["extract"], &[0xc3, 0x28]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_broken_gazetteer_is_named_in_the_error() {
    let dir = ScratchDir::new("gazetteer");
    let bad = dir.0.join("bad.geojson");
    std::fs::write(&bad, r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{}}]}"#).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(["extract", "-"])
        .env("FRONTLINE_GAZETTEER", &bad)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.geojson") && err.contains("feature 0"),
        "{err}"
    );
}
