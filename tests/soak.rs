//! The booking fault harness as CI runs it: a few dozen schedules of kill -9 of a real child
//! process, 5xx, timeouts, dropped connections and server restarts against the reference
//! backend on loopback; every booking saved is booked exactly once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

#[test]
fn thirty_schedules_of_faults_lose_and_duplicate_no_booking() {
    let run = support::run_app(&["soak-bookings", "--schedules", "30", "--seed", "11"]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stdout}\n{stderr}");
    let last = stdout.lines().last().unwrap_or_default();
    let bookings = 30 * legal_kiosk::soak::BOOKINGS;
    assert_eq!(
        last,
        format!("schedules=30 saved={bookings} on_server={bookings} lost=0 duplicated=0")
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
    use legal_kiosk::soak::{Kill, Schedule};
    let schedules: Vec<Schedule> = (0..30).map(|n| Schedule::nth(11, n)).collect();
    let planned_kills = schedules.iter().filter(|s| s.kill.is_some()).count();
    assert_eq!(count("kills"), planned_kills, "{faults}");
    // Faults and restarts come once the child sends: a kill while it saves comes first.
    let sends = |s: &&Schedule| !matches!(s.kill, Some(Kill::BeforeCommit | Kill::AfterCommit));
    let planned_faults: usize = schedules.iter().filter(sends).map(|s| s.faults.len()).sum();
    let planned_restarts = schedules.iter().filter(sends).filter(|s| s.restart).count();
    assert!(
        planned_faults >= 5 && planned_restarts >= 1,
        "seed 11 plans too few faults"
    );
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
