use proptest::prelude::*;

use super::*;
use crate::model::{
    Anchor, AnchorState, Annotation, AnnotationId, Citation, Conflict, Kind, Locator, LocatorKind,
    Relation, ReviewStatus, Source, SourceFormat, SourceId,
};

pub(super) fn source() -> Source {
    Source {
        id: SourceId::new("berdeil-2023").unwrap(),
        title: "La prostitution et Internet".to_string(),
        file: "berdeil-2023.md".to_string(),
        format: SourceFormat::Markdown,
        hash: "sha256:00ff".to_string(),
        cite: Some("berdeil2023".to_string()),
    }
}

pub(super) fn annotation(id: &str, start: usize, body: &str) -> Annotation {
    Annotation {
        id: AnnotationId(id.to_string()),
        kind: Kind::Claim,
        anchor: Anchor {
            exact: "62 % de la prostitution".to_string(),
            prefix: "« ".to_string(),
            suffix: " passe".to_string(),
            start,
            end: start + 24,
        },
        state: AnchorState::Exact,
        body: body.to_string(),
        tags: vec!["chiffres".to_string()],
        author: "Ada <ada@example.org>".to_string(),
        reply_to: None,
        status: None,
        conflicts: Vec::new(),
        created: "2024-03-01T10:00:00Z".to_string(),
        updated: "2024-03-01T10:00:00Z".to_string(),
        citations: vec![Citation {
            key: "mouvementdunid-internet".to_string(),
            locator: Some(Locator {
                kind: LocatorKind::Page,
                text: "p. 4".to_string(),
            }),
            relation: Relation::Supports,
        }],
    }
}

