//! Three placeholder guides, so that every screen has something to show before the real content
//! bundle exists. Each is marked demo in its data and in its text; none is legal advice.

use chrono::NaiveDate;
use legal_kiosk_api::{
    Bilingual, Category, CategoryId, Fee, Guide, GuideId, LegalBasis, Material, Step,
};

use crate::error::BackendError;

fn t(mn: &str, zh: &str) -> Bilingual {
    Bilingual::new(format!("{mn} (DEMO)"), format!("{zh}（演示）"))
}

fn id<T: TryFrom<String>>(s: &str) -> Result<T, BackendError> {
    T::try_from(s.to_owned()).map_err(|_| BackendError::Seed(format!("bad id {s}")))
}

pub fn categories() -> Result<Vec<Category>, BackendError> {
    Ok(vec![
        Category {
            id: id("legal-aid")?,
            name: t("ᠬᠠᠤᠯᠢ ᠵᠦᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ", "法律援助"),
        },
        Category {
            id: id("notarization")?,
            name: t("ᠨᠣᠲ᠋ᠠᠷᠢᠠᠲ", "公证"),
        },
        Category {
            id: id("mediation")?,
            name: t("ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠦᠯ", "人民调解"),
        },
    ])
}

fn material(mn: &str, zh: &str, original: bool) -> Material {
    Material {
        name: t(mn, zh),
        copies: 1,
        original,
        note: None,
    }
}

fn step(mn: &str, zh: &str, limit_days: Option<u16>) -> Step {
    Step {
        title: t(mn, zh),
        description: t("ᠵᠢᠱᠢᠶ᠎ᠡ ᠲᠠᠢᠯᠪᠤᠷᠢ", "演示说明，非真实办事指南"),
        limit_days,
    }
}

pub fn guides() -> Result<Vec<Guide>, BackendError> {
    let updated_on = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let id_card = || material("ᠢᠷᠭᠡᠨ ᠦ ᠦᠨᠡᠮᠯᠡᠬᠦ", "居民身份证", true);
    let guide =
        |gid: &str, cat: &str, code: &str, mn: &str, zh: &str| -> Result<Guide, BackendError> {
            Ok(Guide {
                id: id::<GuideId>(gid)?,
                category: id::<CategoryId>(cat)?,
                service_code: code.to_owned(),
                title: t(mn, zh),
                summary: t("ᠵᠢᠱᠢᠶ᠎ᠡ", "演示内容，仅用于试用本系统"),
                conditions: vec![],
                legal_basis: vec![],
                materials: vec![id_card()],
                steps: vec![],
                fees: vec![],
                statutory_limit_days: None,
                promised_limit_days: None,
                updated_on,
                demo: true,
            })
        };

    let mut legal_aid = guide(
        "legal-aid",
        "legal-aid",
        "DEMO-0001",
        "ᠬᠠᠤᠯᠢ ᠵᠦᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠬᠦᠰᠡᠬᠦ",
        "申请法律援助",
    )?;
    legal_aid.conditions = vec![t("ᠠᠮᠢᠳᠤᠷᠠᠯ ᠬᠡᠴᠡᠭᠦ", "经济困难（演示条件）")];
    legal_aid.legal_basis = vec![LegalBasis {
        title: t("ᠬᠠᠤᠯᠢ", "《中华人民共和国法律援助法》"),
        articles: None,
    }];
    legal_aid.materials.push(material(
        "ᠠᠮᠢᠳᠤᠷᠠᠯ ᠤᠨ ᠲᠣᠳᠣᠷᠬᠠᠢᠯᠠᠯᠲᠠ",
        "经济困难状况说明表",
        true,
    ));
    legal_aid.steps = vec![
        step("ᠬᠦᠰᠡᠯᠲᠡ ᠥᠭᠬᠦ", "提交申请", Some(0)),
        step("ᠬᠢᠨᠠᠬᠤ", "审查", Some(7)),
        step("ᠲᠣᠮᠢᠯᠠᠬᠤ", "指派律师", Some(3)),
    ];
    legal_aid.fees = vec![Fee {
        item: t("ᠲᠥᠯᠦᠪᠦᠷᠢ ᠦᠭᠡᠢ", "免费"),
        amount_fen: 0,
        note: None,
    }];
    legal_aid.statutory_limit_days = Some(7);
    legal_aid.promised_limit_days = Some(5);

    let mut kinship = guide(
        "kinship-notarization",
        "notarization",
        "DEMO-0002",
        "ᠤᠷᠤᠭ ᠲᠠᠷᠠᠯ ᠤᠨ ᠨᠣᠲ᠋ᠠᠷᠢᠠᠲ",
        "亲属关系公证",
    )?;
    kinship
        .materials
        .push(material("ᠭᠡᠷ ᠪᠦᠯᠢ ᠶᠢᠨ ᠳᠠᠩᠰᠠ", "户口簿", true));
    kinship.steps = vec![
        step("ᠬᠦᠰᠡᠯᠲᠡ ᠥᠭᠬᠦ", "申请受理", Some(0)),
        step("ᠬᠢᠨᠠᠬᠤ", "审查核实", Some(15)),
        step("ᠭᠠᠷᠭᠠᠬᠤ", "出具公证书", Some(1)),
    ];
    kinship.fees = vec![Fee {
        item: t("ᠲᠥᠯᠦᠪᠦᠷᠢ", "公证费（演示金额）"),
        amount_fen: 10_000,
        note: None,
    }];
    kinship.statutory_limit_days = Some(15);
    kinship.promised_limit_days = Some(10);

    let mut mediation = guide(
        "people-mediation",
        "mediation",
        "DEMO-0003",
        "ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠦᠯ ᠬᠦᠰᠡᠬᠦ",
        "申请人民调解",
    )?;
    mediation.steps = vec![
        step("ᠬᠦᠰᠡᠯᠲᠡ ᠥᠭᠬᠦ", "申请", Some(0)),
        step("ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠬᠦ", "调解", None),
    ];
    mediation.fees = vec![Fee {
        item: t("ᠲᠥᠯᠦᠪᠦᠷᠢ ᠦᠭᠡᠢ", "免费"),
        amount_fen: 0,
        note: None,
    }];

    Ok(vec![legal_aid, kinship, mediation])
}
