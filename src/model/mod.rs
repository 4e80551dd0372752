//! Pure types and rules: sources, annotations, anchors, citations and locators.

mod anchor;
mod annotation;
mod changes;
mod citation;
mod locator;
#[cfg(test)]
mod locator_proptests;
mod merge;
#[cfg(test)]
mod merge_tests;
mod source;
mod suggest;

pub use anchor::{Anchor, AnchorState};
pub use annotation::{Annotation, AnnotationId, Conflict, Kind, ReviewStatus};
pub use changes::{Change, diff_annotations, summarize};
pub use citation::{Citation, Relation};
pub use locator::{Locator, LocatorError, LocatorKind};
pub use merge::{MergedAnnotations, merge_annotations};
pub use source::{Source, SourceFormat, SourceId, SourceIdError};
pub use suggest::closest;
