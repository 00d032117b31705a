//! Personal data at rest, on a real SQLite file: the file and its -wal and -shm are the
//! owner's only, and bookings are deleted once their slot ended more than the retention
//! period ago (booked and cancelled alike), with the purge in the audit log.

// Helpers may fail loudly too: clippy.toml's allow-*-in-tests covers only `#[test]` functions
// and `#[cfg(test)]` modules, not the rest of an integration test crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{FixedOffset, SubsecRound, Utc};
use support::{Backing, fresh_dir, shared_target_on};

/// Writes a slot that ended `days_ago` days ago and one booking in it per `(reference, state)`.
fn past_bookings(
    db: &legal_kiosk_backend::Db,
    slot: &str,
    days_ago: i64,
    bookings: &[(&str, &str)],
) {
    let beijing = FixedOffset::east_opt(8 * 3600).unwrap();
    let ends = (Utc::now() - chrono::Duration::days(days_ago))
        .trunc_subsecs(0)
        .with_timezone(&beijing);
    let starts = ends - chrono::Duration::hours(1);
    let conn = db.lock();
    conn.execute(
        "INSERT INTO slots (id, region, lang, starts_at, ends_at, capacity, demo)
         VALUES (?1, '150100', 'zh', ?2, ?3, 5, 1)",
        (slot, starts.to_rfc3339(), ends.to_rfc3339()),
    )
    .unwrap();
    for (reference, state) in bookings {
        conn.execute(
            "INSERT INTO callbacks (reference, slot, mobile, name, lang, topic, note, state,
                                    device, booked_at, updated_at, demo)
             VALUES (?1, ?2, '13900000000', 'Bayar', 'zh', NULL, 'about a lease', ?3, 1, ?4, ?4, 1)",
            (reference, slot, state, starts.to_rfc3339()),
        )
        .unwrap();
    }
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn the_database_and_its_wal_and_shm_are_readable_by_the_owner_only() {
    let dir = fresh_dir("mode");
    let file = dir.join("backend.sqlite3");
    let db = legal_kiosk_backend::open_demo(&file).unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let path = PathBuf::from(format!("{}{suffix}", file.display()));
        assert!(path.exists(), "{} missing", path.display());
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }
    drop(db);
    // A file left readable by others (made by an older version) is tightened on open.
    let older = dir.join("older.sqlite3");
    std::fs::write(&older, b"").unwrap();
    std::fs::set_permissions(&older, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    drop(legal_kiosk_backend::Db::open(&older).unwrap());
    assert_eq!(mode(&older), 0o600);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_server_started_on_a_file_deletes_bookings_past_retention() {
    let dir = fresh_dir("purge-at-start");
    let file = dir.join("backend.sqlite3");
    let db = legal_kiosk_backend::open_demo(&file).unwrap();
    past_bookings(
        &db,
        "s-old",
        31,
        &[("1000000001", "called"), ("1000000002", "cancelled")],
    );
    past_bookings(&db, "s-recent", 29, &[("1000000003", "called")]);
    drop(db);
    let backend = legal_kiosk_backend::start_local(&file).await.unwrap();
    let state = |r| legal_kiosk_backend::callback_state(backend.db(), r).unwrap();
    let mut waited = 0;
    while state("1000000001").is_some() && waited < 50 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        waited += 1;
    }
    assert_eq!(state("1000000001"), None, "booked 31 days ago, still there");
    assert_eq!(
        state("1000000002"),
        None,
        "cancelled 31 days ago, still there"
    );
    assert_eq!(state("1000000003").as_deref(), Some("called"));
    // The demo's own past callback (yesterday) stays too.
    assert!(state(legal_kiosk_backend::DEMO_CALLBACK_REFERENCE).is_some());
    drop(backend);
    let _ = std::fs::remove_dir_all(&dir);
}

/// [`past_bookings`] on any store.
async fn past_bookings_in(
    store: &legal_kiosk_backend::Store,
    slot: &str,
    days_ago: i64,
    bookings: &[(&str, &str)],
) {
    use legal_kiosk_backend::Cell;
    let beijing = FixedOffset::east_opt(8 * 3600).unwrap();
    let ends = (Utc::now() - chrono::Duration::days(days_ago))
        .trunc_subsecs(0)
        .with_timezone(&beijing);
    let starts = ends - chrono::Duration::hours(1);
    let text = |s: &str| Cell::Text(s.to_owned());
    store
        .execute(
            "INSERT INTO slots (id, region, lang, starts_at, ends_at, capacity, demo)
             VALUES (?1, '150100', 'zh', ?2, ?3, 5, TRUE)",
            vec![
                text(slot),
                text(&starts.to_rfc3339()),
                text(&ends.to_rfc3339()),
            ],
        )
        .await
        .unwrap();
    for (reference, state) in bookings {
        store
            .execute(
                "INSERT INTO callbacks (reference, slot, mobile, name, lang, topic, note, state,
                                        device, booked_at, updated_at, demo)
                 VALUES (?1, ?2, '13900000000', 'Bayar', 'zh', NULL, 'about a lease', ?3, 1,
                         ?4, ?4, TRUE)",
                vec![
                    text(reference),
                    text(slot),
                    text(state),
                    text(&starts.to_rfc3339()),
                ],
            )
            .await
            .unwrap();
    }
}

async fn a_purge_follows_the_configured_period_and_is_audited_without_personal_data(on: Backing) {
    let target = shared_target_on(on, "purge-audit").await;
    let db = legal_kiosk_backend::Store::open_demo(&target, 2)
        .await
        .unwrap();
    past_bookings_in(
        &db,
        "s-11",
        11,
        &[("1000000011", "booked"), ("1000000012", "missed")],
    )
    .await;
    past_bookings_in(&db, "s-9", 9, &[("1000000013", "cancelled")]).await;
    let ten_days = legal_kiosk_backend::Retention { days: 10 };
    assert_eq!(db.purge_past_bookings(ten_days).await.unwrap(), 2);
    assert_eq!(db.purge_past_bookings(ten_days).await.unwrap(), 0);
    assert!(db.callback_state("1000000013").await.unwrap().is_some());
    let audit = db.audit_log().await.unwrap();
    let purges: Vec<_> = audit.iter().filter(|e| e.event == "purge").collect();
    assert_eq!(purges.len(), 1, "{audit:?}");
    assert_eq!(purges[0].detail, r#"{"bookings":2,"retention_days":10}"#);
    let logged = format!("{audit:?}");
    for personal in ["13900000000", "Bayar", "lease", "1000000011"] {
        assert!(!logged.contains(personal), "{personal} in {logged}");
    }
    drop(db);
    if let legal_kiosk_backend::DatabaseTarget::Sqlite(file) = &target {
        let _ = std::fs::remove_dir_all(file.parent().unwrap());
    }
}

on_both_stores!(a_purge_follows_the_configured_period_and_is_audited_without_personal_data);
