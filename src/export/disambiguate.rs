//! Year suffixes and added names without hayagriva's other citation disambiguation leaking into
//! the bibliography.
//!
//! hayagriva renders a bibliography entry with the name form its citation was disambiguated to
//! ("Berger, Coursey, et al." instead of the full list) and, when adding names keeps changing
//! something, never reaches the year suffix. So the bibliography is rendered with citation
//! disambiguation by added names only (the vendored hayagriva shows the added names in the
//! bibliography's own form, as citeproc-js does), and each group of entries whose author lists
//! and citations are identical (which only a year suffix tells apart) takes its year suffixes
//! alone, with the year suffix only (`year_letters.rs`).

use std::collections::HashMap;

use hayagriva::citationberg::{
    DisambiguationRule, IndependentStyle, LayoutRenderingElement, Text, TextTarget,
};

fn without_disambiguation(csl: &IndependentStyle) -> IndependentStyle {
    let mut plain = csl.clone();
    plain.citation.disambiguate_add_names = false;
    plain.citation.disambiguate_add_givenname = false;
    plain.citation.disambiguate_add_year_suffix = false;
    plain
}

/// `csl` disambiguating its citations by adding names only, if it does so at all, comparing names
/// as its given-name rule says (the vendored hayagriva then adds no given names).
pub(crate) fn adding_names_only(csl: &IndependentStyle) -> IndependentStyle {
    let mut names_only = without_disambiguation(csl);
    names_only.citation.disambiguate_add_names = csl.citation.disambiguate_add_names;
    names_only.citation.disambiguate_add_givenname =
        csl.citation.disambiguate_add_names && csl.citation.disambiguate_add_givenname;
    names_only
}

/// `csl` disambiguating its citations by year suffix only, if it does so at all, for the groups
/// of `needing_suffix`: their citations read the same, so each one is a mark that reads the same,
/// which costs nothing to render (a second render of every grouped entry took as long as the
/// whole bibliography's first one).
pub(crate) fn year_suffix_only(csl: &IndependentStyle) -> Option<IndependentStyle> {
    csl.citation.disambiguate_add_year_suffix.then(|| {
        let mut suffixed = without_disambiguation(csl);
        suffixed.citation.disambiguate_add_year_suffix = true;
        suffixed.citation.layout.elements = vec![LayoutRenderingElement::Text(Text::with_target(
            TextTarget::Value { val: "·".into() },
        ))];
        suffixed
    })
}

/// The groups of entries (indexes, in order) that share both their citation and their whole name
/// list, which only a year suffix can tell apart: each group is disambiguated on its own. Given
/// names count as far as `csl` may add them to a citation (`A. Hoenig` and `Alan Hoenig` are one
/// name when it adds initials only).
pub(crate) fn needing_suffix(
    csl: &IndependentStyle,
    entries: &[&hayagriva::Entry],
    citations: &[String],
) -> Vec<Vec<usize>> {
    let mut groups: HashMap<(&str, String), Vec<usize>> = HashMap::new();
    for (i, (entry, citation)) in entries.iter().zip(citations).enumerate() {
        groups
            .entry((citation.as_str(), name_list(csl, entry)))
            .or_default()
            .push(i);
    }
    let mut shared: Vec<Vec<usize>> = groups
        .into_values()
        .filter(|group| group.len() > 1)
        .collect();
    shared.sort_unstable();
    shared
}

