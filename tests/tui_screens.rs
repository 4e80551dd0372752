//! Screens drawn into an off-screen buffer from the demo workspace, checked against snapshots.

mod tui_common;

use tui_common::{Demo, text};

#[test]
fn reader_on_the_demo() {
    let mut demo = Demo::new();
    demo.keys("/62%<enter>s");
    insta::assert_snapshot!("reader_100x30", text(&demo.session.render(100, 30)));
    let wide = text(&demo.session.render(120, 40));
    assert!(wide.contains("berdeil-2023 !3"), "{wide}");
    assert!(wide.contains("ws · main · committed"), "{wide}");
}

#[test]
fn selected_claim_detail_shows_citations_and_anchor() {
    let mut demo = Demo::new();
    demo.keys("]");
    let screen = text(&demo.session.render(100, 30));
    assert!(
        screen.contains("cites") || screen.contains("Cites"),
        "{screen}"
    );
    assert!(screen.contains("supports loi2016-444"), "{screen}");
    assert!(screen.contains("exact"), "{screen}");
}

#[test]
fn citation_picker() {
    let mut demo = Demo::new();
    demo.keys("]]]]");
    demo.keys("@nid");
    let typed = text(&demo.session.render(100, 30));
    assert!(typed.contains("search: nid    matching…"), "{typed}");
    demo.session.wait_loaded();
    insta::assert_snapshot!("picker_search_100x30", text(&demo.session.render(100, 30)));
    demo.keys("<enter>art. 4<tab>");
    let details = text(&demo.session.render(100, 30));
    assert!(details.contains("locator: art. 4"), "{details}");
    assert!(
        details.contains("cite mouvementdunid-internet"),
        "{details}"
    );
}

#[test]
fn help_lists_every_binding_from_the_keymap() {
    let mut demo = Demo::new();
    demo.keys("?");
    insta::assert_snapshot!("help_100x30", text(&demo.session.render(100, 30)));
}

#[test]
fn too_small_terminal_says_so() {
    let mut demo = Demo::new();
    insta::assert_snapshot!("too_small_40x10", text(&demo.session.render(40, 10)));
}

#[test]
fn control_characters_in_a_source_never_reach_the_terminal() {
    let mut demo = Demo::new();
    let source = demo.root().join("library/sources/berdeil-2023.txt");
    let original = std::fs::read_to_string(&source).expect("source");
    std::fs::write(&source, format!("Titre \u{1b}[31mrouge\u{7}\n{original}")).expect("write");
    demo.keys(":w<enter>");
    let demo_root = demo.root();
    let cx = glose::ops::Context::open(demo_root, glose::ops::RunOptions::default()).expect("cx");
    demo.session = glose::tui::Session::open(cx, true, true).expect("session");
    let buffer = demo.session.render(100, 30);
    let screen = text(&buffer);
    assert!(
        !screen.contains('\u{1b}') && !screen.contains('\u{7}'),
        "{screen}"
    );
    assert!(
        screen.contains("Titre \u{fffd}[31mrouge\u{fffd}"),
        "{screen}"
    );
}

#[test]
fn claims_board() {
    let mut demo = Demo::new();
    demo.keys("C");
    insta::assert_snapshot!("claims_120x40", text(&demo.session.render(120, 40)));
    demo.keys("u");
    insta::assert_snapshot!(
        "claims_unsupported_80x24",
        text(&demo.session.render(80, 24))
    );
}

#[test]
fn references_screen() {
    let mut demo = Demo::new();
    demo.keys("R/loi<enter>");
    demo.session.wait_loaded();
    insta::assert_snapshot!("references_120x40", text(&demo.session.render(120, 40)));
    insta::assert_snapshot!("references_80x24", text(&demo.session.render(80, 24)));
}

#[test]
fn orphans_screen() {
    let mut demo = Demo::new();
    let path = demo.root().join("library/sources/berdeil-2023.txt");
    let source = std::fs::read_to_string(&path).expect("source");
    std::fs::write(&path, source.replace("cyber-paradis", "paradis numériques")).expect("write");
    demo.reopen();
    demo.keys("O");
    insta::assert_snapshot!("orphans_120x40", text(&demo.session.render(120, 40)));
    insta::assert_snapshot!("orphans_80x24", text(&demo.session.render(80, 24)));
}

#[test]
fn annotation_editor() {
    let mut demo = Demo::new();
    demo.keys("]]]eUne note<tab>tag");
    insta::assert_snapshot!("editor_120x40", text(&demo.session.render(120, 40)));
    insta::assert_snapshot!("editor_80x24", text(&demo.session.render(80, 24)));
}

#[test]
fn help_lists_the_screens_and_the_editor() {
    let mut demo = Demo::new();
    demo.keys("?");
    let help: String = glose::tui::ui::help_text(&demo.session.app.keymap);
    for title in ["Claims board", "References", "Orphans", "Annotation editor"] {
        assert!(help.contains(title), "{title} missing from help:\n{help}");
    }
    for name in [
        "only-unsupported",
        "confirm-anchor",
        "reattach",
        "edit-external",
        "save",
    ] {
        assert!(help.contains(name), "{name} missing from help");
    }
}