#[test]
fn the_format_reads_as_intended() {
    let mut notes = NotesFile::new(source());
    notes.annotations.push(annotation(
        "bbbbbbbb",
        200,
        "Chiffre à vérifier.\nVoir **p. 4**.\n",
    ));
    notes.annotations.push(annotation("aaaaaaaa", 10, ""));
    let text = notes_to_string(&notes);
    let expected_start = "\
# glose notes on one source. glose rewrites this file in a fixed order:
# [source], then one [[annotation]] block per annotation, in text order.

[source]
id = \"berdeil-2023\"
title = \"La prostitution et Internet\"
file = \"berdeil-2023.md\"
format = \"markdown\"
hash = \"sha256:00ff\"
cite = \"berdeil2023\"

[[annotation]]
id = \"aaaaaaaa\"
kind = \"claim\"
author = \"Ada <ada@example.org>\"
created = \"2024-03-01T10:00:00Z\"
updated = \"2024-03-01T10:00:00Z\"
tags = [\"chiffres\"]
start = 10
end = 34
quote = \"62 % de la prostitution\"
prefix = \"« \"
suffix = \" passe\"
[[annotation.citation]]
key = \"mouvementdunid-internet\"
locator = \"p. 4\"
relation = \"supports\"

[[annotation]]
id = \"bbbbbbbb\"
";
    assert!(text.starts_with(expected_start), "{text}");
    assert!(
        text.contains("\nbody = '''\nChiffre à vérifier.\nVoir **p. 4**.\n'''\n"),
        "{text}"
    );
    assert!(text.ends_with("relation = \"supports\"\n"));
    let back = parse_notes(&text).unwrap();
    notes.sort();
    assert_eq!(back, notes);
    assert_eq!(notes_to_string(&back), text);
}

#[test]
fn optional_fields_are_omitted_and_default_back() {
    let mut a = annotation("aaaaaaaa", 0, "");
    a.tags.clear();
    a.citations.clear();
    a.kind = Kind::Highlight;
    let mut notes = NotesFile::new(Source {
        cite: None,
        ..source()
    });
    notes.annotations.push(a);
    let text = notes_to_string(&notes);
    for absent in ["cite", "tags", "state", "body", "citation"] {
        assert!(!text.contains(absent), "{absent} written:\n{text}");
    }
    notes.annotations[0].state = AnchorState::Orphaned;
    let text = notes_to_string(&notes);
    assert!(text.contains("\nstate = \"orphaned\"\n"));
    assert_eq!(parse_notes(&text).unwrap(), notes);
}

#[test]
fn a_hand_edited_file_loads_in_any_order_and_spacing() {
    let text = "[source]\nfile='a.txt'\n  id = \"a\"\n\n\n[[annotation]]\n# my note\nquote = \"x\"\nend=5\nstart = 4\nkind = \"note\"\nid = \"z1\"\nbody = \"\"\"\nline\\\n joined\"\"\"\n[[annotation.citation]]\nlocator = \"§ 12\"\nkey = \"k\"\n[[annotation]]\nid = \"a1\"\nkind = \"question\"\nstart = 4\nend = 5\nquote = \"x\"\n";
    let notes = parse_notes(text).unwrap();
    assert_eq!(notes.source.format, SourceFormat::Text);
    let ids: Vec<&str> = notes.annotations.iter().map(|a| a.id.0.as_str()).collect();
    assert_eq!(ids, ["a1", "z1"], "position order, then id");
    let z = &notes.annotations[1];
    assert_eq!(z.body, "linejoined");
    let locator = z.citations[0].locator.as_ref().unwrap();
    assert_eq!(
        (locator.kind, locator.text.as_str()),
        (LocatorKind::Section, "§ 12")
    );
    assert_eq!(z.citations[0].relation, Relation::Supports);
    let rewritten = notes_to_string(&notes);
    assert_eq!(parse_notes(&rewritten).unwrap(), notes);
}

#[test]
fn errors_give_the_line_and_what_to_do() {
    let cases = [
        (
            "[source]\nid = \"a\"\nfile = \"a\"\n\n[[annotation]]\nid = \"x\"\nkind = \"claim\nstart = 1\n",
            7,
        ),
        (
            "[source]\nid = \"a\"\nfile = \"a\"\n[[annotation]]\nid = \"x\"\nkind = \"claims\"\nstart = 1\nend = 2\nquote = \"\"\n",
            6,
        ),
        ("[source]\nid = \"A b\"\nfile = \"a\"\n", 2),
        ("[source]\nid = \"a\"\nfile = \"a\"\nbodi = \"typo\"\n", 4),
        (
            "[source]\nid = \"a\"\nfile = \"a\"\n[[annotation]]\nid = \"x\"\nkind = \"note\"\nstart = 9\nend = 2\nquote = \"\"\n",
            8,
        ),
        (
            "[source]\nid = \"a\"\nfile = \"a\"\n[[annotation]]\nid = \"x\"\nkind = \"note\"\nstart = -1\nend = 2\nquote = \"\"\n",
            7,
        ),
        (
            "[source]\nid = \"a\"\nfile = \"a\"\n[[annotation]]\nid = \"x\"\nkind = \"note\"\nstart = 1\nend = 2\nquote = \"\"\n[[annotation]]\nid = \"x\"\nkind = \"note\"\nstart = 1\nend = 2\nquote = \"\"\n",
            11,
        ),
    ];
    for (text, line) in cases {
        let err = parse_notes(text).unwrap_err();
        assert_eq!(err.line, line, "{text}\n{err}");
        assert!(err.to_string().contains("fix the file"), "{err}");
    }
    let missing = parse_notes("[source]\nid = \"a\"\n").unwrap_err();
    assert!(missing.message.contains("file"), "{missing}");
}

#[test]
fn line_columns_count_characters() {
    assert_eq!(line_column("ab\ncdé f", 0), (1, 1));
    assert_eq!(line_column("ab\ncdé f", 3), (2, 1));
    assert_eq!(line_column("ab\ncdé f", 7), (2, 4));
    assert_eq!(line_column("ab", 99), (1, 3));
}

#[test]
fn tricky_bodies_round_trip_exactly() {
    let bodies = [
        "ends with quote'\nx'",
        "has ''' inside\n",
        "has \"\"\" inside\n\"",
        "crlf\r\nlines\r\n",
        "back\\slash\\\nend\\",
        "\n\nleading newlines",
        "trailing newlines\n\n\n",
        "tab\tand bell\u{7} and del\u{7f} and c1\u{85}\n",
        "lone cr\r",
        "'",
        "\u{feff}bom\u{2028}sep\n",
    ];
    for body in bodies {
        let mut notes = NotesFile::new(source());
        notes.annotations.push(annotation("aaaaaaaa", 0, body));
        let text = notes_to_string(&notes);
        let back = parse_notes(&text).unwrap_or_else(|e| panic!("{body:?}: {e}\n{text}"));
        assert_eq!(back.annotations[0].body, body, "{text}");
        assert!(!text.contains('\r'), "raw CR written for {body:?}");
    }
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a'\"\\\\\n\r\t é«»\u{0}\u{7f}]{0,30}",
        "(('''|\"\"\"|\\\\|\n|\r\n|x|')){0,8}",
    ]
}

fn citation() -> impl Strategy<Value = Citation> {
    (
        text(),
        prop::option::of(text()),
        prop::sample::select(Relation::ALL.to_vec()),
    )
        .prop_map(|(key, locator, relation)| Citation {
            key,
            locator: locator.map(|text| {
                Locator::parse(&text).unwrap_or(Locator {
                    kind: LocatorKind::Other,
                    text,
                })
            }),
            relation,
        })
}

fn arb_plain_annotation() -> impl Strategy<Value = Annotation> {
    (
        (
            text(),
            prop::sample::select(Kind::ALL.to_vec()),
            0usize..1 << 40,
            0usize..500,
        ),
        (text(), text(), text(), text()),
        prop::sample::select(vec![
            AnchorState::Exact,
            AnchorState::Fuzzy,
            AnchorState::Orphaned,
        ]),
        prop::collection::vec(text(), 0..3),
        (text(), text(), text()),
        prop::collection::vec(citation(), 0..3),
        (
            prop::option::of(text()),
            prop::option::of(prop::sample::select(vec![
                ReviewStatus::Open,
                ReviewStatus::Resolved,
            ])),
        ),
    )
        .prop_map(
            |(
                (id, kind, start, len),
                (exact, prefix, suffix, body),
                state,
                tags,
                (author, created, updated),
                citations,
                (reply_to, status),
            )| {
                Annotation {
                    id: AnnotationId(id),
                    kind,
                    anchor: Anchor {
                        exact,
                        prefix,
                        suffix,
                        start,
                        end: start + len,
                    },
                    state,
                    body,
                    tags,
                    author,
                    reply_to: reply_to.map(AnnotationId),
                    status,
                    conflicts: Vec::new(),
                    created,
                    updated,
                    citations,
                }
            },
        )
}

