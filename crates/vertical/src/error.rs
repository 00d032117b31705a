//! The ways vertical text can refuse its input; every variant names what to fix.

use thiserror::Error;

/// Why text could not be laid out or rendered.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum VerticalTextError {
    /// The font size, line height, column height or gap is outside what a screen can show.
    #[error("invalid text style: {0}")]
    InvalidStyle(&'static str),
    /// Content with a stray control character is a content bug; rendering it would hide it.
    #[error("control character U+{code:04X} at byte {offset}")]
    ControlCharacter { offset: usize, code: u32 },
    /// Longer text than any guide body; refusing it bounds memory and time.
    #[error("text of {bytes} bytes is longer than the limit of {limit} bytes")]
    TextTooLong { bytes: usize, limit: usize },
    /// The image would exceed the pixel cap (too many columns for one picture, or sizes too big).
    #[error("a {width}×{height} image is larger than the limit of {limit} pixels")]
    ImageTooLarge { width: u64, height: u64, limit: u64 },
    /// Asked for a column that the layout does not have.
    #[error("column {index} does not exist (the layout has {count})")]
    NoSuchColumn { index: usize, count: usize },
}
