//! Reads one `[[annotation]]` block back without a TOML parser, when the block is exactly what the writer writes.

use super::read::citation_from;
use super::write::write_annotation;
use crate::model::{
    Anchor, AnchorState, Annotation, AnnotationId, Citation, Conflict, Kind, Relation, ReviewStatus,
};

const STATES: [AnchorState; 3] = [
    AnchorState::Exact,
    AnchorState::Fuzzy,
    AnchorState::Orphaned,
];
const STATUSES: [ReviewStatus; 2] = [ReviewStatus::Open, ReviewStatus::Resolved];

/// The annotation of a block the writer would write byte for byte, else `None` (leave it to the parser).
///
/// Writing the result back must give `block` again, so a block is only accepted when the parser
/// would read the same annotation from it (the writer and parser round-trip).
pub(super) fn read_block(block: &str) -> Option<Annotation> {
    let annotation = parse_block(block)?;
    let mut written = String::with_capacity(block.len());
    write_annotation(&mut written, &annotation);
    (written == block).then_some(annotation)
}

fn parse_block(block: &str) -> Option<Annotation> {
    let mut c = Cursor { rest: block };
    c.eat("[[annotation]]\n").then_some(())?;
    let id = c.string("id")?;
    let mut annotation = c.version(&id, "[[annotation.citation]]\n")?;
    while c.eat("[[annotation.conflict]]\n") {
        if c.eat("deleted = true\n") {
            annotation.conflicts.push(Conflict::Deleted);
        } else {
            let version = c.version(&id, "[[annotation.conflict.citation]]\n")?;
            annotation
                .conflicts
                .push(Conflict::Changed(Box::new(version)));
        }
    }
    let ordered = |a: &Annotation| a.anchor.start <= a.anchor.end;
    let versions_ordered = annotation.conflicts.iter().all(|c| match c {
        Conflict::Changed(version) => ordered(version),
        Conflict::Deleted => true,
    });
    (c.rest.is_empty() && ordered(&annotation) && versions_ordered).then_some(annotation)
}

struct Cursor<'a> {
    rest: &'a str,
}

impl Cursor<'_> {
    fn eat(&mut self, s: &str) -> bool {
        match self.rest.strip_prefix(s) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    /// Eats `key = ` when the next line sets `key`.
    fn key(&mut self, key: &str) -> bool {
        let hit = self
            .rest
            .strip_prefix(key)
            .and_then(|r| r.strip_prefix(" = "));
        if let Some(rest) = hit {
            self.rest = rest;
        }
        hit.is_some()
    }

    /// Every field but the id, in the writer's order; `citation` heads each citation.
    fn version(&mut self, id: &str, citation: &str) -> Option<Annotation> {
        let kind = pick(&Kind::ALL, Kind::as_str, &self.string("kind")?)?;
        let status = match self.optional("status")? {
            Some(s) => Some(pick(&STATUSES, |s| s.as_str(), &s)?),
            None => None,
        };
        let reply_to = self.optional("reply_to")?.map(AnnotationId);
        let state = match self.optional("state")? {
            Some(s) => pick(&STATES, |s| s.as_str(), &s)?,
            None => AnchorState::Exact,
        };
        let author = self.string("author")?;
        let created = self.string("created")?;
        let updated = self.string("updated")?;
        let tags = if self.key("tags") {
            self.tags()?
        } else {
            Vec::new()
        };
        let start = self.number("start")?;
        let end = self.number("end")?;
        let exact = self.string("quote")?;
        let prefix = self.string("prefix")?;
        let suffix = self.string("suffix")?;
        let body = if self.key("body") {
            self.body()?
        } else {
            String::new()
        };
        let mut citations = Vec::new();
        while self.eat(citation) {
            citations.push(self.citation()?);
        }
        Some(Annotation {
            id: AnnotationId(id.to_owned()),
            kind,
            anchor: Anchor {
                exact,
                prefix,
                suffix,
                start,
                end,
            },
            state,
            body,
            tags,
            author,
            created,
            updated,
            citations,
            reply_to,
            status,
            conflicts: Vec::new(),
        })
    }

    fn citation(&mut self) -> Option<Citation> {
        let key = self.string("key")?;
        let locator = self.optional("locator")?;
        let relation = pick(&Relation::ALL, Relation::as_str, &self.string("relation")?)?;
        Some(citation_from(key, locator, relation))
    }

    /// `key = "..."` on its own line.
    fn string(&mut self, key: &str) -> Option<String> {
        self.key(key).then_some(())?;
        let value = self.basic()?;
        self.eat("\n").then_some(value)
    }

    /// `Some(None)` when the next line does not set `key`.
    fn optional(&mut self, key: &str) -> Option<Option<String>> {
        if self.rest.starts_with(key) && self.rest[key.len()..].starts_with(" = ") {
            self.string(key).map(Some)
        } else {
            Some(None)
        }
    }

    fn number(&mut self, key: &str) -> Option<usize> {
        self.key(key).then_some(())?;
        let (digits, rest) = self.rest.split_once('\n')?;
        self.rest = rest;
        digits.parse().ok()
    }

    fn tags(&mut self) -> Option<Vec<String>> {
        self.eat("[").then_some(())?;
        let mut tags = Vec::new();
        while !self.eat("]\n") {
            if !tags.is_empty() {
                self.eat(", ").then_some(())?;
            }
            tags.push(self.basic()?);
        }
        Some(tags)
    }

    fn body(&mut self) -> Option<String> {
        if self.eat("'''\n") {
            let (text, rest) = self.rest.split_once("'''\n")?;
            self.rest = rest;
            return Some(text.to_owned());
        }
        let value = if self.eat("\"\"\"\n") {
            self.escaped("\"\"\"")?
        } else {
            self.basic()?
        };
        self.eat("\n").then_some(value)
    }

    /// A one-line basic string, quotes included.
    fn basic(&mut self) -> Option<String> {
        self.eat("\"").then_some(())?;
        self.escaped("\"")
    }

    /// Escaped text up to the closing `quote`, which is eaten.
    fn escaped(&mut self, quote: &str) -> Option<String> {
        let mut out = String::new();
        loop {
            let stop = self.rest.find(['"', '\\'])?;
            out.push_str(&self.rest[..stop]);
            self.rest = &self.rest[stop..];
            if self.eat(quote) {
                return Some(out);
            }
            if self.eat("\"") {
                out.push('"');
                continue;
            }
            let mut chars = self.rest[1..].chars();
            let c = match chars.next()? {
                '"' => '"',
                '\\' => '\\',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'b' => '\u{8}',
                'f' => '\u{c}',
                'u' => {
                    let hex = self.rest.get(2..6)?;
                    self.rest = &self.rest[6..];
                    out.push(char::from_u32(u32::from_str_radix(hex, 16).ok()?)?);
                    continue;
                }
                _ => return None,
            };
            self.rest = &self.rest[2..];
            out.push(c);
        }
    }
}

fn pick<T: Copy>(all: &[T], name: impl Fn(T) -> &'static str, text: &str) -> Option<T> {
    all.iter().copied().find(|&t| name(t) == text)
}
