//! One test per re-anchoring rule.

use super::*;
use crate::model::{Anchor, AnchorState, Annotation, AnnotationId, Kind};

const TEXT: &str = "Le rapport de 2016 décrit le marché. Selon l’auteur, «\u{a0}62\u{a0}% de la \
                    prostitution passe, en France, par l’Internet\u{a0}». Les plateformes \
                    hébergent les annonces sans contrôle réel. Le législateur a réagi en \
                    votant la loi du 13 avril 2016 visant à renforcer la lutte contre le \
                    système prostitutionnel.";

fn anchor_on(text: &str, quote: &str) -> Anchor {
    let start = text
        .find(quote)
        .unwrap_or_else(|| panic!("{quote:?} not in text"));
    anchor_at(text, start..start + quote.len())
}

fn quoted(text: &str, outcome: &Reanchored) -> String {
    match outcome {
        Reanchored::Exact(r) | Reanchored::Moved(r) | Reanchored::Fuzzy { range: r, .. } => {
            text[r.clone()].to_owned()
        }
        Reanchored::Orphaned => String::new(),
    }
}

#[test]
fn unchanged_text_is_exact_at_the_same_place() {
    let anchor = anchor_on(TEXT, "la loi du 13 avril 2016");
    assert_eq!(
        reanchor(&anchor, TEXT),
        Reanchored::Exact(anchor.start..anchor.end)
    );
}

#[test]
fn text_inserted_before_moves_the_anchor() {
    let anchor = anchor_on(TEXT, "hébergent les annonces");
    let text = format!("Avant-propos ajouté.\n\n{TEXT}");
    let outcome = reanchor(&anchor, &text);
    let shift = "Avant-propos ajouté.\n\n".len();
    assert_eq!(
        outcome,
        Reanchored::Moved(anchor.start + shift..anchor.end + shift)
    );
}

#[test]
fn edit_far_after_keeps_it_exact() {
    let anchor = anchor_on(TEXT, "décrit le marché");
    let text = TEXT.replace("système prostitutionnel", "système de la prostitution");
    assert_eq!(
        reanchor(&anchor, &text),
        Reanchored::Exact(anchor.start..anchor.end)
    );
}

#[test]
fn identical_quotes_are_told_apart_by_their_context() {
    let text =
        "Premier point : la loi est claire. Second point, plus loin : la loi est claire aussi.";
    let second = text.rfind("la loi est claire").unwrap_or_default();
    let anchor = anchor_at(text, second..second + "la loi est claire".len());
    let edited = format!(
        "Intro. {}",
        text.replace("Premier point : la", "Premier point : désormais la")
    );
    let outcome = reanchor(&anchor, &edited);
    let expected = edited.rfind("la loi est claire").unwrap_or_default();
    assert_eq!(
        outcome,
        Reanchored::Moved(expected..expected + "la loi est claire".len())
    );
}

#[test]
fn typo_fixed_inside_the_quote_is_fuzzy() {
    let text = TEXT.replace("plateformes", "platformes");
    let anchor = anchor_on(&text, "Les platformes hébergent les annonces");
    let outcome = reanchor(&anchor, TEXT);
    assert_eq!(
        quoted(TEXT, &outcome),
        "Les plateformes hébergent les annonces"
    );
    assert!(
        matches!(outcome, Reanchored::Fuzzy { distance: 1, .. }),
        "{outcome:?}"
    );
}

#[test]
fn reworded_quote_beyond_the_bound_is_orphaned() {
    let anchor = anchor_on(TEXT, "sans contrôle réel");
    let text = TEXT.replace("sans contrôle réel", "que personne ne vérifie");
    assert_eq!(reanchor(&anchor, &text), Reanchored::Orphaned);
}

#[test]
fn deleted_paragraph_is_orphaned() {
    let anchor = anchor_on(TEXT, "par l’Internet");
    let start = TEXT.find("Selon").unwrap_or_default();
    let end = TEXT.find("Les plateformes").unwrap_or_default();
    let text = format!("{}{}", &TEXT[..start], &TEXT[end..]);
    assert_eq!(reanchor(&anchor, &text), Reanchored::Orphaned);
}

#[test]
fn short_quote_does_not_jump_to_the_same_word_elsewhere() {
    let text = "Le marché est vaste. Plus loin, on parle encore du marché.";
    let anchor = anchor_on(text, "marché");
    let edited = text.replace("Le marché est vaste. ", "Tout a changé ici. ");
    assert!(edited.contains("marché"));
    assert_eq!(reanchor(&anchor, &edited), Reanchored::Orphaned);
}

#[test]
fn short_quote_with_its_context_moves_with_it() {
    let anchor = anchor_on(TEXT, "2016 décrit");
    let text = TEXT.replacen("Le rapport", "Le long rapport", 1);
    let outcome = reanchor(&anchor, &text);
    assert!(matches!(outcome, Reanchored::Moved(_)));
    assert_eq!(quoted(&text, &outcome), "2016 décrit");
}

