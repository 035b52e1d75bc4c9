//! Frontline: reads a news report from the war in Ukraine, finds every place it names, works out
//! what the report says happened there, and keeps the sentences and quotations behind each claim.
//!
//! The top-level entry point is [`extract`]: article text in, [`Report`] out. It never fails and
//! never panics. The map layer ([`map`]) turns a report into a display list; the `web` module
//! (wasm32 only) paints it in the browser.

pub mod dates;
pub mod gazetteer;
pub mod map;
pub(crate) mod mentions;
pub(crate) mod names;
pub mod report;
pub(crate) mod resolve;
pub(crate) mod status;
pub(crate) mod text;
pub mod timeline;
#[cfg(target_arch = "wasm32")]
pub mod web;
pub(crate) mod words;

pub use gazetteer::{Gazetteer, GazetteerError, Kind, Place};
pub use report::{Evidence, Report, ReportedPlace, Status};

/// The top-level entry point for reading an article: every place it names, resolved against
/// `gazetteer`, with its reported status and evidence. Any text gives a report (possibly empty).
pub fn extract(gazetteer: &Gazetteer, article: &str) -> Report {
    extract_parsed(gazetteer, &text::Document::parse(article))
}

/// [`extract`] of an article already parsed.
pub(crate) fn extract_parsed(gazetteer: &Gazetteer, doc: &text::Document) -> Report {
    let found = mentions::find(gazetteer, doc);
    let resolved = resolve::resolve(gazetteer, doc, found);
    status::report(gazetteer, doc, &resolved)
}
