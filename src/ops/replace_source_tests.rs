//! Replacing a long legal text by its next version: every annotation accounted for.

use std::path::Path;

use super::*;
use crate::model::{AnchorState, AnnotationId, Kind};
use crate::ops::Displaced;
use crate::ops::{AddSourceRequest, AnnotateRequest, RunOptions, add_source, annotate, init};
use crate::store::git::{Identity, Repo};

const SUBJECTS: [&str; 5] = [
    "Le représentant de l'État dans le département",
    "L'autorité administrative compétente",
    "Le président du conseil départemental",
    "Toute personne justifiant d'un intérêt",
    "L'exploitant de l'installation",
];
const VERBS: [&str; 4] = [
    "peut prescrire",
    "est tenu de notifier",
    "fixe par arrêté",
    "doit rendre publiques",
];
const OBJECTS: [&str; 6] = [
    "les mesures de mise en conformité nécessaires",
    "le montant de la redevance annuelle",
    "les conditions d'accès aux documents administratifs",
    "la liste des pièces composant le dossier",
    "les modalités de la consultation du public",
    "l'étendue des servitudes d'utilité publique",
];
const TAILS: [&str; 4] = [
    "dans un délai de deux mois à compter de la réception de la demande",
    "selon des modalités définies par décret en Conseil d'État",
    "après avis de la commission départementale compétente",
    "lorsque la sécurité des personnes le justifie",
];

/// What version 2 does to an annotated passage.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Fate {
    Kept,
    /// The typo (first) is corrected (second) inside the quote.
    Fixed(&'static str, &'static str),
    Deleted,
}

/// The annotated passages: the article they open a paragraph of, their words in v1, and their fate.
const PASSAGES: [(usize, &str, Fate); 12] = [
    (
        2,
        "Les archives communales antérieures à 1790 sont déposées aux archives départementales sans frais pour la commune",
        Fate::Kept,
    ),
    (
        4,
        "Aucune enseigne lumineuse ne peut être installée sur un immeuble classé au titre des monuments historiques",
        Fate::Kept,
    ),
    (
        8,
        "Les dispositions du présent artcile ne s'appliquent pas aux ouvrages de défense nationale ni aux ports militaires",
        Fate::Fixed("artcile", "article"),
    ),
    (
        12,
        "Le registre des délibérations est coté et paraphé par le préfet avant toute inscription",
        Fate::Kept,
    ),
    (
        16,
        "Les chemins ruraux appartiennent au domaine privé de la commune et sont affectés à l'usage du public",
        Fate::Kept,
    ),
    (
        22,
        "La vente d'un chemin rural ne peut intervenir qu'après une enquête publique organisée par le maire",
        Fate::Kept,
    ),
    (
        25,
        "Cette dispositon est applicable aux conventions de gestion conclues avec les associations foncières pastorales",
        Fate::Fixed("dispositon", "disposition"),
    ),
    (
        28,
        "Les produits de la chasse sur les terrains communaux sont versés au budget de la section de commune intéressée",
        Fate::Kept,
    ),
    (
        30,
        "Par dérogation, les baux emphytéotiques consentis aux sociétés d'économie mixte avant l'entrée en vigueur de la loi demeurent régis par les stipulations qui les ont fondés",
        Fate::Deleted,
    ),
    (
        RENUMBERED,
        "Le conseil municipal délibère sur la dénomination des voies publiques et des lieux-dits",
        Fate::Kept,
    ),
    (
        36,
        "Les biens vacants et sans maître sont incorporés au domaine communal, a l'exception des successions en déshérence",
        Fate::Fixed("a l'exception", "à l'exception"),
    ),
    (
        39,
        "Les cimetières sont placés sous l'autorité du maire, qui en assure la police et l'entretien",
        Fate::Kept,
    ),
];
const INSERTED_AFTER: usize = 20;
const RENUMBERED: usize = 33;

fn filler(article: usize, sentence: usize) -> String {
    let n = article * 7 + sentence * 3;
    format!(
        "{} {} {} {}.",
        SUBJECTS[n % SUBJECTS.len()],
        VERBS[(n / 2) % VERBS.len()],
        OBJECTS[(article + sentence * 5) % OBJECTS.len()],
        TAILS[(article * 3 + sentence) % TAILS.len()]
    )
}

fn article(heading: &str, sentences: Vec<String>) -> String {
    format!("{heading}\n\n{}\n\n", sentences.join(" "))
}

