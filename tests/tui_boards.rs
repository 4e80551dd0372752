//! The claims board, references and orphans screens driven by keys; assertions on state, files and commits.

mod tui_common;

use glose::model::AnchorState;
use glose::tui::screens::Screen;
use tui_common::{Demo, text};

fn board_rows(demo: &Demo) -> usize {
    match &demo.session.app.screen {
        Screen::Claims(board) => board.rows.len(),
        other => panic!("not on the claims board: {other:?}"),
    }
}

#[test]
fn claims_board_filters_and_jumps_to_the_claim() {
    let mut demo = Demo::new();
    demo.keys("C");
    let all = board_rows(&demo);
    let claims = demo
        .annotations()
        .iter()
        .filter(|a| a.kind == glose::model::Kind::Claim)
        .count();
    assert_eq!(all, claims);
    demo.keys("u");
    let unsupported = demo
        .annotations()
        .iter()
        .filter(|a| a.is_unsupported())
        .count();
    assert_eq!(board_rows(&demo), unsupported);
    demo.keys("u/@loi2016");
    assert_eq!(board_rows(&demo), 1, "the board filters as one types");
    demo.keys("<esc>");
    assert_eq!(board_rows(&demo), all, "Esc while typing clears the filter");
    demo.keys("/europol<enter>");
    assert_eq!(board_rows(&demo), 1);
    demo.keys("/<backspace><backspace><backspace><backspace><backspace><backspace><backspace>in:berdeil<enter>");
    assert_eq!(board_rows(&demo), all);
    demo.keys("/ #nothing<enter>");
    assert_eq!(board_rows(&demo), 0);
    demo.keys("/<esc>a");
    assert_eq!(
        board_rows(&demo),
        0,
        "no fuzzy or orphaned claim in the demo"
    );
    demo.keys("a/europol<enter><enter>");
    assert!(matches!(demo.session.app.screen, Screen::Reader));
    let app = &demo.session.app;
    let doc = app.doc().expect("source");
    let selected = &doc.annotations[app.selected.expect("selected")];
    assert!(selected.anchor.exact.contains("Europol"));
    assert_eq!(app.cursor, selected.anchor.start);
    assert!(
        app.top < selected.anchor.start && app.top > 0,
        "the claim is shown with some text above it"
    );
}

#[test]
fn references_filter_and_show_who_cites_an_entry() {
    let mut demo = Demo::new();
    demo.keys("R/mvtnid<enter>");
    demo.session.wait_loaded();
    let Screen::References(list) = &demo.session.app.screen else {
        panic!("not on references");
    };
    let item = list.current(&demo.session.app.data.refs).expect("a match");
    assert_eq!(item.key, "mouvementdunid-internet");
    let screen = text(&demo.session.render(120, 40));
    assert!(screen.contains("Cited by 1 claims"), "{screen}");
    assert!(screen.contains("62% de la prostitution"), "{screen}");
    demo.keys("<enter>");
    assert_eq!(board_rows(&demo), 1, "Enter lists its claims on the board");
    demo.keys("<esc>:refs<enter>");
    assert!(matches!(demo.session.app.screen, Screen::References(_)));
}

#[test]
fn references_show_latex_as_unicode_and_the_bibs_problems() {
    let mut demo = Demo::new();
    let bib = demo.root().join("library/references.bib");
    let original = std::fs::read_to_string(&bib).expect("bib");
    std::fs::write(
        &bib,
        format!("{original}\n@book{{accents, title = {{Cybercriminalit{{\\'e}} p{{\\'e}}nale}}, year = 2010}}\n@article{{broken, title = {{unclosed\n"),
    )
    .expect("write");
    demo.reopen();
    demo.keys("R/accents<enter>");
    demo.session.wait_loaded();
    let screen = text(&demo.session.render(120, 40));
    assert!(screen.contains("Cybercriminalité pénale"), "{screen}");
    assert!(screen.contains("Problems in the .bib files"), "{screen}");
    assert!(screen.contains("references.bib:"), "{screen}");
}

/// The demo with its source edited so that one claim is fuzzy and one highlight is orphaned.
fn demo_with_orphans() -> Demo {
    let mut demo = Demo::new();
    let path = demo.root().join("library/sources/berdeil-2023.txt");
    let text = std::fs::read_to_string(&path).expect("source");
    let edited = text
        .replace("proxénétisme démantelés", "proxenetisme démantelés")
        .replace("cyber-paradis", "paradis numériques");
    std::fs::write(&path, edited).expect("write");
    demo.reopen();
    demo
}

fn orphan_rows(demo: &Demo) -> Vec<(AnchorState, String)> {
    let Screen::Orphans(orphans) = &demo.session.app.screen else {
        panic!("not on orphans");
    };
    orphans
        .rows
        .iter()
        .filter_map(|p| demo.session.app.at_place(*p))
        .map(|(_, a)| (a.state, a.id.to_string()))
        .collect()
}

#[test]
fn orphans_confirm_a_fuzzy_match_and_reattach_an_orphan() {
    let mut demo = demo_with_orphans();
    demo.keys("O");
    let rows = orphan_rows(&demo);
    let fuzzy = rows
        .iter()
        .find(|(s, _)| *s == AnchorState::Fuzzy)
        .map(|(_, id)| id.clone())
        .expect("a fuzzy annotation");
    let orphan = rows
        .iter()
        .find(|(s, _)| *s == AnchorState::Orphaned)
        .map(|(_, id)| id.clone())
        .expect("an orphan");
    let screen = text(&demo.session.render(120, 40));
    assert!(screen.contains("cyber-paradis"), "the old quote: {screen}");

    let at = rows.iter().position(|(_, id)| *id == fuzzy).expect("row");
    demo.keys(&format!("{}y", "j".repeat(at)));
    let state = |demo: &Demo, id: &str| {
        demo.annotations()
            .into_iter()
            .find(|a| a.id.0 == id)
            .map(|a| a.state)
    };
    assert_eq!(state(&demo, &fuzzy), Some(AnchorState::Exact));
    assert!(
        demo.status().contains("anchor confirmed"),
        "{}",
        demo.status()
    );

    let rows = orphan_rows(&demo);
    let at = rows.iter().position(|(_, id)| *id == orphan).expect("row");
    demo.keys(&format!("{}{}r", "k".repeat(rows.len()), "j".repeat(at)));
    assert!(matches!(demo.session.app.screen, Screen::Reader));
    assert!(demo.status().contains("then r"), "{}", demo.status());
    demo.keys("/paradis num<enter>vwwr");
    let reattached = demo
        .annotations()
        .into_iter()
        .find(|a| a.id.0 == orphan)
        .expect("the orphan");
    assert_eq!(reattached.state, AnchorState::Exact);
    assert_eq!(reattached.anchor.exact, "paradis numériques");
    let commits = demo.commits();
    demo.keys(":w<enter>");
    assert_eq!(demo.commits(), commits + 1);
    assert_eq!(demo.session.app.data.pending, Some(0));
    demo.keys("u");
    assert_eq!(
        state(&demo, &orphan),
        Some(AnchorState::Orphaned),
        "undo puts the orphan back"
    );
}
