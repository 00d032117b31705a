//! `legal-backend`: the reference backend as a program.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use clap::{Parser, Subcommand};
use legal_kiosk_backend as backend;

#[derive(Parser)]
#[command(
    name = "legal-backend",
    version,
    about = "Reference backend of legal-kiosk (demo data)"
)]
struct Cli {
    /// SQLite database file; created and seeded with demo data if needed. The same as
    /// `--database PATH`.
    #[arg(long, global = true, default_value = "legal-backend.sqlite3")]
    db: PathBuf,
    /// The database: a `postgres://user:password@host:port/name` URL (PostgreSQL, which
    /// several instances may share; `?host=/dir` for a unix socket), or a SQLite file path.
    /// Overrides `--db`.
    #[arg(
        long,
        global = true,
        env = "LEGAL_BACKEND_DATABASE",
        conflicts_with = "db"
    )]
    database: Option<String>,
    /// PostgreSQL only: most connections this instance opens to the database at once.
    #[arg(long, global = true, env = "LEGAL_BACKEND_POOL_SIZE", default_value_t = 16,
          value_parser = clap::value_parser!(u32).range(1..))]
    pool_size: u32,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8348")]
    listen: SocketAddr,
    /// Also accept this device token (for a demo set-up with a token known in advance).
    #[arg(long, env = "LEGAL_BACKEND_DEMO_TOKEN")]
    demo_token: Option<String>,
    /// Callbacks one mobile number may hold that are booked and not started yet.
    #[arg(long, default_value_t = backend::Limits::default().open_per_mobile,
          value_parser = clap::value_parser!(u32).range(1..))]
    max_open_per_mobile: u32,
    /// Bookings one device may make in any 60 minutes.
    #[arg(long, default_value_t = backend::Limits::default().per_device_hour,
          value_parser = clap::value_parser!(u32).range(1..))]
    max_bookings_per_device_hour: u32,
    /// Complaints and suggestions one device may send in any 60 minutes.
    #[arg(long, default_value_t = backend::Limits::default().feedback_per_device_hour,
          value_parser = clap::value_parser!(u32).range(1..))]
    max_feedback_per_device_hour: u32,
    /// Days a booking (booked, called, missed or cancelled) is kept after its slot ended; then
    /// it is deleted, mobile number, name and note with it. The server purges at start and
    /// every hour.
    #[arg(long, global = true, env = "LEGAL_BACKEND_RETENTION_DAYS",
          default_value_t = backend::Retention::default().days,
          value_parser = clap::value_parser!(u32).range(1..))]
    retention_days: u32,
    /// Seconds a client may take to send a request head (from the connection's opening, or
    /// from the previous answer on a kept-alive connection); then the connection is closed.
    #[arg(long, env = "LEGAL_BACKEND_HEADER_READ_TIMEOUT",
          default_value_t = backend::ServeConfig::default().header_read_timeout.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..))]
    header_read_timeout: u64,
    /// Seconds the server waits for the next bytes of a request body; then 408 and the
    /// connection is closed.
    #[arg(long, env = "LEGAL_BACKEND_BODY_READ_TIMEOUT",
          default_value_t = backend::ServeConfig::default().body_read_timeout.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..))]
    body_read_timeout: u64,
    /// Most connections served at once; beyond it, new ones wait in the listen backlog until
    /// one closes. Keep `ulimit -n` above it.
    #[arg(long, env = "LEGAL_BACKEND_MAX_CONNECTIONS",
          default_value_t = backend::ServeConfig::default().max_connections as u64,
          value_parser = clap::value_parser!(u64).range(1..))]
    max_connections: u64,
    /// Milliseconds a request waits for a database another process has locked; then 503
    /// server-busy with Retry-After.
    #[arg(long, env = "LEGAL_BACKEND_DB_BUSY_TIMEOUT_MS",
          default_value_t = u64::try_from(backend::ServeConfig::default().db_busy_timeout.as_millis()).unwrap_or(u64::MAX),
          value_parser = clap::value_parser!(u64).range(1..))]
    db_busy_timeout_ms: u64,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Print the OpenAPI 3.1 document (the committed crates/backend/openapi.json).
    Openapi,
    /// Publish a newer signed content bundle (from `legal-content build`); devices fetch it from
    /// GET /v1/bundle. An older or equal version is refused.
    Publish {
        bundle: PathBuf,
        /// The public key (hex) the bundle must be signed with; default: the development key.
        #[arg(long)]
        key: Option<String>,
    },
    /// Issue a new device token and print it (it is not shown again).
    IssueToken {
        /// What the token is for, e.g. the device's location.
        #[arg(long, default_value = "device")]
        label: String,
    },
    /// List every device that has had a token: id, label, created, last seen (to the minute),
    /// revoked. Times are UTC.
    Devices,
    /// Revoke a device's token (by the id `devices` lists): its next request is refused with
    /// 401, also by a server running on the same database now.
    RevokeToken {
        /// The device's id.
        device: i64,
    },
    /// Print the audit log (lockouts, revocations, purges); it holds no personal data.
    Audit,
    /// Delete now the bookings past --retention-days, and the complaints and suggestions past
    /// theirs (the server also does it every hour).
    Purge,
}

impl Cli {
    /// The database `--database` or `--db` names.
    fn target(&self) -> backend::DatabaseTarget {
        match &self.database {
            Some(spec) => backend::DatabaseTarget::parse(spec),
            None => backend::DatabaseTarget::Sqlite(self.db.clone()),
        }
    }

