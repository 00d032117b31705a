//! Application status on the device: how many days are left to a deadline, and the one
//! application a household box may remember, with the applicant's consent, so that Home can say
//! when it moved on (DESIGN §8: a household box keeps only what its user agreed to, 0600).

use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use legal_kiosk_api::{
    ApplicationNumber, ApplicationState, ApplicationStatus, Bilingual, DayCount, MobileNumber,
    StageState,
};
use serde::{Deserialize, Serialize};

/// Where a deadline stands as of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DaysLeft {
    /// This many days (of the deadline's count) are left after today.
    Left(u32),
    /// The deadline is today.
    DueToday,
    /// The deadline passed this many days (of the deadline's count) ago; 0 when it passed
    /// with no working day since (a Friday deadline seen at the weekend).
    Overdue(u32),
}

/// How many days of kind `count` lie between `today` and `deadline`.
///
/// Calendar days count every day. Working days leave out Saturdays and Sundays only: the
/// device has no calendar of public holidays (the State Council publishes them year by year),
/// so during a holiday the count can be a little high. The deadline's date is the office's own
/// and is always shown beside the count; the count is a reading aid, the date is the rule
/// (《行政许可法》第八十二条: limits in working days leave out statutory holidays).
pub fn days_left(today: NaiveDate, deadline: NaiveDate, count: DayCount) -> DaysLeft {
    let between = |from: NaiveDate, to: NaiveDate| -> u32 {
        // Days in (from, to].
        let total = (to - from).num_days().max(0);
        match count {
            DayCount::Calendar => u32::try_from(total).unwrap_or(u32::MAX),
            DayCount::Working => (1..=total)
                .filter(|d| {
                    let day = from + Duration::days(*d);
                    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
                })
                .count()
                .try_into()
                .unwrap_or(u32::MAX),
        }
    };
    match deadline.cmp(&today) {
        std::cmp::Ordering::Equal => DaysLeft::DueToday,
        std::cmp::Ordering::Greater => match between(today, deadline) {
            // Only weekend days between: the next working day is the deadline.
            0 => DaysLeft::DueToday,
            n => DaysLeft::Left(n),
        },
        // Past is past, even with no working day since.
        std::cmp::Ordering::Less => DaysLeft::Overdue(between(deadline, today)),
    }
}

/// What of an application a person would call a change: its state, how far its stages have
/// come, and how many requests for more documents (补正) are open. Dates and wording can be
/// corrected by the office without that being news.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub state: ApplicationState,
    /// How many stages are done.
    pub stages_done: usize,
    /// How many requests for more documents (补正) are not yet fulfilled.
    pub open_supplements: usize,
}

impl Progress {
    pub fn of(status: &ApplicationStatus) -> Progress {
        Progress {
            state: status.state,
            stages_done: status
                .stages
                .iter()
                .filter(|s| s.state == StageState::Done)
                .count(),
            open_supplements: status
                .supplement_requests
                .iter()
                .filter(|r| !r.fulfilled)
                .count(),
        }
    }
}

/// The application a household box remembers: enough to ask again (the number and the mobile
/// number that verifies it), what it last saw, and whether the person has yet to see a change.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedApplication {
    pub number: ApplicationNumber,
    /// Sent as `Verification-Mobile` when the box asks again; shown only masked.
    pub mobile: MobileNumber,
    /// The service applied for, for Home's notice.
    pub service: Bilingual,
    /// The ETag of the last answer (`If-None-Match` of the next question, RFC 9110 §13.1.2).
    pub etag: Option<String>,
    pub progress: Progress,
    /// The backend's answer moved on since the person last looked.
    pub changed: bool,
    /// The backend no longer answers for this number and mobile number (wrong-verification:
    /// the record was withdrawn or its mobile changed). It is not asked again, since every
    /// question would count as a wrong guess; the person looks it up anew or forgets it.
    #[serde(default)]
    pub refused: bool,
}

impl std::fmt::Debug for SavedApplication {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SavedApplication")
            .field("number", &self.number)
            .field("mobile", &self.mobile)
            .field("progress", &self.progress)
            .field("changed", &self.changed)
            .finish_non_exhaustive()
    }
}

/// Why the saved application could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SavedError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not a saved application ({source})")]
    Format {
        path: PathBuf,
        source: serde_json::Error,
    },
}

/// The file that holds the one saved application (JSON), readable and writable by the app's
/// user only (mode 0600). Written whole to a temporary file, synced, then renamed over the old
/// one, so a power cut leaves the old or the new, never half of either.
#[derive(Debug, Clone)]
pub struct SavedStore {
    path: PathBuf,
}

