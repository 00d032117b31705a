//! Dictionary-compressed Zstandard (`Content-Encoding: dcz`, RFC 9842 §4.2, §5.2): the bundle a
//! device already holds is the dictionary for the next one, so a bundle in which one guide
//! changed costs a few hundred bytes on the wire instead of the whole bundle.
//!
//! The framing is the RFC's: the 8-byte zstd skippable-frame header [`HEADER`], the SHA-256 of
//! the dictionary (32 bytes, so a device can tell at once whether it was coded against what it
//! holds), then one zstd frame (RFC 8878) compressed with the dictionary as raw content (a zstd
//! "prefix"). The window is at most the larger of 8 MiB and 1.25 × the dictionary's size
//! (RFC 9842 §4.2), and the decoder refuses a frame that asks for more.
//!
//! Both ends use this module: the backend to encode, the device to decode.

use sha2::{Digest, Sha256};
use zstd::zstd_safe::{self, CParameter, DParameter};

/// The fixed first bytes of a `dcz` body: a zstd skippable frame (magic `0x184D2A5E`) whose
/// 32-byte content is the dictionary's SHA-256 (RFC 9842 §4.2).
pub const HEADER: [u8; 8] = [0x5e, 0x2a, 0x4d, 0x18, 0x20, 0x00, 0x00, 0x00];

/// The compression level: the bundle is coded once per pair of versions and cached, so the
/// slowest useful level is worth it.
const LEVEL: i32 = 19;

/// Why a `dcz` body could not be decoded. Each means: fetch the whole bundle instead.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DczError {
    #[error("not a dcz body (its first 40 bytes are not the dcz header and a dictionary hash)")]
    NotDcz,
    #[error("coded against another dictionary than the one held")]
    OtherDictionary,
    #[error("decodes to more than {limit} bytes")]
    TooLarge { limit: usize },
    #[error("zstd: {0}")]
    Zstd(&'static str),
}

/// The SHA-256 of `dictionary`: what `Available-Dictionary` names (RFC 9842 §2.2).
pub fn dictionary_hash(dictionary: &[u8]) -> [u8; 32] {
    Sha256::digest(dictionary).into()
}

/// log2 of the largest window a frame coded against `dictionary` may use: max(8 MiB, 1.25 ×
/// the dictionary's size), rounded up to a power of two (RFC 9842 §4.2).
fn window_log(dictionary: &[u8]) -> u32 {
    let limit = (8usize << 20).max(dictionary.len() + dictionary.len() / 4);
    limit.next_power_of_two().trailing_zeros()
}

fn zstd_error(code: usize) -> DczError {
    DczError::Zstd(zstd_safe::get_error_name(code))
}

/// `body` coded against `dictionary` as a `dcz` body. Errors: zstd's (none are expected for
/// inputs that fit in memory).
pub fn encode(dictionary: &[u8], body: &[u8]) -> Result<Vec<u8>, DczError> {
    let mut cctx = zstd_safe::CCtx::create();
    // The window must reach back over the whole dictionary to the start of the body (zstd's
    // smallest window is 2^10).
    let needed = (dictionary.len() + body.len())
        .next_power_of_two()
        .trailing_zeros();
    let log = needed.clamp(10, window_log(dictionary));
    for parameter in [
        CParameter::CompressionLevel(LEVEL),
        CParameter::WindowLog(log),
        CParameter::ChecksumFlag(true),
        CParameter::ContentSizeFlag(true),
    ] {
        cctx.set_parameter(parameter).map_err(zstd_error)?;
    }
    cctx.ref_prefix(dictionary).map_err(zstd_error)?;
    let mut out = Vec::with_capacity(40 + zstd_safe::compress_bound(body.len()));
    out.extend_from_slice(&HEADER);
    out.extend_from_slice(&dictionary_hash(dictionary));
    let mut frame = Vec::with_capacity(zstd_safe::compress_bound(body.len()));
    cctx.compress2(&mut frame, body).map_err(zstd_error)?;
    out.extend_from_slice(&frame);
    Ok(out)
}

/// Decodes a `dcz` body coded against `dictionary`, refusing more than `limit` decoded bytes.
/// Errors: [`DczError::NotDcz`] without the header, [`DczError::OtherDictionary`] when the hash
/// it names is not `dictionary`'s, [`DczError::TooLarge`], or zstd's (a corrupt frame, a
/// checksum mismatch, a window beyond the RFC's limit).
pub fn decode(dictionary: &[u8], coded: &[u8], limit: usize) -> Result<Vec<u8>, DczError> {
    if coded.len() < 40 || coded[..8] != HEADER {
        return Err(DczError::NotDcz);
    }
    if coded[8..40] != dictionary_hash(dictionary) {
        return Err(DczError::OtherDictionary);
    }
    let frame = &coded[40..];
    match zstd_safe::get_frame_content_size(frame) {
        Ok(Some(size)) if size > limit as u64 => return Err(DczError::TooLarge { limit }),
        Ok(_) => {}
        Err(_) => return Err(DczError::Zstd("not a zstd frame")),
    }
    let mut dctx = zstd_safe::DCtx::create();
    dctx.set_parameter(DParameter::WindowLogMax(window_log(dictionary)))
        .map_err(zstd_error)?;
    dctx.ref_prefix(dictionary).map_err(zstd_error)?;
    let mut out = Vec::with_capacity(limit);
    match dctx.decompress(&mut out, frame) {
        Ok(_) => Ok(out),
        Err(code) if zstd_safe::get_error_name(code).contains("too small") => {
            Err(DczError::TooLarge { limit })
        }
        Err(code) => Err(zstd_error(code)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(seed: u32, len: usize) -> Vec<u8> {
        let mut x = seed;
        (0..len)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                b"abcdefghij klmnop\n"[(x >> 16) as usize % 18]
            })
            .collect()
    }

    #[test]
    fn a_small_change_costs_little_and_decodes_to_the_new_bytes() {
        let old = text(1, 300_000);
        let mut new = old.clone();
        new[150_000..150_020].copy_from_slice(b"ONE GUIDE CHANGED!!!");
        let coded = encode(&old, &new).unwrap();
        assert!(coded.len() < 1_000, "{}", coded.len());
        assert_eq!(decode(&old, &coded, new.len()).unwrap(), new);
    }

    #[test]
    fn another_dictionary_a_corrupt_frame_or_too_much_is_refused() {
        let old = text(1, 50_000);
        let new = text(2, 60_000);
        let coded = encode(&old, &new).unwrap();
        assert_eq!(
            decode(&new, &coded, 1 << 20),
            Err(DczError::OtherDictionary)
        );
        assert_eq!(decode(&old, &coded[..30], 1 << 20), Err(DczError::NotDcz));
        assert_eq!(
            decode(&old, &coded, 1_000),
            Err(DczError::TooLarge { limit: 1_000 })
        );
        let mut corrupt = coded.clone();
        let last = corrupt.len() - 1;
        corrupt[last] ^= 0xff;
        assert!(matches!(
            decode(&old, &corrupt, 1 << 20),
            Err(DczError::Zstd(_))
        ));
    }
}
