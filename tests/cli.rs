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
fn several_files_make_one_collection_with_each_report_named_and_dated() {
    let dir = ScratchDir::new("set");
    let write = |name: &str, text: &[u8]| {
        let path = dir.0.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    let ua = write(
        "ua.txt",
        b"KYIV, Sept 11, 2022 (Frontline example) - Ukrainian forces liberated Kupiansk.",
    );
    let ru = write(
        "ru.txt",
        b"Briefing\n\nAs of 12 September 2022 the Kiev regime shelled Kupiansk and Izium.",
    );
    let undated = write("undated.txt", b"Russian missiles struck Odesa.");
    let binary = write("binary.txt", &[0x66, 0xff, 0x00]);

    let out = frontline(&["extract", &ua, &ru, &undated], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<[String; 5]> = features(&out)
        .iter()
        .map(|f| {
            let p = &f["properties"];
            let report = p["report"].as_str().unwrap().rsplit('/').next().unwrap();
            [
                report.to_string(),
                p["date"].to_string(),
                p["source"].to_string(),
                p["name"].as_str().unwrap().to_string(),
                p["status"].as_str().unwrap().to_string(),
            ]
        })
        .collect();
    let expected = [
        [
            "ua.txt",
            "\"2022-09-11\"",
            "\"Frontline example\"",
            "Kyiv",
            "mentioned",
        ],
        [
            "ua.txt",
            "\"2022-09-11\"",
            "\"Frontline example\"",
            "Kupiansk",
            "liberated",
        ],
        ["ru.txt", "\"2022-09-12\"", "null", "Kyiv", "mentioned"],
        ["ru.txt", "\"2022-09-12\"", "null", "Kupiansk", "attacked"],
        ["ru.txt", "\"2022-09-12\"", "null", "Izium", "attacked"],
        ["undated.txt", "null", "null", "Odesa", "attacked"],
    ];
    assert_eq!(rows, expected.map(|row| row.map(str::to_string)));

    // One file keeps the single-report output exactly; an unreadable one is named, the others
    // are still printed, and the status says something failed.
    let alone = frontline(&["extract", &ua], b"");
    assert!(!String::from_utf8_lossy(&alone.stdout).contains("\"report\""));
    let out = frontline(&["extract", &ua, &binary, &undated], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("binary.txt is not UTF-8") && err.contains("1 of 3 files"),
        "{err}"
    );
    assert_eq!(features(&out).len(), 3, "Kyiv and Kupiansk, and Odesa");
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

#[test]
fn version_and_help() {
    let out = frontline(&["--version"], b"");
    assert!(out.status.success());
    let version = format!("frontline {}\n", env!("CARGO_PKG_VERSION"));
    assert_eq!(String::from_utf8_lossy(&out.stdout), version);
    let out = frontline(&["--help"], b"");
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("extract") && help.contains("FRONTLINE_GAZETTEER"),
        "{help}"
    );
    let out = frontline(&["extract", "--help"], b"");
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for expected in ["--pretty", "--jsonl", "[FILE]", "standard input"] {
        assert!(
            help.contains(expected),
            "extract --help lacks {expected}: {help}"
        );
    }
}

#[test]
fn usage_errors_exit_2_saying_what_was_expected() {
    for (args, expected) in [
        (&[][..], "Usage: frontline <COMMAND>"),
        (
            &["extract", "--frobnicate"][..],
            "unexpected argument '--frobnicate'",
        ),
        (
            &["extract", "--jsonl", "a.txt", "b.txt"][..],
            "--jsonl reads one input",
        ),
        (
            &["extract", "--jsonl", "--pretty"][..],
            "cannot be used with",
        ),
    ] {
        let out = frontline(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
}

/// The lines of `--jsonl` output, each parsed.
fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn jsonl_places_are_the_features_extract_prints() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut texts: Vec<String> = ["www/examples/seed.txt", "www/examples/donetsk.txt"]
        .iter()
        .chain(&[
            "tests/fixtures/kyiv-spring.txt",
            "eval/06-kursk-incursion-sudzha.txt",
        ])
        .map(|path| std::fs::read_to_string(format!("{root}/{path}")).unwrap())
        .collect();
    texts.push(String::new());
    texts.push("“Kupiansk is ours,” he said.\r\n\tThen: \"Izium\" — and Kiev.".into());
    let input: String = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let line =
                serde_json::json!({"id": format!("a{i}"), "text": text, "date": "2024-01-01"});
            format!("{line}\n")
        })
        .collect();
    let lines = json_lines(&frontline(&["extract", "--jsonl"], input.as_bytes()));
    assert_eq!(lines.len(), texts.len());
    for (i, (line, text)) in lines.iter().zip(&texts).enumerate() {
        assert_eq!(line["id"], format!("a{i}"));
        let plain = frontline(&["extract"], text.as_bytes());
        assert_eq!(
            line["places"],
            serde_json::Value::Array(features(&plain)),
            "article {i}"
        );
    }
    assert!(!lines[0]["places"].as_array().unwrap().is_empty());
}

#[test]
fn a_malformed_jsonl_line_gets_an_error_line_and_the_stream_goes_on() {
    let input = concat!(
        "{\"id\": 1, \"text\": \"Russian missiles struck Odesa.\"}\n",
        "{\"id\": 2, \"text\": \"unterminated\n",
        "\n",
        "{\"id\": {\"b\": [1, 2.50]}, \"text\": \"Kupiansk was liberated.\", \"date\": \"2022-09-10\"}\n",
        "{\"id\": 5}\n",
        "{\"id\": 6, \"text\": [\"Kharkiv\"]}\n",
        "{\"id\": 7, \"text\": \"Kharkiv\"}",
    );
    let out = frontline(&["extract", "--jsonl"], input.as_bytes());
    let lines = json_lines(&out);
    assert_eq!(
        lines.len(),
        6,
        "one line an input line, blank lines skipped"
    );
    let name = |l: &serde_json::Value| l["places"][0]["properties"]["name"].clone();
    assert_eq!(
        (lines[0]["id"].clone(), name(&lines[0])),
        (1.into(), "Odesa".into())
    );
    assert_eq!(
        (lines[5]["id"].clone(), name(&lines[5])),
        (7.into(), "Kharkiv".into())
    );
    assert_eq!(name(&lines[2]), "Kupiansk");
    let raw = String::from_utf8(out.stdout).unwrap();
    assert!(
        raw.lines()
            .nth(2)
            .unwrap()
            .starts_with(r#"{"id":{"b": [1, 2.50]},"places":["#),
        "the id is written back as the input wrote it: {raw}"
    );
    for (at, number, expected) in [
        (1, 2, "bad JSON"),
        (3, 5, "missing field `text`"),
        (4, 6, "expected a string"),
    ] {
        assert_eq!(lines[at]["line"], number);
        let error = lines[at]["error"].as_str().unwrap();
        assert!(error.contains(expected), "line {number}: {error}");
        assert!(lines[at].get("places").is_none());
    }
}

/// Streams `count` tiny articles through `frontline extract --jsonl`, checks that every one came
/// back in order, and returns the process's peak resident memory (VmHWM, kB), read once all the
/// answers are in while it still waits for more input.
#[cfg(target_os = "linux")]
fn peak_memory_streaming(count: usize) -> u64 {
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(["extract", "--jsonl"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("frontline runs");
    let stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let mut input = std::io::BufWriter::new(stdin);
        for i in 0..count {
            let text = format!("Report {i}: Russian missiles struck Odesa and Kharkiv.");
            writeln!(input, r#"{{"id": {i}, "text": "{text}"}}"#).unwrap();
        }
        input.into_inner().unwrap()
    });
    let answers = std::io::BufReader::new(child.stdout.take().unwrap());
    for (i, line) in std::io::BufRead::lines(answers).take(count).enumerate() {
        let line = line.unwrap();
        assert!(
            line.starts_with(&format!(r#"{{"id":{i},"places":[{{"#)),
            "{line}"
        );
    }
    let stdin = writer.join().unwrap();
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap();
    drop(stdin);
    assert!(child.wait().unwrap().success());
    let peak = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .unwrap();
    peak.trim().trim_end_matches("kB").trim().parse().unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn jsonl_streams_100k_articles_in_constant_memory() {
    let ten_thousand = peak_memory_streaming(10_000);
    let hundred_thousand = peak_memory_streaming(100_000);
    // Keeping as little as 50 bytes an article would add 4.5 MB over the 90,000 more.
    assert!(
        hundred_thousand <= ten_thousand + 4 * 1024,
        "peak memory grew from {ten_thousand} kB (10k articles) to {hundred_thousand} kB (100k)"
    );
}
