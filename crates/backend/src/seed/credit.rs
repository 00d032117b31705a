//! Demo credit records (诚信记录) for the demo offices: every office's annual assessment, and
//! for each law firm one commended lawyer (红名单) and one black-listed lawyer (黑名单). They
//! are invented, like the offices: every name and decision says demo, and `demo` is true. A
//! deployment serves the justice bureau's published lists instead.
//!
//! The black-listed lawyer's sanction is the one 《中华人民共和国律师法》第四十八条 provides
//! for accepting a client privately and charging fees (停止执业三个月以上六个月以下); the
//! article was cited from the 2017 text without a legal reviewer's check (needs legal review).
//! The Mongolian was written by the developers and needs a native speaker's review.

use chrono::NaiveDate;
use legal_kiosk_api::{Bilingual, CreditList, CreditRecord, Office, OfficeKind, ProviderRole};

use legal_kiosk_content::offices::DEMO_MN;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The records of `offices` (one region's, or a league's with its banners'), in their order.
pub fn demo_records(offices: &[Office]) -> Vec<CreditRecord> {
    let mut out = Vec::new();
    for office in offices {
        // The bureau of the office's own region publishes its records.
        let source = offices
            .iter()
            .find(|o| o.region == office.region && o.kinds.contains(&OfficeKind::JusticeBureau))
            .map(|o| o.name.clone())
            .unwrap_or_else(|| {
                Bilingual::new(
                    format!("ᠱᠦᠭᠦᠨ ᠵᠠᠰᠠᠬᠤ ᠲᠣᠪᠴᠢᠶ᠎ᠠ ({DEMO_MN})"),
                    "司法局（演示）",
                )
            });
        let record = |subject: Bilingual,
                      role: ProviderRole,
                      list: Option<CreditList>,
                      decision: Bilingual,
                      basis: Option<&str>,
                      decided_on: NaiveDate| CreditRecord {
            office: office.id.clone(),
            subject,
            role,
            list,
            decision,
            basis: basis.map(str::to_owned),
            decided_on,
            source: source.clone(),
            demo: true,
        };
        out.push(record(
            office.name.clone(),
            ProviderRole::Office,
            None,
            Bilingual::new(
                format!("2025 ᠣᠨ ᠤ ᠵᠢᠯ ᠦᠨ ᠰᠢᠯᠭᠠᠯᠲᠠ᠄ ᠲᠡᠩᠴᠡᠯ ᠬᠠᠩᠭᠠᠭᠰᠠᠨ ({DEMO_MN})"),
                "2025年度考核：合格（演示）",
            ),
            None,
            date(2026, 3, 31),
        ));
        if office.kinds.contains(&OfficeKind::LawFirm) {
            out.push(record(
                Bilingual::new(
                    format!("ᠵᠢᠱᠢᠶ᠎ᠡ ᠬᠠᠭᠤᠯᠢᠴᠢ ᠨᠢᠭᠡ ({DEMO_MN})"),
                    "演示律师甲（演示）",
                ),
                ProviderRole::Lawyer,
                Some(CreditList::Red),
                Bilingual::new(
                    format!("2025 ᠣᠨ ᠤ ᠰᠠᠶᠢᠨ ᠬᠠᠭᠤᠯᠢᠴᠢ ({DEMO_MN})"),
                    "2025年度优秀律师（演示）",
                ),
                None,
                date(2026, 1, 20),
            ));
            out.push(record(
                Bilingual::new(
                    format!("ᠵᠢᠱᠢᠶ᠎ᠡ ᠬᠠᠭᠤᠯᠢᠴᠢ ᠬᠣᠶᠠᠷ ({DEMO_MN})"),
                    "演示律师乙（演示）",
                ),
                ProviderRole::Lawyer,
                Some(CreditList::Black),
                Bilingual::new(
                    format!(
                        "ᠬᠤᠪᠢ ᠪᠡᠷ ᠠᠵᠢᠯ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠴᠤ ᠬᠥᠯᠥᠰᠦ ᠠᠪᠤᠭᠰᠠᠨ ᠤ ᠲᠥᠯᠦᠭᠡ ᠭᠤᠷᠪᠠᠨ ᠰᠠᠷ᠎ᠠ \
                         ᠠᠵᠢᠯ ᠡᠷᠬᠢᠯᠡᠬᠦ ᠶᠢ ᠵᠤᠭᠰᠤᠭᠠᠭᠰᠠᠨ ({DEMO_MN})"
                    ),
                    "私自接受委托、收取费用，被给予停止执业三个月的处罚（演示）",
                ),
                Some("《中华人民共和国律师法》第四十八条"),
                date(2025, 11, 12),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_office_has_an_assessment_and_each_law_firm_a_red_and_a_black_record() {
        let regions = legal_kiosk_content::Bundle::open(
            legal_kiosk_content::EMBEDDED_BUNDLE,
            &legal_kiosk_content::bundle::dev_verifying_key().unwrap(),
        )
        .unwrap()
        .offices;
        let records = demo_records(&regions);
        let firms = regions
            .iter()
            .filter(|o| o.kinds.contains(&OfficeKind::LawFirm))
            .count();
        assert!(firms > 0);
        assert_eq!(records.len(), regions.len() + 2 * firms);
        assert!(
            records
                .iter()
                .all(|r| r.demo && r.subject.zh.contains("演示"))
        );
        let black: Vec<_> = records
            .iter()
            .filter(|r| r.list == Some(CreditList::Black))
            .collect();
        assert_eq!(black.len(), firms);
        assert!(black.iter().all(|r| r.basis.is_some()));
    }
}
