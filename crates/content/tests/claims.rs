//! Every legal basis, time limit and fee rule says where and when its text was read: a claim
//! without a check record is a finding, an `unchecked` one is listed and keeps the guide from
//! being marked legally reviewed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use legal_kiosk_api::LegalReview;
use legal_kiosk_content::checks::claims;
use legal_kiosk_content::{Finding, Source, content_dir, unchecked_claims, validate};

fn source() -> Source {
    Source::load(&content_dir()).unwrap()
}

fn guide(s: &mut Source, id: &str) -> usize {
    s.guides
        .iter()
        .position(|f| f.guide.id.as_str() == id)
        .unwrap_or_else(|| panic!("no guide {id}"))
}

fn found(findings: &[Finding], file: &str, field: &str) -> bool {
    findings.iter().any(|f| f.file == file && f.field == field)
}

#[test]
fn every_basis_time_limit_and_fee_of_the_real_content_has_a_check_record() {
    let s = source();
    let mut total = 0;
    for file in &s.guides {
        for claim in claims(file) {
            total += 1;
            assert!(
                file.checks.iter().any(|c| c.covers.contains(&claim)),
                "{}: {claim}",
                file.name()
            );
        }
    }
    assert!(total > 50, "only {total} claims");
    let findings = validate(&s);
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn a_basis_a_time_limit_or_a_fee_without_its_check_record_is_a_finding() {
    let clean = source();
    for (id, claim) in [
        ("legal-aid-application", "legal_basis[0]"),
        ("legal-aid-application", "statutory_limit"),
        ("legal-aid-application", "steps[1].limit"),
        ("administrative-reconsideration", "fees[0]"),
        ("judicial-appraisal", "legal_basis[1]"),
    ] {
        let mut s = clean.clone();
        let i = guide(&mut s, id);
        for c in &mut s.guides[i].checks {
            c.covers.retain(|x| x != claim);
        }
        // A record left covering nothing is its own finding; drop such records to see the claim's.
        s.guides[i].checks.retain(|c| !c.covers.is_empty());
        let findings = validate(&s);
        assert!(
            found(&findings, &format!("{id}.toml"), claim),
            "{id}: {claim} without a check record went unnoticed: {findings:?}"
        );
    }
}

#[test]
fn a_check_record_says_where_and_when_or_why_not() {
    let clean = source();
    let file = "legal-aid-application.toml";

    let mut s = clean.clone();
    let i = guide(&mut s, "legal-aid-application");
    s.guides[i].checks[0].checked_on = None;
    assert!(
        found(&validate(&s), file, "check[0]"),
        "neither date nor reason"
    );

    let mut s = clean.clone();
    s.guides[i].checks[0].read_at = None;
    assert!(
        found(&validate(&s), file, "check[0]"),
        "a date without a place"
    );

    let mut s = clean.clone();
    s.guides[i].checks[0].text = " ".into();
    assert!(found(&validate(&s), file, "check[0]"), "no text named");

    let mut s = clean.clone();
    s.guides[i].checks[0].covers.push("faqs[99]".into());
    assert!(
        found(&validate(&s), file, "check[0]"),
        "a claim the guide lacks"
    );

    let mut s = clean.clone();
    s.guides[i].checks[1].unchecked = Some(String::new());
    assert!(
        found(&validate(&s), file, "check[1]"),
        "unchecked without a reason"
    );
}

#[test]
fn an_unchecked_claim_is_listed_not_hidden_and_blocks_legal_review() {
    let mut s = source();
    let i = guide(&mut s, "people-mediation");
    assert!(
        s.guides[i].checks.iter().all(|c| c.unchecked.is_none()),
        "the test expects a fully checked guide"
    );
    s.guides[i].checks[0].checked_on = None;
    s.guides[i].checks[0].unchecked = Some("not read yet".into());
    assert!(validate(&s).is_empty(), "unchecked is allowed");
    let listed = unchecked_claims(&s);
    assert!(
        listed
            .iter()
            .any(|w| w.file == "people-mediation.toml" && w.field.contains("legal_basis[0]")),
        "{listed:?}"
    );

    s.guides[i].guide.review.legal = LegalReview::LegallyReviewed;
    assert!(found(
        &validate(&s),
        "people-mediation.toml",
        "review.legal"
    ));
}

#[test]
fn the_real_unchecked_claims_each_say_why_and_their_guides_await_legal_review() {
    let s = source();
    for w in unchecked_claims(&s) {
        // Shown by `legal-content check`; printed here for `cargo test -- --nocapture`.
        eprintln!("unchecked: {w}");
        assert!(w.problem.len() > "unchecked: ".len() + 4, "{w}");
        let file = s.guides.iter().find(|f| f.name() == w.file).unwrap();
        assert_eq!(
            file.guide.review.legal,
            LegalReview::NeedsLegalReview,
            "{w}"
        );
    }
}
