//! The demo data is usable as a person would meet it: every demo application names a guide and an
//! office the content has, the numbers do not lead from one to the next, every state an
//! application can be in is there to look at, and each carries what its state promises (an open
//! request says what to bring, by when and where; a decision says how to contest it and under
//! which law).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use chrono::{Duration, NaiveDate, Utc};
use legal_kiosk_api::{ApplicationState, ApplicationStatus, StageState};
use legal_kiosk_backend::{DEMO_APPLICATIONS, DEMO_MOBILE};

/// Every demo application as stored: (number, mobile, status).
fn demo_applications() -> Vec<(String, String, ApplicationStatus)> {
    let db = legal_kiosk_backend::open_demo(Path::new(":memory:")).unwrap();
    let conn = db.lock();
    let mut stmt = conn
        .prepare("SELECT number, mobile, body FROM applications ORDER BY number")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?)))
        .unwrap()
        .map(|row| {
            let (number, mobile, body) = row.unwrap();
            (number, mobile, serde_json::from_str(&body).unwrap())
        })
        .collect()
}

fn today() -> NaiveDate {
    (Utc::now() + Duration::hours(8)).date_naive()
}

#[test]
fn every_demo_application_names_a_real_guide_and_numbers_are_not_consecutive() {
    let db = legal_kiosk_backend::open_demo(Path::new(":memory:")).unwrap();
    let conn = db.lock();
    let exists = |table: &str, id: &str| -> bool {
        conn.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"),
            [id],
            |r| r.get(0),
        )
        .unwrap()
    };
    let rows = demo_applications();
    assert!(rows.len() >= 3, "{rows:?}");
    for (number, _, app) in &rows {
        let guide = app
            .guide
            .as_ref()
            .expect("a demo application names its guide");
        assert!(
            exists("guides", guide.as_str()),
            "{number}: no guide {}",
            guide.as_str()
        );
        let office = app
            .office
            .as_ref()
            .expect("a demo application names its office");
        assert!(
            exists("offices", office.as_str()),
            "{number}: no office {}",
            office.as_str()
        );
    }
    let mut numbers: Vec<u64> = rows.iter().map(|(n, _, _)| n.parse().unwrap()).collect();
    numbers.sort();
    for w in numbers.windows(2) {
        assert!(w[1] - w[0] > 1000, "{numbers:?} lead from one to the next");
    }
}

#[test]
fn every_application_state_has_a_demo_and_the_published_numbers_match_the_data() {
    let rows = demo_applications();
    for state in [
        ApplicationState::Received,
        ApplicationState::InReview,
        ApplicationState::AwaitingSupplement,
        ApplicationState::Decided,
        ApplicationState::Closed,
    ] {
        assert!(
            rows.iter().any(|(_, _, app)| app.state == state),
            "no demo application is {state:?}"
        );
    }
    assert_eq!(rows.len(), DEMO_APPLICATIONS.len(), "{rows:?}");
    for (number, state) in DEMO_APPLICATIONS {
        let (_, mobile, app) = rows
            .iter()
            .find(|(n, _, _)| n == number)
            .unwrap_or_else(|| panic!("{number} is published but not in the data"));
        assert_eq!(app.number.as_str(), number);
        assert_eq!(app.state, state, "{number}");
        assert_eq!(mobile, DEMO_MOBILE, "{number}");
        assert!(app.demo, "{number}");
    }
}

#[test]
fn stages_and_deadlines_agree_with_the_state() {
    for (number, _, app) in demo_applications() {
        let current = app
            .stages
            .iter()
            .filter(|s| s.state == StageState::Current)
            .count();
        let finished = matches!(app.state, ApplicationState::Closed);
        assert_eq!(
            current,
            usize::from(!finished),
            "{number}: {:?}",
            app.stages
        );
        // The current stage is the first that is not done.
        let first_open = app.stages.iter().position(|s| s.state != StageState::Done);
        if let Some(i) = first_open {
            assert_eq!(app.stages[i].state, StageState::Current, "{number}");
            assert!(
                app.stages[i + 1..]
                    .iter()
                    .all(|s| s.state == StageState::Pending)
            );
        }
        if let (Some(promised), Some(statutory)) = (app.promised_deadline, app.statutory_deadline) {
            assert!(promised <= statutory, "{number}: promised after the law");
        }
        if app.state == ApplicationState::InReview {
            // The status can show "overdue by N days" next to "N days left".
            let today = today();
            assert!(app.promised_deadline.unwrap() < today, "{number}");
            assert!(app.statutory_deadline.unwrap() >= today, "{number}");
        }
    }
}