/// Forty articles of the code; version 2 adds one after article 20, renumbers article 33,
/// fixes the typos of [`PASSAGES`] and drops the deleted passage.
fn code(version: u8) -> String {
    let mut text = String::from("Code général des collectivités territoriales (extraits)\n\n");
    for n in 1..=40 {
        let mut sentences = Vec::new();
        for (at, words, fate) in PASSAGES {
            if at != n {
                continue;
            }
            match (version, fate) {
                (2, Fate::Deleted) => {}
                (2, Fate::Fixed(typo, fix)) => {
                    sentences.push(format!("{}.", words.replace(typo, fix)));
                }
                _ => sentences.push(format!("{words}.")),
            }
        }
        sentences.extend((0..3).map(|s| filler(n, s)));
        let heading = match (version, n) {
            (2, RENUMBERED) => "Article L. 111-45".to_string(),
            _ => format!("Article L. 111-{n}"),
        };
        text.push_str(&article(&heading, sentences));
        if version == 2 && n == INSERTED_AFTER {
            let added = vec![
                "Le maire peut, par arrêté motivé, interdire la circulation des engins motorisés sur les voies communales enneigées.".to_string(),
                filler(41, 0),
                filler(41, 1),
            ];
            text.push_str(&article("Article L. 111-20-1", added));
        }
    }
    text
}

fn the_words_in_v2(words: &str, fate: Fate) -> String {
    match fate {
        Fate::Fixed(typo, fix) => words.replace(typo, fix),
        _ => words.to_string(),
    }
}

fn workspace(dir: &Path) -> Context {
    let author = Identity::parse("Camille Martin <camille@example.org>").unwrap();
    let now = "2026-03-02T10:00:00Z".parse().unwrap();
    init(dir, Some(author.clone()), now).unwrap();
    let options = RunOptions {
        now: Some(now),
        author: Some(author),
        seed: Some(7),
    };
    Context::open(dir.to_path_buf(), options).unwrap()
}

fn added_with(cx: &mut Context, dir: &Path, text: &str) {
    let file = dir.join("cgct.txt");
    std::fs::write(&file, text).unwrap();
    add_source(
        cx,
        AddSourceRequest {
            file,
            ..AddSourceRequest::default()
        },
    )
    .unwrap();
}

fn head(dir: &Path) -> String {
    Repo::open(dir).unwrap().resolve_commit("HEAD").unwrap()
}

#[test]
fn a_new_version_of_a_code_reanchors_every_annotation_and_commits_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ws");
    let mut cx = workspace(&dir);
    let (v1, v2) = (code(1), code(2));
    added_with(&mut cx, tmp.path(), &v1);
    let mut ids = Vec::new();
    for (_, words, _) in PASSAGES {
        let request = AnnotateRequest {
            source: "cgct".into(),
            quote: words.into(),
            kind: Some(Kind::Claim),
            ..AnnotateRequest::default()
        };
        ids.push(annotate(&mut cx, request).unwrap().annotation.id);
    }

    let (mut exact, mut moved, mut fuzzy, mut orphaned) = (vec![], vec![], vec![], vec![]);
    for ((_, words, fate), id) in PASSAGES.iter().zip(&ids) {
        let before = v1.find(words).unwrap();
        match fate {
            Fate::Deleted => orphaned.push(id.clone()),
            Fate::Fixed(..) => fuzzy.push(id.clone()),
            Fate::Kept if v2.find(words) == Some(before) => exact.push(id.clone()),
            Fate::Kept => moved.push(id.clone()),
        }
    }
    assert!(
        !exact.is_empty() && !moved.is_empty(),
        "the construction covers every case"
    );

    let new_file = tmp.path().join("cgct-v2.txt");
    std::fs::write(&new_file, &v2).unwrap();
    let request = ReplaceRequest {
        source: "cgct".into(),
        file: new_file,
    };
    let replaced = replace_source(&cx, &request).unwrap().replaced.unwrap();
    let report = &replaced.report;
    assert_eq!(report.exact, exact.len());
    assert_eq!(report.moved, moved.len());
    let sorted = |list: Vec<AnnotationId>| {
        let mut list = list;
        list.sort();
        list
    };
    let ids_of = |list: &[Displaced]| sorted(list.iter().map(|d| d.id.clone()).collect());
    assert_eq!(ids_of(&report.fuzzy), sorted(fuzzy.clone()));
    assert_eq!(ids_of(&report.orphaned), sorted(orphaned.clone()));

    let source = crate::model::SourceId::new("cgct").unwrap();
    let notes = store::load_notes(&cx.ws, &source).unwrap().unwrap();
    assert_eq!(store::read_source(&cx.ws, &notes.source).unwrap(), v2);
    assert_eq!(notes.source.hash, store::content_hash(&v2));
    let saved: Vec<_> = notes.annotations.iter().map(|a| a.id.clone()).collect();
    for id in &ids {
        assert!(saved.contains(id), "annotation {id} was lost");
    }
    for ((_, words, fate), id) in PASSAGES.iter().zip(&ids) {
        let annotation = notes.annotations.iter().find(|a| a.id == *id).unwrap();
        let anchor = &annotation.anchor;
        if *fate == Fate::Deleted {
            assert_eq!(annotation.state, AnchorState::Orphaned);
            assert_eq!(anchor.exact, *words, "an orphan keeps its quote");
            continue;
        }
        let now = the_words_in_v2(words, *fate);
        assert_eq!(&v2[anchor.start..anchor.end], now, "{id} points elsewhere");
        assert_eq!(anchor.start, v2.find(&now).unwrap());
        let state = if fuzzy.contains(id) {
            AnchorState::Fuzzy
        } else {
            AnchorState::Exact
        };
        assert_eq!(annotation.state, state, "{id}");
    }

    let commit = replaced.committed.commit.clone().unwrap();
    assert_eq!(head(&dir), commit, "one commit");
    let repo = Repo::open(&dir).unwrap();
    let changed = repo
        .changed_files(&commit, &[Path::new("library"), Path::new("notes")])
        .unwrap();
    let paths: Vec<_> = changed.iter().map(|c| c.path.clone()).collect();
    assert!(
        paths.contains(&Path::new("library/sources/cgct.txt").to_path_buf()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&Path::new("notes/cgct.toml").to_path_buf()),
        "{paths:?}"
    );
    let message = repo.commit_info(&commit).unwrap().message;
    assert!(message.contains(&report.summary()), "{message}");
    for id in fuzzy.iter().chain(&orphaned) {
        assert!(
            message.contains(&id.to_string()),
            "{id} missing from:\n{message}"
        );
    }
}

