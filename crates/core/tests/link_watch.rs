//! The connection indicator's source: health checks against the real reference backend, which
//! is then stopped, as when a box loses its network.

// Helpers may fail loudly too: clippy.toml's allow-*-in-tests covers only `#[test]` functions
// and `#[cfg(test)]` modules, not the rest of an integration test crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use legal_kiosk_core::link::{CheckPeriods, LinkState, watch};
use legal_kiosk_core::rest::{ErrorCode, RestClient, RestConfig};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_link_goes_online_then_offline_when_the_backend_stops() {
    let backend = legal_kiosk_backend::start_local(std::path::Path::new(":memory:"))
        .await
        .unwrap();
    let mut config = RestConfig::new(backend.base_url(), backend.device_token());
    config.connect_timeout = Duration::from_millis(300);
    config.total_timeout = Duration::from_millis(800);
    config.max_attempts = 1;
    let client = RestClient::new(config).unwrap();
    let periods = CheckPeriods {
        online: Duration::from_millis(50),
        offline: Duration::from_millis(50),
    };

    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let watcher = tokio::spawn(async move {
        watch(&client, periods, |s| {
            let _ = tx.send(s.clone());
        })
        .await
    });

    let first = tokio::time::timeout(Duration::from_secs(10), rx.recv())
        .await
        .unwrap();
    assert_eq!(first, Some(LinkState::Online));
    backend.shutdown().await.unwrap();
    let next = tokio::time::timeout(Duration::from_secs(10), rx.recv())
        .await
        .unwrap();
    assert!(
        matches!(
            next,
            Some(LinkState::Offline {
                code: ErrorCode::Offline,
                ..
            })
        ),
        "{next:?}"
    );
    watcher.abort();
}
