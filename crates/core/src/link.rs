//! Whether the backend can be reached, as the connection indicator shows it: online, or offline
//! since when. A health check's results go in; a state change comes out only when it changes,
//! so the UI redraws the indicator only when there is something new to say.

use crate::rest::{ErrorCode, RestClient};
use std::time::{Duration, SystemTime};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkState {
    /// No answer yet since start.
    Checking,
    Online,
    /// No answer since `since`, for the reason `code` (the last failure's).
    Offline {
        since: SystemTime,
        code: ErrorCode,
    },
}

/// Folds health-check results into a [`LinkState`].
#[derive(Debug)]
pub struct LinkMonitor {
    state: LinkState,
}

impl Default for LinkMonitor {
    fn default() -> Self {
        LinkMonitor {
            state: LinkState::Checking,
        }
    }
}

impl LinkMonitor {
    pub fn state(&self) -> &LinkState {
        &self.state
    }

    /// Takes one check's result. Returns the new state when it changed. Staying offline keeps
    /// the first failure's time: "offline since 10:32" must not creep forward with each retry.
    pub fn observe(
        &mut self,
        result: Result<(), ErrorCode>,
        now: SystemTime,
    ) -> Option<&LinkState> {
        let next = match (result, &self.state) {
            (Ok(()), _) => LinkState::Online,
            (Err(code), LinkState::Offline { since, .. }) => LinkState::Offline {
                since: *since,
                code,
            },
            (Err(code), _) => LinkState::Offline { since: now, code },
        };
        if next == self.state {
            return None;
        }
        self.state = next;
        Some(&self.state)
    }
}

/// How often to check: often while offline (to say "back online" soon), rarely while online.
#[derive(Debug, Clone, Copy)]
pub struct CheckPeriods {
    pub online: Duration,
    pub offline: Duration,
}

impl Default for CheckPeriods {
    fn default() -> Self {
        CheckPeriods {
            online: Duration::from_secs(30),
            offline: Duration::from_secs(5),
        }
    }
}

/// Checks `client`'s health forever, calling `on_change` with every new state.
pub async fn watch(
    client: &RestClient,
    periods: CheckPeriods,
    mut on_change: impl FnMut(&LinkState),
) {
    let mut monitor = LinkMonitor::default();
    loop {
        let result = client.health().await.map(|_| ()).map_err(|e| e.code());
        if let Some(state) = monitor.observe(result, SystemTime::now()) {
            on_change(state);
        }
        let pause = match monitor.state() {
            LinkState::Online => periods.online,
            LinkState::Checking | LinkState::Offline { .. } => periods.offline,
        };
        tokio::time::sleep(pause).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offline_keeps_the_time_it_started() {
        let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1000);
        let t1 = t0 + Duration::from_secs(60);
        let mut m = LinkMonitor::default();
        assert_eq!(
            m.observe(Err(ErrorCode::Offline), t0).cloned(),
            Some(LinkState::Offline {
                since: t0,
                code: ErrorCode::Offline
            })
        );
        assert_eq!(
            m.observe(Err(ErrorCode::Offline), t1),
            None,
            "no change to show"
        );
        assert_eq!(
            m.observe(Err(ErrorCode::ServerBusy), t1).cloned(),
            Some(LinkState::Offline {
                since: t0,
                code: ErrorCode::ServerBusy
            })
        );
        assert_eq!(m.observe(Ok(()), t1).cloned(), Some(LinkState::Online));
        assert_eq!(m.observe(Ok(()), t1), None);
    }
}
