//! Pure types and rules: sources, annotations, anchors, citations and locators.

mod anchor;
mod annotation;
mod changes;
mod citation;
mod locator;
#[cfg(test)]
mod locator_proptests;
mod source;

pub use anchor::{Anchor, AnchorState};
pub use annotation::{Annotation, AnnotationId, Kind};
pub use changes::{Change, diff_annotations, summarize};
pub use citation::{Citation, Relation};
pub use locator::{Locator, LocatorError, LocatorKind};
pub use source::{Source, SourceFormat, SourceId, SourceIdError};
