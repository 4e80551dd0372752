//! History, review mode and merge conflicts in the TUI, on a demo workspace changed by two people.

mod tui_common;

use glose::model::{Annotation, Conflict, Kind, ReviewStatus, SourceId};
use glose::ops::{self, AnnotateRequest, Context, EditRequest, RunOptions};
use glose::store::git::Identity;
use glose::store::{self, Workspace};
use glose::tui::screens::Screen;
use tui_common::{Demo, text};

const SUPERVISOR: &str = "Hélène Dubois <helene@example.org>";
const STUDENT: &str = "Camille Martin <camille@example.org>";

fn acting(demo: &Demo, who: &str, seed: u64) -> Context {
    let options = RunOptions {
        now: Some("2026-03-01T09:00:00Z".parse().expect("time")),
        author: Some(Identity::parse(who).expect("identity")),
        seed: Some(seed),
    };
    Context::open(demo.root(), options).expect("context")
}

fn note(cx: &mut Context, quote: &str, body: &str) -> String {
    let request = AnnotateRequest {
        source: "berdeil-2023".into(),
        quote: quote.into(),
        kind: Some(Kind::Note),
        note: Some(body.into()),
        ..AnnotateRequest::default()
    };
    ops::annotate(cx, request)
        .expect("annotate")
        .annotation
        .id
        .to_string()
}

/// The supervisor adds a note, the student edits it and adds another: three commits by two people.
fn two_people() -> (Demo, String, String) {
    let mut demo = Demo::new();
    let mut helene = acting(&demo, SUPERVISOR, 11);
    let first = note(&mut helene, "une pluralité de formes", "À sourcer");
    let mut camille = acting(&demo, STUDENT, 12);
    let edit = EditRequest {
        body: Some("Sourcé : voir le rapport".into()),
        ..EditRequest::default()
    };
    ops::edit(&mut camille, &first, edit).expect("edit");
    let second = note(
        &mut camille,
        "brouillent les frontières des pays",
        "Transfrontalier",
    );
    demo.reopen();
    (demo, first, second)
}

fn selected(demo: &Demo) -> Option<Annotation> {
    let app = &demo.session.app;
    app.doc()?.annotations.get(app.selected?).cloned()
}

#[test]
fn history_lists_commits_and_their_changes_and_enter_shows_the_annotation() {
    let (mut demo, first, second) = two_people();
    demo.keys("H");
    let screen = text(&demo.session.render(120, 30));
    insta::assert_snapshot!("history_120x30", screen);
    assert!(screen.contains("Camille Martin"), "{screen}");
    assert!(
        screen.contains(&format!("+ note {second} added")),
        "{screen}"
    );

    demo.keys("j");
    let screen = text(&demo.session.render(120, 30));
    assert!(
        screen.contains(&format!("~ note {first} note edited")),
        "{screen}"
    );

    demo.keys("<tab><enter>");
    assert!(matches!(demo.session.app.screen, Screen::Reader));
    assert_eq!(selected(&demo).map(|a| a.id.0), Some(first));
}

#[test]
fn history_filters_by_author_and_by_source() {
    let (mut demo, first, _) = two_people();
    demo.keys("H");
    let Screen::History(view) = &demo.session.app.screen else {
        panic!("not the history screen");
    };
    let all = view.rows.len();
    for _ in 0..4 {
        demo.keys("a");
        if demo.status().contains("helene@example.org") {
            break;
        }
    }
    let screen = text(&demo.session.render(120, 30));
    assert!(screen.contains("a: Hélène Dubois"), "{screen}");
    let Screen::History(view) = &demo.session.app.screen else {
        panic!("not the history screen");
    };
    assert_eq!(view.rows.len(), 1, "{screen}");
    assert!(view.rows.len() < all);
    assert!(
        screen.contains(&format!("+ note {first} added")),
        "{screen}"
    );
    demo.keys("as");
    assert!(
        demo.status().contains("in berdeil-2023"),
        "{}",
        demo.status()
    );
}

#[test]
fn enter_on_a_deleted_annotation_says_it_is_gone() {
    let (mut demo, _, second) = two_people();
    let mut camille = acting(&demo, STUDENT, 13);
    ops::remove(&mut camille, &second).expect("remove");
    demo.reopen();
    demo.keys("H<tab><enter>");
    assert!(matches!(demo.session.app.screen, Screen::History(_)));
    assert!(demo.status().contains("no longer"), "{}", demo.status());
}

