//! The booking fault harness (`legal-kiosk soak-bookings`): schedules of faults against the
//! real reference backend on loopback, proving that a booking the device saved is booked
//! exactly once, whatever happens between the box and the server.
//!
//! Each schedule runs a child process (`legal-kiosk soak-child`: the app's own outbox and REST
//! client; every other schedule books through the app's service worker, as the app does) that
//! saves a complaint or suggestion (投诉建议, through the same outbox) and three bookings and
//! sends them, through a fault proxy that can answer
//! 500 or 503, hang past the client's timeout, drop the connection before the request reaches
//! the server, drop the answer half-way through its body, or lose it after the server
//! committed. The schedule may also kill the child with SIGKILL (kill -9) at one of four
//! moments — before a COMMIT, just after one, while its request is on its way, and after the
//! server committed but before the answer arrived — and may restart the server mid-send.
//! Then the child is run again, without faults, until everything is sent. Afterwards every row
//! of the child's outbox must be sent, with its own reference, and the server must hold exactly
//! one callback per booking and one feedback per feedback saved. The last line says so:
//! `schedules=N saved=S on_server=S lost=0 duplicated=0` (S counts bookings and feedback).

use std::io::{BufRead, BufReader, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use legal_kiosk_api::{CallbackRequest, FeedbackKind, FeedbackRequest, Lang, MobileNumber, SlotId};
use legal_kiosk_core::booking::feedback::send_all_feedback;
use legal_kiosk_core::booking::{BookingState, Delivery, FeedbackState, Outbox, outbox};
use legal_kiosk_core::rest::{RestClient, RestConfig};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Bookings each schedule's child makes.
pub const BOOKINGS: usize = 3;
/// Complaints or suggestions each schedule's child makes: saved first, so the first request
/// a kill or a fault meets is one of them.
pub const FEEDBACK: usize = 1;
/// Everything each schedule's child saves.
pub const SAVED_PER_SCHEDULE: usize = BOOKINGS + FEEDBACK;
/// Runs of the child after its schedule before the harness calls the booking lost.
const RECOVERY_RUNS: usize = 6;
/// Longest a child may run before the harness stops it as hung.
const CHILD_PATIENCE: Duration = Duration::from_secs(30);

/// What the proxy does to one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetFault {
    /// 500 without asking the server.
    Status500,
    /// 503 with `Retry-After: 0`, without asking the server.
    Status503,
    /// Keeps the connection open, answering nothing, past the client's timeout.
    Hang,
    /// Closes the connection before the request reaches the server.
    DropBefore,
    /// Forwards the request, then sends half of the server's answer and closes.
    DropMidBody,
    /// Forwards the request (the server commits), then closes without answering.
    AnswerLost,
}

/// When the child is killed with SIGKILL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kill {
    /// As it starts saving its second booking (the COMMIT may or may not have happened).
    BeforeCommit,
    /// As soon as its last booking is committed (before the request is made).
    AfterCommit,
    /// While its first request is on its way to the server (the server gets it after).
    DuringRequest,
    /// After the server committed the first booking, before the answer reaches the child.
    AfterServerCommit,
}

/// One schedule: the faults of its first requests, when the child is killed, and whether the
/// server restarts while the child sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// What the proxy does to the child's first booking requests, in order.
    pub faults: Vec<NetFault>,
    /// When the child is killed with SIGKILL, if it is.
    pub kill: Option<Kill>,
    /// The server is stopped and started again once the child starts sending.
    pub restart: bool,
}

impl Schedule {
    /// Schedule `n` of a soak seeded with `seed`: the same pair always gives the same one.
    pub fn nth(seed: u64, n: usize) -> Schedule {
        let mut rng = fastrand::Rng::with_seed(seed.wrapping_mul(1_000_003).wrapping_add(n as u64));
        const FAULTS: [NetFault; 6] = [
            NetFault::Status500,
            NetFault::Status503,
            NetFault::Hang,
            NetFault::DropBefore,
            NetFault::DropMidBody,
            NetFault::AnswerLost,
        ];
        const KILLS: [Kill; 4] = [
            Kill::BeforeCommit,
            Kill::AfterCommit,
            Kill::DuringRequest,
            Kill::AfterServerCommit,
        ];
        let faults = (0..rng.usize(0..=2))
            .filter_map(|_| rng.choice(FAULTS))
            .collect();
        let kill = if rng.u8(0..5) == 0 {
            None
        } else {
            rng.choice(KILLS)
        };
        Schedule {
            faults,
            kill,
            restart: rng.u8(0..6) == 0,
        }
    }
}

