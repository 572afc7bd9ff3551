//! The extract stage: fetched bytes in; decoded text, list entries, column
//! names, pagination, links and detail metadata out.
//!
//! Everything here is pure and synchronous, so it can run on a blocking
//! thread and be tested without a network.

pub mod charset;
pub mod date;
pub mod links;
pub mod meta;
pub mod page;

pub use charset::{Decoded, decode};
pub use page::{Link, LinkKind, ListEntry, PageFacts, extract_page};
