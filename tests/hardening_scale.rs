//! A notes file with very many annotations loads, lists and takes a new one without hanging.
//!
//! `GLOSE_SCALE_ANNOTATIONS=1000000 cargo test --release --test hardening_scale -- --ignored --nocapture` measures a million.

mod common;

use std::time::Instant;

use common::Env;
use glose::model::{Anchor, AnchorState, Annotation, AnnotationId, Kind};
use glose::store::{Workspace, load_notes, notes_to_string, parse_notes};

/// Writes `count` highlights on the example source's first word, straight into its notes file.
fn crowd(env: &Env, count: usize) -> usize {
    let ws = Workspace::new(env.root());
    let id = glose::model::SourceId::new("berdeil-2023").unwrap();
    let mut notes = load_notes(&ws, &id).unwrap().unwrap();
    let template = Annotation {
        id: AnnotationId(String::new()),
        kind: Kind::Highlight,
        anchor: Anchor {
            exact: "x".into(),
            prefix: String::new(),
            suffix: String::new(),
            start: 0,
            end: 1,
        },
        state: AnchorState::Orphaned,
        body: "n".into(),
        tags: vec![],
        author: "A <a@example.org>".into(),
        created: "2026-01-01T00:00:00Z".into(),
        updated: "2026-01-01T00:00:00Z".into(),
        citations: vec![],
        reply_to: None,
        status: None,
        conflicts: vec![],
    };
    notes.annotations = (0..count)
        .map(|i| Annotation {
            id: AnnotationId(format!("{i:08x}")),
            ..template.clone()
        })
        .collect();
    let text = notes_to_string(&notes);
    std::fs::write(env.path("notes/berdeil-2023.toml"), &text).unwrap();
    text.len()
}

fn measure(count: usize) {
    let env = Env::workspace().with_example();
    let started = Instant::now();
    let bytes = crowd(&env, count);
    eprintln!(
        "{count} annotations: {} MB written in {:.2?}",
        bytes / 1_000_000,
        started.elapsed()
    );
    let text = std::fs::read_to_string(env.path("notes/berdeil-2023.toml")).unwrap();
    let started = Instant::now();
    let parsed = parse_notes(&text).unwrap();
    eprintln!("parse: {:.2?}", started.elapsed());
    assert_eq!(parsed.annotations.len(), count);
    let started = Instant::now();
    env.ok(&["claims"]);
    eprintln!("glose claims: {:.2?}", started.elapsed());
    let started = Instant::now();
    env.ok(&["annotate", "berdeil-2023", "--quote", "cyber-paradis"]);
    eprintln!(
        "glose annotate (load, save, commit): {:.2?}",
        started.elapsed()
    );
}

#[test]
fn twenty_thousand_annotations_load_and_take_one_more() {
    measure(20_000);
}

#[test]
#[ignore = "long: a million annotations (about 300 MB of notes)"]
fn a_million_annotations() {
    let count = std::env::var("GLOSE_SCALE_ANNOTATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    measure(count);
}
