//! CSL-JSON, the format Zotero and Pandoc read: one self-contained item per entry.

use serde_json::{Map, Value, json};

use super::Exported;
use super::csl_rich::rich;
use crate::bib::langid::{bcp47, is_english};
use crate::bib::{self, Entry, Field};

/// BibTeX/BibLaTeX entry types and their CSL types.
const TYPES: &[(&str, &str)] = &[
    ("article", "article-journal"),
    ("book", "book"),
    ("mvbook", "book"),
    ("inbook", "chapter"),
    ("bookinbook", "chapter"),
    ("incollection", "chapter"),
    ("collection", "book"),
    ("inproceedings", "paper-conference"),
    ("conference", "paper-conference"),
    ("proceedings", "book"),
    ("online", "webpage"),
    ("www", "webpage"),
    ("report", "report"),
    ("techreport", "report"),
    ("manual", "report"),
    ("thesis", "thesis"),
    ("phdthesis", "thesis"),
    ("mastersthesis", "thesis"),
    ("unpublished", "manuscript"),
    ("periodical", "periodical"),
    ("patent", "patent"),
    ("dataset", "dataset"),
    ("software", "software"),
    ("legislation", "legislation"),
    ("legal", "treaty"),
    ("jurisdiction", "legal_case"),
    ("booklet", "pamphlet"),
    ("inreference", "entry-encyclopedia"),
    ("reference", "book"),
];

/// Fields of plain text or numbers: CSL variable and the BibTeX fields that feed it, first found wins.
const FIELDS: &[(&str, &[&str])] = &[
    ("volume", &["volume"]),
    ("edition", &["edition"]),
    ("page", &["pages"]),
    ("DOI", &["doi"]),
    ("URL", &["url"]),
    ("ISBN", &["isbn"]),
    ("ISSN", &["issn"]),
    ("chapter-number", &["chapter"]),
    ("number-of-pages", &["pagetotal"]),
    ("version", &["version"]),
];

/// Fields of text written as rich text (see `csl_rich`), titles with their subtitle and addendum.
const RICH_FIELDS: &[(&str, &[&str])] = &[
    ("title", &["title", "subtitle", "titleaddon"]),
    ("event-title", &["eventtitle"]),
    ("event-place", &["venue"]),
    ("note", &["note"]),
    ("abstract", &["abstract"]),
    ("annote", &["annotation", "annote"]),
];

/// Title fields that feed `container-title`, first found wins, each with its subtitle and addendum.
const CONTAINERS: &[[&str; 3]] = &[
    ["journaltitle", "journalsubtitle", "journaltitleaddon"],
    ["journal", "journalsubtitle", "journaltitleaddon"],
    ["booktitle", "booksubtitle", "booktitleaddon"],
    ["maintitle", "mainsubtitle", "maintitleaddon"],
];

/// Entry types whose `number` is their number in a series, as biblatex and pandoc read it.
const IN_SERIES: &[&str] = &[
    "book",
    "mvbook",
    "inbook",
    "bookinbook",
    "suppbook",
    "collection",
    "mvcollection",
    "incollection",
    "suppcollection",
    "proceedings",
    "mvproceedings",
    "inproceedings",
    "conference",
    "reference",
    "mvreference",
    "inreference",
];

/// A JSON array of CSL items, ids being the cite keys; inherited fields are included.
pub fn csl_json(entries: &[&Entry]) -> Exported {
    let items: Vec<Value> = entries.iter().map(|e| item(e)).collect();
    let text = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into());
    Exported {
        text: text + "\n",
        warnings: Vec::new(),
    }
}

