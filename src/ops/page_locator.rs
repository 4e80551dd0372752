//! The page of a quote in a PDF source, as a default locator ("p. 214", "pp. 214-215").

use crate::import::pdf::{PageMap, pages_file_of};
use crate::model::{Anchor, Citation, Locator, Source, SourceFormat};
use crate::store::{self, Workspace};

/// The page locator of `anchor` in a PDF source; `None` for other sources, or when the page map
/// is missing or was made for another version of the text.
pub fn page_locator(ws: &Workspace, source: &Source, anchor: &Anchor) -> Option<Locator> {
    page_map(ws, source)?.locator(anchor.start..anchor.end)
}

/// The page map of a PDF source, when it counts in the source's current text.
pub fn page_map(ws: &Workspace, source: &Source) -> Option<PageMap> {
    if source.format != SourceFormat::Pdf {
        return None;
    }
    let stem = source
        .file
        .rsplit_once('.')
        .map_or(source.file.as_str(), |(s, _)| s);
    let path = ws.source_path(&pages_file_of(stem)).ok()?;
    let map = PageMap::from_toml(&store::read_text(&path).ok()?).ok()?;
    (map.text == source.hash).then_some(map)
}

/// Gives the citations that have no locator the page of the quote.
pub(super) fn fill_page_locators(
    ws: &Workspace,
    source: &Source,
    anchor: &Anchor,
    citations: &mut [Citation],
) {
    if citations.iter().all(|c| c.locator.is_some()) {
        return;
    }
    if let Some(page) = page_locator(ws, source, anchor) {
        for citation in citations.iter_mut().filter(|c| c.locator.is_none()) {
            citation.locator = Some(page.clone());
        }
    }
}
