//! The `frontline` command line. `frontline extract [--pretty] [FILE|-]` prints the GeoJSON
//! report of an article; `frontline extract FILE FILE …` prints one collection of several
//! reports, each feature with its report's name, date and source;
//! `frontline extract --jsonl [FILE|-]` reads one article a JSON line and
//! writes one JSON line of places for each, streaming, with the gazetteer loaded once. The
//! gazetteer is `data/gazetteer.geojson`, or `$FRONTLINE_GAZETTEER`.

use clap::{Args, Parser, Subcommand};
use frontline::dates::Date;
use frontline::report::{set_to_geojson_string, Origin};
use frontline::timeline::DatedReport;
use frontline::{extract, Gazetteer};
use serde::{Deserialize, Serialize};
use serde_json::error::Category;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const GAZETTEER_HELP: &str =
    "The gazetteer is data/gazetteer.geojson (set FRONTLINE_GAZETTEER to use another file).";

#[derive(Parser)]
#[command(version, about, arg_required_else_help = true, after_help = GAZETTEER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print every place an article names, with its reported status and the sentences about it,
    /// as one GeoJSON FeatureCollection
    #[command(after_help = GAZETTEER_HELP)]
    Extract(ExtractArgs),
}

#[derive(Args)]
struct ExtractArgs {
    /// Indent the GeoJSON
    #[arg(long)]
    pretty: bool,
    /// Read one article a JSON line and write one line of places for each, streaming
    ///
    /// Input lines are {"id": …, "text": …, "date": …} (date optional, id any JSON value); each
    /// gives {"id": …, "places": [the features]}. A malformed line gives {"line": N, "error": …}
    /// (N counted from 1) and the stream goes on; blank lines are skipped.
    #[arg(long, conflicts_with = "pretty")]
    jsonl: bool,
    /// The article as UTF-8 text (with --jsonl, the JSON Lines); '-' reads standard input
    ///
    /// Several files make one collection of several reports: each feature gets "report" (the
    /// file's name), "date" (the date the report's text gives itself, or null) and "source"
    /// (who published it, where the text says, or null). A file that cannot be read is named
    /// on standard error, the others are still printed, and the exit status is 2.
    #[arg(value_name = "FILE", default_value = "-", num_args = 1..)]
    files: Vec<PathBuf>,
}

/// Runs the command line: parses the arguments and does what they ask.
pub fn main() -> ExitCode {
    let Command::Extract(args) = Cli::parse().command;
    let done = match args.files.as_slice() {
        [file] if args.jsonl => run_jsonl(file),
        _ if args.jsonl => Err("--jsonl reads one input; give one FILE or '-'".to_string()),
        [file] => run_extract(file, args.pretty),
        files => run_set(files, args.pretty),
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("frontline: {message}");
            ExitCode::from(2)
        }
    }
}

/// The article in `input`, which must be UTF-8 text.
fn read_article(input: &Path) -> Result<String, String> {
    let mut bytes = Vec::new();
    open(input)?
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {}: {e}", name(input)))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{} is not UTF-8 text (invalid byte at offset {}); save the article as UTF-8 and try again",
            name(input),
            e.utf8_error().valid_up_to()
        )
    })
}

fn run_extract(input: &Path, pretty: bool) -> Result<(), String> {
    let article = read_article(input)?;
    let gazetteer = load_gazetteer()?;
    let report = extract(&gazetteer, &article);
    println!("{}", report.to_geojson_string(pretty));
    // The process ends here: freeing a hundred thousand strings one by one would only delay it.
    std::mem::forget((gazetteer, report));
    Ok(())
}

/// Prints one collection of the reports in `inputs`; a file that cannot be read is named on
/// standard error and left out, and makes the whole an error once the others are printed.
fn run_set(inputs: &[PathBuf], pretty: bool) -> Result<(), String> {
    let gazetteer = load_gazetteer()?;
    let today = today();
    let mut unread = 0;
    let mut set = Vec::new();
    for input in inputs {
        match read_article(input) {
            Ok(text) => {
                let report = DatedReport::read(&gazetteer, &text, &name(input), today);
                set.push((name(input).into_owned(), report));
            }
            Err(message) => {
                eprintln!("frontline: {message}");
                unread += 1;
            }
        }
    }
    let origins: Vec<(&frontline::Report, Origin)> = set
        .iter()
        .map(|(file, r)| {
            let origin = Origin {
                report: file,
                date: r.dated_by_text.then_some(r.date),
                source: r.source.as_deref(),
            };
            (&r.report, origin)
        })
        .collect();
    println!("{}", set_to_geojson_string(&origins, pretty));
    match unread {
        0 => Ok(()),
        n => Err(format!("{n} of {} files could not be read", inputs.len())),
    }
}