fn name_list(csl: &IndependentStyle, entry: &hayagriva::Entry) -> String {
    let rule = csl.citation.givenname_disambiguation_rule;
    let primary_only = matches!(
        rule,
        DisambiguationRule::PrimaryName | DisambiguationRule::PrimaryNameWithInitials
    );
    let people = entry
        .authors()
        .or_else(|| entry.editors())
        .unwrap_or_default();
    people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let given = p.given_name.as_deref().unwrap_or("");
            let given = if !csl.citation.disambiguate_add_givenname || (primary_only && i > 0) {
                String::new()
            } else if rule.allows_full_first_names() {
                given.to_string()
            } else {
                initials(given)
            };
            format!("{}|{}|{}", p.name, given, p.prefix.as_deref().unwrap_or(""))
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// The initials of given names (`Jean-Pierre A.` → `J-P A`).
fn initials(given: &str) -> String {
    given
        .split_whitespace()
        .map(|word| {
            word.split('-')
                .filter_map(|part| part.chars().find(|c| c.is_alphabetic()))
                .map(String::from)
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::format::tests::{apa_items, items_in, markdown_of};

    #[test]
    fn full_name_lists_and_year_suffixes_in_an_apa_bibliography() {
        let text = "@article{jiang_2014, title = {Effects of front-surface target structures on properties of relativistic laser-plasma electrons}, journal = {Physical Review E}, author = {Jiang, S. and Krygier, A. G. and Schumacher, D. W. and Akli, K. U. and Freeman, R. R.}, year = {2014}, pages = {013106}}
@article{jiang_2014a, title = {Enhancing {Bremsstrahlung} production from ultraintense laser-solid interactions with front surface structures}, journal = {The European Physical Journal D}, author = {Jiang, S. and Krygier, A. G. and Schumacher, D. W. and Akli, K. U. and Freeman, R. R.}, year = {2014}, pages = {283}}
@misc{berger_1999, title = {{XCOM}: {Photon} {Cross} {Section} {Database} (version 1.2)}, author = {Berger, M. J. and Hubbell, J. H. and Seltzer, S. M. and Coursey, J. S. and Zucker, D. S.}, year = {1999}}
@article{berger_1999a, title = {{ESTAR}, {PSTAR}, and {ASTAR}}, author = {Berger, M. J. and Coursey, J. S. and Zucker, M. A.}, year = {1999}}";
        let items = apa_items(text, "en-US");
        let text = |key: &str| markdown_of(&items, key);
        assert!(
            text("berger_1999a")
                .starts_with("Berger, M. J., Coursey, J. S., & Zucker, M. A. (1999)."),
            "{}",
            text("berger_1999a")
        );
        assert!(
            text("jiang_2014").contains("(2014a)"),
            "{}",
            text("jiang_2014")
        );
        assert!(
            text("jiang_2014a").contains("(2014b)"),
            "{}",
            text("jiang_2014a")
        );
    }

    #[test]
    fn given_names_with_the_same_initials_need_a_year_suffix_where_only_initials_are_added() {
        let text = "@article{full, title = {Real typesetting}, journal = {TUGboat}, author = {Alan Hoenig and Mitch Pfeffer}, year = {1986}}
@article{short, title = {Text editors}, journal = {TUGboat}, author = {A. Hoenig and M. Pfeffer}, year = {1986}}";
        let apa = apa_items(text, "en-US");
        assert!(markdown_of(&apa, "short").contains("(1986a)"), "{apa:?}");
        assert!(markdown_of(&apa, "full").contains("(1986b)"), "{apa:?}");
        let chicago = items_in("chicago-author-date", text, "en-US");
        assert!(
            chicago.iter().all(|item| item.markdown.contains("1986. ")),
            "{chicago:?}"
        );
        assert_eq!(initials("Jean-Pierre A."), "J-P A");
    }

    #[test]
    fn names_added_to_tell_citations_apart_show_in_the_bibliography() {
        let text = "@article{araujo, title = {Geant4 developments and applications}, journal = {IEEE Transactions on Nuclear Science}, author = {Allison, J. and Amako, K. and Apostolakis, J. and Araujo, H. and Dubois, P. Arce}, year = {2006}}
@article{arce, title = {Recent developments in Geant4}, journal = {Nuclear Instruments and Methods}, author = {Allison, J. and Amako, K. and Apostolakis, J. and Arce, P. and Asai, M.}, year = {2016}}
@article{alone, title = {Laser absorption}, journal = {Physical Review E}, author = {Brady, C. S. and Ridgers, C. P. and Arber, T. D.}, year = {2012}}";
        let items = items_in("modern-language-association", text, "en-US");
        let text = |key: &str| markdown_of(&items, key);
        assert!(
            text("araujo").starts_with("Allison, J., K. Amako, J. Apostolakis, H. Araujo, et al."),
            "{}",
            text("araujo")
        );
        assert!(
            text("arce").starts_with("Allison, J., K. Amako, J. Apostolakis, P. Arce, et al."),
            "{}",
            text("arce")
        );
        assert!(
            text("alone").starts_with("Brady, C. S., et al."),
            "{}",
            text("alone")
        );
    }

    /// The MLA bibliography of `bib`, as a lookup of each entry's text by key.
    fn mla(bib: &str) -> impl Fn(&str) -> String {
        let items = items_in("modern-language-association", bib, "en-US");
        move |key: &str| markdown_of(&items, key)
    }

    #[test]
    fn a_citation_shows_the_names_that_told_it_apart_not_those_others_needed() {
        let text = mla(
            "@article{cho, title = {Compton source}, journal = {PRL}, year = {2021}, author = {Huang, T. W. and Kim, C. M. and Zhou, C. T. and Cho, M. H. and Nakajima, K.}}
@article{ryu, title = {Tabletop source}, journal = {PRL}, year = {2019}, author = {Huang, T. W. and Kim, C. M. and Zhou, C. T. and Ryu, C. M. and Nakajima, K.}}
@article{hosing, title = {Laser hosing}, journal = {PRE}, year = {2017}, author = {Huang, T. W. and Zhou, C. T. and Zhang, H. and Wu, S. Z. and Qiao, B.}}",
        );
        assert!(
            text("hosing").starts_with("Huang, T. W., C. T. Zhou, et al."),
            "{}",
            text("hosing")
        );
        assert!(
            text("cho").starts_with("Huang, T. W., C. M. Kim, C. T. Zhou, M. H. Cho, et al."),
            "{}",
            text("cho")
        );
        assert!(
            text("ryu").starts_with("Huang, T. W., C. M. Kim, C. T. Zhou, C. M. Ryu, et al."),
            "{}",
            text("ryu")
        );
    }

    #[test]
    fn first_authors_of_one_family_are_told_apart_by_their_given_names_in_mla() {
        let text = mla(
            "@article{cain, title = {CAIN}, journal = {NIM A}, year = {1995}, author = {Chen, P. and Horton-Smith, G. and Ohgaki, T.}}
@article{mev, title = {MeV x rays}, journal = {PRL}, year = {2013}, author = {Chen, S. and Powers, N. D. and Ghebregziabher, I.}}",
        );
        assert!(
            text("cain").starts_with("Chen, P., et al."),
            "{}",
            text("cain")
        );
        assert!(
            text("mev").starts_with("Chen, S., et al."),
            "{}",
            text("mev")
        );
    }

    #[test]
    fn a_name_list_shorter_than_the_names_added_shows_every_name() {
        let text = mla(
            "@article{four, title = {Gamma-ray emission}, journal = {PPCF}, year = {2013}, author = {Brady, C. S. and Ridgers, C. P. and Arber, T. D. and Bell, A. R.}}
@article{five, title = {Laser absorption}, journal = {PRL}, year = {2012}, author = {Brady, C. S. and Ridgers, C. P. and Arber, T. D. and Bell, A. R. and Kirk, J. G.}}",
        );
        assert!(
            text("four").starts_with("Brady, C. S., C. P. Ridgers, T. D. Arber, and A. R. Bell."),
            "{}",
            text("four")
        );
        assert!(
            text("five").starts_with(
                "Brady, C. S., C. P. Ridgers, T. D. Arber, A. R. Bell, and J. G. Kirk."
            ),
            "{}",
            text("five")
        );
    }

    #[test]
    fn a_straight_apostrophe_in_a_name_is_the_typographic_one() {
        let mla = mla(
            "@article{beaming, title = {Pairs beaming}, journal = {PPCF}, year = {2017}, author = {Ribeyre, X. and d’Humières, E. and Jansen, O. and Jequier, S. and Tikhonchuk, V. T.}}
@article{cross, title = {Cross section}, journal = {PRE}, year = {2018}, author = {Ribeyre, X. and d'Humières, E. and Jequier, S. and Tikhonchuk, V. T.}}
@article{collision, title = {Pair creation}, journal = {PRE}, year = {2016}, author = {Ribeyre, X. and d'Humières, E. and Jansen, O. and Jequier, S. and Tikhonchuk, V. T. and Lobet, M.}}",
        );
        let text = |key: &str| mla(key).replace('\'', "’");
        assert!(
            text("cross").starts_with("Ribeyre, X., E. d’Humières, S. Jequier, et al."),
            "{}",
            text("cross")
        );
        assert!(
            text("beaming").starts_with(
                "Ribeyre, X., E. d’Humières, O. Jansen, S. Jequier, and V. T. Tikhonchuk."
            ),
            "{}",
            text("beaming")
        );
    }

    #[test]
    fn works_of_one_author_without_a_date_take_letters_after_no_date() {
        let text = "@misc{p2sat, title = {lesnat/p2sat}, url = {https://github.com/lesnat/p2sat}, author = {Esnault, L.}}
@misc{gp3m2, title = {lesnat/gp3m2}, url = {https://github.com/lesnat/gp3m2}, author = {Esnault, L.}}";
        let items = apa_items(text, "en-US");
        let text = |key: &str| markdown_of(&items, key);
        assert!(
            text("gp3m2").starts_with("Esnault, L. (n.d.-a)."),
            "{}",
            text("gp3m2")
        );
        assert!(
            text("p2sat").starts_with("Esnault, L. (n.d.-b)."),
            "{}",
            text("p2sat")
        );
    }

    #[test]
    fn every_group_of_many_same_author_same_year_entries_gets_its_own_letters() {
        let mut text = String::new();
        for (author, year) in (0..12).map(|g| (format!("Auteur{g}, Jean"), 1980 + g)) {
            for i in 0..30 {
                text.push_str(&format!(
                    "@article{{k{year}x{i}, author = {{{author}}}, year = {{{year}}}, title = {{Titre {i:02}}}, journal = {{Revue}}}}\n"
                ));
            }
        }
        let items = apa_items(&text, "en-US");
        assert_eq!(items.len(), 360);
        for year in (1980..1992).map(|y| y.to_string()) {
            let suffixes: std::collections::BTreeSet<String> = items
                .iter()
                .filter_map(|item| {
                    let after = item.markdown.split_once(&format!("({year}"))?.1;
                    Some(after.split_once(')')?.0.to_string())
                })
                .collect();
            assert_eq!(suffixes.len(), 30, "{year}: {suffixes:?}");
            assert!(
                suffixes.iter().all(|s| !s.is_empty()),
                "{year}: {suffixes:?}"
            );
            assert!(
                suffixes.contains("a") && suffixes.contains("aa"),
                "{suffixes:?}"
            );
        }
    }
}