/// An annotation with, sometimes, other versions left by a merge.
fn arb_annotation() -> impl Strategy<Value = Annotation> {
    (
        arb_plain_annotation(),
        prop::collection::vec(prop::option::of(arb_plain_annotation()), 0..3),
    )
        .prop_map(|(mut annotation, others)| {
            annotation.conflicts = others
                .into_iter()
                .map(|other| match other {
                    Some(mut version) => {
                        version.id = annotation.id.clone();
                        Conflict::Changed(Box::new(version))
                    }
                    None => Conflict::Deleted,
                })
                .collect();
            annotation
        })
}

pub(super) fn arb_notes() -> impl Strategy<Value = NotesFile> {
    (
        "[a-z0-9][a-z0-9._-]{0,20}",
        (text(), text(), text()),
        prop::sample::select(vec![
            SourceFormat::Text,
            SourceFormat::Markdown,
            SourceFormat::Html,
            SourceFormat::Pdf,
        ]),
        prop::option::of(text()),
        prop::collection::vec(arb_annotation(), 0..5),
    )
        .prop_map(|(id, (title, file, hash), format, cite, mut annotations)| {
            let mut seen = std::collections::HashSet::new();
            annotations.retain(|a| seen.insert(a.id.clone()));
            NotesFile {
                source: Source {
                    id: SourceId::new(&id).unwrap(),
                    title,
                    file,
                    format,
                    hash,
                    cite,
                },
                annotations,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_notes_round_trip(notes in arb_notes()) {
        let text = notes_to_string(&notes);
        let back = parse_notes(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let mut sorted = notes;
        sorted.sort();
        prop_assert_eq!(&back, &sorted);
        prop_assert_eq!(notes_to_string(&back), text);
    }

    #[test]
    fn the_order_in_memory_does_not_change_the_bytes(notes in arb_notes()) {
        let mut reversed = notes.clone();
        reversed.annotations.reverse();
        prop_assert_eq!(notes_to_string(&reversed), notes_to_string(&notes));
    }
}

#[test]
fn bom_and_crlf_files_load() {
    let text = notes_to_string(&NotesFile::new(source()));
    let crlf = text.replace('\n', "\r\n");
    assert_eq!(parse_notes(&crlf).unwrap().source, source());
    let bom = format!("\u{feff}{text}");
    assert_eq!(parse_notes(&bom).unwrap().source, source());
}

#[test]
fn a_file_checked_out_with_crlf_gives_the_same_notes() {
    let mut notes = NotesFile::new(source());
    notes.annotations.push(annotation("aaaaaaaa", 0, "a\nb\n"));
    notes
        .annotations
        .push(annotation("bbbbbbbb", 5, "crlf\r\nkept\r\n"));
    let text = notes_to_string(&notes);
    let crlf = text.replace('\n', "\r\n");
    assert_eq!(parse_notes(&crlf).unwrap(), notes);
}

#[test]
fn review_threads_and_merge_conflicts_round_trip() {
    let claim = annotation("aaaaaaaa", 10, "");
    let mut comment = annotation("cccccccc", 10, "Quelle source primaire ?");
    comment.kind = Kind::Review;
    comment.citations.clear();
    comment.reply_to = Some(claim.id.clone());
    comment.status = Some(ReviewStatus::Open);
    let mut edited = claim.clone();
    edited.body = "their version".to_string();
    let mut conflicted = claim;
    conflicted.body = "my version".to_string();
    conflicted.conflicts = vec![Conflict::Changed(Box::new(edited)), Conflict::Deleted];
    let mut notes = NotesFile::new(source());
    notes.annotations = vec![conflicted, comment];
    let text = notes_to_string(&notes);
    for expected in [
        "\nstatus = \"open\"\nreply_to = \"aaaaaaaa\"\n",
        "\n[[annotation.conflict]]\nkind = \"claim\"\n",
        "\nbody = \"their version\"\n[[annotation.conflict.citation]]\n",
        "\n[[annotation.conflict]]\ndeleted = true\n",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    let back = parse_notes(&text).unwrap();
    notes.sort();
    assert_eq!(back, notes);
    assert_eq!(notes_to_string(&back), text);
}

#[test]
fn files_without_reviews_or_conflicts_keep_their_bytes() {
    let mut notes = NotesFile::new(source());
    notes.annotations.push(annotation("aaaaaaaa", 10, "x"));
    let text = notes_to_string(&notes);
    for absent in ["status", "reply_to", "conflict"] {
        assert!(!text.contains(absent), "{absent} written:\n{text}");
    }
    assert_eq!(notes_to_string(&parse_notes(&text).unwrap()), text);
}
