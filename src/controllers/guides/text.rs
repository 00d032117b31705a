//! A guide as the screen shows it in one display mode: every text picked or joined per the
//! regional rule (Mongolian above Chinese), limits and fees spelled out from Fluent messages.
//! Plain data, so it is tested without a window.

use legal_kiosk_api::{
    Bilingual, DayCount, Guide, LegalReview, Office, TimeLimit, TranslationReview,
};
use legal_kiosk_core::i18n::{DisplayMode, Lang};

use crate::strings::Catalog;

pub struct StepText {
    pub title: String,
    pub actor: String,
    pub limit: String,
    pub counts: bool,
}

pub struct GuideText {
    pub title: String,
    /// Summary, who may apply and conditions, in Chinese (empty in Mongolian mode).
    pub summary_zh: String,
    /// The same in Mongolian, for the vertical columns (empty in Chinese mode).
    pub summary_mn: String,
    pub steps_heading: String,
    pub limits: String,
    pub steps: Vec<StepText>,
    pub materials_heading: String,
    /// (item id, name, detail)
    pub materials: Vec<(String, String, String)>,
    /// (item id, heading, body)
    pub sections: Vec<(String, String, String)>,
    /// Who checked the guide and its translation, or that nobody has yet: near the top, so it
    /// is read before the guide is relied on. (heading, body)
    pub review: (String, String),
    pub qr_caption: String,
}

