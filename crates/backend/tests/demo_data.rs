//! The demo data is usable as a person would meet it: every demo application names a guide the
//! content has, and the demo application numbers do not lead from one to the next.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

#[test]
fn every_demo_application_names_a_real_guide_and_numbers_are_not_consecutive() {
    let db = legal_kiosk_backend::open_demo(Path::new(":memory:")).unwrap();
    let conn = db.lock();
    let mut stmt = conn
        .prepare("SELECT number, body FROM applications")
        .unwrap();
    let rows: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(rows.len() >= 3, "{rows:?}");
    for (number, body) in &rows {
        let app: legal_kiosk_api::ApplicationStatus = serde_json::from_str(body).unwrap();
        let guide = app.guide.expect("a demo application names its guide");
        let known: bool = conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM guides WHERE id = ?1)",
                [guide.as_str()],
                |r| r.get(0),
            )
            .unwrap();
        assert!(known, "{number}: no guide {}", guide.as_str());
    }
    let mut numbers: Vec<u64> = rows.iter().map(|(n, _)| n.parse().unwrap()).collect();
    numbers.sort();
    for w in numbers.windows(2) {
        assert!(w[1] - w[0] > 1000, "{numbers:?} lead from one to the next");
    }
}
