//! The only user of the BibTeX crate: parse, resolve @string and crossref, write back.
