//! One Chinese term, one Mongolian spelling, in the guides, categories, regions, demo offices and
//! UI messages: a glossary term written another way is a finding.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use legal_kiosk_content::glossary::SpellingReview;
use legal_kiosk_content::{Finding, Source, content_dir, i18n_dir, validate};

fn source() -> Source {
    Source::load(&content_dir())
        .unwrap()
        .with_messages(&i18n_dir())
        .unwrap()
}

fn glossary_findings(s: &Source) -> Vec<Finding> {
    validate(s)
        .into_iter()
        .filter(|f| f.problem.contains("glossary") || f.file == "glossary.toml")
        .collect()
}

fn region_mn<'a>(s: &'a mut Source, code: &str) -> &'a mut String {
    &mut s
        .regions
        .iter_mut()
        .find(|r| r.code.as_str() == code)
        .unwrap_or_else(|| panic!("no region {code}"))
        .name
        .mn
}

#[test]
fn the_real_content_and_messages_follow_the_glossary() {
    let s = source();
    assert!(!s.messages.is_empty());
    assert!(s.glossary.term.len() >= 20, "{}", s.glossary.term.len());
    let findings = glossary_findings(&s);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn the_names_fixed_in_issue_17_are_spelt_as_published() {
    let s = source();
    let mn = |code: &str| {
        s.regions
            .iter()
            .find(|r| r.code.as_str() == code)
            .unwrap()
            .name
            .mn
            .clone()
    };
    assert_eq!(mn("150100"), "ᠬᠥᠬᠡᠬᠣᠲᠠ");
    assert_eq!(mn("152201"), "ᠤᠯᠠᠭᠠᠨᠬᠣᠲᠠ");
    assert_eq!(mn("150823"), "ᠤᠷᠠᠳ ᠤᠨ ᠡᠮᠦᠨᠡᠳᠦ ᠬᠣᠰᠢᠭᠤ");
    assert_eq!(mn("150825"), "ᠤᠷᠠᠳ ᠤᠨ ᠬᠣᠶᠢᠲᠤ ᠬᠣᠰᠢᠭᠤ");
    assert_eq!(mn("150722"), "ᠮᠣᠷᠢᠨ ᠳᠠᠪᠠᠭ᠎ᠠ ᠳᠠᠭᠤᠷ ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠵᠠᠰᠠᠬᠤ ᠬᠣᠰᠢᠭᠤ");
    for t in &s.glossary.term {
        if t.review == SpellingReview::PublishedSpelling {
            assert!(t.source.is_some(), "{} says published but not where", t.zh);
        }
    }
}

#[test]
fn a_glossary_term_written_another_way_is_a_finding() {
    let clean = source();
    let mut cases: Vec<(String, &str, Source)> = Vec::new();

    // An other spelling in a guide: 中华人民共和国 with the genitive the portal does not write.
    let mut s = clean.clone();
    let g = &mut s.guides[0].guide;
    g.legal_basis[0].title.mn =
        g.legal_basis[0]
            .title
            .mn
            .replacen("ᠠᠷᠠᠳ ᠤᠯᠤᠰ", "ᠠᠷᠠᠳ\u{202F}ᠤᠨ ᠤᠯᠤᠰ", 1);
    let file = s.guides[0].name();
    cases.push((file, "legal_basis[0].title", s));

    // A name the Chinese names, missing from the Mongolian (required).
    let mut s = clean.clone();
    let g = &mut s.guides[0].guide;
    g.legal_basis[0].title.mn = "ᠬᠠᠤᠯᠢ".into();
    let file = s.guides[0].name();
    cases.push((file, "legal_basis[0].title", s));

    // A region name: the doubled ᠬᠣᠲᠠ, and the old 前.
    let mut s = clean.clone();
    *region_mn(&mut s, "150100") = "ᠬᠥᠬᠡᠬᠣᠲᠠ ᠬᠣᠲᠠ".into();
    cases.push(("regions.toml".into(), "region 150100", s));
    let mut s = clean.clone();
    *region_mn(&mut s, "150823") = "ᠤᠷᠠᠳ ᠤᠮᠤᠷᠠᠳᠤ ᠬᠣᠰᠢᠭᠤ".into();
    cases.push(("regions.toml".into(), "region 150823", s));

    // The same name wrong in the demo offices derived from it is reported there too.
    let mut s = clean.clone();
    *region_mn(&mut s, "150825") = "ᠤᠷᠠᠳ ᠬᠣᠶᠢᠲᠤ ᠬᠣᠰᠢᠭᠤ".into();
    cases.push((
        "demo offices (crates/content/src/offices.rs)".into(),
        "demo-150825-centre.name",
        s,
    ));

    // A category named exactly a term.
    let mut s = clean.clone();
    let c = s
        .categories
        .iter_mut()
        .find(|c| c.name.zh == "司法鉴定")
        .unwrap();
    c.name.mn = "ᠱᠦᠭᠦᠨ ᠲᠠᠰᠤᠯᠬᠤ ᠭᠡᠷᠡᠴᠢᠯᠡᠯ".into();
    cases.push(("categories.toml".into(), "appraisal", s));

    // A UI message.
    let mut s = clean.clone();
    let m = s
        .messages
        .iter_mut()
        .find(|m| m.id == "status-number-label")
        .unwrap();
    m.mn = m.mn.replace("ᠥᠷᠭᠥᠳᠡᠯ", "ᠥᠷᠭᠡᠳᠬᠡᠯ");
    cases.push(("i18n/mn-Mong/shell.ftl".into(), "status-number-label", s));

    for (file, field, s) in cases {
        let findings = glossary_findings(&s);
        assert!(
            findings.iter().any(|f| f.file == file && f.field == field),
            "{file}: {field} written another way went unnoticed: {findings:#?}"
        );
    }
}

#[test]
fn the_glossary_refuses_contradictions() {
    let clean = source();

    let mut s = clean.clone();
    let t = s
        .glossary
        .term
        .iter_mut()
        .find(|t| t.review == SpellingReview::PublishedSpelling)
        .unwrap();
    t.source = None;
    let zh = t.zh.clone();
    assert!(
        glossary_findings(&s)
            .iter()
            .any(|f| f.file == "glossary.toml" && f.field == zh),
        "a published spelling without its source"
    );

    let mut s = clean.clone();
    let t = s.glossary.term.iter_mut().find(|t| t.zh == "申请").unwrap();
    t.other_spellings.push("ᠥᠷᠭᠥᠳᠡᠯ".into());
    assert!(
        glossary_findings(&s)
            .iter()
            .any(|f| f.file == "glossary.toml" && f.field == "申请"),
        "an other spelling that is the spelling itself"
    );

    let mut s = clean.clone();
    let dup = s.glossary.term[0].clone();
    s.glossary.term.push(dup);
    assert!(!glossary_findings(&s).is_empty(), "a term listed twice");
}
