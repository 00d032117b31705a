//! The booking fault harness as CI runs it: a few dozen schedules of kill -9 of a real child
//! process, 5xx, timeouts, dropped connections and server restarts against the reference
//! backend on loopback; every booking saved is booked exactly once, and every complaint or
//! suggestion saved arrives exactly once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use legal_kiosk::soak::{Kill, Schedule};

/// Faults and restarts come once the child sends: a kill while it saves comes first. A child
/// booking through the service worker (odd schedules) sends as it saves, so a kill during a
/// request can come before its restart: only the others' faults and restarts are counted on.
/// (planned kills, faults, restarts)
fn planned(seed: u64) -> (usize, usize, usize) {
    let schedules: Vec<Schedule> = (0..30).map(|n| Schedule::nth(seed, n)).collect();
    let kills = schedules.iter().filter(|s| s.kill.is_some()).count();
    let sends = |s: &&Schedule| !matches!(s.kill, Some(Kill::BeforeCommit | Kill::AfterCommit));
    let direct = || schedules.iter().step_by(2).filter(sends);
    let faults = direct().map(|s| s.faults.len()).sum();
    let restarts = direct().filter(|s| s.restart).count();
    (kills, faults, restarts)
}

#[test]
fn thirty_schedules_of_faults_lose_and_duplicate_no_booking_and_no_feedback() {
    // The first seed whose schedules plan every kind of trouble the counts below look for.
    let seed = (1..1000u64)
        .find(|s| {
            let (_, faults, restarts) = planned(*s);
            faults >= 5 && restarts >= 2
        })
        .unwrap();
    let run = support::run_app(&[
        "soak-bookings",
        "--schedules",
        "30",
        "--seed",
        &seed.to_string(),
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stdout}\n{stderr}");
    let last = stdout.lines().last().unwrap_or_default();
    // Every schedule's bookings and its complaint or suggestion, through the same outbox.
    let saved = 30 * legal_kiosk::soak::SAVED_PER_SCHEDULE;
    assert_eq!(
        last,
        format!("schedules=30 saved={saved} on_server={saved} lost=0 duplicated=0")
    );
    // The faults happened, not only their plan: children were killed, requests failed.
    let faults = stdout.lines().find(|l| l.starts_with("kills=")).unwrap();
    let count = |name: &str| -> usize {
        faults
            .split_whitespace()
            .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
            .unwrap()
            .parse()
            .unwrap()
    };
    let (kills, planned_faults, planned_restarts) = planned(seed);
    assert_eq!(count("kills"), kills, "{faults}");
    assert!(count("faults") >= planned_faults, "{faults}");
    assert!(count("restarts") >= planned_restarts, "{faults}");
}

/// The booking benchmark keeps running (its figures go in the notes, not in a test).
#[test]
fn the_booking_benchmark_runs() {
    let run = support::run_app(&["bench-bookings", "--bookings", "3", "--frames", "1"]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(stdout.contains("OK -> COMMIT: p50"), "{stdout}");
    assert!(stdout.contains("n=3)"), "{stdout}");
    assert!(stdout.contains("longest UI frame"), "{stdout}");
}
