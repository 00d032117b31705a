//! Numbers typed on the remote's digit keys or the on-screen keypad (the `DigitEntry` widget):
//! the keypad's item ids, a bounded entry, and how a mobile number is checked and shown. The
//! booking's mobile step and the status lookup both use them.

use legal_kiosk_api::InputError;

/// A key of the on-screen keypad (items `key-0` … `key-9`, `key-delete`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeypadKey {
    Digit(u8),
    Delete,
}

impl KeypadKey {
    /// The key an item id names; `None` for any other item.
    pub fn of(item: &str) -> Option<KeypadKey> {
        match item.strip_prefix("key-")? {
            "delete" => Some(KeypadKey::Delete),
            d => d
                .parse::<u8>()
                .ok()
                .filter(|d| *d <= 9)
                .map(KeypadKey::Digit),
        }
    }
}

/// Digits typed so far, at most `max` of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Digits {
    digits: String,
    max: usize,
}

impl Digits {
    pub fn new(max: usize) -> Digits {
        Digits {
            digits: String::new(),
            max,
        }
    }

    /// One more digit (0–9). False when the entry is full: the digit was not taken, and the
    /// screen should say so rather than drop it silently.
    pub fn push(&mut self, digit: u8) -> bool {
        if digit > 9 || self.digits.len() >= self.max {
            return false;
        }
        self.digits.push(char::from(b'0' + digit));
        true
    }

    /// A key of the keypad: false when it was a digit the full entry could not take.
    pub fn key(&mut self, key: KeypadKey) -> bool {
        match key {
            KeypadKey::Digit(d) => self.push(d),
            KeypadKey::Delete => {
                self.digits.pop();
                true
            }
        }
    }

    pub fn clear(&mut self) {
        self.digits.clear();
    }

    pub fn as_str(&self) -> &str {
        &self.digits
    }

    pub fn len(&self) -> usize {
        self.digits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.digits.is_empty()
    }
}

/// Why `digits` is not a mainland mobile number (a message id; `$count` is how many digits
/// were typed). Rules of `MobileNumber::parse`: 11 digits, `1` then `3`–`9`.
pub fn mobile_reason(digits: &str, e: InputError) -> &'static str {
    let b = digits.as_bytes();
    match e {
        InputError::Empty => "mobile-error-empty",
        _ if b.first() != Some(&b'1') => "mobile-error-start",
        _ if b.len() < 2 || !(b'3'..=b'9').contains(&b[1]) => "mobile-error-second",
        _ => "mobile-error-length",
    }
}

/// Digits grouped 3-4-4 as a mobile number is read aloud: `138 0013 8000`.
pub fn grouped(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + 2);
    for (i, c) in digits.chars().enumerate() {
        if i == 3 || i == 7 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use legal_kiosk_api::MobileNumber;

    #[test]
    fn a_mobile_number_is_grouped_as_it_is_read() {
        assert_eq!(grouped(""), "");
        assert_eq!(grouped("138"), "138");
        assert_eq!(grouped("1380"), "138 0");
        assert_eq!(grouped("13800138000"), "138 0013 8000");
    }

    #[test]
    fn each_wrong_number_gets_its_own_reason() {
        let reason = |d: &str| mobile_reason(d, MobileNumber::parse(d).unwrap_err());
        assert_eq!(reason(""), "mobile-error-empty");
        assert_eq!(reason("23800138000"), "mobile-error-start");
        assert_eq!(reason("12800138000"), "mobile-error-second");
        assert_eq!(reason("1380013"), "mobile-error-length");
    }

    #[test]
    fn keypad_items_name_their_keys() {
        assert_eq!(KeypadKey::of("key-0"), Some(KeypadKey::Digit(0)));
        assert_eq!(KeypadKey::of("key-9"), Some(KeypadKey::Digit(9)));
        assert_eq!(KeypadKey::of("key-delete"), Some(KeypadKey::Delete));
        assert_eq!(KeypadKey::of("key-10"), None);
        assert_eq!(KeypadKey::of("mobile"), None);
    }

    #[test]
    fn a_full_entry_refuses_more_digits_and_says_so() {
        let mut d = Digits::new(2);
        assert!(d.push(1) && d.push(2));
        assert!(!d.push(3));
        assert_eq!(d.as_str(), "12");
        assert!(d.key(KeypadKey::Delete));
        assert_eq!(d.as_str(), "1");
    }
}
