//! Notes files and `.bib`s changed by another program while the TUI is open are read again, never overwritten.

mod tui_common;

use glose::model::SourceId;
use glose::ops::{self, Context, EditRequest, RunOptions};
use glose::store::{self, Workspace};
use glose::tui::action::Action;
use tui_common::Demo;

const NOTES: &str = "notes/berdeil-2023.toml";

/// The first annotation with a note.
fn with_note(demo: &Demo) -> String {
    let found = demo.annotations().into_iter().find(|a| !a.body.is_empty());
    found.expect("a note in the demo").id.to_string()
}

/// Changes a note through a second context, as another glose process would.
fn edit_elsewhere(demo: &Demo, body: &str) -> String {
    let id = with_note(demo);
    let mut cx = Context::open(demo.root(), RunOptions::default()).expect("second context");
    let request = EditRequest {
        body: Some(body.to_string()),
        kind: None,
        add_tags: Vec::new(),
        remove_tags: Vec::new(),
        confirm: false,
    };
    ops::edit(&mut cx, &id, request).expect("edit from elsewhere");
    id
}

fn body_shown(demo: &Demo, id: &str) -> String {
    let doc = demo.session.app.doc().expect("a source");
    let found = doc.annotations.iter().find(|a| a.id.0 == id);
    found.expect("annotation shown").body.clone()
}

fn body_on_disk(demo: &Demo, id: &str) -> String {
    let found = demo.annotations().into_iter().find(|a| a.id.0 == id);
    found.expect("annotation on disk").body
}

#[test]
fn a_notes_file_changed_elsewhere_is_reloaded_and_undo_keeps_the_change() {
    let mut demo = Demo::new();
    demo.keys("}vwwm");
    let id = edit_elsewhere(&demo, "written by another program");
    assert_ne!(body_shown(&demo, &id), "written by another program");
    demo.session.dispatch(Action::Tick);
    assert_eq!(body_shown(&demo, &id), "written by another program");
    assert_eq!(
        demo.status(),
        format!("{NOTES} changed on disk: reloaded"),
        "the status line says what happened"
    );
    demo.session.dispatch(Action::Tick);
    assert_eq!(demo.status(), format!("{NOTES} changed on disk: reloaded"));

    let before = demo.annotations().len();
    demo.keys("}}}vwwm");
    assert_eq!(demo.annotations().len(), before + 1);
    demo.keys("u");
    assert_eq!(
        demo.annotations().len(),
        before,
        "the TUI's own change undone"
    );
    assert_eq!(body_on_disk(&demo, &id), "written by another program");
    demo.keys("u");
    assert_eq!(demo.status(), "nothing to undo", "older steps were dropped");
    assert_eq!(body_on_disk(&demo, &id), "written by another program");
    assert_eq!(demo.annotations().len(), before);
}

#[test]
fn undo_never_overwrites_a_file_changed_before_the_tick_noticed() {
    let mut demo = Demo::new();
    let before = demo.annotations().len();
    demo.keys("}vwwm");
    assert_eq!(demo.annotations().len(), before + 1);
    let path = demo.root().join(NOTES);
    let id = with_note(&demo);
    let old = body_on_disk(&demo, &id);
    let text = std::fs::read_to_string(&path).expect("notes");
    let changed = text.replacen(&format!("\"{old}\""), "\"typed in another editor\"", 1);
    assert_ne!(changed, text, "the note's body is a plain TOML string");
    std::fs::write(&path, changed).expect("write behind the TUI");

    demo.keys("u");
    assert_eq!(
        demo.annotations().len(),
        before + 1,
        "the undo step was not written"
    );
    assert_eq!(body_on_disk(&demo, &id), "typed in another editor");
    assert_eq!(body_shown(&demo, &id), "typed in another editor");
    assert!(
        demo.status().contains("changed outside glose") && demo.status().contains("dropped"),
        "{}",
        demo.status()
    );
    demo.keys("<C-r>");
    assert_eq!(demo.status(), "nothing to redo");
    demo.keys("u");
    assert_eq!(demo.status(), "nothing to undo");
    assert_eq!(body_on_disk(&demo, &id), "typed in another editor");
}

