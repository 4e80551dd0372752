//! Whether drawing a page ends: pdf-extract recurses into every form XObject a `Do` draws, so a form
//! that draws itself (or forms nested without end) would overflow the stack and abort glose.

use std::collections::HashSet;

use pdf_extract::content::Content;
use pdf_extract::{Dictionary, Document, Object, ObjectId};

/// Deeper nesting of forms is not read; real documents nest a few.
const MAX_FORM_DEPTH: usize = 32;

/// Deeper page trees are not read: pdf-extract follows `/Parent` recursively, without end on a loop.
const MAX_PAGE_TREE_DEPTH: usize = 64;

/// Whether the page's `/Parent` links end and no form it draws draws itself, within the depth limits.
pub fn page_ends(doc: &Document, page: ObjectId) -> bool {
    let Some(resources) = inherited_resources(doc, page) else {
        return false;
    };
    let Ok(content) = doc.get_page_content(page) else {
        return true;
    };
    let mut checked = HashSet::new();
    draws_end(doc, &content, resources, &mut Vec::new(), &mut checked)
}

/// The page's `/Resources`, its own or its nearest ancestor's (an empty one if none); `None` when the
/// `/Parent` links loop or run deeper than [`MAX_PAGE_TREE_DEPTH`].
fn inherited_resources(doc: &Document, page: ObjectId) -> Option<&Dictionary> {
    static EMPTY: std::sync::OnceLock<Dictionary> = std::sync::OnceLock::new();
    let mut seen = HashSet::from([page]);
    let mut at = doc.get_dictionary(page).ok()?;
    let mut found = None;
    while seen.len() <= MAX_PAGE_TREE_DEPTH {
        if found.is_none() {
            found = at.get(b"Resources").ok().and_then(|r| dictionary(doc, r));
        }
        let Some(parent) = at.get(b"Parent").ok().and_then(|p| p.as_reference().ok()) else {
            return Some(found.unwrap_or_else(|| EMPTY.get_or_init(Dictionary::new)));
        };
        if !seen.insert(parent) {
            return None;
        }
        match doc.get_dictionary(parent) {
            Ok(next) => at = next,
            Err(_) => return Some(found.unwrap_or_else(|| EMPTY.get_or_init(Dictionary::new))),
        }
    }
    None
}

fn dictionary<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    doc.dereference(object).ok()?.1.as_dict().ok()
}

/// Follows every `Do` of `content` into the forms it draws; false on a loop or past [`MAX_FORM_DEPTH`].
fn draws_end(
    doc: &Document,
    content: &[u8],
    resources: &Dictionary,
    path: &mut Vec<ObjectId>,
    checked: &mut HashSet<(ObjectId, usize)>,
) -> bool {
    if path.len() > MAX_FORM_DEPTH {
        return false;
    }
    let Ok(content) = Content::decode(content) else {
        return true;
    };
    let xobjects = resources
        .get(b"XObject")
        .ok()
        .and_then(|x| dictionary(doc, x));
    let drawn: HashSet<&[u8]> = content
        .operations
        .iter()
        .filter(|op| op.operator == "Do")
        .filter_map(|op| op.operands.first()?.as_name().ok())
        .collect();
    for name in drawn {
        let Some(form) = xobjects
            .and_then(|x| x.get(name).ok())
            .and_then(|f| f.as_reference().ok())
        else {
            continue;
        };
        if path.contains(&form) {
            return false;
        }
        let Ok(stream) = doc.get_object(form).and_then(Object::as_stream) else {
            continue;
        };
        let inner = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| dictionary(doc, r))
            .unwrap_or(resources);
        if !checked.insert((form, std::ptr::from_ref(inner) as usize)) {
            continue;
        }
        let data = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        path.push(form);
        let ends = draws_end(doc, &data, inner, path, checked);
        path.pop();
        if !ends {
            return false;
        }
    }
    true
}
