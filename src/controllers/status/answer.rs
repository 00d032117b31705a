//! An application's status as a page: the headline, an open 补正 request first, the deadlines
//! with the days left or overdue, the stages as a timeline, the decision and how to contest it.
//! Each text is made for each language of the display mode ([`Ctx::text_with`]).

use chrono::{Datelike, NaiveDate};
use legal_kiosk_api::{
    ApplicationState, ApplicationStatus, Bilingual, DayCount, MobileNumber, StageState,
};
use legal_kiosk_core::application::{DaysLeft, days_left};
use legal_kiosk_core::i18n::DisplayMode;

use crate::controllers::Ctx;
use crate::controllers::guides::text::pick;
use crate::ui::{StageMark, StatusSection, TimelineStage};

/// `2026年12月1日`, or its Mongolian form.
pub(super) fn date(ctx: &Ctx, day: NaiveDate) -> String {
    ctx.text_with("date-full", |_| {
        vec![
            ("year", day.year().to_string()),
            ("month", day.month().to_string()),
            ("day", day.day().to_string()),
        ]
    })
}

/// "还剩 3 个工作日" / "已超期 2 天" / "今天到期", in one language (`c` is a one-language context).
fn left(c: &Ctx, today: NaiveDate, deadline: NaiveDate, count: DayCount) -> String {
    let working = count == DayCount::Working;
    match days_left(today, deadline, count) {
        DaysLeft::Left(n) => c.text(
            if working {
                "days-left-working"
            } else {
                "days-left"
            },
            &[("count", &n.to_string())],
        ),
        DaysLeft::DueToday => c.text("days-due-today", &[]),
        // Passed over a weekend: no working day late yet, but past.
        DaysLeft::Overdue(0) => c.text("days-passed", &[]),
        DaysLeft::Overdue(n) => c.text(
            if working {
                "days-overdue-working"
            } else {
                "days-overdue"
            },
            &[("count", &n.to_string())],
        ),
    }
}

fn in_lang(c: &Ctx, text: &Bilingual) -> String {
    pick(c.mode, text)
}

fn state_id(state: ApplicationState) -> &'static str {
    match state {
        ApplicationState::Received => "state-received",
        ApplicationState::InReview => "state-in-review",
        ApplicationState::AwaitingSupplement => "state-awaiting-supplement",
        ApplicationState::Decided => "state-decided",
        ApplicationState::Closed => "state-closed",
    }
}

/// The application's page, ready for the adapter.
pub(super) struct Page {
    pub headline: String,
    pub demo: String,
    pub before: Vec<StatusSection>,
    pub stages_heading: String,
    pub stages: Vec<TimelineStage>,
    pub after: Vec<StatusSection>,
}

fn section(id: &str, heading: String, lines: Vec<String>, warning: bool) -> StatusSection {
    StatusSection {
        id: id.into(),
        heading: heading.into(),
        body: lines.join("\n").into(),
        warning,
        ..Default::default()
    }
}

/// A section of sentences to read (a 补正 request, an appeal route): in Mongolian it is set in
/// vertical columns (`body-mn`, drawn by the controller), with the Chinese beside it in
/// bilingual mode; in Chinese it is plain text. `body` makes the text in one language.
fn long_section(
    ctx: &Ctx,
    id: &str,
    heading: String,
    warning: bool,
    body: impl Fn(&Ctx) -> String,
) -> StatusSection {
    let one = |mode: DisplayMode| body(&Ctx::new(ctx.window, ctx.catalog, mode));
    match ctx.mode {
        DisplayMode::Zh => section(id, heading, vec![one(DisplayMode::Zh)], warning),
        mode => StatusSection {
            id: id.into(),
            heading: heading.into(),
            body: if mode == DisplayMode::Bilingual {
                one(DisplayMode::Zh).into()
            } else {
                Default::default()
            },
            warning,
            vertical: true,
            body_mn: one(DisplayMode::Mn).into(),
            ..Default::default()
        },
    }
}