#[test]
fn long_quote_without_context_is_fuzzy_not_moved() {
    let quote = "la lutte contre le système prostitutionnel";
    let anchor = anchor_on(TEXT, quote);
    let text = format!("Tout autre chose, vraiment. {quote}. Et rien d'autre ici.");
    let outcome = reanchor(&anchor, &text);
    assert!(
        matches!(outcome, Reanchored::Fuzzy { distance: 0, .. }),
        "{outcome:?}"
    );
    assert_eq!(quoted(&text, &outcome), quote);
}

#[test]
fn quote_changed_at_the_old_place_is_not_moved_to_an_identical_copy() {
    let quote = "les annonces sans contrôle réel";
    let text = format!("{TEXT} Annexe : {quote}.");
    let start = text.find(quote).unwrap_or_default();
    let anchor = anchor_at(&text, start..start + quote.len());
    let edited = text.replacen("sans contrôle réel", "sans contrôle rée", 1);
    let outcome = reanchor(&anchor, &edited);
    assert!(
        matches!(outcome, Reanchored::Fuzzy { distance: 1, .. }),
        "{outcome:?}"
    );
    if let Reanchored::Fuzzy { range, .. } = outcome {
        assert!(range.start < edited.find("Annexe").unwrap_or_default());
    }
}

#[test]
fn multibyte_text_is_handled_on_char_boundaries() {
    let text = "前言。«\u{a0}l’été 日本語の文章\u{a0}» puis la suite.";
    let anchor = anchor_on(text, "l’été 日本語");
    let edited = text.replace("前言", "新しい前言");
    let outcome = reanchor(&anchor, &edited);
    assert_eq!(quoted(&edited, &outcome), "l’été 日本語");
    let edited = text.replace("日本語", "日夲語");
    let outcome = reanchor(&anchor, &edited);
    assert!(
        matches!(outcome, Reanchored::Fuzzy { distance: 1, .. }),
        "{outcome:?}"
    );
}

#[test]
fn anchors_past_the_end_of_a_shorter_text_do_not_panic() {
    let anchor = anchor_on(TEXT, "système prostitutionnel");
    assert_eq!(reanchor(&anchor, "court"), Reanchored::Orphaned);
    assert_eq!(reanchor(&anchor, ""), Reanchored::Orphaned);
}

#[test]
fn empty_quote_is_kept_only_where_its_context_is_intact() {
    let anchor = anchor_at(TEXT, 10..10);
    assert_eq!(reanchor(&anchor, TEXT), Reanchored::Exact(10..10));
    assert_eq!(reanchor(&anchor, "autre"), Reanchored::Orphaned);
}

#[test]
fn edit_bound_grows_with_the_quote_and_is_capped() {
    assert_eq!(max_errors(2), 1);
    assert_eq!(max_errors(40), 10);
    assert_eq!(max_errors(10_000), MAX_ERRORS);
}

fn annotation(anchor: Anchor) -> Annotation {
    Annotation {
        id: AnnotationId("abcdefgh".to_owned()),
        kind: Kind::Claim,
        anchor,
        state: AnchorState::Exact,
        body: String::new(),
        tags: Vec::new(),
        author: "A".to_owned(),
        reply_to: None,
        status: None,
        conflicts: Vec::new(),
        created: String::new(),
        updated: String::new(),
        citations: Vec::new(),
    }
}

#[test]
fn annotation_gets_a_fresh_anchor_when_moved() {
    let mut a = annotation(anchor_on(TEXT, "hébergent les annonces"));
    let text = format!("Préface. {TEXT}");
    let outcome = reanchor_annotation(&mut a, &text);
    assert!(matches!(outcome, Reanchored::Moved(_)));
    assert_eq!(a.anchor, anchor_on(&text, "hébergent les annonces"));
    assert_eq!(a.state, AnchorState::Exact);
}

#[test]
fn fuzzy_annotation_takes_the_new_words_and_stays_fuzzy_until_confirmed() {
    let text = TEXT.replace("plateformes", "platformes");
    let mut a = annotation(anchor_on(&text, "Les platformes hébergent"));
    reanchor_annotation(&mut a, TEXT);
    assert_eq!(
        (a.anchor.exact.as_str(), a.state),
        ("Les plateformes hébergent", AnchorState::Fuzzy)
    );
    let outcome = reanchor_annotation(&mut a, TEXT);
    assert!(matches!(outcome, Reanchored::Exact(_)));
    assert_eq!(a.state, AnchorState::Fuzzy);
}

#[test]
fn orphan_keeps_its_old_quote_and_recovers_when_the_text_returns() {
    let anchor = anchor_on(TEXT, "sans contrôle réel");
    let mut a = annotation(anchor.clone());
    reanchor_annotation(&mut a, "tout autre texte");
    assert_eq!((&a.anchor, a.state), (&anchor, AnchorState::Orphaned));
    reanchor_annotation(&mut a, TEXT);
    assert_eq!((&a.anchor, a.state), (&anchor, AnchorState::Exact));
}