impl SavedStore {
    /// The store at `path`; nothing is read or written until asked. The file is created mode
    /// 0600 (with its directory) on the first save.
    pub fn new(path: PathBuf) -> SavedStore {
        SavedStore { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The saved application; `None` when there is none.
    pub fn load(&self) -> Result<Option<SavedApplication>, SavedError> {
        let io = |source| SavedError::Io {
            path: self.path.clone(),
            source,
        };
        let text = match std::fs::read(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io(e)),
        };
        serde_json::from_slice(&text)
            .map(Some)
            .map_err(|source| SavedError::Format {
                path: self.path.clone(),
                source,
            })
    }

    /// Replaces the saved application (there is only ever one).
    pub fn save(&self, saved: &SavedApplication) -> Result<(), SavedError> {
        let io = |source| SavedError::Io {
            path: self.path.clone(),
            source,
        };
        let body = serde_json::to_vec(saved).map_err(|source| SavedError::Format {
            path: self.path.clone(),
            source,
        })?;
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let tmp = self.path.with_extension("tmp");
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)
            .map_err(io)?;
        file.write_all(&body).map_err(io)?;
        file.sync_all().map_err(io)?;
        drop(file);
        std::fs::rename(&tmp, &self.path).map_err(io)?;
        if let Some(dir) = self.path.parent()
            && let Ok(d) = std::fs::File::open(dir)
        {
            // The rename itself on the disk; a directory that cannot be synced still holds it.
            let _ = d.sync_all();
        }
        Ok(())
    }

    /// Deletes the saved application; nothing when there is none.
    pub fn forget(&self) -> Result<(), SavedError> {
        match std::fs::remove_file(&self.path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(SavedError::Io {
                path: self.path.clone(),
                source,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn calendar_days_count_every_day() {
        let today = day("2026-11-30");
        assert_eq!(
            days_left(today, day("2026-12-07"), DayCount::Calendar),
            DaysLeft::Left(7)
        );
        assert_eq!(
            days_left(today, today, DayCount::Calendar),
            DaysLeft::DueToday
        );
        assert_eq!(
            days_left(today, day("2026-11-27"), DayCount::Calendar),
            DaysLeft::Overdue(3)
        );
    }

    #[test]
    fn working_days_leave_out_weekends() {
        // 2026-11-30 is a Monday; the next Monday is 5 working days on.
        let monday = day("2026-11-30");
        assert_eq!(
            days_left(monday, day("2026-12-07"), DayCount::Working),
            DaysLeft::Left(5)
        );
        // Friday to the Monday after: one working day.
        assert_eq!(
            days_left(day("2026-12-04"), day("2026-12-07"), DayCount::Working),
            DaysLeft::Left(1)
        );
        // A deadline on Saturday seen on Friday: only a weekend between.
        assert_eq!(
            days_left(day("2026-12-04"), day("2026-12-05"), DayCount::Working),
            DaysLeft::DueToday
        );
        // A Friday deadline seen on the Saturday has passed, with no working day since.
        assert_eq!(
            days_left(day("2026-12-05"), day("2026-12-04"), DayCount::Working),
            DaysLeft::Overdue(0)
        );
        // Missed on the Friday before: on Monday it is one working day late.
        assert_eq!(
            days_left(monday, day("2026-11-27"), DayCount::Working),
            DaysLeft::Overdue(1)
        );
    }

    fn saved() -> SavedApplication {
        SavedApplication {
            number: ApplicationNumber::parse("9999042713").unwrap(),
            mobile: MobileNumber::parse("13900000000").unwrap(),
            service: Bilingual::new("ᠬᠠᠤᠯᠢ", "法律援助"),
            etag: Some("\"abc\"".into()),
            progress: Progress {
                state: ApplicationState::InReview,
                stages_done: 1,
                open_supplements: 0,
            },
            changed: false,
            refused: false,
        }
    }

    #[test]
    fn the_saved_application_is_0600_and_reads_back() {
        let dir = std::env::temp_dir().join(format!("lk-saved-{}", std::process::id()));
        let store = SavedStore::new(dir.join("saved-application.json"));
        assert_eq!(store.load().unwrap(), None);
        store.save(&saved()).unwrap();
        let mode = std::fs::metadata(store.path())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(store.load().unwrap(), Some(saved()));
        store.forget().unwrap();
        assert_eq!(store.load().unwrap(), None);
        store.forget().unwrap();
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_damaged_file_is_an_error_not_a_panic() {
        let dir = std::env::temp_dir().join(format!("lk-saved-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let store = SavedStore::new(dir.join("saved-application.json"));
        std::fs::write(store.path(), b"{\"number\": 12").unwrap();
        assert!(matches!(store.load(), Err(SavedError::Format { .. })));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn debug_never_shows_the_mobile_number() {
        assert!(!format!("{:?}", saved()).contains("13900000000"));
    }
}
