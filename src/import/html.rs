//! A web page's readable article, found by dom_smoothie (a port of Mozilla's Readability).

use std::panic::{AssertUnwindSafe, catch_unwind};

use dom_query::Document;
use dom_smoothie::{Config, Readability};

use super::ImportError;
use super::html_text::{self, Rendered};

/// Fewer letters than this outside links and headings is a page without an article.
const MIN_PROSE_CHARS: usize = 80;

/// Page furniture removed before Readability looks for the article.
const FURNITURE: &str = "nav, aside, dialog, [role=navigation], [role=dialog], [aria-modal=true]";

/// Elements nested deeper keep their text but lose their structure: Readability and the renderer
/// recurse and rescan ancestors, so 10,000 nested `<div>`s would overflow the stack or take minutes.
const MAX_DEPTH: usize = 128;

/// Words in an `id` or `class` that mark a cookie or consent banner.
const BANNERS: &[&str] = &["cookie", "consent", "gdpr", "rgpd"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The page title as Readability cleaned it (site name suffixes removed).
    pub title: Option<String>,
    pub text: String,
}

/// The article of `html` as Markdown-like text; `url` (absolute) resolves relative links.
pub fn extract_article(html: &str, url: Option<&str>) -> Result<Article, ImportError> {
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let parsed = catch_unwind(AssertUnwindSafe(|| {
        let mut readability = Readability::with_document(marked(html), url, Some(config())).ok()?;
        readability.parse().ok()
    }));
    let Ok(Some(article)) = parsed else {
        return Err(ImportError::NoArticle);
    };
    let Rendered { text, prose_chars } = html_text::render(&article.content);
    if prose_chars < MIN_PROSE_CHARS {
        return Err(ImportError::NoArticle);
    }
    let title = article.title.trim();
    Ok(Article {
        title: (!title.is_empty()).then(|| title.to_string()),
        text: format!("{text}\n"),
    })
}

/// The page without its furniture, each heading's level kept in a class (Readability turns `<h1>` into `<h2>`).
fn marked(html: &str) -> Document {
    let document = Document::from(html);
    flatten_deep(&document);
    document.select(FURNITURE).remove();
    let has_article = document.select("article, main").exists();
    for node in document.select("*").nodes() {
        let name = node.node_name().unwrap_or_default();
        let marker = format!(
            "{} {}",
            node.id_attr().unwrap_or_default(),
            node.class().unwrap_or_default()
        )
        .to_lowercase();
        let banner = BANNERS.iter().any(|b| marker.contains(b))
            && !matches!(&*name, "html" | "body")
            && !node
                .descendants_it()
                .any(|d| matches!(d.node_name().as_deref(), Some("article" | "main" | "h1")));
        let site_frame = has_article
            && matches!(&*name, "header" | "footer")
            && !node
                .ancestors_it(None)
                .any(|a| matches!(a.node_name().as_deref(), Some("article" | "main")));
        if banner || site_frame {
            node.remove_from_parent();
        }
    }
    for level in 1..=6 {
        for heading in document.select(&format!("h{level}")).nodes() {
            heading.add_class(&format!("{}{level}", html_text::LEVEL_CLASS));
        }
    }
    document
}

/// Replaces each element at [`MAX_DEPTH`] that has element children by its text, without recursion.
fn flatten_deep(document: &Document) {
    let mut stack = vec![(document.root(), 0)];
    while let Some((node, depth)) = stack.pop() {
        for child in node.element_children() {
            if depth + 1 < MAX_DEPTH {
                stack.push((child, depth + 1));
            } else if !child.element_children().is_empty() {
                child.set_text(child.formatted_text());
            }
        }
    }
}

fn config() -> Config {
    Config {
        classes_to_preserve: (1..=6)
            .map(|level| format!("{}{level}", html_text::LEVEL_CLASS))
            .collect(),
        ..Config::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = include_str!("testdata/page.html");

    #[test]
    fn the_article_is_kept_and_the_page_around_it_left_out() {
        let article = extract_article(PAGE, Some("https://blog.example.org/a")).unwrap();
        let text = &article.text;
        for absent in [
            "Menu Actualités",
            "Sidebar lien",
            "Pied de page",
            "SCRIPT TEXT",
            "cookies",
            "Accueil du blog",
        ] {
            assert!(!text.contains(absent), "{absent:?} in\n{text}");
        }
        let expected = [
            "# La cyberprostitution, un lourd enjeu de cybercriminalité",
            "Plus de six ans après l’adoption, en France, de la loi dite de « pénalisation du client »",
            "## L’expansion de la prostitution en ligne",
            "62 % de la prostitution passe, en France, par l’Internet.",
            "- le racolage en ligne\n- le proxénétisme sur les plateformes",
            "> Un site web support de proxénétisme ne peut donc être qu’illégal.",
            "## Une lutte complexe",
            "favorisent l’apparition d’une criminalité organisée.",
        ];
        let mut from = 0;
        for part in expected {
            let at = text[from..]
                .find(part)
                .unwrap_or_else(|| panic!("{part:?} missing or out of order in\n{text}"));
            from += at + part.len();
        }
        assert!(
            text.contains("pleine expansion.\n\n## L’expansion"),
            "{text}"
        );
    }

    #[test]
    fn a_page_with_only_menus_has_no_article() {
        for page in [
            "<html><head><title>Rien</title></head><body><nav><ul><li><a href=\"/\">Accueil</a></li></ul></nav><footer>© 2023</footer></body></html>",
            "<html><head><title>x</title></head><body></body></html>",
            "<html><body><div class=\"cookie-notice\"><p>Nous utilisons des cookies pour mesurer l’audience de ce site et vous proposer des contenus.</p></div><main><p>Court.</p></main><footer><p>© 2023 Pied de page, mentions légales et politique de confidentialité du site.</p></footer></body></html>",
            "",
            "<html><body><ul><li><a href=\"/a\">Un lien vers une page lointaine</a></li><li><a href=\"/b\">Un autre lien encore plus loin</a></li></ul></body></html>",
        ] {
            assert!(
                matches!(extract_article(page, None), Err(ImportError::NoArticle)),
                "{page}"
            );
        }
    }

    #[test]
    fn a_short_page_of_prose_is_still_an_article() {
        let article = extract_article(
            "<html><body><nav><a href=\"/\">Accueil</a></nav><p>Une seule phrase, mais assez longue pour \
             être un article : quatre-vingts lettres au moins, et même un peu plus.</p></body></html>",
            None,
        )
        .unwrap();
        assert_eq!(
            article.text,
            "Une seule phrase, mais assez longue pour être un article : quatre-vingts lettres au moins, et même un peu plus.\n"
        );
    }
}
