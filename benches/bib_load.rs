//! Load throughput of `bib::load` on real corpus files and a generated 100,000-entry library,
//! and of the same library read back from its parse cache.

use std::path::{Path, PathBuf};

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use glose::bib::{BibSource, decode_cache, encode_cache, load};

fn main() {
    divan::main();
}

fn corpus(names: &[&str]) -> Option<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let texts: Option<Vec<String>> = names
        .iter()
        .map(|n| std::fs::read_to_string(dir.join(n)).ok())
        .collect();
    if texts.is_none() {
        eprintln!("skipped: {} is missing", dir.display());
    }
    texts.map(|t| t.concat())
}

fn bench_text(bencher: Bencher, text: &str) {
    let path = PathBuf::from("library/references.bib");
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| load(black_box(&[BibSource { path: &path, text }])));
}

#[divan::bench(sample_count = 10)]
fn tugboat(bencher: Bencher) {
    if let Some(text) = corpus(&["biber-tugboat.bib"]) {
        bench_text(bencher, &text);
    }
}

#[divan::bench(sample_count = 10)]
fn unabbreviate(bencher: Bencher) {
    if let Some(text) = corpus(&["bbt-unabbreviate-1436-3.bib"]) {
        bench_text(bencher, &text);
    }
}

/// The 5.7 MB concatenation of MANIFEST.md's large-file benchmark.
#[divan::bench(sample_count = 10)]
fn concatenation_5mb(bencher: Bencher) {
    if let Some(text) = corpus(&["biber-tugboat.bib", "bbt-unabbreviate-1436-3.bib"]) {
        bench_text(bencher, &text);
    }
}

#[divan::bench(sample_count = 10)]
fn generated_100k(bencher: Bencher) {
    bench_text(bencher, &generate(100_000));
}

/// The generated library read back from its cache: the file's hash checked, then the entries decoded.
#[divan::bench(sample_count = 10)]
fn generated_100k_cached(bencher: Bencher) {
    let text = generate(100_000);
    let path = PathBuf::from("library/references.bib");
    let files = [BibSource {
        path: &path,
        text: &text,
    }];
    let bytes = encode_cache(&load(&files), &files, "bench").unwrap_or_default();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| decode_cache(black_box(&bytes), &files, "bench"));
}

/// Writing the cache after a miss (the load itself not counted).
#[divan::bench(sample_count = 10)]
fn generated_100k_encode(bencher: Bencher) {
    let text = generate(100_000);
    let path = PathBuf::from("library/references.bib");
    let files = [BibSource {
        path: &path,
        text: &text,
    }];
    let library = load(&files);
    bencher.bench(|| encode_cache(black_box(&library), &files, "bench").map(|b| b.len()));
}

/// The content hash that keys the cache, alone.
#[divan::bench(sample_count = 10)]
fn generated_100k_hash(bencher: Bencher) {
    let text = generate(100_000);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| xxhash_rust::xxh3::xxh3_128(black_box(text.as_bytes())));
}

const GIVEN: &[&str] = &[
    "Myriam",
    "Yves",
    "Jean-Fran{\\c{c}}ois",
    "Anna",
    "Lucia",
    "Piet",
    "Zo{\\'e}",
    "Hans",
];
const FAMILY: &[&str] = &[
    "Qu{\\'e}m{\\'e}ner",
    "Charpenel",
    "M{\\\"u}ller",
    "Dupont",
    "van der Berg",
    "Smith",
    "Berdeil",
    "Lee",
];
const WORDS: &[&str] = &[
    "cybercriminalit{\\'e}",
    "droit",
    "p{\\'e}nal",
    "annotation",
    "sources",
    "{GaN}",
    "evidence",
    "r{\\'e}gulation",
    "platforms",
    "justice",
    "algorithmic",
    "Internet",
    "prostitution",
    "law",
];
const JOURNALS: &[&str] = &[
    "jfr",
    "{Revue de science criminelle}",
    "{Computer Law \\& Security Review}",
];

/// A deterministic library of `n` entries shaped like a Zotero export (about 450 bytes each).
fn generate(n: usize) -> String {
    let mut rng = fastrand::Rng::with_seed(2026);
    let mut text = String::from("@string{jfr = {Journal fran{\\c{c}}ais de criminologie}}\n\n");
    for i in 0..n {
        let people: Vec<String> = (0..rng.usize(1..5))
            .map(|_| {
                format!(
                    "{}, {}",
                    FAMILY[rng.usize(..FAMILY.len())],
                    GIVEN[rng.usize(..GIVEN.len())]
                )
            })
            .collect();
        let title: Vec<&str> = (0..rng.usize(6..14))
            .map(|_| WORDS[rng.usize(..WORDS.len())])
            .collect();
        let year = rng.u32(1950..2026);
        text.push_str(&format!(
            "@article{{{}{year}-{i},\n  author = {{{}}},\n  title = {{{}}},\n  journal = {},\n  year = {{{year}}},\n  volume = {{{}}},\n  number = {{{}}},\n  pages = {{{}--{}}},\n  doi = {{10.{}/j.{i}}},\n  langid = {{french}},\n  keywords = {{{}, {}}},\n}}\n\n",
            FAMILY[rng.usize(..FAMILY.len())].replace(['{', '}', '\\', '\'', '"', ' '], "").to_lowercase(),
            people.join(" and "),
            title.join(" "),
            JOURNALS[rng.usize(..JOURNALS.len())],
            rng.u32(1..80),
            rng.u32(1..12),
            rng.u32(1..400),
            rng.u32(400..900),
            rng.u32(1000..9999),
            WORDS[rng.usize(..WORDS.len())],
            WORDS[rng.usize(..WORDS.len())],
        ));
    }
    text
}
