//! Builds small PDFs for tests: Helvetica text pages, page labels, an Info dictionary, an /Encrypt entry.

use pdf_extract::content::{Content, Operation};
use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream, text_string};

/// What to put in a test PDF; a page with no lines has no text layer.
#[derive(Debug, Clone, Default)]
pub struct Spec {
    pub pages: Vec<Vec<String>>,
    /// `/PageLabels` ranges: first page index, style name (`D`, `r`, `R`, `a`, `A` or empty), prefix, start.
    pub labels: Vec<(i64, &'static str, Option<&'static str>, Option<i64>)>,
    pub info: Vec<(&'static str, String)>,
    pub encrypted: bool,
}

impl Spec {
    /// One page per entry, each page's text split into lines on `\n`.
    pub fn pages(pages: &[&str]) -> Spec {
        Spec {
            pages: pages
                .iter()
                .map(|p| {
                    p.lines()
                        .map(String::from)
                        .filter(|l| !l.is_empty())
                        .collect()
                })
                .collect(),
            ..Spec::default()
        }
    }

    pub fn labels(
        mut self,
        first: i64,
        style: &'static str,
        prefix: Option<&'static str>,
        start: Option<i64>,
    ) -> Spec {
        self.labels.push((first, style, prefix, start));
        self
    }

    pub fn info(mut self, key: &'static str, value: &str) -> Spec {
        self.info.push((key, value.to_string()));
        self
    }

    pub fn encrypted(mut self) -> Spec {
        self.encrypted = true;
        self
    }

    pub fn build(&self) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let mut font = Dictionary::new();
        font.set("Type", Object::Name(b"Font".to_vec()));
        font.set("Subtype", Object::Name(b"Type1".to_vec()));
        font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
        let font_id = doc.add_object(font);
        let mut fonts = Dictionary::new();
        fonts.set("F1", Object::Reference(font_id));
        let mut resources = Dictionary::new();
        resources.set("Font", Object::Dictionary(fonts));
        let resources_id = doc.add_object(resources);
        let kids: Vec<Object> = self
            .pages
            .iter()
            .map(|lines| Object::Reference(page(&mut doc, pages_id, lines)))
            .collect();
        let mut pages = Dictionary::new();
        pages.set("Type", Object::Name(b"Pages".to_vec()));
        pages.set("Count", Object::Integer(kids.len() as i64));
        pages.set("Kids", Object::Array(kids));
        pages.set("Resources", Object::Reference(resources_id));
        pages.set(
            "MediaBox",
            Object::Array(vec![0.into(), 0.into(), 595.into(), 842.into()]),
        );
        doc.objects.insert(pages_id, Object::Dictionary(pages));
        let mut catalog = Dictionary::new();
        catalog.set("Type", Object::Name(b"Catalog".to_vec()));
        catalog.set("Pages", Object::Reference(pages_id));
        if !self.labels.is_empty() {
            catalog.set("PageLabels", Object::Dictionary(self.page_labels()));
        }
        let catalog_id = doc.add_object(catalog);
        doc.trailer.set("Root", Object::Reference(catalog_id));
        if !self.info.is_empty() {
            let mut info = Dictionary::new();
            for (key, value) in &self.info {
                info.set(key.as_bytes().to_vec(), text_string(value));
            }
            let info_id = doc.add_object(info);
            doc.trailer.set("Info", Object::Reference(info_id));
        }
        if self.encrypted {
            let mut encrypt = Dictionary::new();
            encrypt.set("Filter", Object::Name(b"Standard".to_vec()));
            encrypt.set("V", Object::Integer(1));
            encrypt.set("R", Object::Integer(2));
            encrypt.set("O", Object::string_literal(vec![7u8; 32]));
            encrypt.set("U", Object::string_literal(vec![9u8; 32]));
            encrypt.set("P", Object::Integer(-4));
            let encrypt_id = doc.add_object(encrypt);
            doc.trailer.set("Encrypt", Object::Reference(encrypt_id));
        }
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).expect("test PDF saved");
        bytes
    }

    fn page_labels(&self) -> Dictionary {
        let mut nums = Vec::new();
        for (first, style, prefix, start) in &self.labels {
            let mut range = Dictionary::new();
            if !style.is_empty() {
                range.set("S", Object::Name(style.as_bytes().to_vec()));
            }
            if let Some(prefix) = prefix {
                range.set("P", text_string(prefix));
            }
            if let Some(start) = start {
                range.set("St", Object::Integer(*start));
            }
            nums.push(Object::Integer(*first));
            nums.push(Object::Dictionary(range));
        }
        let mut tree = Dictionary::new();
        tree.set("Nums", Object::Array(nums));
        tree
    }
}

fn page(doc: &mut Document, parent: ObjectId, lines: &[String]) -> ObjectId {
    let mut operations = Vec::new();
    if !lines.is_empty() {
        operations.push(Operation::new("BT", vec![]));
        operations.push(Operation::new(
            "Tf",
            vec![Object::Name(b"F1".to_vec()), 12.into()],
        ));
        operations.push(Operation::new("TL", vec![16.into()]));
        operations.push(Operation::new("Td", vec![72.into(), 760.into()]));
        for line in lines {
            operations.push(Operation::new(
                "Tj",
                vec![Object::string_literal(line.as_bytes().to_vec())],
            ));
            operations.push(Operation::new("T*", vec![]));
        }
        operations.push(Operation::new("ET", vec![]));
    }
    let content = Content { operations }.encode().expect("content encoded");
    let content_id = doc.add_object(Stream::new(Dictionary::new(), content));
    let mut page = Dictionary::new();
    page.set("Type", Object::Name(b"Page".to_vec()));
    page.set("Parent", Object::Reference(parent));
    page.set("Contents", Object::Reference(content_id));
    doc.add_object(page)
}
