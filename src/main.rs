//! The `legal-kiosk` command: runs the app in a window, renders screenshots headlessly, and
//! measures itself.

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use legal_kiosk::connection::{self, BackendChoice, ConfigFix};
use legal_kiosk::headless::Harness;
use legal_kiosk::ui::Link;
use legal_kiosk::{Shell, bench};
use legal_kiosk_core::Profile;
use legal_kiosk_core::config::Config;
use legal_kiosk_core::i18n::DisplayMode;
use legal_kiosk_core::link::LinkState;
use slint::ComponentHandle;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "legal-kiosk",
    version,
    about = "Inner Mongolia public legal services: TV box, tablet and kiosk client"
)]
struct Cli {
    /// Device profile: tv, tablet or kiosk (default: the config file's, else tablet).
    #[arg(long, global = true)]
    profile: Option<Profile>,
    /// Display language: mn, zh or bilingual (default: the config file's, else zh).
    #[arg(long, global = true)]
    lang: Option<DisplayMode>,
    /// Config file (default: $XDG_CONFIG_HOME/legal-kiosk/config.toml).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    /// Renderer for the window: software (any box) or femtovg (OpenGL ES boxes).
    #[arg(long, value_enum, default_value_t = Renderer::Software)]
    renderer: Renderer,
    /// Fill the screen, as on a TV box or kiosk.
    #[arg(long)]
    fullscreen: bool,
    /// A real backend (`https://…`) instead of the embedded demo backend.
    #[arg(long, global = true)]
    backend: Option<String>,
    /// This device's token for --backend.
    #[arg(long, global = true)]
    device_token: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Renderer {
    Software,
    Femtovg,
}

#[derive(Clone, Copy, ValueEnum)]
enum LinkArg {
    Checking,
    Online,
    Offline,
}

#[derive(Subcommand)]
enum Command {
    /// Render one view headlessly to a PNG at the profile's physical size.
    Screenshot {
        /// The view to show: home, guides, guide-list, guide, callback, status, offices,
        /// language, settings; or guide:<id> for one guide.
        #[arg(long, default_value = "home")]
        view: String,
        /// Remote keys to press first, by X11 name: "Down Down Return".
        #[arg(long, default_value = "")]
        keys: String,
        /// The connection state to picture (without --with-backend).
        #[arg(long, value_enum, default_value_t = LinkArg::Online)]
        link: LinkArg,
        /// Start the backend (the embedded demo backend, or --backend) with the device's
        /// booking outbox and content cache in a fresh temporary directory, so booking screens
        /// show real slots and reference numbers. Without it a screenshot starts no backend.
        #[arg(long)]
        with_backend: bool,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Measure start-up, memory and redraw times (numbers for the issue notes).
    Bench {
        /// Redraws to time per measurement.
        #[arg(long, default_value_t = 30)]
        iterations: usize,
    },
    /// Render any text as the app shows it, for checking a translation without a screen.
    PreviewText {
        /// Lay Mongolian out in vertical columns (top to bottom, left to right).
        #[arg(long)]
        vertical: bool,
        /// Column height (vertical) or line width (horizontal), in pixels.
        #[arg(long, default_value_t = 800)]
        height: u32,
        /// Font size in pixels.
        #[arg(long, default_value_t = 32.0)]
        size: f32,
        #[arg(short = 'i', long = "input")]
        input: PathBuf,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Run schedules of faults against the reference backend on loopback (kill -9 of a child
    /// process at four moments, 5xx, timeouts, dropped connections, a server restart) and
    /// check that every booking saved is booked exactly once. Ends with
    /// `schedules=N saved=S on_server=S lost=0 duplicated=0` (exit 1 when a booking was lost
    /// or duplicated).
    #[cfg(feature = "demo-backend")]
    SoakBookings {
        #[arg(long, default_value_t = 100)]
        schedules: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Measure booking: OK on confirm to COMMIT (p50/p99) through the service worker, and the
    /// longest UI frame while a booking is saved and sent (numbers for the issue notes).
    #[cfg(feature = "demo-backend")]
    BenchBookings {
        /// Bookings committed for the OK -> COMMIT figures.
        #[arg(long, default_value_t = 200)]
        bookings: usize,
        /// Bookings made through the UI for the frame figures.
        #[arg(long, default_value_t = 20)]
        frames: usize,
    },
    /// Measure application status: OK on "look up" until the timeline is drawn at 4K, against
    /// the reference backend on loopback, in each display mode (numbers for the issue notes).
    #[cfg(feature = "demo-backend")]
    BenchStatus {
        /// Lookups per display mode.
        #[arg(long, default_value_t = 50)]
        lookups: usize,
    },
    /// One child of soak-bookings.
    #[cfg(feature = "demo-backend")]
    #[command(hide = true)]
    SoakChild {
        #[arg(long)]
        outbox: PathBuf,
        #[arg(long)]
        url: String,
        #[arg(long)]
        token: String,
        #[arg(long)]
        slots: String,
        #[arg(long)]
        first_mobile: usize,
        #[arg(long)]
        schedule: usize,
        #[arg(long)]
        via_service: bool,
    },
    /// Render the first frame and report it on stdout (the benchmark's child process).
    #[command(hide = true)]
    FirstFrame {
        #[arg(long)]
        width: u32,
        #[arg(long)]
        height: u32,
        #[arg(long)]
        scale: f32,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    with_font_diagnosis(move || run(cli))
}

/// Runs the command. With no font at all on the box, the text stack (fontique, inside Slint
/// and parley) panics while it lists the system's fonts; asking first would cost every start
/// a second font scan (8 ms measured), so the app asks only after fontique panicked, and then
/// says what to install instead of printing that panic. Every other panic is printed by the
/// default hook as it happens.
fn with_font_diagnosis(run: impl FnOnce() -> anyhow::Result<()>) -> anyhow::Result<()> {
    static FONTIQUE_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_fontique = info
            .location()
            .is_some_and(|l| l.file().contains("fontique"));
        if in_fontique && let Ok(mut slot) = FONTIQUE_PANIC.lock() {
            *slot = Some(info.to_string());
            return;
        }
        default_hook(info);
    }));
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(result) => result,
        Err(payload) => {
            let fontique = FONTIQUE_PANIC.lock().ok().and_then(|mut s| s.take());
            if let Some(report) = fontique {
                if !legal_kiosk_vertical::system_fonts_present() {
                    anyhow::bail!(
                        "no fonts found: fontconfig lists none. Install fonts-noto-core and \
                         fonts-noto-cjk (Debian), or any font for Latin digits and a CJK font \
                         for Chinese; Mongolian is built in"
                    );
                }
                eprintln!("legal-kiosk: {report}");
            }
            std::panic::resume_unwind(payload)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let config_path = cli.config.clone().or_else(Config::default_path);
    let loaded = config_path.as_deref().map(Config::read).unwrap_or_default();
    let config = loaded.config.clone();
    let profile = cli.profile.unwrap_or(config.profile);
    let lang = cli.lang.unwrap_or(config.lang);

    // A server given on the command line wins; otherwise the config's, and a config that
    // names one it cannot use gets no backend at all rather than the demo one.
    let mut startup = Startup {
        problems: loaded.problems.clone(),
        fixes: Vec::new(),
    };
    // An idle time outside what a hall can use is said on screen too (the nearest one is used).
    if let Some(secs) = config.idle_timeout_secs {
        let allowed =
            legal_kiosk_core::idle::MIN_IDLE.as_secs()..=legal_kiosk_core::idle::MAX_IDLE.as_secs();
        if !allowed.contains(&secs) {
            startup
                .problems
                .push(legal_kiosk_core::config::ConfigProblem {
                    key: "idle_timeout_secs".into(),
                    kind: legal_kiosk_core::config::ProblemKind::BadValue(format!(
                        "{secs} is outside {}–{} s",
                        allowed.start(),
                        allowed.end()
                    )),
                });
        }
    }
    let backend = match (cli.backend.clone(), cli.device_token.clone()) {
        (Some(url), Some(device_token)) => Some(BackendChoice::Remote { url, device_token }),
        (url, token) => connection::decide_backend(
            url.or(config.backend_url.clone()),
            token.or(config.device_token.clone()),
            &loaded,
        )
        .map_err(|fix| startup.fixes.push(fix))
        .ok(),
    };
    let content = content_settings(&config).unwrap_or_else(|fix| {
        startup.fixes.push(fix);
        legal_kiosk::guides::ContentSettings {
            key: legal_kiosk_content::bundle::dev_verifying_key()
                .unwrap_or_else(|_| unreachable_key()),
            region: None,
        }
    });
    // With something to fix, nothing is fetched from anywhere: only the guides the app holds.
    let backend = backend.filter(|_| startup.fixes.is_empty());

    match cli.command {
        None => {
            let settings = Settings {
                config,
                path: config_path,
            };
            run_window(
                profile,
                lang,
                cli.renderer,
                cli.fullscreen,
                (backend, content, startup),
                settings,
            )
        }
        Some(Command::Screenshot {
            view,
            keys,
            link,
            with_backend,
            output,
        }) => {
            let harness = Harness::new(profile, lang)?;
            if let Some(timeout) = idle_timeout(&config) {
                harness.shell().set_idle_timeout(timeout);
            }
            let key = content.key;
            harness.shell().configure_content(content);
            harness.shell().configure_settings(
                None,
                config.high_contrast.unwrap_or(false),
                config.text_size,
            );
            harness
                .shell()
                .set_public_base(config.public_base_url.clone());
            // Content settings change what the guides show: fill the screen anew.
            harness.shell().open("home");
            let window = harness.shell().window();
            window
                .global::<Link>()
                .set_demo(backend.as_ref().is_some_and(BackendChoice::is_demo));
            let state = match link {
                LinkArg::Checking => LinkState::Checking,
                LinkArg::Online => LinkState::Online,
                LinkArg::Offline => LinkState::Offline {
                    since: std::time::SystemTime::now(),
                    code: legal_kiosk_core::rest::ErrorCode::Offline,
                },
            };
            connection::show(window, &state);
            // Removed when the screenshot is taken (its outbox holds the mobile numbers typed).
            let scratch = with_backend.then(ScratchDir::new).transpose()?;
            if let (Some(dir), Some(backend)) = (&scratch, backend) {
                let backend = match backend {
                    BackendChoice::Demo { .. } => BackendChoice::Demo {
                        db: dir.0.join("demo-backend.sqlite"),
                    },
                    remote => remote,
                };
                harness.shell().start_service(backend.service_config(
                    key,
                    Some(dir.0.clone()),
                    profile,
                    config.remember_applications,
                ))?;
            }
            // The start-up font check, as in the window: a missing font shows in the shot.
            harness.shell().check_fonts();
            if !harness.shell().open(&view) {
                anyhow::bail!(
                    "unknown view {view:?}; views: {}, or guide:<id>",
                    harness.shell().view_names().join(" ")
                );
            }
            harness
                .shell()
                .report_config(&startup.problems, &startup.fixes);
            harness.settle()?;
            harness.press_keys(&keys)?;
            harness.frame().save_png(&output)?;
            Ok(())
        }
        Some(Command::Bench { iterations }) => {
            let exe = std::env::current_exe().context("cannot find this executable")?;
            let report = bench::run(&exe, iterations)?;
            print!("{report}");
            Ok(())
        }
        Some(Command::PreviewText {
            vertical,
            height,
            size,
            input,
            output,
        }) => preview_text(vertical, height, size, &input, &output),
        #[cfg(feature = "demo-backend")]
        Some(Command::SoakBookings { schedules, seed }) => {
            let exe = std::env::current_exe().context("cannot find this executable")?;
            let dir = ScratchDir::new()?;
            let totals =
                legal_kiosk::soak::run(&exe, &dir.0, schedules, seed, |line| eprintln!("{line}"))?;
            println!("{}", totals.faults_line());
            println!("{totals}");
            if totals.lost > 0 || totals.duplicated > 0 || totals.saved != totals.on_server {
                anyhow::bail!("bookings were lost or duplicated");
            }
            Ok(())
        }
        #[cfg(feature = "demo-backend")]
        Some(Command::BenchBookings { bookings, frames }) => {
            let dir = ScratchDir::new()?;
            let report = bench::bookings(&dir.0, bookings, frames)?;
            print!("{report}");
            Ok(())
        }
        #[cfg(feature = "demo-backend")]
        Some(Command::BenchStatus { lookups }) => {
            print!("{}", bench::status(lookups)?);
            Ok(())
        }
        #[cfg(feature = "demo-backend")]
        Some(Command::SoakChild {
            outbox,
            url,
            token,
            slots,
            first_mobile,
            schedule,
            via_service,
        }) => legal_kiosk::soak::child(&legal_kiosk::soak::ChildArgs {
            outbox,
            url,
            token,
            slots,
            first_mobile,
            schedule,
            via_service,
        }),
        Some(Command::FirstFrame {
            width,
            height,
            scale,
        }) => bench::first_frame_child(profile, lang, width, height, scale),
    }
}

/// A private temporary directory, removed with everything in it when dropped.
struct ScratchDir(PathBuf);

impl ScratchDir {
    fn new() -> anyhow::Result<ScratchDir> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!(
            "legal-kiosk-screenshot-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir)
            .and_then(|()| private_dir(&dir))
            .with_context(|| format!("cannot make {}", dir.display()))?;
        Ok(ScratchDir(dir))
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What start-up found in the config: settings left out, and what keeps the box from working
/// (said on screen once the window is up).
struct Startup {
    problems: Vec<legal_kiosk_core::config::ConfigProblem>,
    fixes: Vec<ConfigFix>,
}

/// A key nothing is signed with (the development key could not be made, which does not
/// happen): content from anywhere is refused.
fn unreachable_key() -> legal_kiosk_content::VerifyingKey {
    legal_kiosk_content::VerifyingKey::from_bytes(&[0; 32])
        .unwrap_or_else(|_| legal_kiosk_content::VerifyingKey::default())
}

/// The content key and the device's region from the config. A configured key that is not a
/// key is something to fix: falling back to the public development key would trust anyone's
/// bundle, so the box then fetches nothing.
fn content_settings(config: &Config) -> Result<legal_kiosk::guides::ContentSettings, ConfigFix> {
    let key = match &config.bundle_public_key {
        Some(hex) => legal_kiosk_content::bundle::verifying_key_from_hex(hex)
            .map_err(|_| ConfigFix::BadKey)?,
        None => legal_kiosk_content::bundle::dev_verifying_key().map_err(|_| ConfigFix::BadKey)?,
    };
    let code = config
        .region
        .clone()
        .unwrap_or_else(|| legal_kiosk::guides::DEFAULT_REGION.to_owned());
    let region = legal_kiosk_api::RegionCode::parse(&code)
        .map_err(|_| eprintln!("legal-kiosk: region {code:?} in the config is not a region code"))
        .ok();
    Ok(legal_kiosk::guides::ContentSettings { key, region })
}

/// The config as read, and where to save changes the person makes (the display language).
struct Settings {
    config: Config,
    path: Option<PathBuf>,
}

/// The kiosk's idle time from the config, kept within 30–300 s (a value outside is said on
/// stderr and the nearest allowed one used).
fn idle_timeout(config: &Config) -> Option<std::time::Duration> {
    use legal_kiosk_core::idle::{MAX_IDLE, MIN_IDLE};
    let secs = config.idle_timeout_secs?;
    let asked = std::time::Duration::from_secs(secs);
    let used = asked.clamp(MIN_IDLE, MAX_IDLE);
    if used != asked {
        eprintln!(
            "legal-kiosk: idle_timeout_secs = {secs} is outside {}–{} s; using {} s",
            MIN_IDLE.as_secs(),
            MAX_IDLE.as_secs(),
            used.as_secs()
        );
    }
    Some(used)
}

fn run_window(
    profile: Profile,
    lang: DisplayMode,
    renderer: Renderer,
    fullscreen: bool,
    (backend, content, startup): (
        Option<BackendChoice>,
        legal_kiosk::guides::ContentSettings,
        Startup,
    ),
    settings: Settings,
) -> anyhow::Result<()> {
    let renderer_name = match renderer {
        Renderer::Software => "software",
        Renderer::Femtovg => "femtovg",
    };
    slint::BackendSelector::new()
        .backend_name("winit".into())
        .renderer_name(renderer_name.into())
        .select()
        .with_context(|| format!("cannot open a window with the {renderer_name} renderer"))?;
    let shell = Shell::new(profile, lang)?;
    if let Some(timeout) = idle_timeout(&settings.config) {
        shell.set_idle_timeout(timeout);
    }
    let demo = backend.as_ref().is_some_and(BackendChoice::is_demo);
    let data_dir = Config::data_dir();
    if let Some(dir) = &data_dir {
        // Bookings (mobile numbers) and the demo database live here: this user's alone.
        let made = std::fs::create_dir_all(dir).and_then(|()| private_dir(dir));
        if let Err(e) = made {
            eprintln!("legal-kiosk: cannot set up {}: {e}", dir.display());
        }
    }
    let service = backend.map(|b| {
        b.service_config(
            content.key,
            data_dir,
            profile,
            settings.config.remember_applications,
        )
    });
    shell.configure_content(content);
    shell.set_public_base(settings.config.public_base_url.clone());
    let (w, h) = profile.logical_size();
    shell
        .window()
        .window()
        .set_size(slint::LogicalSize::new(w as f32, h as f32));
    shell.window().window().set_fullscreen(fullscreen);
    shell.window().global::<Link>().set_demo(demo);
    match service {
        Some(service) => shell.start_service(service)?,
        // Nothing to talk to until the config is fixed: say offline, not "checking" forever.
        None => connection::show(
            shell.window(),
            &LinkState::Offline {
                since: std::time::SystemTime::now(),
                code: legal_kiosk_core::rest::ErrorCode::Offline,
            },
        ),
    }
    shell.check_fonts();
    shell.report_config(&startup.problems, &startup.fixes);
    shell.configure_settings(
        settings.path.clone(),
        settings.config.high_contrast.unwrap_or(false),
        settings.config.text_size,
    );
    shell.window().run()?;
    Ok(())
}

#[cfg(unix)]
fn private_dir(dir: &std::path::Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
}

#[cfg(not(unix))]
fn private_dir(_dir: &std::path::Path) -> std::io::Result<()> {
    Ok(())
}

/// `preview-text`: the text on a dark ground, as the app draws it.
fn preview_text(
    vertical: bool,
    height: u32,
    size: f32,
    input: &std::path::Path,
    output: &std::path::Path,
) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(input)
        .with_context(|| format!("cannot read {} as UTF-8 text", input.display()))?;
    let mut vt = legal_kiosk_vertical::VerticalText::new();
    for font in legal_kiosk::vertical::missing_fonts(&mut vt) {
        eprintln!("legal-kiosk: missing font: {font}");
    }
    let mut style = legal_kiosk_vertical::Style::new(size, height);
    style.color = legal_kiosk::vertical::TEXT_RGBA;
    let image = if vertical {
        vt.render_vertical(text.trim_end(), &style)?
    } else {
        vt.render_horizontal(text.trim_end(), &style)?
    };
    legal_kiosk::headless::Frame::from_rgba_on(
        &image.rgba,
        image.width,
        image.height,
        [0x0b, 0x1e, 0x33],
    )
    .save_png(output)
}
