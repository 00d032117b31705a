//! The `/v1` endpoints, one module per area of the contract.

pub mod applications;
pub mod callbacks;
pub mod content;
pub mod feedback;
pub mod feedback_page;
pub mod page;
pub mod slots;
mod verify;
