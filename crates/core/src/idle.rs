//! The kiosk's idle reset (DESIGN §8): a kiosk in a service hall is used by strangers one after
//! another, so after a while with no key or touch it forgets the session. A warning with a
//! countdown comes first, long enough to react to: WCAG 2.2 success criterion 2.2.1 (Timing
//! Adjustable) asks that a person be warned and given at least 20 seconds to extend with a
//! simple action, here any key or touch.
//!
//! Times are durations on the app's clock (since it started, plus whatever a test or a
//! screenshot advanced it by), so the timer can be driven without sleeping.

use std::time::Duration;

/// The shortest idle time a kiosk may be configured with.
pub const MIN_IDLE: Duration = Duration::from_secs(30);
/// The longest.
pub const MAX_IDLE: Duration = Duration::from_secs(300);
/// The default: a minute without a key or touch.
pub const DEFAULT_IDLE: Duration = Duration::from_secs(60);
/// How long the warning shows before the reset (WCAG 2.2.1: at least 20 seconds).
pub const WARNING: Duration = Duration::from_secs(20);

/// Where the idle timer stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idle {
    /// Someone used the kiosk recently.
    Active,
    /// The warning shows: the session is forgotten in this many whole seconds (rounded up).
    Warning { seconds_left: u64 },
    /// Time is up: forget the session.
    Expired,
}

/// Counts the time since the last key or touch, while there is a session to forget: from the
/// first input after a start or a reset. An untouched kiosk shows no warning (there is nothing
/// of anyone's to clear), however long it waits for the next person.
#[derive(Debug, Clone)]
pub struct IdleTimer {
    timeout: Duration,
    last_input: Duration,
    /// Someone has used the kiosk since it started or was last reset.
    armed: bool,
}

impl IdleTimer {
    /// A timer that expires `timeout` after the last input, clamped to
    /// [`MIN_IDLE`]..=[`MAX_IDLE`] (the warning, [`WARNING`], is its last 20 seconds). `now`:
    /// the app clock's time of the start.
    pub fn new(timeout: Duration, now: Duration) -> IdleTimer {
        IdleTimer {
            timeout: timeout.clamp(MIN_IDLE, MAX_IDLE),
            last_input: now,
            armed: false,
        }
    }

    /// The timeout in force.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// A key or a touch at `now`: a session goes on (or begins); the countdown starts again.
    pub fn input(&mut self, now: Duration) {
        self.last_input = self.last_input.max(now);
        self.armed = true;
    }

    /// The session was forgotten at `now`: nothing is counted until the next input.
    pub fn reset(&mut self, now: Duration) {
        self.last_input = self.last_input.max(now);
        self.armed = false;
    }

    /// The state at `now`.
    pub fn state(&self, now: Duration) -> Idle {
        if !self.armed {
            return Idle::Active;
        }
        let idle = now.saturating_sub(self.last_input);
        if idle >= self.timeout {
            return Idle::Expired;
        }
        let left = self.timeout - idle;
        if left <= WARNING {
            Idle::Warning {
                seconds_left: left.as_secs() + u64::from(left.subsec_nanos() > 0),
            }
        } else {
            Idle::Active
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(secs: u64) -> Duration {
        Duration::from_secs(secs)
    }

    #[test]
    fn the_warning_comes_twenty_seconds_before_the_reset() {
        let mut t = IdleTimer::new(DEFAULT_IDLE, s(0));
        t.input(s(0));
        assert_eq!(t.state(s(39)), Idle::Active);
        assert_eq!(t.state(s(40)), Idle::Warning { seconds_left: 20 });
        assert_eq!(
            t.state(Duration::from_millis(40_500)),
            Idle::Warning { seconds_left: 20 }
        );
        assert_eq!(t.state(s(59)), Idle::Warning { seconds_left: 1 });
        assert_eq!(t.state(s(60)), Idle::Expired);
    }

    #[test]
    fn any_input_starts_the_countdown_again() {
        let mut t = IdleTimer::new(DEFAULT_IDLE, s(0));
        t.input(s(50));
        assert_eq!(t.state(s(60)), Idle::Active);
        assert_eq!(t.state(s(110)), Idle::Expired);
    }

    #[test]
    fn after_a_reset_nothing_is_counted_until_someone_comes() {
        let mut t = IdleTimer::new(DEFAULT_IDLE, s(0));
        // Nobody has touched it yet: no warning, however long.
        assert_eq!(t.state(s(3600)), Idle::Active);
        t.input(s(10));
        assert_eq!(t.state(s(70)), Idle::Expired);
        t.reset(s(70));
        assert_eq!(t.state(s(110)), Idle::Active);
        assert_eq!(t.state(s(10_000)), Idle::Active);
        // The next person: counted again.
        t.input(s(10_000));
        assert_eq!(t.state(s(10_040)), Idle::Warning { seconds_left: 20 });
    }

    #[test]
    fn the_timeout_stays_within_what_a_hall_can_use() {
        assert_eq!(IdleTimer::new(s(5), s(0)).timeout(), MIN_IDLE);
        assert_eq!(IdleTimer::new(s(3600), s(0)).timeout(), MAX_IDLE);
        assert_eq!(IdleTimer::new(s(90), s(0)).timeout(), s(90));
    }
}
