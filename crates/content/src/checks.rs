//! Where and when the text behind each legal claim of a guide was read. Every legal basis, time
//! limit and fee rule must be covered by a `[[check]]` record; a record that says `unchecked`
//! is allowed but listed, so a claim nobody has read against its text stays visible.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use legal_kiosk_api::LegalReview;
use serde::Deserialize;
use serde_json::Value;

use crate::source::{GuideFile, Source};
use crate::validate::{Finding, Report};

/// One text that was read (or still has to be), and the claims of the guide resting on it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// The law or rule, with the date of the version read (passed, revised, in force).
    pub text: String,
    /// The articles read, when not the whole text.
    #[serde(default)]
    pub articles: Option<String>,
    /// Where the text was read: a database, a site, a copy.
    #[serde(default)]
    pub read_at: Option<String>,
    /// When the claims were compared with the text.
    #[serde(default)]
    pub checked_on: Option<NaiveDate>,
    /// Why the claims have not been compared with the text yet (instead of `checked_on`).
    #[serde(default)]
    pub unchecked: Option<String>,
    /// The claims, by field: `legal_basis[0]`, `statutory_limit`, `steps[2].limit`, `fees[1]`,
    /// and any other field a correction rests on (`faqs[3]`, `complaint_channel`…).
    pub covers: Vec<String>,
}

fn filled(s: &Option<String>) -> bool {
    s.as_deref().is_some_and(|s| !s.trim().is_empty())
}

/// The field paths of every value a guide has (`null` ones, absent options, left out).
fn paths(value: &Value, path: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Null => return,
        Value::Object(map) => {
            for (k, v) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                paths(v, &p, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                paths(v, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
    if !path.is_empty() {
        out.insert(path.to_owned());
    }
}

/// The claims that need a check record: every legal basis, every time limit, every fee rule.
pub fn claims(file: &GuideFile) -> Vec<String> {
    let g = &file.guide;
    let mut out: Vec<String> = (0..g.legal_basis.len())
        .map(|i| format!("legal_basis[{i}]"))
        .collect();
    if g.statutory_limit.is_some() {
        out.push("statutory_limit".into());
    }
    if g.promised_limit.is_some() {
        out.push("promised_limit".into());
    }
    for (i, s) in g.steps.iter().enumerate() {
        if s.limit.is_some() {
            out.push(format!("steps[{i}].limit"));
        }
    }
    out.extend((0..g.fees.len()).map(|i| format!("fees[{i}]")));
    out
}

pub(crate) fn check_records(file: &GuideFile, r: &mut Report) {
    let mut fields = BTreeSet::new();
    if let Ok(value) = serde_json::to_value(&file.guide) {
        paths(&value, "", &mut fields);
    }
    for (i, c) in file.checks.iter().enumerate() {
        let field = format!("check[{i}]");
        r.check(
            !c.text.trim().is_empty(),
            &field,
            "say which text was read: the law or rule and the date of its version",
        );
        r.check(
            c.checked_on.is_some() != c.unchecked.is_some(),
            &field,
            "give either `checked_on` (when the text was read) or `unchecked` (why not yet)",
        );
        if c.checked_on.is_some() {
            r.check(filled(&c.read_at), &field, "say where the text was read");
        }
        if c.unchecked.is_some() {
            r.check(
                filled(&c.unchecked),
                &field,
                "say why the text has not been checked",
            );
        }
        r.check(
            !c.covers.is_empty(),
            &field,
            "name the claims that rest on this text",
        );
        for claim in &c.covers {
            r.check(
                fields.contains(claim),
                &field,
                &format!("covers `{claim}`, which the guide does not have"),
            );
        }
    }
    for claim in claims(file) {
        r.check(
            file.checks.iter().any(|c| c.covers.contains(&claim)),
            &claim,
            "no [[check]] record says where and when the text behind it was read",
        );
    }
    if file.guide.review.legal == LegalReview::LegallyReviewed {
        r.check(
            file.checks.iter().all(|c| c.unchecked.is_none()),
            "review.legal",
            "a guide with unchecked claims cannot be marked legally reviewed",
        );
    }
}

/// Every `unchecked` record, by file and the claims it covers: not findings (the content may be
/// published as `needs-legal-review`), but what a legal reviewer has to read first.
pub fn unchecked_claims(source: &Source) -> Vec<Finding> {
    let mut out = Vec::new();
    for file in &source.guides {
        for c in &file.checks {
            if let Some(why) = &c.unchecked {
                out.push(Finding {
                    file: file.name(),
                    field: c.covers.join(", "),
                    problem: format!("unchecked: {why} ({})", c.text),
                });
            }
        }
    }
    out
}
