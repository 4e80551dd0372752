//! The first frame shows the first source at once; the other sources and the library arrive from
//! background reads, and the screens that need them say they are loading until then.

#[path = "../benches/support/generator.rs"]
mod generator;
mod tui_common;

use glose::model::Kind;
use glose::ops::{Context, RunOptions};
use glose::store::git::{Identity, Repo};
use glose::tui::Session;
use tui_common::text;

const SOURCES: usize = 5;
const ENTRIES: usize = 200;

fn workspace() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let root = dir.path().join("ws");
    generator::generate(&root, SOURCES, SOURCES * 20, ENTRIES, 3).expect("generated workspace");
    Repo::init(&root).expect("a git repository");
    (dir, root)
}

/// A session whose background reads are not taken in until the test says so.
fn open(root: &std::path::Path) -> Session {
    let options = RunOptions {
        now: Some("2026-03-02T10:00:00Z".parse().expect("time")),
        author: Some(Identity::parse("Camille Martin <camille@example.org>").expect("identity")),
        seed: Some(7),
    };
    let cx = Context::open(root.to_path_buf(), options).expect("context");
    Session::open(cx, true, false).expect("session")
}

fn screen(session: &mut Session) -> String {
    text(&session.render(120, 40))
}

#[test]
fn the_first_source_is_shown_at_once_and_the_rest_arrives_later() {
    let (_dir, root) = workspace();
    let mut session = open(&root);
    let data = &session.app.data;
    assert_eq!(data.sources.len(), SOURCES, "every source is listed");
    assert!(data.sources[0].loaded && !data.sources[0].text.is_empty());
    assert!(data.sources[1..].iter().all(|s| !s.loaded));
    assert!(data.library_loading && data.refs.is_empty());
    assert!(screen(&mut session).contains(&format!("Sources 1/{SOURCES}")));

    session.keys("C").expect("keys");
    let board = screen(&mut session);
    assert!(
        board.contains(&format!("loading notes 1 of {SOURCES}…")),
        "{board}"
    );
    session.keys("<esc>R").expect("keys");
    assert!(screen(&mut session).contains("References: loading library…"));

    session.wait_loaded();
    assert!(!session.loading());
    let data = &session.app.data;
    assert!(data.sources.iter().all(|s| s.loaded && !s.text.is_empty()));
    assert_eq!(data.refs.len(), ENTRIES);
    assert!(!data.library_loading);
    let references = screen(&mut session);
    assert!(
        references.contains(&format!("References {ENTRIES} of {ENTRIES}")),
        "{references}"
    );
    session.keys("<esc>C").expect("keys");
    let claims: usize = session
        .app
        .data
        .sources
        .iter()
        .flat_map(|s| &s.annotations)
        .filter(|a| a.kind == Kind::Claim)
        .count();
    let board = screen(&mut session);
    assert!(
        board.contains(&format!("Claims {claims} of {claims} ")),
        "{board}"
    );
    assert!(!board.contains("loading"), "{board}");
}

#[test]
fn a_source_opened_before_its_background_read_is_read_at_once_and_kept() {
    let (_dir, root) = workspace();
    let mut session = open(&root);
    session.keys(":goto source-00003<enter>").expect("keys");
    let doc = session.app.doc().expect("a source");
    assert_eq!(doc.id, "source-00003");
    assert!(doc.loaded && !doc.text.is_empty() && !doc.annotations.is_empty());
    let before = doc.annotations.len();
    session.keys("}s").expect("keys");
    session.keys("m").expect("keys");
    let after = session.app.doc().expect("a source").annotations.len();
    assert_eq!(after, before + 1, "{}", session.app.status.text);
    session.wait_loaded();
    let doc = session.app.doc().expect("a source");
    assert_eq!(doc.id, "source-00003");
    assert_eq!(
        doc.annotations.len(),
        after,
        "an older background read never replaces a source read since"
    );
}

#[test]
fn the_picker_says_the_library_is_loading_then_filters_it() {
    let (_dir, root) = workspace();
    let mut session = open(&root);
    let doc = session.app.doc().expect("a source");
    let claim = doc.annotations.iter().position(|a| a.kind == Kind::Claim);
    let steps = "]".repeat(claim.expect("a claim in the first source") + 1);
    session.keys(&steps).expect("keys");
    session.keys("@").expect("keys");
    let picker = screen(&mut session);
    assert!(picker.contains("loading library…"), "{picker}");
    session.keys("ref19").expect("keys");
    session.wait_loaded();
    let picker = screen(&mut session);
    assert!(!picker.contains("loading library…"), "{picker}");
    assert!(picker.contains("ref19"), "{picker}");
    let glose::tui::app::Overlay::Picker(state) = &session.app.overlay else {
        panic!("the picker is still open");
    };
    assert!(!state.matches.is_empty() && state.matches.len() < ENTRIES);
}

#[test]
fn unreadable_notes_are_left_out_with_a_message_and_the_next_source_comes_first() {
    let (_dir, root) = workspace();
    std::fs::write(root.join("notes/source-00000.toml"), "[source\nid = 3\n").expect("write");
    std::fs::write(
        root.join("notes/source-00002.toml"),
        "not toml at all = =\n",
    )
    .expect("write");
    let mut session = open(&root);
    let doc = session.app.doc().expect("a source");
    assert_eq!(doc.id, "source-00001");
    assert!(doc.loaded);
    let status = session.app.status.text.clone();
    assert!(
        status.starts_with("source-00000 is not shown") && session.app.status.error,
        "{status}"
    );
    session.wait_loaded();
    let ids: Vec<&str> = session
        .app
        .data
        .sources
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, ["source-00001", "source-00003", "source-00004"]);
    assert!(
        session
            .app
            .status
            .text
            .starts_with("source-00002 is not shown"),
        "{}",
        session.app.status.text
    );
}

#[test]
fn the_uncommitted_files_are_counted_on_another_thread() {
    let (_dir, root) = workspace();
    let cx = Context::open(root.clone(), RunOptions::default()).expect("context");
    let expected = glose::ops::pending_changes(&cx).expect("pending").len();
    assert!(expected > SOURCES, "nothing is committed yet");
    let mut session = open(&root);
    assert_eq!(session.app.data.pending, None);
    assert!(screen(&mut session).contains("counting changes…"));
    session.wait_loaded();
    assert_eq!(session.app.data.pending, Some(expected));
    assert!(screen(&mut session).contains(&format!("{expected} uncommitted")));
    session.keys(":w<enter>").expect("keys");
    assert_eq!(session.app.data.pending, Some(0));
    session.wait_loaded();
    assert_eq!(
        session.app.data.pending,
        Some(0),
        "the count after the commit"
    );
    std::fs::write(root.join("notes/extra.toml"), "written behind the TUI\n").expect("write");
    session.dispatch(glose::tui::action::Action::Tick);
    session.wait_loaded();
    assert_eq!(
        session.app.data.pending,
        Some(1),
        "a file added on disk is counted"
    );
}
