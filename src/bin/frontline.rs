//! The `frontline` command line: `frontline extract [--pretty] [FILE|-]` prints the GeoJSON
//! report of an article. The gazetteer is `data/gazetteer.geojson`, or `$FRONTLINE_GAZETTEER`.

use frontline::{extract, Gazetteer};
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: frontline extract [--pretty] [FILE|-]\n\
  Prints one GeoJSON FeatureCollection: every place the article names, with its reported status\n\
  and the sentences about it. FILE is UTF-8 text; '-' or no FILE reads standard input.\n\
  The gazetteer is data/gazetteer.geojson (set FRONTLINE_GAZETTEER to use another file).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("extract") => run_extract(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("frontline: {message}");
    ExitCode::from(2)
}

fn run_extract(args: &[String]) -> ExitCode {
    let mut pretty = false;
    let mut input: Option<&str> = None;
    for a in args {
        match a.as_str() {
            "--pretty" => pretty = true,
            "-" => input = Some("-"),
            s if s.starts_with("--") => return fail(&format!("unknown option {s}; {USAGE}")),
            s if input.is_none() => input = Some(s),
            _ => return fail("give at most one FILE"),
        }
    }
    let bytes = match input.unwrap_or("-") {
        "-" => {
            let mut buf = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
                return fail(&format!("cannot read standard input: {e}"));
            }
            buf
        }
        path => match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return fail(&format!("cannot read {path}: {e}")),
        },
    };
    let article = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            return fail(&format!(
                "{} is not UTF-8 text (invalid byte at offset {}); save the article as UTF-8 and try again",
                input.unwrap_or("standard input"),
                e.utf8_error().valid_up_to()
            ))
        }
    };
    let gazetteer_path = gazetteer_path();
    let gazetteer_text = match std::fs::read_to_string(&gazetteer_path) {
        Ok(t) => t,
        Err(e) => {
            return fail(&format!(
                "cannot read the gazetteer {}: {e}; run from the project root or set FRONTLINE_GAZETTEER",
                gazetteer_path.display()
            ))
        }
    };
    let gazetteer = match Gazetteer::from_geojson_str(&gazetteer_text) {
        Ok(g) => g,
        Err(e) => return fail(&format!("{}: {e}", gazetteer_path.display())),
    };
    let report = extract(&gazetteer, &article);
    println!("{}", report.to_geojson_string(pretty));
    // The process ends here: freeing a hundred thousand strings one by one would only delay it.
    std::mem::forget((gazetteer, report));
    ExitCode::SUCCESS
}

/// `$FRONTLINE_GAZETTEER`, else `data/gazetteer.geojson` in the working directory, else the one
/// beside the project the binary was built from.
fn gazetteer_path() -> PathBuf {
    if let Some(p) = std::env::var_os("FRONTLINE_GAZETTEER") {
        return PathBuf::from(p);
    }
    let local = PathBuf::from("data/gazetteer.geojson");
    if local.exists() {
        return local;
    }
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/gazetteer.geojson"
    ))
}
