//! The classify stage: an item (title, column, URL) in; a category, a key
//! area, the deciding rule and the matched words out.
//!
//! The rules are data (`rules/*.toml`, see [`rules`]); the engine matches all
//! keywords of all rules in one automaton pass ([`engine`]).

pub mod engine;
pub mod eval;
pub mod rules;
pub mod taxonomy;
mod words;

pub use engine::{Classifier, Scratch};
pub use rules::{Problem, RulePack, RulesError};
