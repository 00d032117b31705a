//! Values a person types (or a server issues and a person types back): each is parsed once, at the
//! edge, so the rest of the code cannot hold an invalid one. Personal values (mobile numbers,
//! names) redact themselves in `Debug` and have no `Display`, so they do not end up in logs.

use serde::{Deserialize, Serialize};

use crate::problem::FieldErrorCode;

/// Why typed input was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("empty")]
    Empty,
    #[error("not in the expected format")]
    InvalidFormat,
    #[error("too long")]
    TooLong,
    #[error("check digit does not match")]
    CheckDigit,
}

impl InputError {
    /// The field-level code a server reports for this refusal.
    pub fn field_code(self) -> FieldErrorCode {
        match self {
            InputError::Empty => FieldErrorCode::Required,
            InputError::InvalidFormat | InputError::CheckDigit => FieldErrorCode::InvalidFormat,
            InputError::TooLong => FieldErrorCode::TooLong,
        }
    }
}

fn all_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// A mainland China mobile number: 11 digits starting with 13–19.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(
    feature = "openapi",
    schema(value_type = String, pattern = "^1[3-9][0-9]{9}$", example = "13900000000")
)]
#[serde(try_from = "String", into = "String")]
pub struct MobileNumber(String);

impl MobileNumber {
    pub fn parse(s: &str) -> Result<Self, InputError> {
        let b = s.as_bytes();
        if s.is_empty() {
            return Err(InputError::Empty);
        }
        if b.len() > 11 && all_digits(s) {
            return Err(InputError::TooLong);
        }
        if b.len() != 11 || !all_digits(s) || b[0] != b'1' || !(b'3'..=b'9').contains(&b[1]) {
            return Err(InputError::InvalidFormat);
        }
        Ok(Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number as a screen shows it once entered: the first three and last four digits,
    /// the middle four hidden (`138****5678`), as GB/T 35273 asks of personal information on
    /// display (de-identification by masking).
    pub fn masked(&self) -> String {
        // Parsing guaranteed 11 ASCII digits.
        let (head, rest) = self.0.split_at(3);
        let tail = rest.get(4..).unwrap_or_default();
        format!("{head}****{tail}")
    }
}

impl std::fmt::Debug for MobileNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MobileNumber(<redacted>)")
    }
}

/// The name a person gives for a callback (how the lawyer should address them).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(value_type = String, example = "Bayar"))]
#[serde(try_from = "String", into = "String")]
pub struct PersonName(String);

impl PersonName {
    pub const MAX_CHARS: usize = 30;

    /// Trims white space, then checks: not empty (`Empty`), at most [`Self::MAX_CHARS`]
    /// characters (`TooLong`), one line of free text ([`crate::free_text::check`]: no control
    /// character, no bidi override or isolate) with at least one visible letter
    /// ([`crate::free_text::has_visible_letter`]) (`InvalidFormat`).
    pub fn parse(s: &str) -> Result<Self, InputError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(InputError::Empty);
        }
        if s.chars().count() > Self::MAX_CHARS {
            return Err(InputError::TooLong);
        }
        crate::free_text::check(s, crate::free_text::Lines::Single)?;
        if !crate::free_text::has_visible_letter(s) {
            return Err(InputError::InvalidFormat);
        }
        Ok(Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for PersonName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PersonName(<redacted>)")
    }
}

/// The number printed on an application's acceptance slip: 10 to 20 digits, so it can be keyed in
/// on a TV remote.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(
    feature = "openapi",
    schema(value_type = String, pattern = "^[0-9]{10,20}$", example = "9999042713")
)]
#[serde(try_from = "String", into = "String")]
pub struct ApplicationNumber(String);

impl ApplicationNumber {
    pub fn parse(s: &str) -> Result<Self, InputError> {
        if s.is_empty() {
            return Err(InputError::Empty);
        }
        if !all_digits(s) {
            return Err(InputError::InvalidFormat);
        }
        match s.len() {
            0..=9 => Err(InputError::InvalidFormat),
            10..=20 => Ok(Self(s.to_owned())),
            _ => Err(InputError::TooLong),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The reference of a callback booking: 10 digits, the last a Luhn check digit, so a mistyped
/// reference is caught on the device instead of counting as a wrong verification attempt.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(
    feature = "openapi",
    schema(value_type = String, pattern = "^[0-9]{10}$", example = "1234567897")
)]
#[serde(try_from = "String", into = "String")]
pub struct Reference(String);

impl Reference {
    pub fn parse(s: &str) -> Result<Self, InputError> {
        if s.is_empty() {
            return Err(InputError::Empty);
        }
        if !all_digits(s) {
            return Err(InputError::InvalidFormat);
        }
        match s.len() {
            0..=9 => return Err(InputError::InvalidFormat),
            10 => {}
            _ => return Err(InputError::TooLong),
        }
        let (body, check) = s.split_at(9);
        if Some(luhn_check_digit(body)) != check.bytes().next() {
            return Err(InputError::CheckDigit);
        }
        Ok(Self(s.to_owned()))
    }

