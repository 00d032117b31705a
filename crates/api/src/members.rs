//! Reading the members of a request's JSON object, reporting every problem at once (each with
//! its field and code) so a form can mark every wrong field in one round trip. Used by the
//! `from_json` of each request body.

use serde_json::{Map, Value};

use crate::free_text;
use crate::input::InputError;
use crate::problem::{FieldError, FieldErrorCode};

/// A JSON object's members as they are read, and the problems found so far.
pub(crate) struct Members<'a> {
    obj: &'a Map<String, Value>,
    pub(crate) errors: Vec<FieldError>,
}

impl<'a> Members<'a> {
    /// The members of `body`. Error: `body` is not an object (`invalid-format` for the whole
    /// body, field "").
    pub(crate) fn of(body: &'a Value) -> Result<Members<'a>, Vec<FieldError>> {
        match body.as_object() {
            Some(obj) => Ok(Members {
                obj,
                errors: Vec::new(),
            }),
            None => Err(vec![FieldError::new("", FieldErrorCode::InvalidFormat)]),
        }
    }

    /// Member `name` as a string. None when it is absent or null (with `required`, the error
    /// `required`), or not a string (`invalid-format`).
    pub(crate) fn string(&mut self, name: &str, required: bool) -> Option<String> {
        match self.obj.get(name) {
            None | Some(Value::Null) => {
                if required {
                    self.errors
                        .push(FieldError::new(name, FieldErrorCode::Required));
                }
                None
            }
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => {
                self.errors
                    .push(FieldError::new(name, FieldErrorCode::InvalidFormat));
                None
            }
        }
    }

    /// `value` (member `name`, as read) parsed by `parse`; its error recorded under `name`.
    pub(crate) fn parse<T>(
        &mut self,
        name: &str,
        value: Option<String>,
        parse: impl FnOnce(&str) -> Result<T, InputError>,
    ) -> Option<T> {
        match parse(&value?) {
            Ok(v) => Some(v),
            Err(e) => {
                self.errors.push(FieldError::new(name, e.field_code()));
                None
            }
        }
    }

    /// `value` (member `name`) as free text: trimmed, None when empty; at most `max_chars`
    /// characters (`too-long`) of what [`free_text::check`] allows (`invalid-format`).
    pub(crate) fn free_text(
        &mut self,
        name: &str,
        value: Option<String>,
        max_chars: usize,
        lines: free_text::Lines,
    ) -> Option<String> {
        let text = value
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())?;
        let checked = if text.chars().count() > max_chars {
            Err(InputError::TooLong)
        } else {
            free_text::check(&text, lines)
        };
        if let Err(e) = checked {
            self.errors.push(FieldError::new(name, e.field_code()));
        }
        Some(text)
    }

    /// Refuses every member not in `allowed` (code `unknown`, under its own name): a misspelt
    /// member would otherwise be lost without a word.
    pub(crate) fn only(&mut self, allowed: &[&str]) {
        for member in self.obj.keys() {
            if !allowed.contains(&member.as_str()) {
                self.errors
                    .push(FieldError::new(member.as_str(), FieldErrorCode::Unknown));
            }
        }
    }
}