/// Today's date, by the system clock (UTC).
fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_day_number((seconds / 86_400) as i64)
}

/// Lines longer than this give their buffer back once read, so one long article does not keep
/// its memory for the rest of the stream.
const LINE_BUFFER_KEPT: usize = 1 << 20;

fn run_jsonl(input: &Path) -> Result<(), String> {
    let mut reader = BufReader::with_capacity(1 << 16, open(input)?);
    let gazetteer = load_gazetteer()?;
    let mut out = BufWriter::new(io::stdout().lock());
    let written = |e: io::Error| format!("cannot write standard output: {e}");
    let mut line = Vec::new();
    let mut number = 0u64;
    loop {
        // Whatever is done goes out before waiting for more input: a pipe gets its answers
        // as its lines come, a file in large writes.
        if reader.buffer().is_empty() {
            out.flush().map_err(written)?;
        }
        line.clear();
        line.shrink_to(LINE_BUFFER_KEPT);
        let read = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("cannot read {}: {e}", name(input)))?;
        if read == 0 {
            break;
        }
        number += 1;
        if !line.iter().all(u8::is_ascii_whitespace) {
            write_article(&gazetteer, number, &line, &mut out).map_err(written)?;
        }
    }
    out.flush().map_err(written)?;
    std::mem::forget(gazetteer);
    Ok(())
}

/// One line of `--jsonl` input.
#[derive(Deserialize)]
struct Article<'a> {
    /// Any JSON value, written back as the input wrote it.
    #[serde(borrow)]
    id: &'a RawValue,
    #[serde(borrow)]
    text: Cow<'a, str>,
}

/// One line of `--jsonl` output for an article.
#[derive(Serialize)]
struct Places<'a, F: Serialize> {
    id: &'a RawValue,
    places: F,
}

/// One line of `--jsonl` output for a line that is no article.
#[derive(Serialize)]
struct LineError {
    line: u64,
    error: String,
}

/// Writes the places of the article on input line `number` (1-based), or why it is none.
fn write_article(
    gazetteer: &Gazetteer,
    number: u64,
    line: &[u8],
    out: &mut impl Write,
) -> io::Result<()> {
    match serde_json::from_slice::<Article>(line) {
        Ok(article) => {
            let report = extract(gazetteer, &article.text);
            let places = report.geojson_features();
            serde_json::to_writer(
                &mut *out,
                &Places {
                    id: article.id,
                    places,
                },
            )?;
        }
        Err(e) => {
            let error = LineError {
                line: number,
                error: line_error(&e),
            };
            serde_json::to_writer(&mut *out, &error)?;
        }
    }
    out.write_all(b"\n")
}

/// What is wrong with a line: bad JSON or no article, the parser's message and the column where
/// it stopped, without its "line 1" (every input line is parsed alone; the error line gives the
/// line's own number).
fn line_error(e: &serde_json::Error) -> String {
    let what = match e.classify() {
        Category::Data => "not an article {\"id\": …, \"text\": \"…\"}",
        Category::Syntax | Category::Eof | Category::Io => "bad JSON",
    };
    let message = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    let message = message.strip_suffix(&position).unwrap_or(&message);
    format!("{what}: {message} at column {}", e.column())
}

/// The input: the file, or standard input for `-`.
fn open(input: &Path) -> Result<Box<dyn Read>, String> {
    if input == Path::new("-") {
        return Ok(Box::new(io::stdin()));
    }
    match File::open(input) {
        Ok(file) => Ok(Box::new(file)),
        Err(e) => Err(format!("cannot read {}: {e}", input.display())),
    }
}

/// The input as messages name it.
fn name(input: &Path) -> Cow<'_, str> {
    if input == Path::new("-") {
        Cow::Borrowed("standard input")
    } else {
        input.to_string_lossy()
    }
}

fn load_gazetteer() -> Result<Gazetteer, String> {
    let path = gazetteer_path();
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "cannot read the gazetteer {}: {e}; run from the project root or set FRONTLINE_GAZETTEER",
            path.display()
        )
    })?;
    Gazetteer::from_geojson_str(&text).map_err(|e| format!("{}: {e}", path.display()))
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
