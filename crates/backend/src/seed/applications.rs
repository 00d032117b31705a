//! Demo applications, one in each state an application can be in, with deadlines, requests for
//! documents, decisions and appeal routes as the law has them. Dates follow today's, so the demo
//! never looks stale; every text is labelled demo.
//!
//! How the days are counted differs by service. The working days of 《行政许可法》第八十二条
//! apply to administrative licences only, and none of these services is one: a service counts in
//! working days only where its own law says so (公证法第三十条 "十五个工作日"; 行政复议法第八十八条
//! for its "三日、五日、七日、十日"), in calendar days otherwise.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use legal_kiosk_api::{
    AppealRoute, ApplicationNumber, ApplicationState, ApplicationStatus, Bilingual, DayCount,
    Decision, LegalBasis, Stage, StageState, SupplementRequest,
};

use super::people::{DEMO_MOBILE, demo};
use super::{beijing, parse};
use crate::error::BackendError;
use crate::routes::applications::write_application;
use crate::store::Conn;

const RECEIVED: &str = "9999385402";
const IN_REVIEW: &str = "9999042713";
const AWAITING_SUPPLEMENT: &str = "9999168355";
const DECIDED: &str = "9999730281";
const CLOSED: &str = "9999906137";

/// The demo application numbers and the state each is in; all verify with [`DEMO_MOBILE`].
///
/// - `9999385402` received: an administrative reconsideration filed yesterday, not yet accepted;
/// - `9999042713` in review: legal aid, past the centre's promised day, not past the law's;
/// - `9999168355` awaiting supplement: a kinship notarization waiting for two documents;
/// - `9999730281` decided: an administrative reconsideration that upheld the act, open to a
///   lawsuit for 15 days;
/// - `9999906137` closed: legal aid refused, the refusal upheld on objection, all delivered.
///
/// The numbers are far apart, so one does not lead to the next.
pub const DEMO_APPLICATIONS: [(&str, ApplicationState); 5] = [
    (RECEIVED, ApplicationState::Received),
    (IN_REVIEW, ApplicationState::InReview),
    (AWAITING_SUPPLEMENT, ApplicationState::AwaitingSupplement),
    (DECIDED, ApplicationState::Decided),
    (CLOSED, ApplicationState::Closed),
];

/// Where the legal texts were read.
const FLK: &str = "国家法律法规数据库 flk.npc.gov.cn";

/// Writes the demo applications, replacing the ones a previous start wrote.
pub fn write(conn: &mut Conn<'_>, now: DateTime<Utc>) -> Result<(), BackendError> {
    let today = now.with_timezone(&beijing()).date_naive();
    for application in [
        received(today)?,
        in_review(today)?,
        awaiting_supplement(today)?,
        decided(today)?,
        closed(today)?,
    ] {
        write_application(conn, &application, DEMO_MOBILE)?;
    }
    Ok(())
}

/// An administrative reconsideration (行政复议), filed yesterday; the office has five working days
/// to accept or refuse it.
fn received(today: NaiveDate) -> Result<ApplicationStatus, BackendError> {
    let submitted_on = today - Duration::days(1);
    // Deemed accepted when the five-day check ends without a refusal (行政复议法第三十条), and
    // those five days are working days (第八十八条). The decision is due 60 days after acceptance
    // (第六十二条), calendar days: the law counts only its 3, 5, 7 and 10 days in working days.
    let accepted_by = working_days_after(submitted_on, 5);
    let at = |name, progress| stage(today, name, progress);
    // needs-native-review: the Mongolian below (service and stage names, from the guide).
    Ok(ApplicationStatus {
        stages: vec![
            at(("ᠥᠷᠭᠥᠳᠡᠯ ᠥᠭᠬᠦ", "提出申请"), Progress::Done(1, 1)),
            at(
                ("ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠡᠰᠡᠬᠦ ᠶᠢ ᠬᠢᠨᠠᠬᠤ", "审查是否受理"),
                Progress::Current(1),
            ),
            at(
                ("ᠬᠢᠨᠠᠨ ᠱᠢᠢᠳᠪᠦᠷᠢᠯᠡᠬᠦ", "审理并作出复议决定"),
                Progress::Pending,
            ),
            at(("ᠮᠡᠳᠡᠭᠳᠡᠬᠦ", "送达"), Progress::Pending),
        ],
        statutory_deadline: Some(accepted_by + Duration::days(60)),
        // Reconsideration offices publish no shorter promise: the law's day is the only one.
        promised_deadline: None,
        deadline_days: DayCount::Calendar,
        ..application(
            RECEIVED,
            ApplicationState::Received,
            "administrative-reconsideration",
            "demo-150100-bureau",
            demo("ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠳᠠᠬᠢᠨ ᠬᠢᠨᠠᠯᠲᠠ", "行政复议"),
            submitted_on,
        )?
    })
}

