mod common;
#[test]
fn t() {
    let g = common::gazetteer();
    let text = std::fs::read_to_string("/tmp/big.txt").unwrap();
    let doc = frontline::text::Document::parse(&text);
    let found = frontline::mentions::find(g, &doc);
    let resolved = frontline::resolve::resolve(g, &doc, found);
    let t0 = std::time::Instant::now();
    for _ in 0..30 {
        let r = frontline::status::report(g, &doc, &resolved);
        std::hint::black_box(r);
    }
    eprintln!("status x30 {:?}", t0.elapsed());
}
