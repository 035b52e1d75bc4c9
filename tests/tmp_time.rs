mod common;
#[test]
fn t() {
    let g = common::gazetteer();
    let text = std::fs::read_to_string("/tmp/big.txt").unwrap();
    for _ in 0..3 {
        let t0 = std::time::Instant::now();
        let doc = frontline::text::Document::parse(&text);
        let t1 = t0.elapsed();
        let found = frontline::mentions::find(g, &doc);
        let t2 = t0.elapsed();
        let n = found.len();
        let resolved = frontline::resolve::resolve(g, &doc, found);
        let t3 = t0.elapsed();
        let r = frontline::status::report(g, &doc, &resolved);
        let t4 = t0.elapsed();
        eprintln!("parse {:?} find {:?} resolve {:?} status {:?} mentions {} places {} tokens {} sentences {}", t1, t2 - t1, t3 - t2, t4 - t3, n, r.places.len(), doc.tokens.len(), doc.sentences.len());
    }
}