/// Legal aid in review: past the centre's own promise (3 days), within the law's 7 days, so the
/// status shows both "overdue" and "days left".
fn in_review(today: NaiveDate) -> Result<ApplicationStatus, BackendError> {
    let submitted_on = today - Duration::days(5);
    let at = |name, progress| stage(today, name, progress);
    // needs-native-review: the Mongolian below (service and stage names).
    Ok(ApplicationStatus {
        stages: vec![
            at(("ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ", "受理"), Progress::Done(5, 5)),
            at(("ᠬᠢᠨᠠᠬᠤ", "审查"), Progress::Current(5)),
            at(("ᠱᠢᠢᠳᠪᠦᠷᠢᠯᠡᠬᠦ", "作出决定"), Progress::Pending),
            at(("ᠬᠠᠤᠯᠢᠴᠢ ᠲᠣᠮᠢᠯᠠᠬᠤ", "指派法律援助人员"), Progress::Pending),
        ],
        // "自收到法律援助申请之日起七日内" (法律援助法第四十三条): calendar days.
        statutory_deadline: Some(submitted_on + Duration::days(7)),
        promised_deadline: Some(submitted_on + Duration::days(3)),
        deadline_days: DayCount::Calendar,
        ..application(
            IN_REVIEW,
            ApplicationState::InReview,
            "legal-aid-application",
            "demo-150100-centre",
            demo("ᠬᠠᠤᠯᠢ ᠵᠦᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ", "法律援助"),
            submitted_on,
        )?
    })
}

/// A kinship notarization (亲属关系公证): the notary office asked for two more documents three
/// days ago.
fn awaiting_supplement(today: NaiveDate) -> Result<ApplicationStatus, BackendError> {
    let submitted_on = today - Duration::days(9);
    let at = |name, progress| stage(today, name, progress);
    // needs-native-review: the Mongolian below (service, stages, documents; the office and its
    // address as the demo offices write them).
    Ok(ApplicationStatus {
        stages: vec![
            at(("ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ", "受理"), Progress::Done(9, 9)),
            at(("ᠬᠢᠨᠠᠨ ᠮᠠᠭᠠᠳᠯᠠᠬᠤ", "审查核实"), Progress::Current(9)),
            at(("ᠭᠡᠷᠡᠴᠢᠯᠡᠯ ᠣᠯᠭᠣᠬᠤ", "出具公证书"), Progress::Pending),
            at(("ᠭᠡᠷᠡᠴᠢᠯᠡᠯ ᠠᠪᠬᠤ", "领取公证书"), Progress::Pending),
        ],
        // "十五个工作日" from acceptance (公证法第三十条), as set at acceptance. The days spent
        // bringing documents do not count (same article): the office moves both days on when
        // the documents arrive, and until then the device shows them paused.
        statutory_deadline: Some(working_days_after(submitted_on, 15)),
        promised_deadline: Some(working_days_after(submitted_on, 10)),
        deadline_days: DayCount::Working,
        supplement_requests: vec![SupplementRequest {
            requested_on: today - Duration::days(3),
            // The office's date: the law sets none for bringing documents to a notary.
            due_on: Some(today + Duration::days(7)),
            items: vec![
                demo(
                    "ᠭᠡᠷ ᠪᠦᠯᠢ ᠶᠢᠨ ᠳᠠᠩᠰᠠ (ᠡᠬᠡ ᠪᠢᠴᠢᠭ ᠪᠠ ᠬᠠᠭᠤᠯᠪᠤᠷᠢ)",
                    "户口簿（原件及复印件）",
                ),
                demo(
                    "ᠲᠥᠷᠥᠭᠰᠡᠨ ᠦ ᠭᠡᠷᠡᠴᠢᠯᠡᠯ (ᠡᠬᠡ ᠪᠢᠴᠢᠭ ᠪᠠ ᠬᠠᠭᠤᠯᠪᠤᠷᠢ)",
                    "出生医学证明（原件及复印件）",
                ),
            ],
            bring_to: Some(demo(
                "ᠬᠥᠬᠡᠬᠣᠲᠠ ᠨᠣᠲ᠋ᠠᠷᠢᠠᠲ ᠤᠨ ᠭᠠᠵᠠᠷ᠂ ᠵᠢᠱᠢᠶ᠎ᠡ ᠬᠠᠶᠢᠭ᠂ ᠦᠨᠡᠨ ᠭᠠᠵᠠᠷ ᠪᠢᠰᠢ",
                "呼和浩特市公证处，演示地址，并非真实地点",
            )),
            fulfilled: false,
        }],
        ..application(
            AWAITING_SUPPLEMENT,
            ApplicationState::AwaitingSupplement,
            "notarization-general",
            "demo-150100-notary",
            demo("ᠤᠷᠤᠭ ᠲᠠᠷᠠᠯ ᠤᠨ ᠨᠣᠲ᠋ᠠᠷᠢᠠᠲ", "亲属关系公证"),
            submitted_on,
        )?
    })
}