    /// The database, opened (not seeded).
    async fn open(&self) -> anyhow::Result<backend::Store> {
        let target = self.target();
        backend::Store::open(&target, self.pool_size)
            .await
            .with_context(|| format!("opening {target}"))
    }

    /// The database, opened and seeded with the demo data.
    async fn open_demo(&self) -> anyhow::Result<backend::Store> {
        let target = self.target();
        backend::Store::open_demo(&target, self.pool_size)
            .await
            .with_context(|| format!("opening {target}"))
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match &cli.command {
        Some(Command::Openapi) => {
            print!("{}", backend::openapi::document());
            Ok(())
        }
        Some(Command::Publish { bundle, key }) => {
            let key = match key {
                Some(hex) => legal_kiosk_content::bundle::verifying_key_from_hex(hex)?,
                None => legal_kiosk_content::bundle::dev_verifying_key()?,
            };
            let bytes =
                std::fs::read(bundle).with_context(|| format!("reading {}", bundle.display()))?;
            let db = cli.open_demo().await?;
            let version = db.publish_bundle(&bytes, &key).await?;
            println!("published content bundle version {version}");
            Ok(())
        }
        Some(Command::IssueToken { label }) => {
            let db = cli.open_demo().await?;
            println!("{}", db.issue_device_token(label).await?);
            Ok(())
        }
        Some(Command::Devices) => {
            let db = cli.open().await?;
            println!("id\tcreated\tlast seen\trevoked\tlabel");
            for d in db.devices().await? {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    d.id,
                    utc(Some(d.created_at)),
                    utc(d.last_seen),
                    utc(d.revoked_at),
                    d.label
                );
            }
            Ok(())
        }
        Some(Command::RevokeToken { device }) => {
            let device = *device;
            let db = cli.open().await?;
            match db.revoke_device(device).await? {
                backend::Revocation::Revoked => println!("revoked the token of device {device}"),
                backend::Revocation::AlreadyRevoked => {
                    println!("device {device}'s token was revoked before")
                }
                backend::Revocation::NoSuchDevice => anyhow::bail!("no device has the id {device}"),
            }
            Ok(())
        }
        Some(Command::Audit) => {
            let db = cli.open().await?;
            for e in db.audit_log().await? {
                let device = e.device.map_or("-".to_owned(), |d| d.to_string());
                println!("{}\t{}\t{device}\t{}", utc(Some(e.at)), e.event, e.detail);
            }
            Ok(())
        }
        Some(Command::Purge) => {
            let db = cli.open().await?;
            let retention = backend::Retention {
                days: cli.retention_days,
            };
            let purged = db.purge_past_bookings(retention).await?;
            println!(
                "deleted {purged} bookings whose slot ended over {} days ago",
                retention.days
            );
            let feedback = db.purge_old_feedback().await?;
            println!(
                "deleted {} complaints and suggestions received over {} days ago, and {} \
                 phone-page texts over {} days old that no complaint or suggestion names",
                feedback.feedback,
                backend::FEEDBACK_RETENTION_DAYS,
                feedback.texts,
                backend::UNJOINED_TEXT_RETENTION_DAYS
            );
            Ok(())
        }
        None => serve(cli).await,
    }
}

/// Unix seconds as RFC 3339 UTC, `-` for none.
fn utc(seconds: Option<i64>) -> String {
    seconds
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map_or("-".to_owned(), |t| t.to_rfc3339())
}

async fn serve(cli: Cli) -> anyhow::Result<()> {
    let db = cli.open_demo().await?;
    if let Some(token) = &cli.demo_token {
        db.register_device_token(token, "--demo-token").await?;
    } else if db.device_count().await? == 0 {
        let token = db.issue_device_token("first device").await?;
        eprintln!("No device had a token yet; issued one (shown only now):\n{token}");
    }
    let listener = tokio::net::TcpListener::bind(cli.listen)
        .await
        .with_context(|| format!("listening on {}", cli.listen))?;
    eprintln!(
        "legal-backend (demo data) listening on http://{}",
        listener.local_addr()?
    );
    let config = backend::ServeConfig {
        limits: backend::Limits {
            open_per_mobile: cli.max_open_per_mobile,
            per_device_hour: cli.max_bookings_per_device_hour,
            feedback_per_device_hour: cli.max_feedback_per_device_hour,
        },
        retention: backend::Retention {
            days: cli.retention_days,
        },
        header_read_timeout: Duration::from_secs(cli.header_read_timeout),
        body_read_timeout: Duration::from_secs(cli.body_read_timeout),
        max_connections: usize::try_from(cli.max_connections).unwrap_or(usize::MAX),
        db_busy_timeout: Duration::from_millis(cli.db_busy_timeout_ms),
    };
    backend::serve_configured(db, config, listener, stop_requested()).await?;
    eprintln!("legal-backend: stopped");
    Ok(())
}

/// Completes at the first SIGINT (Ctrl-C) or SIGTERM (what `kill`, systemd and container
/// runtimes send to stop a service); the server then drains the requests in flight.
async fn stop_requested() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = terminate.recv() => {}
                }
            }
            Err(e) => {
                eprintln!("legal-backend: cannot watch SIGTERM ({e}); stop it with SIGINT");
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
    eprintln!("legal-backend: stopping; answering the requests in flight");
}
