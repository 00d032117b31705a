//! Compiles the Slint UI. Builds with debug assertions (dev and test builds, which are
//! optimised here) carry element debug info so UI tests can find elements by type, id and
//! accessible label; release builds do not pay for it.

fn main() {
    // Not PROFILE: cargo reports an optimised dev profile as "release".
    let debug = std::env::var_os("CARGO_CFG_DEBUG_ASSERTIONS").is_some();
    let config = slint_build::CompilerConfiguration::new().with_debug_info(debug);
    if let Err(e) = slint_build::compile_with_config("ui/app.slint", config) {
        // A build script has no user to talk to: fail the build with the compiler's words.
        eprintln!("{e}");
        std::process::exit(1);
    }
    println!("cargo:rerun-if-changed=i18n");
}
