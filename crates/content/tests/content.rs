//! The published content: every guide complete in both languages with a cited basis, the regions
//! of Inner Mongolia, and a committed bundle that matches the sources. The check records and the
//! glossary have their own files (`claims.rs`, `glossary.rs`).

// Helpers may fail loudly too: clippy.toml's allow-*-in-tests covers only `#[test]` functions
// and `#[cfg(test)]` modules, not the rest of an integration test crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use legal_kiosk_api::{DayCount, RegionLevel, TimeLimit};
use legal_kiosk_content::bundle::{dev_verifying_key, signing_key_from_text};
use legal_kiosk_content::{Bundle, EMBEDDED_BUNDLE, Source, content_dir, i18n_dir, validate};

fn source() -> Source {
    Source::load(&content_dir())
        .unwrap()
        .with_messages(&i18n_dir())
        .unwrap()
}

#[test]
fn the_content_has_no_findings() {
    let findings = validate(&source());
    assert!(
        findings.is_empty(),
        "{}",
        findings
            .iter()
            .map(|f| f.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_issue_s_guides_are_all_there() {
    let s = source();
    assert!(s.guides.len() >= 10, "{} guides", s.guides.len());
    for id in [
        "legal-aid-application",
        "notarization-general",
        "notarization-inheritance",
        "notarization-power-of-attorney",
        "people-mediation",
        "judicial-appraisal",
        "hotline-12348-consultation",
        "grassroots-legal-service",
        "administrative-reconsideration",
        "complaint-legal-service-provider",
    ] {
        assert!(
            s.guides.iter().any(|f| f.guide.id.as_str() == id),
            "missing {id}"
        );
    }
}

#[test]
fn every_league_and_banner_of_inner_mongolia_is_listed() {
    let s = source();
    let count = |level| s.regions.iter().filter(|r| r.level == level).count();
    assert_eq!(count(RegionLevel::League), 12);
    assert_eq!(count(RegionLevel::Banner), 103);
    for (code, zh) in [
        ("150100", "呼和浩特市"),
        ("152500", "锡林郭勒盟"),
        ("152502", "锡林浩特市"),
        ("150724", "鄂温克族自治旗"),
        ("152921", "阿拉善左旗"),
    ] {
        let r = s
            .regions
            .iter()
            .find(|r| r.code.as_str() == code)
            .unwrap_or_else(|| panic!("no {code}"));
        assert_eq!(r.name.zh, zh);
    }
}

#[test]
fn the_validator_catches_what_a_guide_must_have() {
    let clean = source();
    let first = |s: &mut Source| s.guides[0].guide.clone();
    let mut cases: Vec<(&str, Source)> = Vec::new();

    let mut s = clean.clone();
    let mut g = first(&mut s);
    g.summary.mn.clear();
    s.guides[0].guide = g;
    cases.push(("summary", s));

    let mut s = clean.clone();
    let mut g = first(&mut s);
    g.title.zh = "Legal aid".into();
    s.guides[0].guide = g;
    cases.push(("title", s));

    let mut s = clean.clone();
    let mut g = first(&mut s);
    g.legal_basis.clear();
    s.guides[0].guide = g;
    cases.push(("legal_basis", s));

    let mut s = clean.clone();
    let mut g = first(&mut s);
    g.legal_basis[0].source = " ".into();
    s.guides[0].guide = g;
    cases.push(("legal_basis[0].source", s));

    let mut s = clean.clone();
    let mut g = first(&mut s);
    g.materials.clear();
    s.guides[0].guide = g;
    cases.push(("materials", s));

    let mut s = clean.clone();
    let mut g = first(&mut s);
    g.statutory_limit = Some(TimeLimit {
        days: 0,
        count: DayCount::Calendar,
    });
    s.guides[0].guide = g;
    cases.push(("statutory_limit", s));

    let mut s = clean.clone();
    let mut g = first(&mut s);
    g.steps[1].limit = Some(TimeLimit {
        days: 0,
        count: DayCount::Working,
    });
    s.guides[0].guide = g;
    cases.push(("steps[1].limit", s));

    let mut s = clean.clone();
    s.regions.retain(|r| r.code.as_str() != "152502");
    cases.push(("level", s));

    for (field, s) in cases {
        let findings = validate(&s);
        assert!(
            findings.iter().any(|f| f.field == field),
            "breaking {field} went unnoticed: {findings:?}"
        );
    }
}

/// The committed bundle is the sources compiled and signed with the development key; after
/// editing assets/content, run `cargo run -p legal-kiosk-content -- build` (and raise the
/// version in bundle.toml).
#[test]
fn the_committed_bundle_matches_the_sources() {
    let key_text =
        std::fs::read_to_string(content_dir().join("../bundle/DEV-SIGNING-KEY.txt")).unwrap();
    let key = signing_key_from_text(&key_text).unwrap();
    let fresh = Bundle::compile(&source()).sign(&key);
    assert!(
        fresh == EMBEDDED_BUNDLE,
        "assets/bundle/content.lkb is stale: run `cargo run -p legal-kiosk-content -- build`"
    );
    let opened = Bundle::open(EMBEDDED_BUNDLE, &dev_verifying_key().unwrap()).unwrap();
    assert_eq!(opened.guides.len(), source().guides.len());
    assert_eq!(key.verifying_key(), dev_verifying_key().unwrap());
}

#[test]
fn every_league_and_banner_has_demo_offices_and_they_say_so() {
    let b = Bundle::open(EMBEDDED_BUNDLE, &dev_verifying_key().unwrap()).unwrap();
    for region in b
        .regions
        .iter()
        .filter(|r| r.level != RegionLevel::Autonomous)
    {
        let here: Vec<_> = b
            .offices
            .iter()
            .filter(|o| o.region == region.code)
            .collect();
        assert!(here.len() >= 3, "{}", region.code);
        for o in here {
            assert!(
                o.demo
                    && o.name.zh.contains("演示")
                    && o.name.mn.contains(legal_kiosk_content::offices::DEMO_MN)
                    && !o.name.mn.contains("DEMO")
            );
            assert!(o.phone.starts_with("000-"), "{}", o.phone);
        }
    }
}