fn item(entry: &Entry) -> Value {
    let mut item = Map::new();
    item.insert("id".into(), entry.key.clone().into());
    let csl_type = TYPES
        .iter()
        .find(|(t, _)| *t == entry.entry_type)
        .map_or("document", |(_, c)| c);
    item.insert("type".into(), csl_type.into());
    for (variable, fields) in FIELDS {
        if let Some(value) = fields.iter().find_map(|f| entry.get(f)) {
            let value = if *variable == "page" {
                value.replace('–', "-")
            } else {
                value.to_string()
            };
            item.insert((*variable).into(), value.into());
        }
    }
    let legal = csl_type == "legislation" || csl_type == "legal_case";
    let english = !legal && is_english(entry.get("langid"), None);
    for (variable, fields) in RICH_FIELDS {
        let text = if *variable == "title" {
            titled(entry, fields, english)
        } else {
            fields.iter().find_map(|f| {
                entry
                    .get(f)
                    .is_some()
                    .then(|| rich_field(entry, f, english))
            })
        };
        if let Some(text) = text {
            item.insert((*variable).into(), text.into());
        }
    }
    if let Some(url) = arxiv_url(entry).filter(|_| !item.contains_key("URL")) {
        item.insert("URL".into(), url.into());
    }
    let short = entry.field("shorttitle").map_or_else(
        || short_title(entry, english),
        |f| Some(rich("title", f.expanded(), english)),
    );
    if let Some(short) = short.filter(|s| !s.is_empty()) {
        item.insert("title-short".into(), short.into());
    }
    if let Some(series) = entry.field("series").filter(|f| !f.value().is_empty()) {
        item.insert(
            "collection-title".into(),
            series_title(series, english).into(),
        );
    }
    let publishers = [
        "school",
        "institution",
        "organization",
        "howpublished",
        "publisher",
    ];
    for (variable, fields) in [
        ("publisher", &publishers[..]),
        ("publisher-place", &["location"][..]),
        ("publisher-place", &["address"][..]),
    ] {
        if let Some(list) = listed(entry, fields).filter(|_| !item.contains_key(variable)) {
            item.insert(variable.into(), list.into());
        }
    }
    if let Some(container) = CONTAINERS
        .iter()
        .find_map(|parts| titled(entry, parts, english))
    {
        item.insert("container-title".into(), container.into());
    }
    let number = entry.get("number");
    let issue = entry.get("issue");
    if csl_type == "article-journal" {
        let issue: Vec<&str> = number.into_iter().chain(issue).collect();
        if !issue.is_empty() {
            item.insert("issue".into(), issue.join(", ").into());
        }
    } else {
        let number_variable = if IN_SERIES.contains(&entry.entry_type.as_str()) {
            "collection-number"
        } else {
            "number"
        };
        for (variable, value) in [(number_variable, number), ("issue", issue)] {
            if let Some(value) = value {
                item.insert(variable.into(), value.into());
            }
        }
    }
    if let Some(volumes) = entry.get("volumes") {
        item.insert("number-of-volumes".into(), volumes.into());
    }
    if let Some(genre) = genre(entry) {
        item.insert("genre".into(), genre.into());
    }
    for (variable, field) in [
        ("author", "author"),
        ("editor", "editor"),
        ("translator", "translator"),
    ] {
        if let Some(field) = entry
            .field(field)
            .filter(|f| !f.expanded().trim().is_empty())
        {
            item.insert(variable.into(), names(field.expanded()));
        }
    }
    if let Some(issued) = issued(entry) {
        item.insert("issued".into(), issued);
    }
    if let Some(accessed) = entry.get("urldate").and_then(date) {
        item.insert("accessed".into(), accessed);
    }
    if let Some(language) = entry
        .get("langid")
        .or_else(|| entry.get("language"))
        .and_then(bcp47)
    {
        item.insert("language".into(), language.into());
    }
    if legal
        && let Some(authority) = entry
            .get("institution")
            .or_else(|| entry.get("organization"))
    {
        item.insert("authority".into(), authority.into());
    }
    Value::Object(item)
}

fn rich_field(entry: &Entry, name: &str, english: bool) -> String {
    entry
        .field(name)
        .map(|f| rich(name, f.expanded(), english))
        .unwrap_or_default()
}