/// The page of `status` as of `today` (Beijing time), for the person who verified with `mobile`.
pub(super) fn page(
    ctx: &Ctx,
    status: &ApplicationStatus,
    mobile: &MobileNumber,
    today: NaiveDate,
) -> Page {
    let headline = ctx.each(|c| {
        [
            in_lang(c, &status.service),
            c.text(
                "status-headline-number",
                &[
                    ("number", status.number.as_str()),
                    ("mobile", &mobile.masked()),
                ],
            ),
            c.text(state_id(status.state), &[]),
        ]
        .join("\n")
    });
    let demo = if status.demo {
        ctx.text("status-demo", &[])
    } else {
        String::new()
    };
    let count = status.deadline_days;
    // An open 补正 request pauses the clock, whatever the state says.
    let paused = status.supplement_requests.iter().any(|r| !r.fulfilled);
    let mut before = Vec::new();
    // An open 补正 request comes first: it is what the person has to do.
    if let Some(request) = status
        .supplement_requests
        .iter()
        .rev()
        .find(|r| !r.fulfilled)
    {
        before.push(long_section(
            ctx,
            "supplement",
            ctx.text("status-supplement-heading", &[]),
            true,
            |c| {
                let items: Vec<String> = request.items.iter().map(|i| in_lang(c, i)).collect();
                let mut lines =
                    vec![c.text("status-supplement-items", &[("items", &items.join("、"))])];
                if let Some(due) = request.due_on {
                    lines.push(c.text(
                        "status-supplement-due",
                        &[
                            ("date", &date(c, due)),
                            ("left", &left(c, today, due, count)),
                        ],
                    ));
                }
                if let Some(place) = &request.bring_to {
                    lines.push(c.text("status-supplement-where", &[("place", &in_lang(c, place))]));
                }
                lines.push(c.text("status-supplement-paused", &[]));
                lines.join("\n")
            },
        ));
    }
    let decided_on = status.decision.as_ref().map(|d| d.decided_on);
    let deadlines = [
        ("status-statutory", status.statutory_deadline),
        ("status-promised", status.promised_deadline),
    ];
    let mut overdue = false;
    let mut lines = Vec::new();
    for (id, deadline) in deadlines {
        let Some(deadline) = deadline else { continue };
        let late = decided_on.map_or(today > deadline, |d| d > deadline);
        overdue |= late && !paused;
        lines.push(ctx.each(|c| {
            let how = match decided_on {
                // Decided: was it in time, and by how much late if not.
                Some(d) => match days_left(d, deadline, count) {
                    DaysLeft::Overdue(n) => {
                        c.text("status-deadline-missed", &[("count", &n.to_string())])
                    }
                    _ => c.text("status-deadline-met", &[]),
                },
                None if paused => c.text("status-deadline-paused", &[]),
                None => left(c, today, deadline, count),
            };
            c.text(id, &[("date", &date(c, deadline)), ("left", &how)])
        }));
    }
    if !lines.is_empty() {
        lines.push(ctx.text(
            match count {
                DayCount::Working => "status-count-working",
                DayCount::Calendar => "status-count-calendar",
            },
            &[],
        ));
        before.push(section(
            "deadlines",
            ctx.text("status-deadlines-heading", &[]),
            lines,
            overdue,
        ));
    }
    let stages = status
        .stages
        .iter()
        .map(|stage| {
            let (mark, when) = match stage.state {
                StageState::Done => (
                    StageMark::Done,
                    stage
                        .completed_on
                        .or(stage.started_on)
                        .map(|d| ctx.text_with("stage-done", |c| vec![("date", date(c, d))]))
                        .unwrap_or_else(|| ctx.text("stage-done-undated", &[])),
                ),
                StageState::Current => (
                    StageMark::Current,
                    match stage.started_on {
                        // The office waits for the applicant's documents, not the other way.
                        _ if paused => ctx.text("stage-current-paused", &[]),
                        Some(d) => ctx.text_with("stage-current", |c| vec![("date", date(c, d))]),
                        None => ctx.text("stage-current-undated", &[]),
                    },
                ),
                StageState::Pending => (StageMark::Pending, ctx.text("stage-pending", &[])),
            };
            TimelineStage {
                name: pick(ctx.mode, &stage.name).into(),
                when: when.into(),
                mark,
            }
        })
        .collect();
    let mut after = Vec::new();
    if let Some(decision) = &status.decision {
        after.push(section(
            "decision",
            ctx.text("status-decision-heading", &[]),
            vec![ctx.text_with("status-decision", |c| {
                vec![
                    ("date", date(c, decision.decided_on)),
                    ("outcome", in_lang(c, &decision.outcome)),
                ]
            })],
            false,
        ));
    }
    if let Some(appeal) = &status.appeal {
        after.push(long_section(
            ctx,
            "appeal",
            ctx.text("status-appeal-heading", &[]),
            false,
            |c| {
                let days = c.text(
                    match appeal.days {
                        DayCount::Working => "status-appeal-days-working",
                        DayCount::Calendar => "status-appeal-days-calendar",
                    },
                    &[("count", &appeal.within_days.to_string())],
                );
                let mut lines = vec![c.text(
                    "status-appeal-route",
                    &[("route", &in_lang(c, &appeal.route)), ("days", &days)],
                )];
                if let Some(until) = appeal.until {
                    lines.push(c.text(
                        "status-appeal-until",
                        &[
                            ("date", &date(c, until)),
                            ("left", &left(c, today, until, appeal.days)),
                        ],
                    ));
                }
                lines.push(c.text(
                    "status-appeal-basis",
                    &[
                        ("title", &in_lang(c, &appeal.basis.title)),
                        ("articles", &in_lang(c, &appeal.basis.articles)),
                    ],
                ));
                lines.push(c.text(
                    "status-appeal-office",
                    &[
                        ("office", &in_lang(c, &appeal.office)),
                        ("phone", &appeal.phone),
                    ],
                ));
                lines.join("\n")
            },
        ));
    }
    Page {
        headline,
        demo,
        before,
        stages_heading: ctx.text("status-stages-heading", &[]),
        stages,
        after,
    }
}