/// What the child and the proxy tell the harness.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Signal {
    /// A line the child printed.
    Line(String),
    /// The child's stdout closed (it ended).
    Ended,
    /// A booking request reached the proxy (it waits a moment before passing it on).
    RequestArrived,
    /// The server answered a booking (the proxy holds the answer a moment).
    ServerAnswered,
}

/// The proxy's instructions for the schedule running now.
#[derive(Debug, Default)]
struct Plan {
    faults: std::collections::VecDeque<NetFault>,
    /// Faults injected so far, over the whole soak.
    injected: usize,
    /// Tell the harness when a request arrives / the server answered, and pause there.
    signal_arrival: bool,
    signal_answer: bool,
}

/// Totals of a soak.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub schedules: usize,
    /// Bookings committed to the outboxes ("saved" on a screen).
    pub saved: usize,
    /// Of those, booked exactly once on the server.
    pub on_server: usize,
    /// Saved and not on the server, or not sent in the end.
    pub lost: usize,
    /// Callbacks on the server beyond one per booking.
    pub duplicated: usize,
    /// Children killed with SIGKILL, faults the proxy injected, server restarts: that the
    /// faults happened, not only that they were planned.
    pub kills: usize,
    pub faults: usize,
    pub restarts: usize,
}

impl Totals {
    /// What was done to the bookings: `kills=K faults=F restarts=R`.
    pub fn faults_line(&self) -> String {
        format!(
            "kills={} faults={} restarts={}",
            self.kills, self.faults, self.restarts
        )
    }
}

impl std::fmt::Display for Totals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "schedules={} saved={} on_server={} lost={} duplicated={}",
            self.schedules, self.saved, self.on_server, self.lost, self.duplicated
        )
    }
}

/// The backend on a fixed loopback port, which can be stopped and started again.
struct Server {
    db: legal_kiosk_backend::Db,
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<Result<(), legal_kiosk_backend::BackendError>>>,
}

impl Server {
    async fn start(db: legal_kiosk_backend::Db, addr: SocketAddr) -> anyhow::Result<Server> {
        let mut server = Server {
            db,
            addr,
            stop: None,
            task: None,
        };
        server.serve().await?;
        Ok(server)
    }

    async fn serve(&mut self) -> anyhow::Result<()> {
        let listener = TcpListener::bind(self.addr).await?;
        self.addr = listener.local_addr()?;
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        self.stop = Some(tx);
        self.task = Some(tokio::spawn(legal_kiosk_backend::serve_with(
            self.db.clone(),
            // The harness books thousands of callbacks from one device: the quotas have
            // their own tests.
            legal_kiosk_backend::Limits::UNLIMITED,
            listener,
            async {
                let _ = rx.await;
            },
        )));
        Ok(())
    }

    /// Stops (letting requests in flight finish), stays down `down`, serves again.
    async fn restart(&mut self, down: Duration) -> anyhow::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
        tokio::time::sleep(down).await;
        self.serve().await
    }
}

