//! Content updates that cost kilobytes: the device offers the bundle it holds as the dictionary
//! for the next one (RFC 9842 Compression Dictionary Transport), the reference backend answers
//! `Content-Encoding: dcz`, and the device checks the signature of the whole bundle it rebuilt.
//! The bytes are counted on the wire, by a loopback proxy between the device and the backend
//! (answer heads included).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use legal_kiosk_content::{Bundle, SigningKey};
use legal_kiosk_core::content::{ContentStore, Refresh};
use legal_kiosk_core::rest::{RestClient, RestConfig};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The RFC's promise for this project: one changed guide costs at most this on the wire.
const ONE_GUIDE_BUDGET: u64 = 8 * 1024;

/// A proxy to `upstream` counting the bytes it passes from the server to the device.
async fn counting_proxy(upstream: SocketAddr) -> (SocketAddr, Arc<AtomicU64>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let down = Arc::new(AtomicU64::new(0));
    let counted = down.clone();
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let Ok(server) = TcpStream::connect(upstream).await else {
                continue;
            };
            let (mut client_read, mut client_write) = client.into_split();
            let (mut server_read, mut server_write) = server.into_split();
            tokio::spawn(async move {
                let _ = tokio::io::copy(&mut client_read, &mut server_write).await;
            });
            let counted = counted.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 64 * 1024];
                loop {
                    let n = match server_read.read(&mut buf).await {
                        Ok(0) | Err(_) => break,
                        Ok(n) => n,
                    };
                    counted.fetch_add(n as u64, Ordering::SeqCst);
                    if client_write.write_all(&buf[..n]).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    (addr, down)
}

struct Setup {
    backend: legal_kiosk_backend::LocalBackend,
    key: SigningKey,
    client: RestClient,
    down: Arc<AtomicU64>,
    store: ContentStore,
}

impl Setup {
    async fn new() -> Setup {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let backend = legal_kiosk_backend::start_local(Path::new(":memory:"))
            .await
            .unwrap();
        let upstream: SocketAddr = backend
            .base_url()
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .parse()
            .unwrap();
        let (proxy, down) = counting_proxy(upstream).await;
        let base = format!("http://{proxy}");
        let client = RestClient::new(RestConfig::new(base, backend.device_token())).unwrap();
        let key = SigningKey::from_bytes(&[7; 32]);
        let store = ContentStore::in_memory(key.verifying_key()).unwrap();
        Setup {
            backend,
            key,
            client,
            down,
            store,
        }
    }

    fn publish(&self, bundle: &Bundle) -> Vec<u8> {
        let bytes = bundle.sign(&self.key);
        legal_kiosk_backend::publish_bundle(self.backend.db(), &bytes, &self.key.verifying_key())
            .unwrap();
        bytes
    }

    /// A refresh, and the bytes it took from the server.
    async fn refresh(&self) -> (Refresh, u64) {
        let before = self.down.load(Ordering::SeqCst);
        let refresh = self.store.refresh(&self.client).await.unwrap();
        (refresh, self.down.load(Ordering::SeqCst) - before)
    }
}

/// The bundle built into the binary, one version newer: the first one this test publishes.
fn first() -> Bundle {
    let mut bundle = Bundle::open(
        legal_kiosk_content::EMBEDDED_BUNDLE,
        &legal_kiosk_content::bundle::dev_verifying_key().unwrap(),
    )
    .unwrap();
    bundle.version += 1;
    bundle
}

/// The next version, with a sentence added to the summary of each guide `which` picks.
fn revised(bundle: &Bundle, which: impl Fn(usize) -> bool) -> Bundle {
    let mut next = bundle.clone();
    next.version += 1;
    for (i, guide) in next.guides.iter_mut().enumerate() {
        if which(i) {
            guide.summary.zh.push_str("（本段已按最新规定修订。）");
        }
    }
    next
}

/// The next version with every guide's summary rewritten: each one's characters in reverse
/// order, so no guide's new text repeats its old text or another guide's.
fn rewritten(bundle: &Bundle) -> Bundle {
    let mut next = bundle.clone();
    next.version += 1;
    for guide in &mut next.guides {
        guide.summary.zh = guide.summary.zh.chars().rev().collect();
        guide.summary.mn = guide.summary.mn.chars().rev().collect();
    }
    next
}

fn updated(refresh: Refresh) -> Bundle {
    match refresh {
        Refresh::Updated(b) => *b,
        other => panic!("expected an update, got {other:?}"),
    }
}

#[tokio::test]
async fn one_changed_guide_costs_a_few_kilobytes_and_the_device_holds_the_whole_new_bundle() {
    let setup = Setup::new().await;
    let v1 = first();
    let v1_bytes = setup.publish(&v1);

    let (refresh, first_download) = setup.refresh().await;
    assert_eq!(updated(refresh), v1);
    assert_eq!(setup.store.held().unwrap().unwrap().0, v1_bytes);

    let (refresh, unchanged) = setup.refresh().await;
    assert!(matches!(refresh, Refresh::Unchanged), "{refresh:?}");

    let middle = v1.guides.len() / 2;
    let v2 = revised(&v1, |i| i == middle);
    let v2_bytes = setup.publish(&v2);
    let (refresh, one_guide) = setup.refresh().await;
    assert_eq!(updated(refresh), v2);
    // Byte for byte the bundle the server signed: the signature was checked over it.
    assert_eq!(setup.store.held().unwrap().unwrap().0, v2_bytes);

    let v3 = rewritten(&v2);
    let v3_bytes = setup.publish(&v3);
    let (refresh, every_guide) = setup.refresh().await;
    assert_eq!(updated(refresh), v3);
    assert_eq!(setup.store.held().unwrap().unwrap().0, v3_bytes);

    println!(
        "bundle {} bytes; on the wire: first download {first_download}, unchanged {unchanged}, \
         one guide changed {one_guide}, every guide changed {every_guide}",
        v1_bytes.len()
    );
    assert!(
        one_guide <= ONE_GUIDE_BUDGET,
        "one changed guide cost {one_guide} bytes on the wire"
    );
    // The whole bundle in zstd is tens of kilobytes: the delta is what made it small.
    assert!(
        one_guide * 4 < first_download,
        "{one_guide} vs {first_download}"
    );
    assert!(unchanged < 1024, "{unchanged}");
}

#[tokio::test]
async fn a_device_whose_bundle_the_server_no_longer_has_gets_the_whole_bundle() {
    let setup = Setup::new().await;
    let v1 = first();
    setup.publish(&v1);
    setup.refresh().await;
    // More publications than the server keeps: the device's bundle is no longer a dictionary.
    let mut last = v1.clone();
    for _ in 0..10 {
        last = revised(&last, |i| i == 0);
        setup.publish(&last);
    }
    let (refresh, _) = setup.refresh().await;
    assert_eq!(updated(refresh), last);
}
