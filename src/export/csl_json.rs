//! CSL-JSON, the format Zotero and Pandoc read: one self-contained item per entry.

use serde_json::{Map, Value, json};

use super::Exported;
use crate::bib::langid::bcp47;
use crate::bib::{self, Entry};

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

/// Simple fields: CSL variable and the BibTeX fields that feed it, first found wins.
const FIELDS: &[(&str, &[&str])] = &[
    ("title", &["title"]),
    ("title-short", &["shorttitle"]),
    ("collection-title", &["series"]),
    ("volume", &["volume"]),
    ("edition", &["edition"]),
    ("page", &["pages"]),
    (
        "publisher",
        &["publisher", "school", "institution", "organization"],
    ),
    ("publisher-place", &["location", "address"]),
    ("event-title", &["eventtitle"]),
    ("event-place", &["venue"]),
    ("genre", &["type"]),
    ("DOI", &["doi"]),
    ("URL", &["url"]),
    ("ISBN", &["isbn"]),
    ("ISSN", &["issn"]),
    ("note", &["note"]),
    ("abstract", &["abstract"]),
    ("chapter-number", &["chapter"]),
    ("number-of-pages", &["pagetotal"]),
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
                value.replace("--", "–")
            } else {
                value.to_string()
            };
            item.insert((*variable).into(), value.into());
        }
    }
    let container = ["journaltitle", "journal", "booktitle", "maintitle"]
        .iter()
        .find_map(|f| entry.get(f));
    if let Some(container) = container {
        item.insert("container-title".into(), container.into());
    }
    if let Some(number) = entry.get("number") {
        let variable = if csl_type == "article-journal" {
            "issue"
        } else {
            "number"
        };
        item.insert(variable.into(), number.into());
    }
    if let Some(issue) = entry.get("issue") {
        item.insert("issue".into(), issue.into());
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
    let legal = csl_type == "legislation" || csl_type == "legal_case";
    if legal
        && let Some(authority) = entry
            .get("institution")
            .or_else(|| entry.get("organization"))
    {
        item.insert("authority".into(), authority.into());
    }
    Value::Object(item)
}

fn names(tex: &str) -> Value {
    let names: Vec<Value> = bib::names(tex)
        .into_iter()
        .map(|n| match n.literal {
            Some(literal) => json!({ "literal": literal }),
            None => {
                let mut name = Map::new();
                for (key, value) in [
                    ("family", n.family),
                    ("given", n.given),
                    ("non-dropping-particle", n.particle),
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
            (Some("1–2"), Some("3"))
        );
        assert_eq!(out[2]["issued"]["date-parts"], json!([[2020], [2021]]));
    }
}