    /// The reference whose first nine digits are `serial` (taken modulo 10⁹), with its check digit.
    pub fn from_serial(serial: u32) -> Self {
        let body = format!("{:09}", serial % 1_000_000_000);
        let check = luhn_check_digit(&body) as char;
        Self(format!("{body}{check}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The Luhn check digit (as an ASCII byte) for a string of ASCII digits.
fn luhn_check_digit(digits: &str) -> u8 {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 0 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    b'0' + ((10 - sum % 10) % 10) as u8
}

/// The key that makes a booking safe to send again: the device chooses it once per booking and
/// reuses it on every retry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(
    feature = "openapi",
    schema(value_type = String, pattern = "^[A-Za-z0-9._:-]{8,128}$")
)]
#[serde(try_from = "String", into = "String")]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    pub fn parse(s: &str) -> Result<Self, InputError> {
        if s.is_empty() {
            return Err(InputError::Empty);
        }
        if s.len() > 128 {
            return Err(InputError::TooLong);
        }
        let ok = s.len() >= 8
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'));
        if !ok {
            return Err(InputError::InvalidFormat);
        }
        Ok(Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

macro_rules! string_conversions {
    ($($name:ident),*) => {$(
        impl TryFrom<String> for $name {
            type Error = InputError;
            fn try_from(s: String) -> Result<Self, InputError> {
                Self::parse(&s)
            }
        }
        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0
            }
        }
    )*};
}
string_conversions!(
    MobileNumber,
    PersonName,
    ApplicationNumber,
    Reference,
    IdempotencyKey
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mobile_number_is_shown_masked_in_the_middle() {
        let m = MobileNumber::parse("13812345678").unwrap();
        assert_eq!(m.masked(), "138****5678");
        assert!(!m.masked().contains("1234"));
    }

    #[test]
    fn mobile_numbers_are_eleven_digits_starting_13_to_19() {
        assert!(MobileNumber::parse("13900000000").is_ok());
        assert!(MobileNumber::parse("19912345678").is_ok());
        assert_eq!(MobileNumber::parse(""), Err(InputError::Empty));
        assert_eq!(
            MobileNumber::parse("12900000000"),
            Err(InputError::InvalidFormat)
        );
        assert_eq!(
            MobileNumber::parse("1390000000"),
            Err(InputError::InvalidFormat)
        );
        assert_eq!(
            MobileNumber::parse("139000000001"),
            Err(InputError::TooLong)
        );
        assert_eq!(
            MobileNumber::parse("139 0000 000"),
            Err(InputError::InvalidFormat)
        );
        assert_eq!(
            MobileNumber::parse("１３９００００００００"),
            Err(InputError::InvalidFormat)
        );
    }

    #[test]
    fn personal_values_never_show_in_debug_output() {
        let m = MobileNumber::parse("13912345678").unwrap();
        let n = PersonName::parse("Bayar").unwrap();
        let shown = format!("{m:?} {n:?}");
        assert!(!shown.contains("1391234"));
        assert!(!shown.contains("Bayar"));
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(PersonName::parse("  Bayar ").unwrap().as_str(), "Bayar");
        assert_eq!(PersonName::parse("   "), Err(InputError::Empty));
        assert_eq!(
            PersonName::parse(&"巴".repeat(31)),
            Err(InputError::TooLong)
        );
        assert_eq!(PersonName::parse("a\u{0}b"), Err(InputError::InvalidFormat));
    }

    #[test]
    fn a_name_is_one_line_with_a_letter_one_can_see() {
        for bad in [
            "Ba\nyar",
            "Ba\u{1b}[2Jyar",
            "\u{202E}rayaB",
            "\u{200B}\u{200B}",
            "\u{3164}",
        ] {
            assert_eq!(
                PersonName::parse(bad),
                Err(InputError::InvalidFormat),
                "{bad:?}"
            );
        }
        assert!(PersonName::parse("ᠪᠠᠶᠠᠷ").is_ok());
    }

    #[test]
    fn references_carry_a_check_digit_that_catches_typos() {
        let r = Reference::from_serial(123_456_789);
        assert_eq!(r.as_str(), "1234567897");
        assert!(Reference::parse(r.as_str()).is_ok());
        assert_eq!(Reference::parse("1234567890"), Err(InputError::CheckDigit));
        assert_eq!(Reference::parse("2134567897"), Err(InputError::CheckDigit));
        assert_eq!(
            Reference::parse("123456789"),
            Err(InputError::InvalidFormat)
        );
    }

    #[test]
    fn application_numbers_are_ten_to_twenty_digits() {
        assert!(ApplicationNumber::parse("9999042713").is_ok());
        assert_eq!(
            ApplicationNumber::parse("999900000"),
            Err(InputError::InvalidFormat)
        );
        assert_eq!(
            ApplicationNumber::parse(&"9".repeat(21)),
            Err(InputError::TooLong)
        );
        assert_eq!(
            ApplicationNumber::parse("99990000a1"),
            Err(InputError::InvalidFormat)
        );
    }

    #[test]
    fn idempotency_keys_are_bounded_url_safe_tokens() {
        assert!(IdempotencyKey::parse("b7c1d0e2-4f5a-4d6b-9c8e-0123456789ab").is_ok());
        assert_eq!(
            IdempotencyKey::parse("short"),
            Err(InputError::InvalidFormat)
        );
        assert_eq!(
            IdempotencyKey::parse(&"k".repeat(129)),
            Err(InputError::TooLong)
        );
        assert_eq!(
            IdempotencyKey::parse("has space in it"),
            Err(InputError::InvalidFormat)
        );
    }

    #[test]
    fn validated_values_are_checked_when_decoded() {
        assert!(serde_json::from_str::<MobileNumber>("\"13900000000\"").is_ok());
        assert!(serde_json::from_str::<MobileNumber>("\"110\"").is_err());
        assert!(serde_json::from_str::<Reference>("\"1234567890\"").is_err());
    }
}
