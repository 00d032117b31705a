//! One Chinese term, one Mongolian spelling (`assets/content/glossary.toml`), enforced on every
//! text people read: the guides, categories, regions, the demo offices and the UI messages.

use std::collections::HashSet;

use legal_kiosk_api::Bilingual;
use serde::Deserialize;

use crate::source::Source;
use crate::validate::{Finding, Report, bilingual_pairs, is_han, is_mongolian};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    #[serde(default)]
    pub term: Vec<Term>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub zh: String,
    pub mn: String,
    /// Ways the term has been written that are now wrong: a Mongolian text containing one is a
    /// finding.
    #[serde(default)]
    pub other_spellings: Vec<String>,
    /// A Mongolian text whose Chinese contains `zh` must contain `mn`: for names, which a text
    /// never paraphrases.
    #[serde(default)]
    pub required: bool,
    pub review: SpellingReview,
    /// Where the spelling was found; required for a published one.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpellingReview {
    /// Compared with a spelling published in Mongolian script; `source` says where.
    PublishedSpelling,
    /// Chosen by the developers (the form most used, or a transliteration); a native speaker
    /// has not checked it.
    NeedsNativeReview,
    NativeReviewed,
}

/// A space and U+202F (the narrow no-break space before a case suffix) count as the same, so a
/// spelling matches whichever of the two a text uses.
pub fn normalized(s: &str) -> String {
    s.trim().replace('\u{202F}', " ")
}

/// One text in both languages, located for a finding.
struct Text {
    file: String,
    field: String,
    zh: String,
    mn: String,
}

impl Text {
    fn of(file: &str, field: String, b: &Bilingual) -> Text {
        Text {
            file: file.to_owned(),
            field,
            zh: b.zh.clone(),
            mn: b.mn.clone(),
        }
    }
}

fn texts(source: &Source) -> Vec<Text> {
    let mut out = Vec::new();
    for file in &source.guides {
        let mut pairs = Vec::new();
        if let Ok(value) = serde_json::to_value(&file.guide) {
            bilingual_pairs(&value, "", &mut pairs);
        }
        for (path, mn, zh) in pairs {
            out.push(Text {
                file: file.name(),
                field: path.trim_start_matches('.').to_owned(),
                zh,
                mn,
            });
        }
    }
    for c in &source.categories {
        out.push(Text::of(
            "categories.toml",
            c.id.as_str().to_owned(),
            &c.name,
        ));
    }
    for r in &source.regions {
        let field = format!("region {}", r.code.as_str());
        out.push(Text::of("regions.toml", field, &r.name));
    }
    let offices_file = "demo offices (crates/content/src/offices.rs)";
    for o in crate::offices::demo_offices(&source.regions) {
        let id = o.id.as_str();
        out.push(Text::of(offices_file, format!("{id}.name"), &o.name));
        out.push(Text::of(offices_file, format!("{id}.address"), &o.address));
        out.push(Text::of(offices_file, format!("{id}.hours"), &o.hours));
    }
    for m in &source.messages {
        out.push(Text {
            file: m.file.clone(),
            field: m.id.clone(),
            zh: m.zh.clone(),
            mn: m.mn.clone(),
        });
    }
    out
}

/// The glossary itself: every term in both scripts, once; a published spelling says where it was
/// published; no other spelling is part of a spelling the glossary requires.
fn check_terms(glossary: &Glossary, findings: &mut Vec<Finding>) {
    let mut r = Report {
        file: "glossary.toml",
        findings,
    };
    let mut seen = HashSet::new();
    for t in &glossary.term {
        let field = t.zh.as_str();
        r.check(
            t.zh.chars().any(is_han) && t.mn.chars().any(is_mongolian),
            field,
            "a term in Chinese and its spelling in Mongolian script",
        );
        r.check(seen.insert(t.zh.as_str()), field, "term listed twice");
        if t.review == SpellingReview::PublishedSpelling {
            r.check(
                t.source.as_deref().is_some_and(|s| !s.trim().is_empty()),
                field,
                "a published spelling says where it was published",
            );
        }
        for other in &t.other_spellings {
            let other = normalized(other);
            r.check(
                other.chars().any(is_mongolian),
                field,
                "an other spelling in Mongolian script",
            );
            for u in &glossary.term {
                r.check(
                    !normalized(&u.mn).contains(&other),
                    field,
                    &format!(
                        "the other spelling {other} is part of the spelling of 「{}」",
                        u.zh
                    ),
                );
            }
        }
    }
}

pub(crate) fn check(source: &Source, findings: &mut Vec<Finding>) {
    check_terms(&source.glossary, findings);
    for text in texts(source) {
        let mut r = Report {
            file: &text.file,
            findings,
        };
        let (zh, mn) = (text.zh.trim(), normalized(&text.mn));
        for t in &source.glossary.term {
            let spelling = normalized(&t.mn);
            let others: Vec<&String> = t
                .other_spellings
                .iter()
                .filter(|o| mn.contains(&normalized(o)))
                .collect();
            for other in &others {
                let problem = format!("「{}」 is written {} (glossary), not {other}", t.zh, t.mn);
                r.add(&text.field, &problem);
            }
            if zh == t.zh {
                r.check(
                    mn == spelling,
                    &text.field,
                    &format!("「{}」 is written {} (glossary), not {mn}", t.zh, t.mn),
                );
            } else if t.required && others.is_empty() && zh.contains(&t.zh) {
                r.check(
                    mn.contains(&spelling),
                    &text.field,
                    &format!(
                        "the Chinese names 「{}」, so the Mongolian writes {} (glossary)",
                        t.zh, t.mn
                    ),
                );
            }
        }
    }
}
