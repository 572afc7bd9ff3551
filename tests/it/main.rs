//! Integration tests: fixture sites served over real HTTP on 127.0.0.1 by an
//! in-process server, crawled and audited end to end.

mod batch;
mod cli;
mod fixture_site;
mod hazards;
mod inspection;
mod props;
mod real_pages;
mod support;
