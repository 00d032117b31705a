use legal_kiosk::headless::Harness;
use legal_kiosk_core::{Profile, i18n::Lang};
use std::time::Instant;
fn main() {
    let h = Harness::new(Profile::Tv, Lang::Zh).unwrap();
    for i in 0..4 {
        let code =
            legal_kiosk::keymap::code_for_name(if i % 2 == 0 { "Right" } else { "Left" }).unwrap();
        let t = Instant::now();
        h.dispatch_key(code.into());
        let t1 = t.elapsed();
        slint::platform::update_timers_and_animations();
        let t2 = t.elapsed();
        let mut n = 0;
        let mut times = vec![];
        loop {
            let s = Instant::now();
            let r = h.render();
            times.push(s.elapsed());
            if !r || n > 8 {
                break;
            }
            n += 1;
            slint::platform::update_timers_and_animations();
        }
        println!("dispatch {t1:?} timers {t2:?} renders {n} {times:?}");
    }
    let t = Instant::now();
    h.render_full();
    println!("full {:?}", t.elapsed());
}
