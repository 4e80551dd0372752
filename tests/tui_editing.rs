//! The annotation editor, inline and in `$EDITOR`, driven by keys; assertions on the notes files.

mod tui_common;

use glose::model::Kind;
use glose::tui::app::Overlay;
use tui_common::Demo;

fn selected_id(demo: &Demo) -> String {
    let app = &demo.session.app;
    let doc = app.doc().expect("source");
    doc.annotations[app.selected.expect("a selected annotation")]
        .id
        .to_string()
}

#[test]
fn the_inline_editor_saves_note_tags_and_kind() {
    let mut demo = Demo::new();
    demo.keys("]]]");
    let id = selected_id(&demo);
    demo.keys("e");
    assert!(matches!(demo.session.app.overlay, Overlay::Editor(_)));
    demo.keys("Un paradis<enter>fiscal ?<tab>droit, #numérique<tab><right><right><C-s>");
    assert!(matches!(demo.session.app.overlay, Overlay::None));
    let edited = demo
        .annotations()
        .into_iter()
        .find(|a| a.id.0 == id)
        .expect("still there");
    assert_eq!(edited.body, "Un paradis\nfiscal ?");
    for tag in ["vocabulaire", "droit", "numérique"] {
        assert!(edited.tags.iter().any(|t| t == tag), "{:?}", edited.tags);
    }
    assert_eq!(edited.kind, Kind::Claim, "highlight → note → claim");
    assert!(demo.status().contains("edited"), "{}", demo.status());
    demo.keys(":w<enter>");
    assert!(demo.head().contains("edited"), "{}", demo.head());
}

#[test]
fn escape_cancels_the_edit_and_q_types_in_the_editor() {
    let mut demo = Demo::new();
    let before = demo.annotations();
    demo.keys("]]]eqj<esc>");
    assert!(!demo.session.app.done, "q was typed, not a quit");
    assert!(matches!(demo.session.app.overlay, Overlay::None));
    assert_eq!(demo.annotations(), before);
    demo.keys("e<C-s>");
    assert!(demo.status().contains("nothing changed"));
    assert_eq!(demo.annotations(), before);
}

#[test]
fn the_external_editor_replaces_the_note_and_a_failure_changes_nothing() {
    let mut demo = Demo::new();
    demo.keys("]]]");
    let id = selected_id(&demo);
    demo.session.editor = Some(r#"sh -c 'printf "dans l’éditeur\n" > "$1"' _"#.into());
    demo.keys("E");
    let body = |demo: &Demo| {
        demo.annotations()
            .into_iter()
            .find(|a| a.id.0 == id)
            .map(|a| a.body)
    };
    assert_eq!(body(&demo).as_deref(), Some("dans l’éditeur"));
    demo.session.editor = Some("false".into());
    demo.keys("E");
    assert!(demo.session.app.status.error);
    assert!(demo.status().contains("unchanged"), "{}", demo.status());
    assert_eq!(body(&demo).as_deref(), Some("dans l’éditeur"));
    demo.session.editor = Some("true".into());
    demo.keys("E");
    assert!(
        demo.status().contains("note unchanged"),
        "{}",
        demo.status()
    );
}