#[test]
fn an_open_supplement_request_says_what_to_bring_by_when_and_where() {
    let rows = demo_applications();
    let mut open = 0;
    for (number, _, app) in &rows {
        let open_here: Vec<_> = app
            .supplement_requests
            .iter()
            .filter(|r| !r.fulfilled)
            .collect();
        assert_eq!(
            !open_here.is_empty(),
            app.state == ApplicationState::AwaitingSupplement,
            "{number}: an open request is what awaiting-supplement means"
        );
        for request in open_here {
            open += 1;
            assert!(!request.items.is_empty(), "{number}: nothing to bring");
            assert!(
                request
                    .items
                    .iter()
                    .all(|i| !i.mn.is_empty() && !i.zh.is_empty()),
                "{number}"
            );
            let due = request.due_on.expect("a due date");
            assert!(due > request.requested_on, "{number}");
            let place = request.bring_to.as_ref().expect("where to bring them");
            assert!(
                !place.mn.is_empty() && place.zh.contains("演示"),
                "{number}"
            );
        }
    }
    assert!(open > 0);
}

#[test]
fn every_decision_says_how_to_contest_it_and_under_which_law() {
    for (number, _, app) in demo_applications() {
        let decided = matches!(
            app.state,
            ApplicationState::Decided | ApplicationState::Closed
        );
        assert_eq!(app.decision.is_some(), decided, "{number}");
        assert_eq!(app.appeal.is_some(), decided, "{number}");
        let (Some(decision), Some(appeal)) = (app.decision, app.appeal) else {
            continue;
        };
        assert!(decision.decided_on >= app.submitted_on, "{number}");
        assert!(!decision.outcome.zh.is_empty() && !decision.outcome.mn.is_empty());
        assert!(appeal.within_days > 0, "{number}");
        let until = appeal.until.expect("the last day to file");
        assert!(until > decision.decided_on, "{number}");
        let basis = &appeal.basis;
        assert!(
            basis.title.zh.starts_with("中华人民共和国"),
            "{number}: {basis:?}"
        );
        assert!(basis.articles.zh.starts_with('第'), "{number}: {basis:?}");
        assert!(!basis.title.mn.is_empty() && !basis.articles.mn.is_empty());
        assert!(basis.source.contains("flk.npc.gov.cn"), "{number}");
        assert!(!appeal.route.zh.is_empty() && !appeal.office.zh.is_empty());
        assert!(
            appeal.phone.chars().all(|c| c.is_ascii_digit() || c == '-'),
            "{number}: {}",
            appeal.phone
        );
    }
}

#[test]
fn every_demo_decision_falls_within_its_statutory_deadline() {
    let db = legal_kiosk_backend::open_demo(Path::new(":memory:")).unwrap();
    let conn = db.lock();
    let mut stmt = conn.prepare("SELECT body FROM applications").unwrap();
    let apps: Vec<legal_kiosk_api::ApplicationStatus> = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|b| serde_json::from_str(&b.unwrap()).unwrap())
        .collect();
    let mut decided = 0;
    for app in &apps {
        if let (Some(decision), Some(deadline)) = (&app.decision, app.statutory_deadline) {
            decided += 1;
            assert!(
                decision.decided_on <= deadline,
                "{}: decided {} after its deadline {}",
                app.number.as_str(),
                decision.decided_on,
                deadline
            );
        }
    }
    assert!(decided > 0, "no demo decision has a deadline to check");
}