#[test]
fn a_bib_changed_elsewhere_reloads_the_library() {
    let mut demo = Demo::new();
    let ws = Workspace::new(demo.root());
    let bib = ws.bib_paths().expect("bibs")[0].clone();
    let mut text = std::fs::read_to_string(&bib).expect("bib");
    text.push_str(
        "\n@book{added-elsewhere, title = {Added}, author = {Doe, Jane}, year = {2020}}\n",
    );
    std::fs::write(&bib, text).expect("write bib");
    assert!(
        !demo
            .session
            .app
            .data
            .refs
            .iter()
            .any(|r| r.key == "added-elsewhere")
    );
    demo.session.dispatch(Action::Tick);
    demo.session.wait_loaded();
    assert!(
        demo.session
            .app
            .data
            .refs
            .iter()
            .any(|r| r.key == "added-elsewhere")
    );
    let name = ws.relative(&bib).display().to_string();
    assert_eq!(demo.status(), format!("{name} changed on disk: reloaded"));
    let id = SourceId::new("berdeil-2023").expect("id");
    assert!(store::load_notes(&ws, &id).expect("notes").is_some());
}

#[test]
fn a_source_text_edited_elsewhere_is_reloaded_and_its_notes_re_anchored_for_display() {
    let mut demo = Demo::new();
    let path = demo.root().join("library/sources/berdeil-2023.txt");
    let original = std::fs::read_to_string(&path).expect("source");
    let stored = demo.annotations();
    let first = stored.first().expect("an annotation").clone();
    let added = "Un paragraphe ajouté par un autre éditeur.\n\n";
    std::fs::write(&path, format!("{added}{original}")).expect("write the source");

    demo.session.dispatch(Action::Tick);
    assert_eq!(
        demo.status(),
        "library/sources/berdeil-2023.txt changed on disk: reloaded"
    );
    let doc = demo.session.app.doc().expect("a source");
    assert!(doc.text.starts_with(added), "the new text is shown");
    let shown = doc
        .annotations
        .iter()
        .find(|a| a.id == first.id)
        .expect("the annotation is still shown");
    assert_eq!(shown.anchor.start, first.anchor.start + added.len());
    assert_eq!(
        &doc.text[shown.anchor.start..shown.anchor.end],
        first.anchor.exact
    );
    assert_eq!(
        demo.annotations(),
        stored,
        "re-anchoring for display writes nothing"
    );
    demo.session.dispatch(Action::Tick);
    assert_eq!(
        demo.status(),
        "library/sources/berdeil-2023.txt changed on disk: reloaded",
        "noticed once"
    );
}

#[test]
fn a_source_replaced_by_glose_add_replace_is_shown_at_once() {
    let mut demo = Demo::new();
    let path = demo.root().join("library/sources/berdeil-2023.txt");
    let original = std::fs::read_to_string(&path).expect("source");
    let replacement = demo.dir.path().join("new-version.txt");
    std::fs::write(
        &replacement,
        format!("Nouvelle introduction.\n\n{original}"),
    )
    .expect("write");
    let cx = Context::open(demo.root(), RunOptions::default()).expect("second context");
    let request = ops::ReplaceRequest {
        source: "berdeil-2023".to_string(),
        file: replacement,
    };
    ops::replace_source(&cx, &request).expect("replace from elsewhere");
    demo.session.dispatch(Action::Tick);
    let doc = demo.session.app.doc().expect("a source");
    assert!(doc.text.starts_with("Nouvelle introduction."));
    assert!(
        demo.status().contains("changed on disk: reloaded"),
        "{}",
        demo.status()
    );
    for shown in &doc.annotations {
        assert_eq!(
            &doc.text[shown.anchor.start..shown.anchor.end],
            shown.anchor.exact
        );
    }
}

#[test]
fn glose_toml_changed_elsewhere_applies_its_keys_or_keeps_the_old_ones() {
    let mut demo = Demo::new();
    let config = demo.root().join("glose.toml");
    let original = std::fs::read_to_string(&config).unwrap_or_default();
    let before = demo.annotations().len();
    std::fs::write(&config, format!("{original}\n[keys]\nclaim = \"ctrl-k\"\n")).expect("write");
    demo.session.dispatch(Action::Tick);
    assert_eq!(demo.status(), "glose.toml changed on disk: reloaded");
    demo.keys("}s<C-k>");
    assert_eq!(demo.annotations().len(), before + 1, "{}", demo.status());
    assert!(demo.status().contains("claim added"), "{}", demo.status());

    std::fs::write(&config, "[keys\n").expect("write a broken file");
    demo.session.dispatch(Action::Tick);
    assert!(demo.session.app.status.error);
    assert!(
        demo.status().contains("the previous settings stay"),
        "{}",
        demo.status()
    );
    demo.keys("}}s<C-k>");
    assert_eq!(
        demo.annotations().len(),
        before + 2,
        "the keys read before still work"
    );

    std::fs::write(&config, "[keys]\nclaim = \"nonsense key\"\n").expect("write");
    demo.session.dispatch(Action::Tick);
    assert!(demo.session.app.status.error);
    assert!(demo.status().contains("is not a key"), "{}", demo.status());
}