/// The title field `parts[0]` as rich text, with its subtitle after a colon and its addendum
/// after a period, as pandoc joins them; a title already ending in punctuation takes only a space.
fn titled(entry: &Entry, parts: &[&str], english: bool) -> Option<String> {
    let mut title = String::new();
    for (n, name) in parts.iter().enumerate() {
        if n > 0 && title.is_empty() {
            return None;
        }
        if entry.get(name).is_none() {
            continue;
        }
        let part = rich_field(entry, name, english);
        if part.is_empty() {
            continue;
        }
        if !title.is_empty() {
            if !title.ends_with(['!', '?', '.', ',', ':', ';']) {
                title.push(if n == 1 { ':' } else { '.' });
            }
            title.push(' ');
        }
        title.push_str(&part);
    }
    (!title.is_empty()).then_some(title)
}

/// Without a `shorttitle`, the title before its subtitle or its first colon, as pandoc gives it.
fn short_title(entry: &Entry, english: bool) -> Option<String> {
    let title = rich_field(entry, "title", english);
    if entry.get("subtitle").is_some() {
        return Some(title);
    }
    let (before, _) = title.split_once(": ")?;
    (!before.contains('<')).then(|| before.trim_end().to_string())
}

/// A series as rich text; biblatex's `newseries`, `oldseries` and a number (`3`: `3rd series`)
/// spelt out in English, as pandoc does.
fn series_title(series: &Field, english: bool) -> String {
    let value = series.value().trim();
    match value {
        "newseries" => return "New series".into(),
        "oldseries" => return "Old series".into(),
        _ => {}
    }
    match value.parse::<u32>() {
        Ok(n) => {
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffix} series")
        }
        Err(_) => rich("series", series.expanded(), english),
    }
}

/// The arXiv page of an entry whose `eprint` is an arXiv identifier, as pandoc links it.
fn arxiv_url(entry: &Entry) -> Option<String> {
    let archive = entry
        .get("eprinttype")
        .or_else(|| entry.get("archiveprefix"))?;
    let eprint = entry.get("eprint")?.trim();
    archive
        .eq_ignore_ascii_case("arxiv")
        .then(|| format!("https://arxiv.org/abs/{eprint}"))
}

/// The lists of literals (`A and B`) of `fields` as rich text, joined with `; ` as pandoc does.
fn listed(entry: &Entry, fields: &[&str]) -> Option<String> {
    let parts: Vec<String> = fields
        .iter()
        .filter_map(|name| Some((name, entry.field(name).filter(|f| !f.value().is_empty())?)))
        .flat_map(|(name, field)| {
            split_and(field.expanded())
                .into_iter()
                .map(|part| rich(name, part, false))
        })
        .filter(|part| !part.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// `tex` split at each ` and ` outside braces.
fn split_and(tex: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let bytes = tex.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            b' ' if depth == 0 && i >= start && tex[i..].starts_with(" and ") => {
                parts.push(&tex[start..i]);
                start = i + " and ".len();
            }
            _ => {}
        }
    }
    parts.push(&tex[start..]);
    parts
}

/// `R.J.` as `R. J.`: a space after each period followed by a letter, as pandoc reads initials.
fn spaced_initials(given: &str) -> String {
    let mut out = String::with_capacity(given.len() + 4);
    let mut chars = given.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '.' && chars.peek().is_some_and(|n| n.is_alphabetic()) {
            out.push(' ');
        }
    }
    out
}