/// `text` as `mode` shows it: one language, or Mongolian above Chinese.
pub fn pick(mode: DisplayMode, text: &Bilingual) -> String {
    mode.langs()
        .iter()
        .map(|l| text.get((*l).into()).to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

struct In<'a> {
    catalog: &'a Catalog,
    lang: Lang,
}

impl In<'_> {
    fn t(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.catalog.strings(self.lang).get_with(id, args)
    }

    fn b<'b>(&self, text: &'b Bilingual) -> &'b str {
        text.get(self.lang.into())
    }

    fn limit(&self, l: TimeLimit) -> String {
        let days = l.days.to_string();
        match l.count {
            DayCount::Working => self.t("limit-working", &[("days", &days)]),
            DayCount::Calendar => self.t("limit-calendar", &[("days", &days)]),
        }
    }

    fn summary(&self, g: &Guide) -> String {
        let mut s = format!(
            "{}\n\n{}: {}\n{}:",
            self.b(&g.summary),
            self.t("guide-who", &[]),
            self.b(&g.applicants),
            self.t("guide-conditions", &[])
        );
        for c in &g.conditions {
            s.push_str(&format!("\n· {}", self.b(c)));
        }
        s
    }

    fn limits(&self, g: &Guide) -> String {
        let mut lines = Vec::new();
        if let Some(l) = g.statutory_limit {
            lines.push(self.t("limit-statutory", &[("limit", &self.limit(l))]));
        }
        if let Some(l) = g.promised_limit {
            lines.push(self.t("limit-promised", &[("limit", &self.limit(l))]));
        }
        if let Some(n) = &g.limit_note {
            lines.push(self.b(n).to_owned());
        }
        lines.push(self.t("limit-legend", &[]));
        lines.join("\n")
    }

    fn step_limit(&self, on_the_spot: bool, limit: Option<TimeLimit>) -> String {
        match (on_the_spot, limit) {
            (true, _) => self.t("limit-on-the-spot", &[]),
            (false, Some(l)) => self.limit(l),
            (false, None) => self.t("limit-none", &[]),
        }
    }

    fn material_detail(&self, m: &legal_kiosk_api::Material) -> String {
        let kind = if m.original {
            self.t("material-original", &[])
        } else {
            self.t("material-copy", &[])
        };
        let mut s = format!(
            "{} · {}\n{}",
            self.t("material-copies", &[("copies", &m.copies.to_string())]),
            kind,
            self.t("material-from", &[("from", self.b(&m.obtain_from))])
        );
        if let Some(n) = &m.note {
            s.push_str(&format!("\n{}", self.b(n)));
        }
        s
    }

    fn fees(&self, g: &Guide) -> String {
        g.fees
            .iter()
            .map(|f| {
                let amount = match f.amount_fen {
                    Some(0) => self.t("fee-free", &[]),
                    Some(fen) => {
                        let yuan = if fen % 100 == 0 {
                            (fen / 100).to_string()
                        } else {
                            format!("{}.{:02}", fen / 100, fen % 100)
                        };
                        self.t("fee-amount", &[("yuan", &yuan)])
                    }
                    None => self.t("fee-depends", &[]),
                };
                let mut s = format!(
                    "{}: {}\n{}",
                    self.b(&f.item),
                    amount,
                    self.t("fee-basis", &[("basis", self.b(&f.basis))])
                );
                if let Some(n) = &f.note {
                    s.push_str(&format!("\n{}", self.b(n)));
                }
                s
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    fn office(&self, g: &Guide, office: Option<&Office>) -> String {
        let Some(o) = office else {
            return self.t("office-none", &[]);
        };
        let mut s = format!(
            "{}\n{}\n{}\n{}",
            self.b(&o.name),
            self.t("office-address", &[("address", self.b(&o.address))]),
            self.t("office-phone", &[("phone", &o.phone)]),
            self.t("office-hours", &[("hours", self.b(&o.hours))]),
        );
        s.push_str(&format!("\n{}", self.b(&g.hours)));
        if o.demo {
            s.push_str(&format!("\n{}", self.t("office-demo", &[])));
        }
        s
    }

    fn phones(&self, g: &Guide) -> String {
        let mut s = format!(
            "{}\n{}\n{}",
            self.t("phone-consult", &[("phone", &g.consultation_phone)]),
            self.t("phone-complaint", &[("phone", &g.complaint_phone)]),
            self.b(&g.complaint_channel)
        );
        for o in &g.online {
            s.push_str(&format!(
                "\n{}",
                self.t(
                    "online-channel",
                    &[("name", self.b(&o.name)), ("url", &o.url)]
                )
            ));
        }
        s
    }

    fn basis(&self, b: &legal_kiosk_api::LegalBasis) -> String {
        format!(
            "《{}》{}\n({})",
            self.b(&b.title),
            self.b(&b.articles),
            b.source
        )
    }

    fn faq(&self, f: &legal_kiosk_api::Faq) -> String {
        format!("{}\n{}", self.b(&f.question), self.b(&f.answer))
    }

    fn review(&self, g: &Guide) -> String {
        let legal = match g.review.legal {
            LegalReview::NeedsLegalReview => self.t("review-legal-needed", &[]),
            LegalReview::LegallyReviewed => self.t(
                "review-legal-done",
                &[("by", g.review.reviewed_by.as_deref().unwrap_or(""))],
            ),
        };
        let mn = match g.review.mongolian {
            TranslationReview::NeedsNativeReview => self.t("review-mn-needed", &[]),
            TranslationReview::NativeReviewed => self.t("review-mn-done", &[]),
        };
        let mut s = format!("{legal}\n{mn}\n{} · {}", g.service_code, g.updated_on);
        if g.demo {
            s.push_str(&format!("\n{}", self.t("review-demo", &[])));
        }
        s
    }
}

impl GuideText {
    pub fn new(
        catalog: &Catalog,
        mode: DisplayMode,
        guide: &Guide,
        office: Option<&Office>,
        qr_url: &str,
    ) -> GuideText {
        let langs = mode.langs();
        let each = |f: &dyn Fn(&In) -> String| -> String {
            langs
                .iter()
                .map(|lang| {
                    f(&In {
                        catalog,
                        lang: *lang,
                    })
                })
                .collect::<Vec<_>>()
                .join("\n\n")
        };
        let one = |lang: Lang| In { catalog, lang };
        let head = |id: &str| catalog.text(mode, id, &[]);
        let steps = guide
            .steps
            .iter()
            .map(|s| StepText {
                title: pick(mode, &s.title),
                actor: pick(mode, &s.actor),
                limit: langs
                    .iter()
                    .map(|l| one(*l).step_limit(s.on_the_spot, s.limit))
                    .collect::<Vec<_>>()
                    .join("\n"),
                counts: s.counts_toward_limit,
            })
            .collect();
        let materials = guide
            .materials
            .iter()
            .enumerate()
            .map(|(i, m)| {
                (
                    format!("material-{i}"),
                    pick(mode, &m.name),
                    each(&|t| t.material_detail(m)),
                )
            })
            .collect();
        // One card per law and per question: a card must fit the page to be shown whole
        // when focused. A group's heading sits on its first card.
        let mut sections = vec![
            (
                "fees".to_owned(),
                head("guide-fees"),
                each(&|t| t.fees(guide)),
            ),
            (
                "office".to_owned(),
                head("guide-where"),
                each(&|t| t.office(guide, office)),
            ),
            (
                "phones".to_owned(),
                head("guide-phones"),
                each(&|t| t.phones(guide)),
            ),
        ];
        for (i, b) in guide.legal_basis.iter().enumerate() {
            let heading = if i == 0 {
                head("guide-basis")
            } else {
                String::new()
            };
            sections.push((format!("basis-{i}"), heading, each(&|t| t.basis(b))));
        }
        for (i, f) in guide.faqs.iter().enumerate() {
            let heading = if i == 0 {
                head("guide-faq")
            } else {
                String::new()
            };
            sections.push((format!("faq-{i}"), heading, each(&|t| t.faq(f))));
        }
        GuideText {
            title: pick(mode, &guide.title),
            summary_zh: if langs.contains(&Lang::Zh) {
                one(Lang::Zh).summary(guide)
            } else {
                String::new()
            },
            summary_mn: if langs.contains(&Lang::Mn) {
                one(Lang::Mn).summary(guide)
            } else {
                String::new()
            },
            steps_heading: head("guide-steps"),
            limits: each(&|t| t.limits(guide)),
            steps,
            materials_heading: head("guide-materials"),
            materials,
            sections,
            review: (head("guide-review"), each(&|t| t.review(guide))),
            qr_caption: format!("{}\n{qr_url}", head("guide-qr")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Message ids the guides' Rust code asks for: string literals with a guides prefix.
    fn ids_in_guides_code() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/controllers/guides");
        let prefixes = [
            "guides-",
            "guide-",
            "limit-",
            "material-",
            "fee-",
            "office-",
            "phone-",
            "online-",
            "review-",
        ];
        let mut ids = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for literal in source.split('"').skip(1).step_by(2) {
                // View names are not messages.
                let view = ["guides", "guide-list", "guide"].contains(&literal);
                let is_id = prefixes.iter().any(|p| literal.starts_with(p))
                    && !view
                    && !literal.ends_with('-')
                    && literal.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
                if is_id {
                    ids.push(literal.to_owned());
                }
            }
        }
        ids
    }

    #[test]
    fn every_message_the_guides_code_uses_exists_in_both_languages() {
        let catalog = Catalog::load().unwrap();
        let ids = ids_in_guides_code();
        assert!(ids.len() > 30, "found only {ids:?}");
        for id in ids {
            for lang in Lang::ALL {
                assert_ne!(catalog.strings(lang).get(&id), id, "{lang} lacks {id}");
            }
        }
    }
}