/// An administrative reconsideration decided ten days ago and delivered eight days ago: the
/// reconsideration upheld the act (维持). Against the decision the applicant may sue within 15
/// days of receiving it (行政诉讼法第四十五条), which is the route the page shows.
fn decided(today: NaiveDate) -> Result<ApplicationStatus, BackendError> {
    let submitted_on = today - Duration::days(45);
    let decided_on = today - Duration::days(10);
    let delivered_on = today - Duration::days(8);
    let accepted_by = working_days_after(submitted_on, 5);
    let at = |name, progress| stage(today, name, progress);
    // needs-native-review: the Mongolian below (stages as in the received application; outcome,
    // route, court, the law's title).
    Ok(ApplicationStatus {
        stages: vec![
            at(("ᠥᠷᠭᠥᠳᠡᠯ ᠥᠭᠬᠦ", "提出申请"), Progress::Done(45, 45)),
            at(
                ("ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠡᠰᠡᠬᠦ ᠶᠢ ᠬᠢᠨᠠᠬᠤ", "审查是否受理"),
                Progress::Done(45, 41),
            ),
            at(
                ("ᠬᠢᠨᠠᠨ ᠱᠢᠢᠳᠪᠦᠷᠢᠯᠡᠬᠦ", "审理并作出复议决定"),
                Progress::Done(41, 10),
            ),
            at(("ᠮᠡᠳᠡᠭᠳᠡᠬᠦ", "送达"), Progress::Done(10, 8)),
            // Effective once the 15 days to sue have passed with no lawsuit.
            at(
                ("ᠱᠢᠢᠳᠪᠦᠷᠢ ᠬᠦᠴᠦᠨ ᠲᠡᠢ ᠪᠣᠯᠬᠤ", "复议决定生效"),
                Progress::Current(8),
            ),
        ],
        // 60 days after acceptance (行政复议法第六十二条), calendar days; decided well within.
        statutory_deadline: Some(accepted_by + Duration::days(60)),
        promised_deadline: None,
        deadline_days: DayCount::Calendar,
        decision: Some(Decision {
            decided_on,
            outcome: demo(
                "ᠳᠠᠬᠢᠨ ᠬᠢᠨᠠᠯᠲᠠ ᠶᠢᠨ ᠱᠢᠢᠳᠪᠦᠷᠢ᠄ ᠤᠤᠯ ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠦᠢᠯᠡ ᠶᠠᠪᠤᠳᠠᠯ ᠢ ᠪᠠᠲᠤᠯᠠᠪᠠ",
                "复议决定：维持原行政行为",
            ),
        }),
        // Suing the reconsideration decision: within 15 days of receiving it (行政诉讼法第四十五条),
        // at the court where the original act's office or the reconsideration office is
        // (第十八条).
        appeal: Some(AppealRoute {
            route: demo(
                "ᠠᠷᠠᠳ ᠤᠨ ᠱᠦᠭᠦᠬᠦ ᠶᠠᠮᠤᠨ ᠳᠤ ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠨᠡᠬᠡᠮᠵᠢᠯᠡᠯ ᠭᠠᠷᠭᠠᠬᠤ",
                "向人民法院提起行政诉讼",
            ),
            within_days: 15,
            days: DayCount::Calendar,
            until: Some(delivered_on + Duration::days(15)),
            basis: law(
                (
                    "ᠪᠦᠭᠦᠳᠡ ᠨᠠᠶᠢᠷᠠᠮᠳᠠᠬᠤ ᠳᠤᠮᠳᠠᠳᠤ ᠠᠷᠠᠳ ᠤᠯᠤᠰ ᠤᠨ ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠨᠡᠬᠡᠮᠵᠢᠯᠡᠯ ᠦᠨ ᠬᠠᠤᠯᠢ",
                    "中华人民共和国行政诉讼法",
                ),
                ("45 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ", "第四十五条"),
            ),
            office: demo(
                "ᠤᠤᠯ ᠦᠢᠯᠡ ᠶᠠᠪᠤᠳᠠᠯ ᠤᠨ ᠪᠤᠶᠤ ᠳᠠᠬᠢᠨ ᠬᠢᠨᠠᠯᠲᠠ ᠶᠢᠨ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠣᠷᠣᠨ ᠤ ᠠᠷᠠᠳ ᠤᠨ ᠱᠦᠭᠦᠬᠦ ᠶᠠᠮᠤᠨ",
                "原行政机关或复议机关所在地的人民法院",
            ),
            // 12368: the people's courts' public litigation-service line.
            phone: "0471-12368".to_owned(),
        }),
        ..application(
            DECIDED,
            ApplicationState::Decided,
            "administrative-reconsideration",
            "demo-150100-bureau",
            demo("ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠳᠠᠬᠢᠨ ᠬᠢᠨᠠᠯᠲᠠ", "行政复议"),
            submitted_on,
        )?
    })
}

