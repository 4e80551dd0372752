//! A deterministic generator of large glose workspaces, shared by benchmarks and `examples/generate.rs`.
#![allow(dead_code)]

use std::path::Path;

use glose::model::{
    AnchorState, Annotation, AnnotationId, Citation, Kind, Locator, Relation, Source, SourceFormat,
    SourceId,
};
use glose::store::{self, NotesFile, Workspace};

const WORDS: &[&str] = &[
    "la",
    "loi",
    "du",
    "13",
    "avril",
    "2016",
    "vise",
    "à",
    "renforcer",
    "lutte",
    "contre",
    "système",
    "prostitutionnel",
    "proxénétisme",
    "réseau",
    "plateforme",
    "en",
    "ligne",
    "convention",
    "Budapest",
    "cybercriminalité",
    "règlement",
    "européen",
    "services",
    "numériques",
    "contenus",
    "illicites",
    "coopération",
    "internationale",
    "enquête",
    "Europol",
    "Interpol",
    "traite",
    "êtres",
    "humains",
    "article",
    "225-5",
    "code",
    "pénal",
    "mineurs",
    "diffusion",
    "images",
    "délit",
    "peine",
    "aggravée",
];

pub fn generate(
    dir: &Path,
    sources: usize,
    annotations: usize,
    entries: usize,
    seed: u64,
) -> Result<(), Box<dyn std::error::Error>> {
    let rng = &mut fastrand::Rng::with_seed(seed);
    store::init_layout(dir)?;
    let ws = Workspace {
        root: dir.to_path_buf(),
    };
    let mut bib = String::new();
    for i in 0..entries {
        bib.push_str(&format!(
            "@article{{ref{i},\n  author = {{Dupont, Jean and Müller, Anna}},\n  title = {{{}}},\n  journal = {{Revue de droit {}}},\n  year = {},\n  pages = {{{}--{}}},\n  doi = {{10.1000/ref.{i}}},\n}}\n\n",
            sentence(rng, 8),
            i % 50,
            1980 + i % 45,
            i % 300,
            i % 300 + 20
        ));
    }
    store::write_atomic(&ws.references_path(), bib.as_bytes())?;
    let per_source = annotations / sources.max(1);
    for s in 0..sources {
        let text: String = (0..per_source.max(1) * 4)
            .map(|_| sentence(rng, 14) + ".\n\n")
            .collect();
        let id = SourceId::new(&format!("source-{s:05}"))?;
        let file = format!("{id}.txt");
        store::write_atomic(&ws.source_path(&file)?, text.as_bytes())?;
        let mut notes = NotesFile {
            source: Source {
                id: id.clone(),
                title: sentence(rng, 6),
                file,
                format: SourceFormat::Text,
                hash: store::content_hash(&text),
                cite: None,
            },
            annotations: Vec::new(),
        };
        let paragraphs: Vec<(usize, usize)> = paragraph_spans(&text);
        for a in 0..per_source {
            let (start, end) = paragraphs[(a * 4) % paragraphs.len()];
            let kind = Kind::ALL[a % Kind::ALL.len()];
            let citations = if kind == Kind::Claim && a % 3 != 0 {
                vec![Citation {
                    key: format!("ref{}", rng.usize(..entries.max(1))),
                    locator: Some(Locator::parse(&format!("p. {}", a % 300 + 1))?),
                    relation: Relation::Supports,
                }]
            } else {
                Vec::new()
            };
            notes.annotations.push(Annotation {
                id: AnnotationId::random(rng),
                kind,
                anchor: glose::anchor::anchor_at(&text, start..end),
                state: AnchorState::Exact,
                body: if a % 2 == 0 {
                    sentence(rng, 12)
                } else {
                    String::new()
                },
                tags: vec![WORDS[a % WORDS.len()].to_lowercase()],
                author: "Camille Martin <camille@example.org>".to_string(),
                reply_to: None,
                status: None,
                conflicts: Vec::new(),
                created: "2026-03-02T10:00:00Z".to_string(),
                updated: "2026-03-02T10:00:00Z".to_string(),
                citations,
            });
        }
        store::save_notes(&ws, &notes)?;
    }
    Ok(())
}

fn sentence(rng: &mut fastrand::Rng, words: usize) -> String {
    (0..words)
        .map(|_| WORDS[rng.usize(..WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

fn paragraph_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(".\n\n") {
        spans.push((start, at + 1));
        start = at + 3;
    }
    spans
}
