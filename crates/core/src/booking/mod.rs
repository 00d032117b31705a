//! 12348 callback bookings and complaints and suggestions on the device: the outbox that never
//! loses or duplicates one.

pub mod feedback;
pub mod outbox;

pub use feedback::{FeedbackId, FeedbackState, StoredFeedback};
pub use outbox::{BookingId, BookingState, Delivery, Outbox, OutboxError, Sent, StoredBooking};