/// Legal aid refused; the applicant objected to the justice bureau that set up the centre, which
/// upheld the refusal within five days (法律援助法第四十九条). Everything is delivered: closed.
fn closed(today: NaiveDate) -> Result<ApplicationStatus, BackendError> {
    let submitted_on = today - Duration::days(40);
    let delivered_on = today - Duration::days(27);
    let at = |name, progress| stage(today, name, progress);
    // needs-native-review: the Mongolian below (service, stages, outcome, route, office; the
    // law's title as the administrative-reconsideration guide writes it).
    Ok(ApplicationStatus {
        stages: vec![
            at(("ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ", "受理"), Progress::Done(40, 40)),
            at(("ᠬᠢᠨᠠᠬᠤ", "审查"), Progress::Done(40, 36)),
            at(("ᠱᠢᠢᠳᠪᠦᠷᠢᠯᠡᠬᠦ", "作出决定"), Progress::Done(36, 36)),
            at(
                ("ᠱᠦᠭᠦᠨ ᠵᠠᠰᠠᠬᠤ ᠲᠣᠪᠴᠢᠶ᠎ᠠ ᠭᠣᠮᠳᠠᠯ ᠢ ᠬᠢᠨᠠᠬᠤ", "司法局审查异议"),
                Progress::Done(32, 29),
            ),
            at(("ᠮᠡᠳᠡᠭᠳᠡᠬᠦ", "送达"), Progress::Done(27, 27)),
        ],
        statutory_deadline: Some(submitted_on + Duration::days(7)),
        promised_deadline: Some(submitted_on + Duration::days(5)),
        deadline_days: DayCount::Calendar,
        // The centre's decision, within its seven days; the bureau's upholding follows in words.
        decision: Some(Decision {
            decided_on: today - Duration::days(36),
            outcome: demo(
                "ᠬᠠᠤᠯᠢ ᠵᠦᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠦᠵᠡᠭᠦᠯᠬᠦ ᠦᠭᠡᠢ᠂ ᠱᠦᠭᠦᠨ ᠵᠠᠰᠠᠬᠤ ᠲᠣᠪᠴᠢᠶ᠎ᠠ ᠲᠡᠷᠡ ᠱᠢᠢᠳᠪᠦᠷᠢ ᠶᠢ ᠪᠠᠲᠤᠯᠠᠪᠠ",
                "不予法律援助；司法局审查异议后维持该决定",
            ),
        }),
        // Against the bureau's upholding decision: reconsideration or a lawsuit (法律援助法第四十九条
        // 第三款); reconsideration within 60 days of learning of it (行政复议法第二十条), at the
        // people's government the bureau belongs to (第二十四条). The objection itself has no
        // time limit in the law, so it could not be the route with days to count.
        appeal: Some(AppealRoute {
            route: demo("ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠳᠠᠬᠢᠨ ᠬᠢᠨᠠᠯᠲᠠ ᠭᠤᠶᠤᠬᠤ", "申请行政复议"),
            within_days: 60,
            days: DayCount::Calendar,
            until: Some(delivered_on + Duration::days(60)),
            basis: law(
                (
                    "ᠪᠦᠭᠦᠳᠡ ᠨᠠᠶᠢᠷᠠᠮᠳᠠᠬᠤ ᠳᠤᠮᠳᠠᠳᠤ ᠠᠷᠠᠳ ᠤᠯᠤᠰ ᠤᠨ ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠳᠠᠬᠢᠨ ᠬᠢᠨᠠᠯᠲᠠ ᠶᠢᠨ ᠬᠠᠤᠯᠢ",
                    "中华人民共和国行政复议法",
                ),
                ("20 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ", "第二十条"),
            ),
            office: demo("ᠬᠥᠬᠡᠬᠣᠲᠠ ᠶᠢᠨ ᠠᠷᠠᠳ ᠤᠨ ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ", "呼和浩特市人民政府"),
            // 12348: the public legal service line, which tells where and how to file.
            phone: "0471-12348".to_owned(),
        }),
        ..application(
            CLOSED,
            ApplicationState::Closed,
            "legal-aid-application",
            "demo-150100-centre",
            demo("ᠬᠠᠤᠯᠢ ᠵᠦᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ", "法律援助"),
            submitted_on,
        )?
    })
}

