//! The only code that does network I/O: small blocking HTTP downloads with limits.

mod content;
mod doi;
mod error;
mod fetch;

pub use content::{ContentKind, is_generic, kind_of};
pub use doi::{doi_from_input, doi_url};
pub use error::NetError;
pub use fetch::{Fetched, Limits, get};
