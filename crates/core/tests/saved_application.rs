//! The application a household box remembers, through the service worker against the real
//! reference backend on loopback (behind a proxy that counts what goes over the wire): nothing
//! is asked while nothing is remembered; a remembered one is asked with its ETag, and a change of
//! stage on the backend is told once, kept until seen, and forgotten with one command.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::next;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use legal_kiosk_api::{ApplicationNumber, ApplicationState, MobileNumber, StageState};
use legal_kiosk_backend::{DEMO_APPLICATIONS, DEMO_MOBILE, put_application};
use legal_kiosk_content::bundle::dev_verifying_key;
use legal_kiosk_core::application::{Progress, SavedApplication};
use legal_kiosk_core::service::{Answer, Backend, Command, Event, Service, ServiceConfig};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;

/// Requests for an application that went through the proxy, and how many carried an ETag.
#[derive(Default)]
struct Counts {
    asked: AtomicUsize,
    conditional: AtomicUsize,
}

/// A proxy on loopback in front of `target` that counts application requests.
async fn counting_proxy(target: SocketAddr) -> (String, Arc<Counts>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let counts = Arc::new(Counts::default());
    let shared = counts.clone();
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let counts = shared.clone();
            tokio::spawn(async move {
                let server = TcpStream::connect(target).await.unwrap();
                let (mut cr, mut cw) = client.into_split();
                let (mut sr, mut sw) = server.into_split();
                let up = async move {
                    let mut buf = vec![0u8; 16 * 1024];
                    while let Ok(n) = cr.read(&mut buf).await {
                        if n == 0 {
                            break;
                        }
                        // Requests are a few hundred bytes: each arrives in one read.
                        let text = String::from_utf8_lossy(&buf[..n]).to_ascii_lowercase();
                        if text.contains("get /v1/applications/") {
                            counts.asked.fetch_add(1, Ordering::SeqCst);
                            if text.contains("if-none-match:") {
                                counts.conditional.fetch_add(1, Ordering::SeqCst);
                            }
                        }
                        if sw.write_all(&buf[..n]).await.is_err() {
                            break;
                        }
                    }
                };
                let down = async move {
                    let _ = tokio::io::copy(&mut sr, &mut cw).await;
                };
                tokio::join!(up, down);
            });
        }
    });
    (url, counts)
}

fn service(url: String, token: String, saved: &Path) -> (Service, mpsc::UnboundedReceiver<Event>) {
    let mut config = ServiceConfig::new(
        Backend::Remote {
            url,
            device_token: token,
        },
        dev_verifying_key().unwrap(),
    );
    config.saved_application = Some(saved.to_path_buf());
    config.poll_every = Duration::from_millis(50);
    config.resend_min = Duration::from_millis(20);
    config.first_refresh = Duration::from_secs(3600);
    support::start_service(config)
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lk-saved-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("saved-application.json")
}