/// Runs `schedules` schedules seeded with `seed`; `exe` is this program (for the children),
/// `dir` a private scratch directory. `progress` hears one line per schedule that failed.
pub fn run(
    exe: &Path,
    dir: &Path,
    schedules: usize,
    seed: u64,
    mut progress: impl FnMut(&str),
) -> anyhow::Result<Totals> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let db = legal_kiosk_backend::open_demo(&dir.join("backend.sqlite3"))?;
    let token = legal_kiosk_backend::issue_device_token(&db, "soak")?;
    let slots = open_slots(&db)?;
    let mut server = runtime.block_on(Server::start(
        db.clone(),
        SocketAddr::from(([127, 0, 0, 1], 0)),
    ))?;
    let plan = Arc::new(Mutex::new(Plan::default()));
    let (signals_tx, signals) = mpsc::channel::<Signal>();
    let proxy = runtime.block_on(TcpListener::bind(("127.0.0.1", 0)))?;
    let proxy_url = format!("http://{}", proxy.local_addr()?);
    runtime.spawn(serve_proxy(
        proxy,
        server.addr,
        plan.clone(),
        signals_tx.clone(),
    ));

    let mut totals = Totals::default();
    for n in 0..schedules {
        let mut restarted = false;
        let killed = std::cell::Cell::new(false);
        let schedule = Schedule::nth(seed, n);
        let outbox = dir.join(format!("outbox-{n}.sqlite3"));
        let own: Vec<String> = (0..BOOKINGS)
            .map(|j| slots[(n * BOOKINGS + j) % slots.len()].clone())
            .collect();
        let child_args = ChildArgs {
            outbox: outbox.clone(),
            url: proxy_url.clone(),
            token: token.clone(),
            slots: own.join(","),
            first_mobile: n * BOOKINGS,
            schedule: n,
            // Every other schedule books as the app does, through the service worker.
            via_service: n % 2 == 1,
        };
        if let Ok(mut p) = plan.lock() {
            p.faults = schedule.faults.iter().copied().collect();
            p.signal_arrival = schedule.kill == Some(Kill::DuringRequest);
            p.signal_answer = schedule.kill == Some(Kill::AfterServerCommit);
        }
        // Every Idempotency-Key a child said it saved: each must be in the outbox at the end.
        let shown = std::cell::RefCell::new(Vec::<String>::new());
        let note_saved = |signal: &Signal| {
            if let Signal::Line(l) = signal
                && let Some(key) = l.strip_prefix("saved ").and_then(|r| r.split(' ').nth(1))
            {
                shown.borrow_mut().push(key.to_owned());
            }
        };
        // The schedule's own run: faults, perhaps a restart, perhaps a kill.
        let ended = run_child(exe, &child_args, &signals_tx, &signals, |signal, child| {
            note_saved(signal);
            let kill_now = match (schedule.kill, signal) {
                (Some(Kill::BeforeCommit), Signal::Line(l)) => l == "saving 1",
                (Some(Kill::AfterCommit), Signal::Line(l)) => {
                    l.starts_with(&format!("saved {} ", BOOKINGS - 1))
                }
                (Some(Kill::DuringRequest), Signal::RequestArrived) => true,
                (Some(Kill::AfterServerCommit), Signal::ServerAnswered) => true,
                _ => false,
            };
            if schedule.restart && !restarted && *signal == Signal::Line("sending".into()) {
                restarted = true;
                let down = Duration::from_millis(150);
                if let Err(e) = runtime.block_on(server.restart(down)) {
                    eprintln!("soak: the server did not restart: {e}");
                }
            }
            if kill_now {
                // SIGKILL: nothing of the child runs after this.
                killed.set(child.kill().is_ok());
            }
            kill_now
        })?;
        // Recovery: no more faults; the child runs until everything is sent.
        if let Ok(mut p) = plan.lock() {
            p.faults.clear();
            p.signal_arrival = false;
            p.signal_answer = false;
        }
        totals.kills += usize::from(killed.get());
        totals.restarts += usize::from(restarted);
        let mut done = ended;
        for _ in 0..RECOVERY_RUNS {
            if done {
                break;
            }
            done = run_child(exe, &child_args, &signals_tx, &signals, |signal, _| {
                note_saved(signal);
                false
            })?;
        }
        let checked = check(&db, &outbox, &child_args, n, &shown.borrow())?;
        if checked.lost > 0 || checked.duplicated > 0 || !done {
            progress(&format!(
                "schedule {n} {schedule:?}: saved={} on_server={} lost={} duplicated={} finished={done}",
                checked.saved, checked.on_server, checked.lost, checked.duplicated
            ));
        }
        totals.schedules += 1;
        totals.saved += checked.saved;
        totals.on_server += checked.on_server;
        totals.lost += checked.lost;
        totals.duplicated += checked.duplicated;
    }
    totals.faults = plan.lock().map(|p| p.injected).unwrap_or(0);
    Ok(totals)
}

