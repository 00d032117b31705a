//! Stopping the real `legal-backend` program: SIGTERM (what systemd, `kill` and container
//! runtimes send) and SIGINT (Ctrl-C) both let a booking in flight get its whole answer,
//! refuse new connections once the signal has arrived, and end the process with status 0.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;

/// Longer than anything here should take on two loaded cores; only a hang reaches it.
const HANG_GUARD: Duration = Duration::from_secs(60);
const TOKEN: &str = "lkdev_shutdown_test_token";

struct Backend {
    child: Child,
    addr: SocketAddr,
    dir: std::path::PathBuf,
}

impl Drop for Backend {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Starts the program on a free loopback port with a database of its own.
fn start(name: &str) -> Backend {
    let dir = std::env::temp_dir().join(format!("legal-backend-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_legal-backend"))
        .arg("--db")
        .arg(dir.join("backend.sqlite3"))
        .args(["--listen", "127.0.0.1:0", "--demo-token", TOKEN])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut addr = None;
    let mut line = String::new();
    while stderr.read_line(&mut line).unwrap() > 0 {
        if let Some(rest) = line.trim().split("listening on http://").nth(1) {
            addr = Some(rest.parse().unwrap());
            break;
        }
        line.clear();
    }
    // Keep reading what it says, so it never blocks on a full pipe.
    std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = stderr.read_to_string(&mut rest);
    });
    Backend {
        child,
        addr: addr.expect("the backend never said where it listens"),
        dir,
    }
}

/// One whole request on its own connection, `Connection: close`; the whole answer.
fn exchange(addr: SocketAddr, request: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(HANG_GUARD)).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
}

fn first_slot(addr: SocketAddr) -> String {
    let answer = exchange(
        addr,
        &format!(
            "GET /v1/callback-slots?region=150100&lang=zh HTTP/1.1\r\nHost: x\r\n\
             Authorization: Bearer {TOKEN}\r\nConnection: close\r\n\r\n"
        ),
    );
    let body = answer.split("\r\n\r\n").nth(1).unwrap();
    let slots: legal_kiosk_api::SlotList = serde_json::from_str(body).unwrap();
    slots.slots[0].id.to_string()
}

fn wait_for_exit(child: &mut Child) -> std::process::ExitStatus {
    let until = Instant::now() + HANG_GUARD;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(
            Instant::now() < until,
            "still running {HANG_GUARD:?} after the signal"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A booking whose head has arrived and whose body is still on its way (the server asked for
/// it with `100 Continue`, RFC 9110 §10.1.1) when `signal` comes: it is booked and answered
/// whole, while new connections are refused, and the process then ends with status 0.
fn a_booking_in_flight_is_answered_through(signal: Signal, name: &str) {
    let mut backend = start(name);
    let slot = first_slot(backend.addr);
    let body = format!(
        r#"{{"slot":"{slot}","mobile":"13900000000","lang":"zh","name":"Demo","note":"demo"}}"#
    );
    let mut in_flight = TcpStream::connect(backend.addr).unwrap();
    in_flight.set_read_timeout(Some(HANG_GUARD)).unwrap();
    write!(
        in_flight,
        "POST /v1/callbacks HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\n\
         Content-Type: application/json\r\nIdempotency-Key: shutdown-{name}\r\n\
         Expect: 100-continue\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .unwrap();
    let mut reader = BufReader::new(in_flight.try_clone().unwrap());
    let mut continue_line = String::new();
    reader.read_line(&mut continue_line).unwrap();
    assert_eq!(continue_line, "HTTP/1.1 100 Continue\r\n");
    let mut blank = String::new();
    reader.read_line(&mut blank).unwrap();

    let pid = Pid::from_raw(i32::try_from(backend.child.id()).unwrap());
    kill(pid, signal).unwrap();
    // Once the signal is taken, the listening socket is closed.
    let until = Instant::now() + HANG_GUARD;
    while TcpStream::connect(backend.addr).is_ok() {
        assert!(
            Instant::now() < until,
            "new connections still accepted after {signal}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }

    in_flight.write_all(body.as_bytes()).unwrap();
    let mut answer = String::new();
    reader.read_to_string(&mut answer).unwrap();
    assert!(
        answer.starts_with("HTTP/1.1 201 Created\r\n"),
        "after {signal}: {answer}"
    );
    let receipt = answer.split("\r\n\r\n").nth(1).unwrap();
    let receipt: legal_kiosk_api::CallbackReceipt = serde_json::from_str(receipt).unwrap();
    assert_eq!(receipt.slot.id.to_string(), slot);

    let status = wait_for_exit(&mut backend.child);
    assert_eq!(status.code(), Some(0), "after {signal}: {status}");
}

#[test]
fn sigterm_drains_the_booking_in_flight_and_exits_0() {
    a_booking_in_flight_is_answered_through(Signal::SIGTERM, "sigterm");
}

#[test]
fn sigint_drains_the_booking_in_flight_and_exits_0() {
    a_booking_in_flight_is_answered_through(Signal::SIGINT, "sigint");
}
