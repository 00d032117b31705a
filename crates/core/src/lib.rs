//! legal-kiosk core: everything that is not pixels. It never imports Slint, so it builds and is
//! tested without a display.

pub mod application;
pub mod booking;
pub mod config;
pub mod content;
pub mod focus;
pub mod i18n;
pub mod idle;
pub mod link;
pub mod profile;
pub mod rest;
pub mod service;

pub use profile::{Profile, TextSize};
