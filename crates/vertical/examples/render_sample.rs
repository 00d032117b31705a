//! Renders a Mongolian sample paragraph (or a text file) to a PNG, to look at the result:
//! `cargo run -p legal-kiosk-vertical --example render_sample -- OUT.png [TEXT_FILE] [HEIGHT]`.

use std::error::Error;
use std::fs::File;
use std::io::BufWriter;

use legal_kiosk_vertical::{Style, TextImage, VerticalText};

const SAMPLE: &str = "ᠥᠪᠥᠷ ᠮᠣᠩᠭᠣᠯ ᠤᠨ ᠣᠯᠠᠨ ᠨᠡᠢᠲᠡ ᠶᠢᠨ ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠶᠢᠨ \
ᠲᠥᠪ 法律援助 ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠶᠢ ᠦᠨᠡ ᠲᠥᠯᠥᠪᠦᠷᠢ ᠦᠭᠡᠢ ᠦᠵᠡᠭᠦᠯᠦᠨ᠎ᠡ᠃ \
ᠤᠲᠠᠰᠤ 12348 ᠳᠤ ᠮᠡᠳᠡᠭᠡᠯᠡᠨ᠎ᠡ᠃";

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let out = args
        .next()
        .unwrap_or_else(|| "/tmp/vertical-sample.png".into());
    let text = match args.next() {
        Some(path) => std::fs::read_to_string(path)?,
        None => SAMPLE.to_owned(),
    };
    let height: u32 = args.next().map(|h| h.parse()).transpose()?.unwrap_or(400);
    let mut vertical = VerticalText::new();
    println!("missing scripts: {:?}", vertical.missing_scripts());
    let style = Style {
        column_gap_px: 8,
        ..Style::new(32.0, height)
    };
    let image = vertical.render_vertical(&text, &style)?;
    write_png(&image, &out)?;
    println!("{}×{} written to {out}", image.width, image.height);
    Ok(())
}

/// Writes the image over white, so that any viewer shows it as the kiosk would.
fn write_png(image: &TextImage, path: &str) -> Result<(), Box<dyn Error>> {
    let mut encoder = png::Encoder::new(
        BufWriter::new(File::create(path)?),
        image.width,
        image.height,
    );
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let rgb: Vec<u8> = image
        .rgba
        .chunks_exact(4)
        .flat_map(|px| {
            let a = u16::from(px[3]);
            px[..3]
                .iter()
                .map(move |&c| ((u16::from(c) * a + 255 * (255 - a)) / 255) as u8)
                .collect::<Vec<_>>()
        })
        .collect();
    encoder.write_header()?.write_image_data(&rgb)?;
    Ok(())
}
