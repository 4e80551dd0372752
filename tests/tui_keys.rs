//! The real App driven by key strings against a demo workspace; assertions on notes files and commits.

mod tui_common;

use glose::model::{Kind, Relation};
use glose::tui::action::Action;
use glose::tui::app::IDLE_TICKS;
use tui_common::Demo;

#[test]
fn select_a_sentence_claim_it_cite_it_and_write() {
    let mut demo = Demo::new();
    let before = demo.annotations().len();
    let commits = demo.commits();
    demo.keys("/62%<enter>s");
    let selected = demo.session.app.selection().expect("a selection");
    let doc = demo.session.app.doc().expect("a source");
    assert_eq!(
        &doc.text[selected],
        "Selon, l’association abolitionniste « le Mouvement du Nid », 62% de la prostitution passe, en France, par l’Internet."
    );
    demo.keys("c");
    let after = demo.annotations();
    assert_eq!(after.len(), before + 1, "the claim is on disk at once");
    assert_eq!(demo.commits(), commits, "but not committed yet");
    assert!(
        demo.status().contains("unsupported claim added"),
        "{}",
        demo.status()
    );

    demo.keys("@mvtnid<enter>p. 4<enter>");
    let claim = demo
        .annotations()
        .into_iter()
        .find(|a| a.anchor.exact.starts_with("Selon, l’association"))
        .expect("the new claim");
    assert_eq!(claim.kind, Kind::Claim);
    assert_eq!(claim.citations.len(), 1);
    assert_eq!(claim.citations[0].key, "mouvementdunid-internet");
    assert_eq!(claim.citations[0].relation, Relation::Supports);
    assert_eq!(
        claim.citations[0].locator.as_ref().map(|l| l.text.as_str()),
        Some("p. 4")
    );

    demo.keys(":w<enter>");
    assert_eq!(demo.commits(), commits + 1);
    assert_eq!(demo.head(), "berdeil-2023: +1 claim, 1 citation");
    assert_eq!(demo.session.app.data.pending, Some(0));
}

#[test]
fn undo_and_redo_span_the_session() {
    let mut demo = Demo::new();
    let before = demo.annotations().len();
    demo.keys("}vwwm");
    assert_eq!(demo.annotations().len(), before + 1);
    let made = demo.annotations();
    demo.keys("]d");
    assert_eq!(demo.annotations().len(), before);
    demo.keys("u");
    assert_eq!(
        demo.annotations(),
        made,
        "undo brings the deleted annotation back as it was"
    );
    demo.keys("u");
    assert_eq!(demo.annotations().len(), before);
    demo.keys("<C-r><C-r>");
    assert_eq!(demo.annotations().len(), before);
    demo.keys("u");
    assert_eq!(demo.annotations(), made);
}

#[test]
fn quitting_commits_what_is_pending() {
    let mut demo = Demo::new();
    demo.keys("}sa");
    assert!(!demo.session.app.done);
    demo.keys("q");
    assert!(demo.session.app.done);
    assert_eq!(demo.head(), "berdeil-2023: +1 note");
    assert_eq!(demo.session.app.exit_message, None);
}

#[test]
fn an_idle_pause_commits_and_a_failed_commit_keeps_the_change() {
    let mut demo = Demo::new();
    let commits = demo.commits();
    let lock = demo.root().join(".git/index.lock");
    std::fs::write(&lock, "").expect("lock file");
    demo.keys("}sQ");
    demo.keys("<C-s>");
    assert!(demo.session.app.status.error);
    assert!(demo.status().contains("index.lock"), "{}", demo.status());
    assert_eq!(demo.commits(), commits);
    assert!(
        demo.annotations()
            .iter()
            .any(|a| a.kind == Kind::Question && a.created.starts_with("2026-03-02T10"))
    );
    std::fs::remove_file(&lock).expect("unlock");
    for _ in 0..IDLE_TICKS {
        demo.session.dispatch(Action::Tick);
    }
    assert_eq!(demo.commits(), commits + 1);
    assert_eq!(demo.head(), "berdeil-2023: +1 question");
}

#[test]
fn idle_commits_that_keep_failing_wait_longer_each_time() {
    let mut demo = Demo::new();
    let commits = demo.commits();
    let lock = demo.root().join(".git/index.lock");
    std::fs::write(&lock, "").expect("lock file");
    demo.keys("}sQ");
    for _ in 0..IDLE_TICKS {
        demo.session.dispatch(Action::Tick);
    }
    assert!(demo.status().contains("index.lock"), "{}", demo.status());
    std::fs::remove_file(&lock).expect("unlock");
    for _ in 0..IDLE_TICKS {
        demo.session.dispatch(Action::Tick);
    }
    assert_eq!(demo.commits(), commits, "retried before the longer wait");
    for _ in 0..IDLE_TICKS {
        demo.session.dispatch(Action::Tick);
    }
    assert_eq!(demo.commits(), commits + 1);
}

#[test]
fn command_line_checks_completes_and_reports_mistakes() {
    let mut demo = Demo::new();
    demo.keys(":che<tab><enter>");
    assert!(
        demo.status().contains("unsupported claims"),
        "{}",
        demo.status()
    );
    demo.keys(":go<tab>ber<tab>");
    let prompt = demo.session.app.prompt.as_ref().map(|p| p.text.clone());
    assert_eq!(prompt.as_deref(), Some("goto berdeil-2023"));
    demo.keys("<enter>:goto nowhere<enter>");
    assert!(demo.session.app.status.error);
    assert!(demo.status().contains("no source `nowhere`"));
    demo.keys(":bogus<enter>");
    assert!(demo.status().contains("unknown command"));
}

#[test]
fn only_claims_can_be_cited_and_empty_selections_say_what_to_do() {
    let mut demo = Demo::new();
    demo.keys("c");
    assert!(demo.status().contains("select some text first"));
    let commits = demo.commits();
    demo.keys("]]]");
    let kind = demo
        .session
        .app
        .selected
        .and_then(|i| demo.session.app.doc().map(|d| d.annotations[i].kind));
    assert_eq!(kind, Some(Kind::Highlight));
    demo.keys("@");
    assert!(
        demo.status().contains("only claims cite"),
        "{}",
        demo.status()
    );
    assert_eq!(demo.commits(), commits);
}

#[test]
fn mouse_click_places_the_cursor_drag_selects_and_wheel_scrolls() {
    use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mut demo = Demo::new();
    let mouse = |kind, column, row| {
        Action::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    let areas =
        glose::tui::layout::areas(ratatui::layout::Rect::new(0, 0, 100, 30)).expect("big enough");
    let (x, y) = (areas.text.x, areas.text.y);
    demo.session
        .dispatch(mouse(MouseEventKind::Down(MouseButton::Left), x + 4, y));
    assert_eq!(demo.session.app.cursor, 4);
    demo.session
        .dispatch(mouse(MouseEventKind::Drag(MouseButton::Left), x + 11, y));
    demo.session
        .dispatch(mouse(MouseEventKind::Up(MouseButton::Left), x + 11, y));
    let range = demo.session.app.selection().expect("a selection");
    let doc = demo.session.app.doc().expect("source");
    assert_eq!(&doc.text[range], "are cur");
    demo.session
        .dispatch(mouse(MouseEventKind::ScrollDown, x + 1, y + 1));
    assert!(demo.session.app.top > 0);
    assert_eq!(
        demo.session.app.cursor, 11,
        "the wheel scrolls without moving the cursor"
    );
}
