//! `GET /v1/credit?region=`: the credit record of the offices of a region and the regions
//! below it (red and black lists, annual assessments), each with its date, basis and source,
//! demo records labelled demo; with an ETag; on SQLite and on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use legal_kiosk_api::{CreditList, CreditRecordList, OfficeKind, OfficeList, ProviderRole};
use support::Backing;

on_both_stores!(every_office_has_its_record_and_a_black_listed_lawyer_is_said_to_be_one);

async fn every_office_has_its_record_and_a_black_listed_lawyer_is_said_to_be_one(on: Backing) {
    let raw = support::raw_on(on).await;
    // A league: its own offices and its banners'.
    let region = "150100";
    let offices: OfficeList = serde_json::from_slice(
        &raw.get(format!("{}/v1/offices?region={region}", raw.base))
            .await
            .bytes()
            .await
            .unwrap(),
    )
    .unwrap();
    let answer = raw
        .get(format!("{}/v1/credit?region={region}", raw.base))
        .await;
    assert_eq!(answer.status(), 200);
    let tag = answer.headers()["etag"].to_str().unwrap().to_owned();
    let list: CreditRecordList = serde_json::from_slice(&answer.bytes().await.unwrap()).unwrap();
    for office in &offices.offices {
        let own: Vec<_> = list
            .records
            .iter()
            .filter(|r| r.office == office.id)
            .collect();
        assert!(
            own.iter()
                .any(|r| r.role == ProviderRole::Office && r.list.is_none()),
            "{} has its assessment",
            office.id.as_str()
        );
        if office.kinds.contains(&OfficeKind::LawFirm) {
            let black = own
                .iter()
                .find(|r| r.list == Some(CreditList::Black))
                .expect("a law firm's demo black-listed lawyer");
            assert_eq!(black.role, ProviderRole::Lawyer);
            assert!(black.basis.as_deref().unwrap().contains("律师法"));
            assert!(own.iter().any(|r| r.list == Some(CreditList::Red)));
        }
    }
    assert!(
        list.records.iter().all(|r| r.demo
            && r.subject.zh.contains("演示")
            && r.decision.zh.contains("演示")
            && r.source.zh.contains("演示")),
        "demo records say so"
    );
    // Unchanged: a 304 for the tag held.
    let again = raw
        .http
        .get(format!("{}/v1/credit?region={region}", raw.base))
        .bearer_auth(&raw.token)
        .header("if-none-match", &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);

    // No region, or one that does not exist: problem+json, as for the offices.
    let (status, problem) =
        support::problem(raw.get(format!("{}/v1/credit", raw.base)).await).await;
    assert_eq!(status, 400, "{problem:?}");
    let (status, problem) = support::problem(
        raw.get(format!("{}/v1/credit?region=159999", raw.base))
            .await,
    )
    .await;
    assert_eq!(status, 422, "{problem:?}");
}