/// Slots that stay open for the whole soak (starting two hours or more from now), made big
/// enough for any number of bookings: capacity is not what the harness tests.
fn open_slots(db: &legal_kiosk_backend::Db) -> anyhow::Result<Vec<String>> {
    let conn = db.lock();
    conn.execute("UPDATE slots SET capacity = 1000000", [])?;
    let soon = (chrono::Utc::now() + chrono::Duration::hours(2))
        .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).context("time zone")?)
        .to_rfc3339();
    let mut stmt =
        conn.prepare("SELECT id FROM slots WHERE lang = 'zh' AND starts_at > ?1 ORDER BY id")?;
    let slots = stmt
        .query_map([soon], |row| row.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    if slots.is_empty() {
        bail!("the demo backend has no open slot");
    }
    Ok(slots)
}

/// The mobile number of booking `k` of the soak: one number per booking, so the server's
/// callbacks can be counted per booking.
fn mobile(k: usize) -> String {
    format!("137{:08}", k % 100_000_000)
}

/// The mobile number of schedule `n`'s feedback (its feedback rows are counted by it).
fn feedback_mobile(n: usize) -> String {
    format!("136{:08}", n % 100_000_000)
}

/// How one schedule ended.
#[derive(Debug, Default)]
struct Checked {
    saved: usize,
    on_server: usize,
    lost: usize,
    duplicated: usize,
}

