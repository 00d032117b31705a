//! `legal-content`: check the content sources and build the signed offline bundle.

use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use legal_kiosk_content::bundle::{signing_key_from_text, to_hex};
use legal_kiosk_content::{Bundle, Source, unchecked_claims, validate};

#[derive(Parser)]
#[command(about = "Check legal-kiosk's guide content and build the signed offline bundle")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate the sources and list every finding, then every claim marked unchecked.
    Check {
        #[arg(long, default_value = "assets/content")]
        content: PathBuf,
        /// The UI messages, held to the glossary too.
        #[arg(long, default_value = "i18n")]
        i18n: PathBuf,
    },
    /// Validate, compile and sign.
    Build {
        #[arg(long, default_value = "assets/content")]
        content: PathBuf,
        #[arg(long, default_value = "i18n")]
        i18n: PathBuf,
        /// File holding the 32-byte ed25519 seed in hex.
        #[arg(long, default_value = "assets/bundle/DEV-SIGNING-KEY.txt")]
        key: PathBuf,
        #[arg(short, long, default_value = "assets/bundle/content.lkb")]
        output: PathBuf,
    },
    /// Print the public key of a signing key file, for the devices' configuration.
    PublicKey {
        #[arg(long, default_value = "assets/bundle/DEV-SIGNING-KEY.txt")]
        key: PathBuf,
    },
}

/// Loads and validates; findings fail, unchecked claims are listed as warnings.
fn checked(content: &std::path::Path, i18n: &std::path::Path) -> anyhow::Result<Source> {
    let source = Source::load(content)?.with_messages(i18n)?;
    let findings = validate(&source);
    for f in &findings {
        eprintln!("{f}");
    }
    if !findings.is_empty() {
        bail!("{} finding(s) in {}", findings.len(), content.display());
    }
    let unchecked = unchecked_claims(&source);
    for w in &unchecked {
        eprintln!("warning: {w}");
    }
    if !unchecked.is_empty() {
        eprintln!(
            "warning: {} check record(s) unchecked: their claims have not been read against the text",
            unchecked.len()
        );
    }
    Ok(source)
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Check { content, i18n } => {
            let source = checked(&content, &i18n)?;
            println!(
                "{} guides, {} categories, {} regions: no findings",
                source.guides.len(),
                source.categories.len(),
                source.regions.len()
            );
        }
        Command::Build {
            content,
            i18n,
            key,
            output,
        } => {
            let source = checked(&content, &i18n)?;
            let text = std::fs::read_to_string(&key).with_context(|| key.display().to_string())?;
            let key = signing_key_from_text(&text)?;
            let bytes = Bundle::compile(&source).sign(&key);
            std::fs::write(&output, &bytes).with_context(|| output.display().to_string())?;
            println!(
                "{}: version {}, {} bytes",
                output.display(),
                source.info.version,
                bytes.len()
            );
        }
        Command::PublicKey { key } => {
            let text = std::fs::read_to_string(&key).with_context(|| key.display().to_string())?;
            println!(
                "{}",
                to_hex(signing_key_from_text(&text)?.verifying_key().as_bytes())
            );
        }
    }
    Ok(())
}
