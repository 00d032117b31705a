//! 12348 callback bookings on the device: the outbox that never loses or duplicates one.

pub mod outbox;

pub use outbox::{BookingId, BookingState, Outbox, OutboxError, Sent, StoredBooking};