fn check(
    db: &legal_kiosk_backend::Db,
    outbox: &Path,
    args: &ChildArgs,
    n: usize,
    shown: &[String],
) -> anyhow::Result<Checked> {
    let (rows, feedback) = if outbox.exists() {
        let outbox =
            Outbox::open(outbox).with_context(|| format!("schedule {n}: opening its outbox"))?;
        (outbox.all()?, outbox.all_feedback()?)
    } else {
        (Vec::new(), Vec::new())
    };
    let mut out = Checked {
        saved: rows.len() + feedback.len(),
        ..Checked::default()
    };
    // A booking shown saved whose row is gone (or was saved again under another key) is lost,
    // whatever the server holds; and every schedule ends with all its bookings saved.
    for key in shown {
        let kept = rows.iter().any(|r| r.key.as_str() == key)
            || feedback.iter().any(|f| f.key.as_str() == key);
        if !kept {
            out.lost += 1;
        }
    }
    out.lost += BOOKINGS.saturating_sub(rows.len()) + FEEDBACK.saturating_sub(feedback.len());
    let conn = db.lock();
    // The feedback: one row on the server per feedback saved, with the reference the outbox
    // holds; the schedule's mobile number tells its rows from every other schedule's.
    let on_server: Vec<String> = conn
        .prepare("SELECT reference FROM feedback WHERE mobile = ?1")?
        .query_map([feedback_mobile(args.schedule)], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for f in &feedback {
        let sent_here = matches!(&f.state, FeedbackState::Sent(receipt)
            if on_server.iter().any(|r| r == receipt.reference.as_str()));
        if sent_here {
            out.on_server += 1;
        } else {
            out.lost += 1;
        }
    }
    out.duplicated += on_server.len().saturating_sub(feedback.len());
    for row in &rows {
        let count: i64 = conn.query_row(
            "SELECT COUNT(*) FROM callbacks WHERE mobile = ?1",
            [row.request.mobile.as_str()],
            |r| r.get(0),
        )?;
        let sent_here = matches!(&row.state, BookingState::Sent(receipt) if {
            let reference: Option<String> = conn
                .query_row(
                    "SELECT reference FROM callbacks WHERE mobile = ?1",
                    [row.request.mobile.as_str()],
                    |r| r.get(0),
                )
                .ok();
            reference.as_deref() == Some(receipt.reference.as_str())
        });
        match count {
            1 if sent_here => out.on_server += 1,
            0 | 1 => out.lost += 1,
            more => {
                out.on_server += 1;
                out.duplicated += usize::try_from(more - 1).unwrap_or(usize::MAX);
            }
        }
    }
    // A booking the server holds that no outbox row explains would be a duplicate too.
    let ours: i64 = (0..BOOKINGS)
        .map(|j| {
            conn.query_row(
                "SELECT COUNT(*) FROM callbacks WHERE mobile = ?1",
                [mobile(args.first_mobile + j)],
                |r| r.get::<_, i64>(0),
            )
        })
        .sum::<Result<i64, _>>()?;
    let explained = i64::try_from(out.on_server + out.duplicated).unwrap_or(i64::MAX);
    if ours > explained {
        out.duplicated += usize::try_from(ours - explained).unwrap_or(usize::MAX);
    }
    Ok(out)
}

/// What a child needs (passed as arguments of `legal-kiosk soak-child`).
#[derive(Debug, Clone)]
pub struct ChildArgs {
    pub outbox: PathBuf,
    pub url: String,
    pub token: String,
    /// Slot ids, comma-separated: booking j goes into the j-th.
    pub slots: String,
    /// Booking j uses mobile number `mobile(first_mobile + j)`.
    pub first_mobile: usize,
    /// The schedule's number: its feedback uses `feedback_mobile(schedule)`.
    pub schedule: usize,
    /// Book through the app's service worker (as the app does: `Command::Book`, its sender
    /// with backoff and Retry-After) instead of the outbox's own sending.
    pub via_service: bool,
}

impl ChildArgs {
    /// The slots, as given.
    fn slot_ids(&self) -> anyhow::Result<Vec<SlotId>> {
        self.slots
            .split(',')
            .map(SlotId::parse)
            .collect::<Result<_, _>>()
            .map_err(|e| anyhow::anyhow!("bad slot id: {e:?}"))
    }

    /// Booking `j` of the child, in `slot`.
    fn request(&self, j: usize, slot: &SlotId) -> anyhow::Result<CallbackRequest> {
        let mobile = MobileNumber::parse(&mobile(self.first_mobile + j))
            .map_err(|e| anyhow::anyhow!("bad mobile: {e:?}"))?;
        Ok(CallbackRequest {
            slot: slot.clone(),
            mobile,
            name: None,
            lang: Lang::Zh,
            topic: None,
            note: None,
            replaces: None,
        })
    }

    /// The child's suggestion (the words are typed on a phone page, so none here).
    fn feedback(&self) -> anyhow::Result<FeedbackRequest> {
        let mobile = MobileNumber::parse(&feedback_mobile(self.schedule))
            .map_err(|e| anyhow::anyhow!("bad mobile: {e:?}"))?;
        let region = legal_kiosk_api::RegionCode::parse("150100")
            .map_err(|e| anyhow::anyhow!("bad region: {e:?}"))?;
        Ok(FeedbackRequest {
            kind: FeedbackKind::Suggestion,
            region,
            lang: Lang::Zh,
            service: None,
            office: None,
            mobile: Some(mobile),
            text: Some(format!("soak schedule {}", self.schedule)),
            text_page: None,
        })
    }

    fn to_args(&self) -> Vec<String> {
        vec![
            "soak-child".into(),
            "--outbox".into(),
            self.outbox.display().to_string(),
            "--url".into(),
            self.url.clone(),
            "--token".into(),
            self.token.clone(),
            "--slots".into(),
            self.slots.clone(),
            "--first-mobile".into(),
            self.first_mobile.to_string(),
            "--schedule".into(),
            self.schedule.to_string(),
        ]
        .into_iter()
        .chain(self.via_service.then(|| "--via-service".to_owned()))
        .collect()
    }
}

/// Runs the child until it ends; `on` hears every signal while it runs and says when it
/// killed it. True when the child ended by itself with success.
fn run_child(
    exe: &Path,
    args: &ChildArgs,
    signals_tx: &mpsc::Sender<Signal>,
    signals: &mpsc::Receiver<Signal>,
    mut on: impl FnMut(&Signal, &mut Child) -> bool,
) -> anyhow::Result<bool> {
    // Signals left over from a run before (the proxy's, after a kill) are not this run's.
    while signals.try_recv().is_ok() {}
    let mut child = Command::new(exe)
        .args(args.to_args())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .context("starting the soak child")?;
    let stdout = child.stdout.take().context("the child's stdout")?;
    let lines = signals_tx.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if lines.send(Signal::Line(line)).is_err() {
                return;
            }
        }
        let _ = lines.send(Signal::Ended);
    });
    let started = Instant::now();
    let mut killed = false;
    loop {
        if started.elapsed() > CHILD_PATIENCE {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(false);
        }
        match signals.recv_timeout(Duration::from_millis(50)) {
            Ok(Signal::Ended) => break,
            Ok(signal) if !killed => killed = on(&signal, &mut child),
            Ok(_) | Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    let status = child.wait()?;
    Ok(!killed && status.success())
}

/// The child: saves the bookings its outbox does not hold yet, printing `saving N` before
/// and `saved N` after each COMMIT, then sends until every one is sent (`sending` before
/// each round, `done` at the end). Exits non-zero if a booking is refused or it gives up.
pub fn child(args: &ChildArgs) -> anyhow::Result<()> {
    if args.via_service {
        return child_via_service(args);
    }
    let slots = args.slot_ids()?;
    let store = Outbox::open(&args.outbox)?;
    let mut out = std::io::stdout();
    if store.all_feedback()?.is_empty() {
        writeln!(out, "saving feedback")?;
        out.flush()?;
        let saved = store.save_feedback(&args.feedback()?)?;
        writeln!(out, "saved feedback {}", saved.key.as_str())?;
        out.flush()?;
    }
    let have = store.all()?.len();
    for (j, slot) in slots.iter().enumerate().take(BOOKINGS).skip(have) {
        writeln!(out, "saving {j}")?;
        out.flush()?;
        let saved = store.save(&args.request(j, slot)?)?;
        // Shown "saved" only now, after the COMMIT, with the key it will be sent with.
        writeln!(out, "saved {j} {}", saved.key.as_str())?;
        out.flush()?;
    }
    let mut config = RestConfig::new(args.url.clone(), args.token.clone());
    config.connect_timeout = Duration::from_millis(300);
    config.total_timeout = Duration::from_millis(600);
    config.max_attempts = 1;
    let client = RestClient::new(config)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let store = tokio::sync::Mutex::new(store);
    runtime.block_on(async {
        let mut pauses =
            legal_kiosk_core::rest::backoff(Duration::from_millis(10), Duration::from_millis(100));
        for _ in 0..200 {
            let waiting = {
                let store = store.lock().await;
                store.unsent()?.len() + store.unsent_feedback()?.len()
            };
            if waiting == 0 {
                writeln!(out, "done")?;
                out.flush()?;
                return Ok(());
            }
            writeln!(out, "sending")?;
            out.flush()?;
            for (id, sent) in send_all_feedback(&store, &client).await? {
                if let Delivery::Refused(code) = sent {
                    bail!("feedback {id:?} refused: {code:?}");
                }
            }
            for (id, sent) in outbox::send_all(&store, &client).await? {
                if let legal_kiosk_core::booking::Sent::Refused(code) = sent {
                    bail!("booking {id:?} refused: {code:?}");
                }
            }
            tokio::time::sleep(pauses.next().unwrap_or(Duration::from_millis(100))).await;
        }
        bail!("gave up: bookings still unsent")
    })
}

/// The child as the app books: the same output, but each booking goes through the service
/// worker (`Command::Book`, answered once committed) and is sent by its sender; the child
/// watches the outbox file until every booking is sent.
fn child_via_service(args: &ChildArgs) -> anyhow::Result<()> {
    use legal_kiosk_core::service::{Answer, Backend, Command, Event, Service, ServiceConfig};
    let slots = args.slot_ids()?;
    let have = Outbox::open(&args.outbox)?.all()?.len();
    let mut config = ServiceConfig::new(
        Backend::Remote {
            url: args.url.clone(),
            device_token: args.token.clone(),
        },
        legal_kiosk_content::bundle::dev_verifying_key()?,
    );
    config.outbox_db = Some(args.outbox.clone());
    config.resend = Duration::from_millis(100);
    config.resend_min = Duration::from_millis(10);
    config.resend_max = Duration::from_millis(100);
    config.first_refresh = Duration::from_secs(3600);
    config.content_refresh = Duration::from_secs(3600);
    config.tune_rest = |rest| {
        rest.connect_timeout = Duration::from_millis(300);
        rest.total_timeout = Duration::from_millis(600);
        rest.max_attempts = 1;
    };
    let (tx, events) = mpsc::channel::<Event>();
    let sink = Arc::new(move |e| {
        let _ = tx.send(e);
    });
    let service = Service::start(config, sink)?;
    let mut out = std::io::stdout();
    let wait = Duration::from_secs(20);
    if Outbox::open(&args.outbox)?.all_feedback()?.is_empty() {
        writeln!(out, "saving feedback")?;
        out.flush()?;
        let ticket = service.send(Command::Feedback(Box::new(args.feedback()?)))?;
        let id = loop {
            match events.recv_timeout(wait)? {
                Event::Answered {
                    ticket: t,
                    answer: Answer::Feedback(saved),
                } if t == ticket => break saved.map_err(anyhow::Error::msg)?.0,
                _ => {}
            }
        };
        let key = Outbox::open(&args.outbox)?
            .get_feedback(id)?
            .context("the saved feedback is not in the outbox")?
            .key;
        writeln!(out, "saved feedback {}", key.as_str())?;
        out.flush()?;
    }
    for (j, slot) in slots.iter().enumerate().take(BOOKINGS).skip(have) {
        writeln!(out, "saving {j}")?;
        out.flush()?;
        let ticket = service.send(Command::Book {
            request: Box::new(args.request(j, slot)?),
            slot: None,
            replaces: None,
        })?;
        let id = loop {
            match events.recv_timeout(wait)? {
                Event::Answered {
                    ticket: t,
                    answer: Answer::Booking(saved),
                } if t == ticket => break saved.map_err(anyhow::Error::msg)?.id,
                _ => {}
            }
        };
        let key = Outbox::open(&args.outbox)?
            .get(id)?
            .context("the saved booking is not in the outbox")?
            .key;
        writeln!(out, "saved {j} {}", key.as_str())?;
        out.flush()?;
    }
    writeln!(out, "sending")?;
    out.flush()?;
    let started = Instant::now();
    loop {
        let store = Outbox::open(&args.outbox)?;
        let (all, feedback) = (store.all()?, store.all_feedback()?);
        if all.iter().any(|b| matches!(b.state, BookingState::Dead(_)))
            || feedback
                .iter()
                .any(|f| matches!(f.state, FeedbackState::Dead(_)))
        {
            bail!("a booking or feedback was refused");
        }
        let sent = all.iter().all(|b| matches!(b.state, BookingState::Sent(_)))
            && feedback
                .iter()
                .all(|f| matches!(f.state, FeedbackState::Sent(_)));
        if sent {
            writeln!(out, "done")?;
            out.flush()?;
            return Ok(());
        }
        if started.elapsed() > wait {
            bail!("gave up: bookings still unsent");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The fault proxy: one request per connection (the client reconnects for the next), faults
/// taken from `plan` in order, everything else passed to `server` unchanged.
async fn serve_proxy(
    listener: TcpListener,
    server: SocketAddr,
    plan: Arc<Mutex<Plan>>,
    signals: mpsc::Sender<Signal>,
) {
    loop {
        let Ok((client, _)) = listener.accept().await else {
            continue;
        };
        let (plan, signals) = (plan.clone(), signals.clone());
        tokio::spawn(async move {
            let _ = proxy_one(client, server, &plan, &signals).await;
        });
    }
}

async fn proxy_one(
    mut client: TcpStream,
    server: SocketAddr,
    plan: &Mutex<Plan>,
    signals: &mpsc::Sender<Signal>,
) -> std::io::Result<()> {
    let request = read_message(&mut client).await?;
    let booking = request.starts_with(b"POST /v1/callbacks");
    let (fault, arrival, answer) = match plan.lock() {
        Ok(mut p) if booking => {
            let fault = p.faults.pop_front();
            p.injected += usize::from(fault.is_some());
            (fault, p.signal_arrival, p.signal_answer)
        }
        _ => (None, false, false),
    };
    match fault {
        Some(NetFault::Status500) => {
            return client
                .write_all(b"HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                .await;
        }
        Some(NetFault::Status503) => {
            return client
                .write_all(b"HTTP/1.1 503 Service Unavailable\r\nretry-after: 0\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                .await;
        }
        Some(NetFault::Hang) => {
            tokio::time::sleep(Duration::from_secs(2)).await;
            return Ok(());
        }
        Some(NetFault::DropBefore) => return Ok(()),
        _ => {}
    }
    if arrival && booking {
        let _ = signals.send(Signal::RequestArrived);
        // The child is killed now; its request still reaches the server.
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut upstream = TcpStream::connect(server).await?;
    upstream.write_all(&request).await?;
    let response = read_message(&mut upstream).await?;
    if answer && booking {
        let _ = signals.send(Signal::ServerAnswered);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    match fault {
        Some(NetFault::DropMidBody) => client.write_all(&response[..response.len() / 2]).await,
        Some(NetFault::AnswerLost) => Ok(()),
        _ => client.write_all(&response).await,
    }
}

/// One HTTP/1.1 message from `stream`: its head and its body, framed by `content-length` or by
/// chunked transfer coding (RFC 9112 §6.1, §7.1; a compressed answer is sent chunked), bytes
/// unchanged.
async fn read_message(stream: &mut TcpStream) -> std::io::Result<Vec<u8>> {
    let mut data = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        if let Some(end) = find(&data, b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).to_ascii_lowercase();
            let header = |name: &str| {
                head.lines()
                    .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_owned()))
            };
            let whole = if header("transfer-encoding:").is_some_and(|v| v.ends_with("chunked")) {
                chunked_end(&data, end + 4)
            } else {
                let length = header("content-length:")
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(0);
                Some(end + 4 + length).filter(|whole| data.len() >= *whole)
            };
            if let Some(whole) = whole {
                data.truncate(whole);
                return Ok(data);
            }
        }
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        data.extend_from_slice(&buf[..n]);
    }
}

/// Where a chunked body that starts at `at` ends (just past the empty line after its last chunk
/// and trailers), or `None` while it has not all arrived (RFC 9112 §7.1).
fn chunked_end(data: &[u8], mut at: usize) -> Option<usize> {
    loop {
        let line = at + find(&data[at..], b"\r\n")?;
        let size = String::from_utf8_lossy(&data[at..line]);
        let size = size.split(';').next().unwrap_or_default().trim().to_owned();
        let size = usize::from_str_radix(&size, 16).ok()?;
        at = line + 2;
        if size == 0 {
            // Trailer fields, then an empty line.
            loop {
                let line = at + find(&data[at..], b"\r\n")?;
                let empty = line == at;
                at = line + 2;
                if empty {
                    return Some(at);
                }
            }
        }
        at += size + 2;
        if data.len() < at {
            return None;
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_gives_the_same_schedules_and_covers_every_fault() {
        let a: Vec<Schedule> = (0..300).map(|n| Schedule::nth(7, n)).collect();
        let b: Vec<Schedule> = (0..300).map(|n| Schedule::nth(7, n)).collect();
        assert_eq!(a, b);
        for kill in [
            Kill::BeforeCommit,
            Kill::AfterCommit,
            Kill::DuringRequest,
            Kill::AfterServerCommit,
        ] {
            assert!(a.iter().any(|s| s.kill == Some(kill)), "{kill:?}");
        }
        assert!(a.iter().any(|s| s.kill.is_none()));
        assert!(a.iter().any(|s| s.restart));
        for f in [
            NetFault::Status500,
            NetFault::Status503,
            NetFault::Hang,
            NetFault::DropBefore,
            NetFault::DropMidBody,
            NetFault::AnswerLost,
        ] {
            assert!(a.iter().any(|s| s.faults.contains(&f)), "{f:?}");
        }
    }

    #[test]
    fn a_chunked_body_ends_after_its_last_chunk_and_trailers() {
        let body = b"HTTP/1.1 200 OK\r\n\r\n5;x=1\r\nhello\r\n3\r\n, w\r\n0\r\nt: 1\r\n\r\nNEXT";
        assert_eq!(chunked_end(body, 19), Some(body.len() - 4));
        for cut in 19..body.len() - 4 {
            assert_eq!(chunked_end(&body[..cut], 19), None, "{cut}");
        }
    }

    #[test]
    fn the_summary_line_has_the_agreed_shape() {
        let t = Totals {
            schedules: 2,
            saved: 6,
            on_server: 6,
            lost: 0,
            duplicated: 0,
            ..Totals::default()
        };
        assert_eq!(
            t.to_string(),
            "schedules=2 saved=6 on_server=6 lost=0 duplicated=0"
        );
    }
}