#[test]
fn review_walks_the_changes_since_the_mark_and_comments_on_one() {
    let mut demo = Demo::new();
    let camille = acting(&demo, STUDENT, 12);
    ops::mark_reviewed(&camille).expect("mark");
    let mut helene = acting(&demo, SUPERVISOR, 11);
    let first = note(&mut helene, "une pluralité de formes", "À sourcer");
    let second = note(
        &mut helene,
        "brouillent les frontières des pays",
        "Transfrontalier",
    );
    demo.reopen();
    demo.keys("V");
    let screen = text(&demo.session.render(120, 30));
    insta::assert_snapshot!("review_120x30", screen);
    assert!(screen.contains("Change 1 of 2"), "{screen}");
    assert!(
        screen.contains(&format!("+ note {first} added")),
        "{screen}"
    );

    demo.keys("n");
    let screen = text(&demo.session.render(120, 30));
    assert!(screen.contains("Change 2 of 2"), "{screen}");
    assert!(
        screen.contains(&format!("+ note {second} added")),
        "{screen}"
    );
    demo.keys("p");
    assert!(text(&demo.session.render(120, 30)).contains("Change 1 of 2"));

    demo.keys("c");
    let screen = text(&demo.session.render(120, 30));
    assert!(screen.contains(&format!("comment on {first}:")), "{screen}");
    demo.keys("Quelle source ?<enter>");
    demo.keys("n");
    demo.session.editor = Some(r#"sh -c 'printf "Et la date ?\n" > "$1"' _"#.into());
    demo.keys("C");
    let comments: Vec<Annotation> = demo
        .annotations()
        .into_iter()
        .filter(|a| a.kind == Kind::Review)
        .collect();
    let on = |id: &str| {
        comments
            .iter()
            .find(|c| c.reply_to.as_ref().is_some_and(|r| r.0 == id))
            .unwrap_or_else(|| panic!("a review comment on {id}: {comments:?}"))
    };
    let typed = on(&first);
    assert_eq!(typed.body, "Quelle source ?");
    assert_eq!(typed.status, Some(ReviewStatus::Open));
    assert_eq!(typed.author, STUDENT);
    assert_eq!(on(&second).body, "Et la date ?");
}

#[test]
fn an_empty_or_cancelled_comment_writes_nothing() {
    let mut demo = Demo::new();
    let camille = acting(&demo, STUDENT, 12);
    ops::mark_reviewed(&camille).expect("mark");
    let mut helene = acting(&demo, SUPERVISOR, 11);
    note(&mut helene, "une pluralité de formes", "À sourcer");
    demo.reopen();
    let commits = demo.commits();
    demo.keys("Vc  <enter>cÀ revoir<esc>");
    assert!(demo.annotations().iter().all(|a| a.kind != Kind::Review));
    assert_eq!(demo.commits(), commits);
}

#[test]
fn marking_everything_reviewed_asks_first_then_leaves_nothing_new() {
    let (mut demo, _, _) = two_people();
    demo.keys("Vm");
    assert!(demo.status().contains("y: yes"), "{}", demo.status());
    demo.keys("j");
    assert!(demo.status().contains("not marked"), "{}", demo.status());
    demo.keys("my");
    assert!(
        demo.status().contains("marked as reviewed"),
        "{}",
        demo.status()
    );
    let screen = text(&demo.session.render(100, 30));
    assert!(
        screen.contains("Nothing new since your last review"),
        "{screen}"
    );
    demo.keys("<esc>V");
    let screen = text(&demo.session.render(100, 30));
    assert!(
        screen.contains("Nothing new since your last review"),
        "{screen}"
    );
}

#[test]
fn open_review_comments_show_in_the_reader_with_their_thread() {
    let (mut demo, first, _) = two_people();
    let mut helene = acting(&demo, SUPERVISOR, 14);
    let target = ops::ReviewTarget::Annotation(first.clone());
    ops::comment(&mut helene, &target, "D’où vient ce chiffre ?").expect("comment");
    demo.reopen();
    let index = demo
        .session
        .app
        .doc()
        .and_then(|d| d.annotations.iter().position(|a| a.id.0 == first))
        .expect("the note");
    demo.keys(&"]".repeat(index + 1));
    assert_eq!(selected(&demo).map(|a| a.id.0), Some(first));
    let screen = text(&demo.session.render(120, 40));
    assert!(screen.contains("Review thread"), "{screen}");
    assert!(screen.contains("open"), "{screen}");
    assert!(screen.contains("Hélène Dubois: D’où vient ce"), "{screen}");
    assert!(
        screen.contains("R "),
        "the list marks the open comment: {screen}"
    );
}

/// Gives the demo's first claim a conflicting version; returns its id.
fn conflicted(demo: &mut Demo, versions: impl FnOnce(&Annotation) -> Vec<Conflict>) -> String {
    let ws = Workspace::new(demo.root());
    let source = SourceId::new("berdeil-2023").expect("id");
    let mut notes = store::load_notes(&ws, &source)
        .expect("notes")
        .expect("notes");
    let claim = notes
        .annotations
        .iter_mut()
        .find(|a| a.kind == Kind::Claim)
        .expect("a claim");
    claim.conflicts = versions(claim);
    let id = claim.id.to_string();
    store::save_notes(&ws, &notes).expect("save");
    demo.reopen();
    id
}

fn theirs(ours: &Annotation) -> Conflict {
    Conflict::Changed(Box::new(Annotation {
        body: "Leur version".into(),
        tags: vec!["leur".into()],
        ..ours.clone()
    }))
}

#[test]
fn conflicts_screen_shows_both_versions_and_t_keeps_theirs() {
    let mut demo = Demo::new();
    let id = conflicted(&mut demo, |a| vec![theirs(a)]);
    let reader = text(&demo.session.render(120, 40));
    assert!(
        reader.contains("X "),
        "the list marks the conflict: {reader}"
    );
    demo.keys("M");
    let screen = text(&demo.session.render(120, 30));
    insta::assert_snapshot!("conflicts_120x30", screen);
    assert!(screen.contains("Leur version"), "{screen}");
    demo.keys("t");
    let kept = demo
        .annotations()
        .into_iter()
        .find(|a| a.id.0 == id)
        .expect("kept");
    assert_eq!(kept.body, "Leur version");
    assert_eq!(kept.tags, vec!["leur".to_string()]);
    assert!(kept.conflicts.is_empty());
}

#[test]
fn conflicts_screen_o_keeps_ours_and_b_keeps_both() {
    let mut demo = Demo::new();
    let id = conflicted(&mut demo, |a| vec![theirs(a)]);
    let before = demo.annotations();
    let ours = before.iter().find(|a| a.id.0 == id).expect("ours").clone();
    demo.keys("Mo");
    let after = demo.annotations();
    let kept = after.iter().find(|a| a.id.0 == id).expect("kept");
    assert_eq!(kept.body, ours.body);
    assert!(kept.conflicts.is_empty());
    assert_eq!(after.len(), before.len());

    let id = conflicted(&mut demo, |a| vec![theirs(a)]);
    demo.keys("Mb");
    let both = demo.annotations();
    assert_eq!(both.len(), before.len() + 1);
    assert!(
        both.iter()
            .any(|a| a.id.0 != id && a.body == "Leur version")
    );
    assert!(both.iter().all(|a| a.conflicts.is_empty()));
}

#[test]
fn conflicts_screen_says_when_there_is_none() {
    let mut demo = Demo::new();
    demo.keys("M");
    assert!(
        demo.status().contains("no merge conflict"),
        "{}",
        demo.status()
    );
}

#[test]
fn help_and_the_command_line_know_the_new_screens() {
    let mut demo = Demo::new();
    let help = glose::tui::ui::help_text(&demo.session.app.keymap);
    for wanted in [
        "History (H, :history",
        "Review mode (V, :review)",
        "Merge conflicts (M, :conflicts)",
        "by-author",
        "mark-reviewed",
        "keep-theirs",
        "keep-both",
    ] {
        assert!(help.contains(wanted), "{wanted} missing from:\n{help}");
    }
    demo.keys(":history<enter>");
    assert!(matches!(demo.session.app.screen, Screen::History(_)));
    demo.keys("<esc>:review<enter>");
    assert!(matches!(demo.session.app.screen, Screen::Review(_)));
    demo.keys("<esc>:conflicts<enter>");
    assert!(matches!(demo.session.app.screen, Screen::Conflicts(_)));
}