fn saved_event(e: Event) -> Option<(Option<Box<SavedApplication>>, bool)> {
    match e {
        Event::Saved { saved, moved } => Some((saved, moved)),
        _ => None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_is_asked_while_nothing_is_remembered() {
    let backend = legal_kiosk_backend::start_local(Path::new(":memory:"))
        .await
        .unwrap();
    let (url, counts) = counting_proxy(backend.addr()).await;
    let file = scratch("idle");
    let (service, mut rx) = service(url, backend.device_token().to_owned(), &file);
    service.send(Command::Saved).unwrap();
    let (saved, _) = next(&mut rx, saved_event).await;
    assert!(saved.is_none());
    // Twenty polling periods.
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(counts.asked.load(Ordering::SeqCst), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_remembered_application_is_asked_with_its_etag_and_its_change_is_told_until_seen() {
    let backend = legal_kiosk_backend::start_local(Path::new(":memory:"))
        .await
        .unwrap();
    let (url, counts) = counting_proxy(backend.addr()).await;
    let file = scratch("poll");
    let (service, mut rx) = service(url, backend.device_token().to_owned(), &file);
    let (number, _) = DEMO_APPLICATIONS
        .iter()
        .find(|(_, s)| *s == ApplicationState::InReview)
        .unwrap();
    let number = ApplicationNumber::parse(number).unwrap();
    let mobile = MobileNumber::parse(DEMO_MOBILE).unwrap();
    service
        .send(Command::Lookup {
            number: number.clone(),
            mobile: mobile.clone(),
        })
        .unwrap();
    let looked = next(&mut rx, |e| match e {
        Event::Answered {
            answer: Answer::Application { result, .. },
            ..
        } => Some(result),
        _ => None,
    })
    .await
    .unwrap();
    assert!(looked.etag.is_some(), "the backend sends an ETag");
    let remembered = SavedApplication {
        number: number.clone(),
        mobile,
        service: looked.status.service.clone(),
        etag: looked.etag.clone(),
        progress: Progress::of(&looked.status),
        changed: false,
        refused: false,
    };
    service
        .send(Command::Remember(Box::new(remembered)))
        .unwrap();
    let (saved, moved) = next(&mut rx, saved_event).await;
    assert!(!moved && saved.is_some());
    tokio::time::sleep(Duration::from_millis(500)).await;
    let asked = counts.asked.load(Ordering::SeqCst);
    let conditional = counts.conditional.load(Ordering::SeqCst);
    // The lookup itself, then the polls of ten periods.
    assert!(asked >= 4, "asked {asked} times");
    assert_eq!(
        asked - conditional,
        1,
        "every question after the lookup carries the ETag"
    );

    // The office moves it on: told once, with the change kept until seen.
    let mut status = looked.status.clone();
    let current = status
        .stages
        .iter()
        .position(|s| s.state == StageState::Current)
        .unwrap();
    status.stages[current].state = StageState::Done;
    put_application(&backend.db().lock(), &status, DEMO_MOBILE).unwrap();
    let (saved, moved) = next(&mut rx, saved_event).await;
    assert!(moved);
    let saved = saved.unwrap();
    assert!(saved.changed);
    assert_eq!(saved.progress, Progress::of(&status));
    tokio::time::sleep(Duration::from_millis(300)).await;
    while let Ok(e) = rx.try_recv() {
        assert!(
            !matches!(e, Event::Saved { moved: true, .. }),
            "told once, not at every poll"
        );
    }
    service.send(Command::SeenSaved).unwrap();
    let (saved, _) = next(&mut rx, saved_event).await;
    assert!(!saved.unwrap().changed);

    // Forgotten with one command: the file goes, and so does the asking.
    service.send(Command::ForgetSaved).unwrap();
    let (saved, _) = next(&mut rx, saved_event).await;
    assert!(saved.is_none());
    assert!(!file.exists());
    tokio::time::sleep(Duration::from_millis(200)).await;
    let after_forget = counts.asked.load(Ordering::SeqCst);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(counts.asked.load(Ordering::SeqCst), after_forget);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_remembered_application_that_no_longer_verifies_is_not_asked_again() {
    let backend = legal_kiosk_backend::start_local(Path::new(":memory:"))
        .await
        .unwrap();
    let (url, counts) = counting_proxy(backend.addr()).await;
    let file = scratch("refused");
    let (service, mut rx) = service(url, backend.device_token().to_owned(), &file);
    let (number, state) = DEMO_APPLICATIONS[0];
    // Its mobile number changed at the office since the box remembered it.
    let remembered = SavedApplication {
        number: ApplicationNumber::parse(number).unwrap(),
        mobile: MobileNumber::parse("13900000009").unwrap(),
        service: legal_kiosk_api::Bilingual::new("ᠬᠠᠤᠯᠢ", "法律援助"),
        etag: None,
        progress: Progress {
            state,
            stages_done: 0,
            open_supplements: 0,
        },
        changed: false,
        refused: false,
    };
    service
        .send(Command::Remember(Box::new(remembered)))
        .unwrap();
    let refused = next(&mut rx, |e| match e {
        Event::Saved {
            saved: Some(s),
            moved: false,
        } if s.refused => Some(s),
        _ => None,
    })
    .await;
    assert!(!refused.changed);
    let asked = counts.asked.load(Ordering::SeqCst);
    // A wrong guess counts against the person's own application: one, and no more.
    assert_eq!(asked, 1);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(counts.asked.load(Ordering::SeqCst), asked);
    let kept: SavedApplication = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert!(kept.refused, "the refusal survives a restart");
}