/// The kind of work: the `type` field, a thesis's degree spelt out as pandoc does.
fn genre(entry: &Entry) -> Option<String> {
    let written = entry.field("type").filter(|f| !f.value().is_empty());
    let key = written.map_or(entry.entry_type.as_str(), |f| f.value());
    let degree = match key.to_lowercase().as_str() {
        "phdthesis" => Some("PhD thesis"),
        "mastersthesis" | "mathesis" => Some("Master’s thesis"),
        "techreport" if written.is_some() => Some("technical report"),
        "patenteu" => Some("European patent"),
        "patentus" => Some("U.S. patent"),
        "patentfr" => Some("French patent"),
        "patentuk" => Some("British patent"),
        "patentde" => Some("German patent"),
        _ => None,
    };
    match (degree, written) {
        (Some(degree), _) => Some(degree.to_string()),
        (None, Some(field)) => Some(rich("type", field.expanded(), false)),
        (None, None) => None,
    }
}

/// A name list as CSL names, ending with the literal `others` when written `and others`, as
/// pandoc writes it (its citeproc prints et al.).
fn names(tex: &str) -> Value {
    let mut names: Vec<Value> = bib::names(tex)
        .into_iter()
        .map(|n| match n.literal {
            Some(literal) => json!({ "literal": literal }),
            None => {
                let mut name = Map::new();
                for (key, value) in [
                    ("family", n.family),
                    ("given", spaced_initials(&n.given)),
                    ("dropping-particle", n.particle),
                    ("suffix", n.suffix),
                ] {
                    if !value.is_empty() {
                        name.insert(key.into(), value.into());
                    }
                }
                Value::Object(name)
            }
        })
        .collect();
    let others = tex
        .trim_end()
        .rsplit_once(char::is_whitespace)
        .is_some_and(|(before, last)| last == "others" && before.trim_end().ends_with(" and"));
    if others {
        names.push(json!({ "literal": "others" }));
    }
    Value::Array(names)
}

fn issued(entry: &Entry) -> Option<Value> {
    if let Some(value) = entry.get("date").and_then(date) {
        return Some(value);
    }
    let year_text = entry.get("year")?;
    let Ok(year) = year_text.trim().parse::<i64>() else {
        return Some(json!({ "literal": year_text }));
    };
    let month = entry.get("month").and_then(month_number);
    let parts: Vec<i64> = std::iter::once(year).chain(month).collect();
    Some(json!({ "date-parts": [parts] }))
}

/// An ISO 8601 / EDTF date or range ("2016-04-13", "2020/2021") as CSL date-parts.
fn date(text: &str) -> Option<Value> {
    let ends: Vec<Vec<i64>> = text
        .trim()
        .split('/')
        .map(|part| {
            let (sign, digits) = match part.strip_prefix('-') {
                Some(rest) => (-1, rest),
                None => (1, part),
            };
            digits
                .split('-')
                .map_while(|p| p.trim().parse::<i64>().ok())
                .enumerate()
                .map(|(i, n)| if i == 0 { n * sign } else { n })
                .take(3)
                .collect()
        })
        .collect();
    if ends.is_empty() || ends.iter().any(Vec::is_empty) {
        return Some(json!({ "literal": text.trim() }));
    }
    Some(json!({ "date-parts": ends }))
}

