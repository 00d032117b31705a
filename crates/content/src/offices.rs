//! Demo offices, one set per league and banner. They are invented: every name says demo, the
//! address says it is not a real place, and the phone numbers cannot be dialled. A deployment
//! replaces them with the county judicial bureau's real list.

use legal_kiosk_api::{Bilingual, Office, OfficeId, OfficeKind, Region, RegionLevel};

struct Template {
    id: &'static str,
    mn: &'static str,
    zh: &'static str,
    kinds: &'static [OfficeKind],
    leagues_only: bool,
    /// A sum's or town's office (司法所, a village's mediation committee): banners have them,
    /// a league's seat does not.
    banners_only: bool,
}

/// "Demo" in Mongolian, the word of the app's DEMO badge (`link-demo`): a Mongolian reader
/// sees demo data labelled in Mongolian, not in Latin letters. Needs native review like it.
pub const DEMO_MN: &str = "ᠵᠢᠱᠢᠶ᠎ᠡ";

const TEMPLATES: &[Template] = &[
    Template {
        id: "centre",
        mn: "ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠬᠠᠤᠯᠢ ᠵᠦᠢ ᠶᠢᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠶᠢᠨ ᠲᠥᠪ",
        zh: "公共法律服务中心",
        kinds: &[
            OfficeKind::PublicLegalServiceCentre,
            OfficeKind::LegalAidCentre,
            OfficeKind::JusticeOffice,
        ],
        leagues_only: false,
        banners_only: false,
    },
    Template {
        id: "bureau",
        mn: "ᠱᠦᠭᠦᠨ ᠵᠠᠰᠠᠬᠤ ᠲᠣᠪᠴᠢᠶ᠎ᠠ",
        zh: "司法局",
        kinds: &[OfficeKind::JusticeBureau, OfficeKind::ReconsiderationOffice],
        leagues_only: false,
        banners_only: false,
    },
    Template {
        id: "notary",
        mn: "ᠨᠣᠲ᠋ᠠᠷᠢᠠᠲ ᠤᠨ ᠭᠠᠵᠠᠷ",
        zh: "公证处",
        kinds: &[OfficeKind::NotaryOffice],
        leagues_only: false,
        banners_only: false,
    },
    Template {
        id: "appraisal",
        mn: "ᠱᠦᠭᠦᠨ ᠵᠠᠰᠠᠬᠤ ᠭᠡᠷᠡᠴᠢᠯᠡᠯ ᠦᠨ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ",
        zh: "司法鉴定机构",
        kinds: &[OfficeKind::AppraisalInstitution],
        leagues_only: true,
        banners_only: false,
    },
    // Added after the first four, so the demo phone numbers of those stay as they were.
    Template {
        id: "justice-office",
        mn: "ᠰᠤᠮᠤ ᠶᠢᠨ ᠱᠦᠭᠦᠨ ᠵᠠᠰᠠᠬᠤ ᠭᠠᠵᠠᠷ",
        zh: "中心镇司法所",
        kinds: &[OfficeKind::JusticeOffice],
        leagues_only: false,
        banners_only: true,
    },
    Template {
        id: "law-firm",
        mn: "ᠬᠠᠭᠤᠯᠢᠴᠢ ᠶᠢᠨ ᠠᠵᠢᠯ ᠬᠡᠷᠡᠭ ᠦᠨ ᠭᠠᠵᠠᠷ",
        zh: "律师事务所",
        kinds: &[OfficeKind::LawFirm],
        leagues_only: false,
        banners_only: false,
    },
    Template {
        id: "mediation",
        mn: "ᠭᠠᠴᠠᠭ᠎ᠠ ᠶᠢᠨ ᠠᠷᠠᠳ ᠤᠨ ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠦᠯ ᠦᠨ ᠵᠥᠪᠯᠡᠯ",
        zh: "嘎查人民调解委员会",
        kinds: &[OfficeKind::MediationCommittee],
        leagues_only: false,
        banners_only: true,
    },
];

/// Offices for every league and banner in `regions`, labelled demo.
pub fn demo_offices(regions: &[Region]) -> Vec<Office> {
    let mut out = Vec::new();
    for region in regions {
        if region.level == RegionLevel::Autonomous {
            continue;
        }
        for (n, t) in TEMPLATES.iter().enumerate() {
            let league = region.level == RegionLevel::League;
            if (t.leagues_only && !league) || (t.banners_only && league) {
                continue;
            }
            let Ok(id) = OfficeId::parse(&format!("demo-{}-{}", region.code, t.id)) else {
                continue;
            };
            out.push(Office {
                id,
                region: region.code.clone(),
                name: Bilingual::new(
                    format!("{} {} ({DEMO_MN})", region.name.mn, t.mn),
                    format!("{}{}（演示）", region.name.zh, t.zh),
                ),
                kinds: t.kinds.to_vec(),
                address: Bilingual::new("ᠵᠢᠱᠢᠶ᠎ᠡ ᠬᠠᠶᠢᠭ᠂ ᠦᠨᠡᠨ ᠭᠠᠵᠠᠷ ᠪᠢᠰᠢ", "演示地址，并非真实地点"),
                // 000 is no Chinese area code: these numbers cannot reach anyone.
                phone: format!("000-{}-{n}", region.code),
                hours: Bilingual::new(
                    "ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ 9:00–12:00᠂ 14:30–17:30 (ᠵᠢᠱᠢᠶ᠎ᠡ)",
                    "工作日 9:00–12:00，14:30–17:30（演示）",
                ),
                demo: true,
            });
        }
    }
    out
}