#[test]
fn the_same_text_again_changes_nothing_and_commits_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ws");
    let mut cx = workspace(&dir);
    added_with(&mut cx, tmp.path(), &code(1));
    let before = head(&dir);
    let again = tmp.path().join("again.txt");
    std::fs::write(&again, code(1)).unwrap();
    let request = ReplaceRequest {
        source: "cgct".into(),
        file: again,
    };
    assert!(replace_source(&cx, &request).unwrap().replaced.is_none());
    assert_eq!(head(&dir), before);
}

#[test]
fn unknown_sources_and_pages_for_a_text_source_are_refused_with_a_hint() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ws");
    let mut cx = workspace(&dir);
    added_with(&mut cx, tmp.path(), &code(1));
    let file = tmp.path().join("v2.txt");
    std::fs::write(&file, code(2)).unwrap();
    let request = |source: &str, file: &Path| ReplaceRequest {
        source: source.into(),
        file: file.to_path_buf(),
    };
    match replace_source(&cx, &request("cgtc", &file)) {
        Err(OpsError::UnknownSource { suggestions, .. }) => assert_eq!(suggestions, ["cgct"]),
        other => panic!("{other:?}"),
    }
    let html = tmp.path().join("v2.html");
    std::fs::write(&html, "<p>texte</p>").unwrap();
    let refused = replace_source(&cx, &request("cgct", &html)).unwrap_err();
    assert!(
        refused.to_string().contains(
            "is a web page, but this source's new version must be plain text or Markdown"
        ),
        "{refused}"
    );
}

#[cfg(unix)]
#[test]
fn a_failed_write_keeps_the_old_text_and_notes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ws");
    let mut cx = workspace(&dir);
    added_with(&mut cx, tmp.path(), &code(1));
    let notes_path = dir.join("notes/cgct.toml");
    let outside = tmp.path().join("outside.toml");
    std::fs::rename(&notes_path, &outside).unwrap();
    std::os::unix::fs::symlink(&outside, &notes_path).unwrap();
    let notes_before = std::fs::read_to_string(&outside).unwrap();
    let before = head(&dir);
    let file = tmp.path().join("v2.txt");
    std::fs::write(&file, code(2)).unwrap();
    let request = ReplaceRequest {
        source: "cgct".into(),
        file,
    };
    let error = replace_source(&cx, &request).unwrap_err();
    assert!(
        error.to_string().contains("outside the workspace"),
        "{error}"
    );
    let text = std::fs::read_to_string(dir.join("library/sources/cgct.txt")).unwrap();
    assert_eq!(text, code(1));
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), notes_before);
    assert_eq!(head(&dir), before);
}