fn month_number(text: &str) -> Option<i64> {
    if let Ok(n) = text.trim().parse::<i64>() {
        return (1..=12).contains(&n).then_some(n);
    }
    let lower = text.trim().to_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| lower.starts_with(m))
        .map(|i| i as i64 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bib::{BibSource, load};
    use std::path::Path;

    #[test]
    fn items_with_names_dates_and_legal_types() {
        let text = "@legislation{loi, title={Loi n\\textsuperscript{o} 2016-444}, date={2016-04-13}, journaltitle={JORF}, number={0088}, langid={french}}\n@article{a, author={Qu{\\'e}m{\\'e}ner, Myriam and {Conseil de l'Europe}}, year={2010}, month=jun, pages={1--2}, number={3}, journal={J}}\n@misc{r, date={2020/2021}}";
        let lib = load(&[BibSource {
            path: Path::new("r.bib"),
            text,
        }]);
        let entries: Vec<&Entry> = lib.entries().iter().collect();
        let out: Value = serde_json::from_str(&csl_json(&entries).text).unwrap_or_default();
        let loi = &out[0];
        assert_eq!(loi["type"], "legislation");
        let title = loi["title"].as_str().unwrap_or_default();
        assert!(
            title.starts_with("Loi n") && title.ends_with(" 2016-444"),
            "{title}"
        );
        assert_eq!(loi["issued"]["date-parts"], json!([[2016, 4, 13]]));
        assert_eq!(loi["container-title"], "JORF");
        assert_eq!(loi["number"], "0088");
        assert_eq!(loi["language"], "fr-FR");
        let a = &out[1];
        assert_eq!(
            a["author"],
            json!([{"family": "Quéméner", "given": "Myriam"}, {"literal": "Conseil de l'Europe"}])
        );
        assert_eq!(a["issued"]["date-parts"], json!([[2010, 6]]));
        assert_eq!(
            (a["page"].as_str(), a["issue"].as_str()),
            (Some("1-2"), Some("3"))
        );
        assert_eq!(out[2]["issued"]["date-parts"], json!([[2020], [2021]]));
    }

    #[test]
    fn publishers_places_particles_subtitles_and_degrees_as_pandoc_writes_them() {
        let text = "@book{a, title={T}, publisher={A and B and {C and D}}, location={Paris and Berlin}, author={van Tilborg, J. and Elliott, R.J. and others}, number={7}, series={S}}
@phdthesis{d, title={The {DNA} Way: a Study}, subtitle={Of Things}, school={S}, langid={english}}
@inproceedings{b, title={Le Titre}, langid={french}, publisher={P}, organization={O}, booktitle={Proc. of the {IEEE} Conference}, volumes={3}}
@book{s, title={Ghost of John Wayne: Stories}, series={newseries}}
@book{t, title={T}, shorttitle={Mediaeval Pilgrim Routes}, series={3}}
@patent{u, title={T}, type={patenteu}, eprint={hep-th/9603067}, eprinttype={arxiv}, version={2}}";
        let lib = load(&[BibSource {
            path: Path::new("r.bib"),
            text,
        }]);
        let entries: Vec<&Entry> = lib.entries().iter().collect();
        let out: Value = serde_json::from_str(&csl_json(&entries).text).unwrap_or_default();
        let nocase = |text: &str| format!("<span class=\"nocase\">{text}</span>");
        assert_eq!(out[0]["publisher"], format!("A; B; {}", nocase("C and D")));
        assert_eq!(out[0]["publisher-place"], "Paris; Berlin");
        assert_eq!(
            out[0]["author"],
            json!([
                {"family": "Tilborg", "given": "J.", "dropping-particle": "van"},
                {"family": "Elliott", "given": "R. J."},
                {"literal": "others"}
            ])
        );
        assert_eq!(
            (&out[0]["collection-number"], &out[0]["number"]),
            (&json!("7"), &Value::Null)
        );
        assert_eq!(out[1]["genre"], "PhD thesis");
        assert_eq!(
            out[1]["title"],
            format!("The {} way: A study: Of things", nocase("DNA"))
        );
        assert_eq!(out[2]["publisher"], "O; P");
        assert_eq!(out[2]["title"], "Le Titre");
        assert_eq!(
            out[2]["container-title"],
            format!("Proc. of the {} Conference", nocase("IEEE"))
        );
        assert_eq!(out[2]["number-of-volumes"], "3");
        assert_eq!(
            (&out[3]["title-short"], &out[3]["collection-title"]),
            (&json!("Ghost of john wayne"), &json!("New series"))
        );
        assert_eq!(
            (&out[4]["title-short"], &out[4]["collection-title"]),
            (&json!("Mediaeval pilgrim routes"), &json!("3rd series"))
        );
        assert_eq!(
            (&out[5]["genre"], &out[5]["URL"], &out[5]["version"]),
            (
                &json!("European patent"),
                &json!("https://arxiv.org/abs/hep-th/9603067"),
                &json!("2")
            )
        );
    }
}
