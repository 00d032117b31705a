//! Compiles the Slint UI. Debug builds (tests among them) carry element debug info so UI tests
//! can find elements by id and accessible label; release builds do not pay for it.

fn main() {
    let debug = std::env::var("PROFILE").is_ok_and(|p| p == "debug");
    let config = slint_build::CompilerConfiguration::new().with_debug_info(debug);
    if let Err(e) = slint_build::compile_with_config("ui/app.slint", config) {
        // A build script has no user to talk to: fail the build with the compiler's words.
        eprintln!("{e}");
        std::process::exit(1);
    }
    println!("cargo:rerun-if-changed=i18n");
}