/// What every demo application shares; the rest is filled in by its state.
fn application(
    number: &str,
    state: ApplicationState,
    guide: &str,
    office: &str,
    service: Bilingual,
    submitted_on: NaiveDate,
) -> Result<ApplicationStatus, BackendError> {
    Ok(ApplicationStatus {
        number: parse::<ApplicationNumber>(number)?,
        service,
        guide: Some(parse(guide)?),
        office: Some(parse(office)?),
        state,
        submitted_on,
        stages: vec![],
        statutory_deadline: None,
        promised_deadline: None,
        deadline_days: DayCount::Calendar,
        supplement_requests: vec![],
        decision: None,
        appeal: None,
        demo: true,
    })
}

/// How far a stage has come, in days before today.
#[derive(Debug, Clone, Copy)]
enum Progress {
    /// Started and completed so many days ago.
    Done(i64, i64),
    /// Started so many days ago.
    Current(i64),
    Pending,
}

fn stage(today: NaiveDate, (mn, zh): (&str, &str), progress: Progress) -> Stage {
    let ago = |days: i64| today - Duration::days(days);
    let (state, started_on, completed_on) = match progress {
        Progress::Done(started, completed) => {
            (StageState::Done, Some(ago(started)), Some(ago(completed)))
        }
        Progress::Current(started) => (StageState::Current, Some(ago(started)), None),
        Progress::Pending => (StageState::Pending, None, None),
    };
    Stage {
        name: demo(mn, zh),
        state,
        started_on,
        completed_on,
    }
}

fn law((title_mn, title_zh): (&str, &str), (article_mn, article_zh): (&str, &str)) -> LegalBasis {
    LegalBasis {
        title: Bilingual::new(title_mn, title_zh),
        articles: Bilingual::new(article_mn, article_zh),
        source: FLK.to_owned(),
    }
}

/// The day `days` working days after `from`. Only weekends are left out: the demo does not know
/// the public holidays and the weekends worked in their place, which an office's calendar has.
fn working_days_after(from: NaiveDate, days: u32) -> NaiveDate {
    let mut date = from;
    let mut left = days;
    while left > 0 {
        date += Duration::days(1);
        if !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    date
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn working_days_leave_out_weekends() {
        let friday = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        assert_eq!(
            working_days_after(friday, 1),
            NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
        );
        assert_eq!(
            working_days_after(friday, 15),
            NaiveDate::from_ymd_opt(2026, 12, 25).unwrap()
        );
        let saturday = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        assert_eq!(
            working_days_after(saturday, 5),
            NaiveDate::from_ymd_opt(2026, 12, 11).unwrap()
        );
    }
}
