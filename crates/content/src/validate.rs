//! What a guide must have before it is published: every text in both languages, a cited legal
//! basis with a record of where and when its text was read, positive time limits, at least one
//! material; regions that form one tree; and every term spelt as the glossary says.

use std::collections::HashSet;

use legal_kiosk_api::{Guide, RegionLevel, TimeLimit};
use serde_json::Value;

use crate::source::Source;

/// One thing wrong in the content, located by file and field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub file: String,
    pub field: String,
    pub problem: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.field, self.problem)
    }
}

/// Inner Mongolia has 12 league-level and 103 county-level divisions.
pub const LEAGUES: usize = 12;
pub const BANNERS: usize = 103;

pub(crate) fn is_mongolian(c: char) -> bool {
    ('\u{1800}'..='\u{18AF}').contains(&c)
}

pub(crate) fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Every `{mn, zh}` pair in a value, with its JSON path.
pub(crate) fn bilingual_pairs(value: &Value, path: &str, out: &mut Vec<(String, String, String)>) {
    match value {
        Value::Object(map) => {
            if map.len() == 2
                && let (Some(Value::String(mn)), Some(Value::String(zh))) =
                    (map.get("mn"), map.get("zh"))
            {
                out.push((path.to_owned(), mn.clone(), zh.clone()));
                return;
            }
            for (k, v) in map {
                bilingual_pairs(v, &format!("{path}.{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                bilingual_pairs(v, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

pub(crate) struct Report<'a> {
    pub(crate) file: &'a str,
    pub(crate) findings: &'a mut Vec<Finding>,
}

impl Report<'_> {
    pub(crate) fn check(&mut self, ok: bool, field: &str, problem: &str) {
        if !ok {
            self.add(field, problem);
        }
    }

    pub(crate) fn add(&mut self, field: &str, problem: &str) {
        self.findings.push(Finding {
            file: self.file.to_owned(),
            field: field.to_owned(),
            problem: problem.to_owned(),
        });
    }
}

fn check_limit(r: &mut Report, limit: Option<TimeLimit>, field: &str) {
    if let Some(l) = limit {
        r.check(l.days > 0, field, "a time limit must be at least one day");
    }
}

fn check_phone(r: &mut Report, phone: &str, field: &str) {
    let ok = !phone.is_empty() && phone.chars().all(|c| c.is_ascii_digit() || c == '-');
    r.check(ok, field, "a phone number is digits and dashes");
}

fn check_guide(guide: &Guide, categories: &HashSet<&str>, r: &mut Report) {
    r.check(
        categories.contains(guide.category.as_str()),
        "category",
        "unknown category",
    );
    r.check(!guide.service_code.is_empty(), "service_code", "missing");
    let mut pairs = Vec::new();
    if let Ok(value) = serde_json::to_value(guide) {
        bilingual_pairs(&value, "", &mut pairs);
    }
    for (path, mn, zh) in &pairs {
        let field = path.trim_start_matches('.');
        r.check(
            mn.chars().any(is_mongolian),
            field,
            "the Mongolian text is missing or not in Mongolian script",
        );
        r.check(
            zh.chars().any(is_han) || zh.chars().any(|c| c.is_ascii_digit()),
            field,
            "the Chinese text is missing",
        );
    }
    r.check(
        !guide.conditions.is_empty(),
        "conditions",
        "at least one condition",
    );
    r.check(
        !guide.legal_basis.is_empty(),
        "legal_basis",
        "cite at least one law or regulation",
    );
    for (i, b) in guide.legal_basis.iter().enumerate() {
        r.check(
            !b.source.trim().is_empty(),
            &format!("legal_basis[{i}].source"),
            "say where the text was read",
        );
    }
    r.check(
        !guide.materials.is_empty(),
        "materials",
        "at least one material",
    );
    for (i, m) in guide.materials.iter().enumerate() {
        r.check(
            m.copies > 0,
            &format!("materials[{i}].copies"),
            "at least one copy",
        );
    }
    r.check(!guide.steps.is_empty(), "steps", "at least one step");
    for (i, s) in guide.steps.iter().enumerate() {
        check_limit(r, s.limit, &format!("steps[{i}].limit"));
        r.check(
            !(s.on_the_spot && s.limit.is_some()),
            &format!("steps[{i}]"),
            "a step is either on the spot or has a time limit",
        );
    }
    check_limit(r, guide.statutory_limit, "statutory_limit");
    check_limit(r, guide.promised_limit, "promised_limit");
    if let (Some(s), Some(p)) = (guide.statutory_limit, guide.promised_limit)
        && s.count == p.count
    {
        r.check(
            p.days <= s.days,
            "promised_limit",
            "the promised limit cannot exceed the statutory one",
        );
    }
    r.check(
        guide.statutory_limit.is_some() || guide.limit_note.is_some(),
        "statutory_limit",
        "give the statutory limit or say in limit_note why there is none",
    );
    r.check(
        !guide.fees.is_empty(),
        "fees",
        "say what it costs, or that it is free",
    );
    check_phone(r, &guide.consultation_phone, "consultation_phone");
    check_phone(r, &guide.complaint_phone, "complaint_phone");
    for (i, o) in guide.online.iter().enumerate() {
        r.check(
            o.url.starts_with("https://"),
            &format!("online[{i}].url"),
            "an https address",
        );
    }
    r.check(!guide.faqs.is_empty(), "faqs", "at least one question");
}

/// All findings; empty means the content can be published. Claims marked `unchecked` are not
/// findings: [`crate::checks::unchecked_claims`] lists them.
pub fn validate(source: &Source) -> Vec<Finding> {
    let mut findings = Vec::new();
    let categories: HashSet<&str> = source.categories.iter().map(|c| c.id.as_str()).collect();
    let mut ids = HashSet::new();
    let mut codes = HashSet::new();
    for file in &source.guides {
        let guide = &file.guide;
        let name = file.name();
        let mut r = Report {
            file: &name,
            findings: &mut findings,
        };
        r.check(
            name == format!("{}.toml", guide.id),
            "id",
            "the file is named after the guide's id",
        );
        r.check(ids.insert(guide.id.as_str()), "id", "id used twice");
        r.check(
            codes.insert(guide.service_code.as_str()),
            "service_code",
            "service code used twice",
        );
        check_guide(guide, &categories, &mut r);
        crate::checks::check_records(file, &mut r);
    }
    let mut r = Report {
        file: "categories.toml",
        findings: &mut findings,
    };
    for c in &source.categories {
        let used = source.guides.iter().any(|g| g.guide.category == c.id);
        r.check(used, c.id.as_str(), "a category without guides");
    }
    check_regions(source, &mut findings);
    crate::glossary::check(source, &mut findings);
    findings
}

fn check_regions(source: &Source, findings: &mut Vec<Finding>) {
    let mut r = Report {
        file: "regions.toml",
        findings,
    };
    let count = |level| source.regions.iter().filter(|x| x.level == level).count();
    r.check(
        count(RegionLevel::Autonomous) == 1,
        "level",
        "exactly one autonomous region",
    );
    r.check(
        count(RegionLevel::League) == LEAGUES,
        "level",
        "12 league-level divisions",
    );
    r.check(
        count(RegionLevel::Banner) == BANNERS,
        "level",
        "103 county-level divisions",
    );
    let mut seen = HashSet::new();
    for region in &source.regions {
        let code = region.code.as_str();
        let field = format!("region {code}");
        r.check(
            code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) && code.starts_with("15"),
            &field,
            "a six-digit GB/T 2260 code of Inner Mongolia",
        );
        r.check(seen.insert(code), &field, "code used twice");
        r.check(
            region.name.mn.chars().any(is_mongolian) && region.name.zh.chars().any(is_han),
            &field,
            "a name in both languages",
        );
        let parent = region
            .parent
            .as_ref()
            .and_then(|p| source.regions.iter().find(|x| &x.code == p));
        let expected = match region.level {
            RegionLevel::Autonomous => None,
            RegionLevel::League => Some(RegionLevel::Autonomous),
            RegionLevel::Banner => Some(RegionLevel::League),
        };
        r.check(
            parent.map(|p| p.level) == expected,
            &field,
            "the parent must be the level above",
        );
        if let (RegionLevel::Banner, Some(p)) = (region.level, parent) {
            r.check(
                code[..4] == p.code.as_str()[..4],
                &field,
                "a county's code starts with its league's",
            );
        }
    }
}
