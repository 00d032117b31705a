//! Time to lay out and render a 300-word guide paragraph at 32 px (the TV body size), measured,
//! not asserted: `cargo bench -p legal-kiosk-vertical`.
//!
//! Besides the median wall-clock time it reports the mean on-CPU time from
//! /proc/thread-self/schedstat, which stays meaningful when other jobs share the machine's cores
//! (the kernel may count it in scheduler ticks, so only the mean over many rounds is exact).

// A measuring program, not product code: when its setup fails it may stop loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use legal_kiosk_vertical::{Style, VerticalText};

const WORDS: &[&str] = &[
    "ᠥᠪᠥᠷ",
    "ᠮᠣᠩᠭᠣᠯ\u{202F}ᠤᠨ",
    "ᠣᠯᠠᠨ",
    "ᠨᠡᠢᠲᠡ\u{202F}ᠶᠢᠨ",
    "ᠬᠠᠤᠯᠢ\u{202F}ᠶᠢᠨ",
    "ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ",
    "ᠲᠤᠰᠠᠯᠠᠮᠵᠢ",
    "ᠪᠢᠴᠢᠭ",
    "ᠮᠡᠳᠡᠭᠡᠯᠡᠯ",
    "12348",
    "法律援助",
];

const ROUNDS: usize = 30;

/// Time this thread has spent on a CPU, if the kernel tells.
fn on_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// Wall-clock and on-CPU duration of `work`.
fn measure<T>(work: impl FnOnce() -> T) -> (T, Duration, Option<Duration>) {
    let (cpu, wall) = (on_cpu(), Instant::now());
    let result = work();
    let elapsed = wall.elapsed();
    let cpu = on_cpu()
        .zip(cpu)
        .map(|(end, start)| end.saturating_sub(start));
    (result, elapsed, cpu)
}

fn report(what: &str, samples: Vec<(Duration, Option<Duration>)>) {
    let mut walls: Vec<Duration> = samples.iter().map(|s| s.0).collect();
    walls.sort();
    let wall = walls[walls.len() / 2];
    let cpus: Option<Vec<Duration>> = samples.iter().map(|s| s.1).collect();
    let cpu = cpus.map_or("?".into(), |c| {
        let mean = c.iter().sum::<Duration>() / c.len() as u32;
        format!("{mean:.2?}")
    });
    println!("  {what:<30} median {wall:>9.2?} wall, mean {cpu:>9} on CPU");
}

fn main() {
    let paragraph: Vec<&str> = (0..300).map(|i| WORDS[i % WORDS.len()]).collect();
    let paragraph = paragraph.join(" ");
    let style = Style::new(32.0, 880);

    let (mut text, wall, cpu) = measure(VerticalText::new);
    report("VerticalText::new (fonts)", vec![(wall, cpu)]);
    let ((columns, images), wall, cpu) = measure(|| {
        let columns = text.layout(&paragraph, &style).expect("lays out");
        let images = text.render(&columns);
        (columns, images)
    });
    report("first layout + render (cold)", vec![(wall, cpu)]);
    println!(
        "300 words at 32 px in columns of 880 px: {} columns of {}×{}",
        columns.len(),
        images[0].width,
        images[0].height
    );

    let (mut layout, mut render, mut both) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let (columns, wall, cpu) = measure(|| text.layout(&paragraph, &style).expect("lays out"));
        layout.push((wall, cpu));
        let (images, wall_r, cpu_r) = measure(|| text.render(&columns));
        render.push((wall_r, cpu_r));
        both.push((wall + wall_r, cpu.zip(cpu_r).map(|(a, b)| a + b)));
        assert_eq!(images.len(), columns.len());
    }
    report("layout", layout);
    report("render all columns", render);
    report("layout + render", both);
}
