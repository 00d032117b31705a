//! Whatever bytes arrive over the network, decoding them as any contract type returns a value or
//! an error; it never panics.

// Helpers may fail loudly too: clippy.toml's allow-*-in-tests covers only `#[test]` functions
// and `#[cfg(test)]` modules, not the rest of an integration test crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use legal_kiosk_api::*;
use proptest::prelude::*;

fn decode_all(bytes: &[u8]) {
    macro_rules! try_all {
        ($($t:ty),* $(,)?) => {$(
            let _ = serde_json::from_slice::<$t>(bytes);
        )*};
    }
    try_all!(
        RegionList,
        Region,
        Catalog,
        Category,
        GuideSummary,
        Guide,
        OfficeList,
        Office,
        SlotList,
        CallbackSlot,
        CallbackRequest,
        CallbackReceipt,
        CallbackStatus,
        CallbackState,
        ApplicationStatus,
        Stage,
        SupplementRequest,
        Problem,
        ProblemCode,
        FieldError,
        Health,
        Bilingual,
        Lang,
        MobileNumber,
        PersonName,
        ApplicationNumber,
        Reference,
        IdempotencyKey,
        GuideId,
        RegionCode,
        SlotId,
    );
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(bytes) {
        let _ = CallbackRequest::from_json(&value);
    }
}

/// JSON-looking text assembled from the contract's own member names and values, so decoding gets
/// past the first byte and into the types' own checks.
fn jsonish() -> impl Strategy<Value = String> {
    let token = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"",
        "null",
        "true",
        "0",
        "-1",
        "1e999",
        "\"mn\"",
        "\"zh\"",
        "\"code\"",
        "\"slot\"",
        "\"mobile\"",
        "\"13900000000\"",
        "\"reference\"",
        "\"1234567897\"",
        "\"starts_at\"",
        "\"2026-07-01T09:00:00+08:00\"",
        "\"2026-02-30\"",
        "\"demo\"",
        "\"state\"",
        "\"booked\"",
        "\"errors\"",
        "\"field\"",
        "\"slot-full\"",
        "\"\\ud800\"",
        "\"ᠮᠣᠩᠭᠣᠯ\"",
    ]);
    prop::collection::vec(token, 0..60).prop_map(|t| t.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        decode_all(&bytes);
    }

    #[test]
    fn json_like_text_never_panics(text in jsonish()) {
        decode_all(text.as_bytes());
    }

    #[test]
    fn arbitrary_strings_as_typed_input_never_panic(s in ".{0,40}") {
        let _ = MobileNumber::parse(&s);
        let _ = PersonName::parse(&s);
        let _ = ApplicationNumber::parse(&s);
        let _ = Reference::parse(&s);
        let _ = IdempotencyKey::parse(&s);
        let _ = GuideId::parse(&s);
    }

    #[test]
    fn every_reference_issued_parses_back(serial in any::<u32>()) {
        let r = Reference::from_serial(serial);
        prop_assert_eq!(Reference::parse(r.as_str()), Ok(r.clone()));
    }
}
