//! The fonts vertical text is set in: the embedded Noto Sans Mongolian, then the system's
//! Chinese fonts, then whatever the system falls back to.

use std::borrow::Cow;
use std::sync::Arc;

use parley::fontique::{Blob, CollectionOptions, FontInfoOverride, GenericFamily};
use parley::{FontContext, FontFamilyName};

/// Noto Sans Mongolian 3.002 (see `assets/fonts/README.md`), shipped because boxes rarely have it.
pub(crate) static EMBEDDED_MONGOLIAN: &[u8] =
    include_bytes!("../../../assets/fonts/NotoSansMongolian-Regular.ttf");

/// Family name we register the embedded font under. It differs from the font's own name so that
/// an older system copy (Debian ships 2.001, before UTN #57) can never be picked instead.
const EMBEDDED_FAMILY: &str = "Legal Kiosk Noto Sans Mongolian";

/// Font stack for every text: Mongolian first (it also has the space and NNBSP the words need),
/// then Simplified Chinese fonts common on Chinese boxes, then the system's sans-serif.
pub(crate) const FAMILY_STACK: &[FontFamilyName<'static>] = &[
    FontFamilyName::Named(Cow::Borrowed(EMBEDDED_FAMILY)),
    FontFamilyName::Named(Cow::Borrowed("Noto Sans CJK SC")),
    FontFamilyName::Named(Cow::Borrowed("Source Han Sans SC")),
    FontFamilyName::Named(Cow::Borrowed("Noto Sans SC")),
    FontFamilyName::Named(Cow::Borrowed("WenQuanYi Zen Hei")),
    FontFamilyName::Generic(GenericFamily::SansSerif),
];

/// Font stack for upright runs with punctuation the Mongolian font also has (、。《》「」): Chinese
/// fonts first, so that it takes the Chinese font's vertical forms and metrics. Only those runs use
/// it: every change of font stack costs parley a new font query.
pub(crate) const UPRIGHT_FAMILY_STACK: &[FontFamilyName<'static>] = &[
    FontFamilyName::Named(Cow::Borrowed("Noto Sans CJK SC")),
    FontFamilyName::Named(Cow::Borrowed("Source Han Sans SC")),
    FontFamilyName::Named(Cow::Borrowed("Noto Sans SC")),
    FontFamilyName::Named(Cow::Borrowed("WenQuanYi Zen Hei")),
    FontFamilyName::Named(Cow::Borrowed(EMBEDDED_FAMILY)),
    FontFamilyName::Generic(GenericFamily::SansSerif),
];

/// Whether the embedded Mongolian font has a glyph for `c`.
pub(crate) fn embedded_font_covers(c: char) -> bool {
    swash::FontRef::from_index(EMBEDDED_MONGOLIAN, 0).is_some_and(|font| font.charmap().map(c) != 0)
}

/// A font context holding the embedded Mongolian font and, if asked, the system's fonts.
/// Returns the context and the embedded font's blob id (to tell which glyphs came from it).
pub(crate) fn font_context(with_system_fonts: bool) -> (FontContext, u64) {
    let mut fonts = FontContext {
        collection: parley::fontique::Collection::new(CollectionOptions {
            shared: false,
            system_fonts: with_system_fonts,
        }),
        source_cache: Default::default(),
    };
    let blob = Blob::new(Arc::new(EMBEDDED_MONGOLIAN));
    let blob_id = blob.id();
    fonts.collection.register_fonts(
        blob,
        Some(FontInfoOverride {
            family_name: Some(EMBEDDED_FAMILY),
            ..Default::default()
        }),
    );
    (fonts, blob_id)
}

/// Whether the system has any font at all. With none, fontique (the font stack of parley and of
/// Slint 1.18) panics while it builds its system collection (an unwrap on fontconfig's
/// `NoMatch`), so the app asks first and says clearly what to install instead of crashing.
/// The check builds that collection once, with the panic caught and its message kept off
/// stderr; call it at start, before other threads exist (it swaps the process's panic hook).
pub fn system_fonts_present() -> bool {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let built = std::panic::catch_unwind(|| {
        parley::fontique::Collection::new(CollectionOptions {
            shared: false,
            system_fonts: true,
        })
        .family_names()
        .count()
    });
    std::panic::set_hook(hook);
    built.is_ok_and(|families| families > 0)
}
