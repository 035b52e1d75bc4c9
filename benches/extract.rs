//! Criterion benchmarks: `extract` on the seed article and on ~1 MB of concatenated articles
//! (throughput in bytes/s), and loading the gazetteer.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use frontline::{extract, Gazetteer};
use std::hint::black_box;

fn fixture(name: &str) -> String {
    let dir = if name == "seed.txt" {
        "www/examples"
    } else {
        "tests/fixtures"
    };
    std::fs::read_to_string(format!("{}/{dir}/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn gazetteer_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/gazetteer.geojson"
    ))
    .unwrap()
}

/// About 1 MB of the project's articles, one after another.
fn megabyte_of_articles() -> String {
    let articles: Vec<String> = [
        "seed.txt",
        "zaporizhzhia-summer.txt",
        "kyiv-spring.txt",
        "kherson-autumn.txt",
    ]
    .iter()
    .map(|f| fixture(f))
    .collect();
    let mut text = String::new();
    while text.len() < 1_000_000 {
        for a in &articles {
            text.push_str(a);
            text.push_str("\n\n");
        }
    }
    text
}

fn benches(c: &mut Criterion) {
    let gazetteer_source = gazetteer_text();
    let gazetteer = Gazetteer::from_geojson_str(&gazetteer_source).unwrap();

    let mut group = c.benchmark_group("extract");
    let seed = fixture("seed.txt");
    group.throughput(Throughput::Bytes(seed.len() as u64));
    group.bench_function("seed article", |b| {
        b.iter(|| extract(&gazetteer, black_box(&seed)))
    });
    let big = megabyte_of_articles();
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(20);
    group.bench_function("1 MB of articles", |b| {
        b.iter(|| extract(&gazetteer, black_box(&big)))
    });
    group.finish();

    let mut load = c.benchmark_group("gazetteer");
    load.sample_size(20);
    load.throughput(Throughput::Bytes(gazetteer_source.len() as u64));
    // Loading only: freeing the previous gazetteer is left out of the timing, as a page or a
    // command loads it once and never frees it before it ends.
    load.bench_function("load data/gazetteer.geojson", |b| {
        b.iter_batched(
            || (),
            |()| Gazetteer::from_geojson_str(black_box(&gazetteer_source)).unwrap(),
            BatchSize::PerIteration,
        )
    });
    load.finish();
}

criterion_group!(extract_benches, benches);
criterion_main!(extract_benches);
