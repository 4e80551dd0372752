//! Entries of ../shared/corpus/lesnat-these-fr.bib that the vendored hayagriva rendered unlike
//! pandoc 3.9 --citeproc, with the CSL files pandoc reads, and the text both give now.

mod common;

use std::path::Path;

use glose::bib::{BibSource, load};
use glose::export::{Formatter, Style};

/// Whether ../shared/csl holds the styles (a notice is printed when it does not).
fn has_styles() -> bool {
    common::shared("csl/styles").is_some()
}

/// The Markdown entry for `key` of `bib` in the shared CSL style `name` (see `has_styles`).
fn rendered(name: &str, locale: &str, bib: &str, key: &str) -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../shared/csl/styles/{name}.csl"));
    let xml = std::fs::read_to_string(path).expect("a readable CSL file");
    let style = Style::from_csl(name, &xml).expect("a valid CSL style");
    let lib = load(&[BibSource {
        path: Path::new("lesnat.bib"),
        text: bib,
    }]);
    let mut formatter = Formatter::new(style, locale).expect("a known locale");
    let entries: Vec<_> = lib.entries().iter().collect();
    let items = formatter.bibliography(&entries).items;
    let item = items.iter().find(|i| i.key == key).expect("the entry");
    item.markdown.clone()
}

const LOBOK: &str = r"@article{lobok_2019,
	title = {Effective production of gammas, positrons, and photonuclear particles from optimized electron acceleration by short laser pulses in low-density targets},
	volume = {26},
	issn = {1070-664X, 1089-7674},
	url = {http://aip.scitation.org/doi/10.1063/1.5125968},
	doi = {10.1063/1.5125968},
	number = {12},
	journal = {Physics of Plasmas},
	author = {Lobok, M. G. and Brantov, A. V. and Bychenkov, V. Yu.},
	year = {2019},
	pages = {123107},
}";

#[test]
fn given_names_already_abbreviated_keep_their_letters() {
    if !has_styles() {
        return;
    }
    let apa = rendered("apa", "en-US", LOBOK, "lobok_2019");
    assert_eq!(
        apa,
        "Lobok, M. G., Brantov, A. V., & Bychenkov, V. Yu. (2019). Effective production of \
         gammas, positrons, and photonuclear particles from optimized electron acceleration by \
         short laser pulses in low-density targets. *Physics of Plasmas*, *26*(12), 123107. \
         [https://doi.org/10.1063/1.5125968](https://doi.org/10.1063/1.5125968)"
    );
}

#[test]
fn full_and_hyphenated_given_names_are_still_initialised() {
    if !has_styles() {
        return;
    }
    let bib = "@book{b, author = {Dupont, Jean-Luc and Martin, Philippe and Petit, J.-L.}, \
               title = {Titre}, publisher = {Seuil}, year = {2001}}";
    let ieee = rendered("ieee", "en-US", bib, "b");
    assert!(
        ieee.starts_with("J.-L. Dupont, P. Martin, and J.-L. Petit, *Titre*."),
        "{ieee}"
    );
    let ieee = rendered("ieee", "en-US", LOBOK, "lobok_2019");
    assert!(
        ieee.starts_with("M. G. Lobok, A. V. Brantov, and V. Yu. Bychenkov, “Effective"),
        "{ieee}"
    );
}

const NRL: &str = r"@misc{nrl,
	title = {{NRL} {Plasma} {Formulary}},
	url = {https://www.nrl.navy.mil/ppd/sites/www.nrl.navy.mil.ppd/files/pdfs/NRL_Formulary_2019.pdf},
	year = {2018},
}";

const LIEU: &str = r"@article{lieu_1993,
	title = {Synchrotron {Radiation}: an {Inverse} {Compton} {Effect}},
	volume = {416},
	issn = {0004-637X, 1538-4357},
	shorttitle = {Synchrotron {Radiation}},
	url = {http://adsabs.harvard.edu/doi/10.1086/173270},
	doi = {10.1086/173270},
	journal = {The Astrophysical Journal},
	author = {Lieu, R. and Axford, W. I.},
	year = {1993},
	pages = {700},
}";

#[test]
fn a_part_that_prints_nothing_takes_no_delimiter() {
    if !has_styles() {
        return;
    }
    let url =
        "https://www.nrl.navy.mil/ppd/sites/www.nrl.navy.mil.ppd/files/pdfs/NRL_Formulary_2019.pdf";
    let apa = rendered("apa", "en-US", NRL, "nrl");
    let text = url.replace('_', "\\_");
    assert_eq!(
        apa,
        format!("*NRL Plasma Formulary*. (2018). [{text}]({url})")
    );
    let chicago = rendered("chicago-author-date", "en-US", LIEU, "lieu_1993");
    assert_eq!(
        chicago,
        "Lieu, R., and W. I. Axford. 1993. “Synchrotron Radiation: An Inverse Compton Effect.” \
         *The Astrophysical Journal* 416: 700. \
         [https://doi.org/10.1086/173270](https://doi.org/10.1086/173270)."
    );
}

#[test]
fn a_date_asked_about_in_a_substitute_is_still_printed_there() {
    if !has_styles() {
        return;
    }
    let iso = rendered("iso690-author-date-fr", "fr-FR", NRL, "nrl").replace('*', "");
    assert!(iso.starts_with("NRL Plasma Formulary, 2018. "), "{iso}");
}

const PAPADOPOULOS: &str = r"@article{papadopoulos_2017,
	title = {High-contrast 10 fs {OPCPA}-based front end for multi-{PW} laser chains},
	volume = {42},
	issn = {0146-9592, 1539-4794},
	url = {https://www.osapublishing.org/abstract.cfm?URI=ol-42-18-3530},
	doi = {10.1364/OL.42.003530},
	number = {18},
	journal = {Optics Letters},
	author = {Papadopoulos, D. N. and Ramirez, P. and Genevrier, K. and Ranc, L. and Lebas, N. and Pellegrina, A. and Le Blanc, C. and Monot, P. and Martin, L. and Zou, J. P. and Mathieu, F. and Audebert, P. and Georges, P. and Druon, F.},
	year = {2017},
	pages = {3530},
}";

#[test]
fn title_case_lowers_and_after_a_comma_and_capitalises_front() {
    if !has_styles() {
        return;
    }
    let chicago = rendered("chicago-author-date", "en-US", LOBOK, "lobok_2019");
    assert_eq!(
        chicago,
        "Lobok, M. G., A. V. Brantov, and V. Yu. Bychenkov. 2019. “Effective Production of \
         Gammas, Positrons, and Photonuclear Particles from Optimized Electron Acceleration by \
         Short Laser Pulses in Low-Density Targets.” *Physics of Plasmas* 26 (12): 123107. \
         [https://doi.org/10.1063/1.5125968](https://doi.org/10.1063/1.5125968)."
    );
    let chicago = rendered(
        "chicago-author-date",
        "en-US",
        PAPADOPOULOS,
        "papadopoulos_2017",
    );
    assert_eq!(
        chicago,
        "Papadopoulos, D. N., P. Ramirez, K. Genevrier, et al. 2017. “High-Contrast 10 Fs \
         OPCPA-Based Front End for Multi-PW Laser Chains.” *Optics Letters* 42 (18): 3530. \
         [https://doi.org/10.1364/OL.42.003530](https://doi.org/10.1364/OL.42.003530)."
    );
}

const SAME_AUTHORS: &str = r"@book{landau_1975,
	title = {The classical theory of fields},
	publisher = {Pergamon Press},
	author = {Landau, L. D. and Lifshitz, E. M.},
	year = {1975},
}
@article{landau_1934,
	title = {On the production of electrons and positrons by a collision of two particles},
	volume = {6},
	journal = {Physikalische Zeitschrift der Sowjetunion},
	author = {Landau, L. D. and Lifshitz, E. M.},
	year = {1934},
	pages = {244},
}
@article{rousse_1994,
	title = {Efficient {K}$\alpha$ x-ray source from femtosecond laser-produced plasmas},
	volume = {50},
	journal = {Physical Review E},
	author = {Rousse, A. and Audebert, P. and Geindre, J. P.},
	year = {1994},
	pages = {2200},
}
@article{rousse_1994a,
	title = {Efficient {K}$\alpha$ x-ray source from femtosecond laser-produced plasmas},
	volume = {50},
	journal = {Physical Review E},
	author = {Rousse, A. and Audebert, P. and Geindre, J. P.},
	year = {1994},
	pages = {2200},
}
@article{rousse_2004,
	title = {Production of a keV x-ray beam from synchrotron radiation},
	volume = {93},
	journal = {Physical Review Letters},
	author = {Rousse, A. and Phuoc, K. Ta and Shah, R.},
	year = {2004},
	pages = {135005},
}
@misc{laser_500tw,
	title = {Laser {500TW}},
	url = {http://inf.emt.inrs.ca/?q=fr/500TW},
	journal = {ALLS},
	year = {2021},
}
@misc{laser_500tw_old,
	title = {Laser {500TW}},
	url = {http://inf.emt.inrs.ca/?q=fr/500TW},
	journal = {ALLS},
	year = {2021},
}";

#[test]
fn a_substituted_author_list_drops_its_own_delimiters() {
    if !has_styles() {
        return;
    }
    let mla = |key| rendered("modern-language-association", "en-US", SAME_AUTHORS, key);
    let (later, et_al, untitled) = (
        mla("landau_1975"),
        mla("rousse_1994a"),
        mla("laser_500tw_old"),
    );
    assert_eq!(
        later,
        "———. *The Classical Theory of Fields*. Pergamon Press, 1975."
    );
    assert!(
        et_al.starts_with("———, et al. “Efficient Kα x-Ray"),
        "{et_al}"
    );
    assert!(
        untitled.starts_with("———. *ALLS*, 2021, [http"),
        "{untitled}"
    );
}

const QUOTED_TITLES: &str = r"@article{wang_2020a,
	title = {Comment on ``{Creation} of {Electron}-{Positron} {Pairs} in {Photon}-{Photon} {Collisions} {Driven} by 10-{PW} {Laser} {Pulses}''},
	volume = {125},
	doi = {10.1103/PhysRevLett.125.079501},
	number = {7},
	journal = {Physical Review Letters},
	author = {Wang, T. and Arefiev, A.},
	year = {2020},
	pages = {079501},
}
@article{oishi_2011,
	title = {Evaluation of {Yields}: {Towards} “{Virtual} {Radioisotopes}”},
	volume = {50},
	journal = {Japanese Journal of Applied Physics},
	author = {Oishi, Y.},
	year = {2011},
	pages = {042702},
}";

#[test]
fn quotes_in_a_title_alternate_with_the_styles_and_take_its_period() {
    if !has_styles() {
        return;
    }
    let pulses = "Creation of Electron-Positron Pairs in Photon-Photon Collisions Driven by 10-PW \
                  Laser Pulses";
    let cases = [
        (
            "apa",
            "en-US",
            "wang_2020a",
            format!("Comment on “{pulses}.”"),
        ),
        (
            "chicago-author-date",
            "en-US",
            "wang_2020a",
            format!("“Comment on ‘{pulses}’.”"),
        ),
        (
            "ieee",
            "en-US",
            "wang_2020a",
            format!("“Comment on ‘{pulses}’,”"),
        ),
        (
            "modern-language-association",
            "en-US",
            "oishi_2011",
            "“Evaluation of Yields: Towards ‘Virtual Radioisotopes’.”".to_string(),
        ),
        (
            "apa",
            "en-US",
            "oishi_2011",
            "Evaluation of Yields: Towards “Virtual Radioisotopes.”".to_string(),
        ),
        (
            "iso690-author-date-fr",
            "fr-FR",
            "wang_2020a",
            format!("Comment on « {pulses} »."),
        ),
    ];
    for (style, locale, key, expected) in cases {
        let entry = rendered(style, locale, QUOTED_TITLES, key);
        let entry = entry.replace(['\u{a0}', '\u{202f}'], " ");
        assert!(entry.contains(&expected), "{style}: {entry}");
    }
}

const KESSLER: &str = r"@article{kessler_1974,
	title = {The equivalent photon approximation in one- and two-photon exchange processes},
	volume = {35},
	doi = {10.1051/jphyscol:1974213},
	number = {C2},
	journal = {Le Journal de Physique Colloques},
	author = {Kessler, P.},
	year = {1974},
	pages = {C2--97--C2--107},
}";

#[test]
fn pages_that_are_no_single_range_are_kept_as_written_with_a_plural_label() {
    if !has_styles() {
        return;
    }
    let apa = rendered("apa", "en-US", KESSLER, "kessler_1974");
    assert!(apa.contains("*35*(C2), C2-97-C2-107. "), "{apa}");
    let ieee = rendered("ieee", "en-US", KESSLER, "kessler_1974");
    assert!(ieee.contains("no. C2, pp. C2-97-C2-107, 1974"), "{ieee}");
    let bib = KESSLER.replace("C2--97--C2--107", "A--B, 7");
    let ieee = rendered("ieee", "en-US", &bib, "kessler_1974");
    assert!(ieee.contains("no. C2, pp. A–B, 7, 1974"), "{ieee}");
}

const PUKHOV: &str = r"@article{pukhov_2002,
	title = {Laser wake field acceleration: the highly non-linear broken-wave regime},
	volume = {74},
	doi = {10.1007/s003400200795},
	number = {4-5},
	journal = {Applied Physics B: Lasers and Optics},
	author = {Pukhov, A. and Meyer-ter-Vehn, J.},
	year = {2002},
	pages = {355--361},
}";

#[test]
fn a_number_range_is_kept_as_written_by_text_and_dashed_by_number() {
    if !has_styles() {
        return;
    }
    let apa = rendered("apa", "en-US", PUKHOV, "pukhov_2002");
    assert!(apa.contains("*74*(4-5), 355–361. "), "{apa}");
    let mla = rendered(
        "modern-language-association",
        "en-US",
        PUKHOV,
        "pukhov_2002",
    );
    assert!(mla.contains("vol. 74, nos. 4-5, 2002"), "{mla}");
    let ieee = rendered("ieee", "en-US", PUKHOV, "pukhov_2002");
    assert!(ieee.contains("vol. 74, no. 4–5, pp. 355–361"), "{ieee}");
    let bib = PUKHOV.replace("{4-5}", "{4--5}");
    let apa = rendered("apa", "en-US", &bib, "pukhov_2002");
    assert!(apa.contains("*74*(4–5), 355–361. "), "{apa}");
}

const GHEORGHIU: &str = r"@article{gheorghiu_2016,
	title = {Overview on the target fabrication facilities at {ELI}-{NP} and ongoing strategies},
	volume = {11},
	doi = {10.1088/1748-0221/11/10/C10011},
	number = {10},
	journal = {Journal of Instrumentation},
	author = {Gheorghiu, C.C. and Leca, V. and Popa, D. and Cernaianu, M.O. and Stutman, D.},
	year = {2016},
	pages = {C10011--C10011},
}";

#[test]
fn a_range_from_a_page_to_itself_takes_the_plural_label() {
    if !has_styles() {
        return;
    }
    let ieee = rendered("ieee", "en-US", GHEORGHIU, "gheorghiu_2016");
    assert!(ieee.contains("no. 10, pp. C10011–C10011, 2016"), "{ieee}");
    let mla = rendered(
        "modern-language-association",
        "en-US",
        GHEORGHIU,
        "gheorghiu_2016",
    );
    assert!(mla.contains("2016, pp. C10011–11, "), "{mla}");
}

const MARK: &str = r"@book{mark_2009,
	address = {Oxford ; New York},
	edition = {2nd ed},
	title = {Polymer data handbook},
	isbn = {978-0-19-518101-2},
	publisher = {Oxford University Press},
	editor = {Mark, James E.},
	year = {2009},
}";

#[test]
fn an_editor_standing_for_the_author_still_passes_a_variable_test() {
    if !has_styles() {
        return;
    }
    let iso = rendered("iso690-author-date-fr", "fr-FR", MARK, "mark_2009");
    assert!(
        iso.starts_with("MARK, James E. (éd.), 2009. *Polymer data handbook*. 2nd ed. "),
        "{iso}"
    );
}

#[test]
fn an_editor_in_a_choose_of_a_substitute_takes_the_authors_name_form_and_label() {
    if !has_styles() {
        return;
    }
    let chicago = rendered("chicago-author-date", "en-US", MARK, "mark_2009");
    assert_eq!(
        chicago,
        "Mark, James E., ed. 2009. *Polymer Data Handbook*. 2nd ed. Oxford University Press."
    );
}

#[test]
fn a_list_of_page_ranges_keeps_its_commas() {
    if !has_styles() {
        return;
    }
    let bib = "@article{l, author = {Doe, John}, title = {Lists}, journal = {J}, year = {2001}, \
               volume = {3}, pages = {431--456, 791--823}}";
    let ieee = rendered("ieee", "en-US", bib, "l");
    assert!(
        ieee.contains("vol. 3, pp. 431–456, 791–823, 2001."),
        "{ieee}"
    );
    let chicago = rendered("chicago-author-date", "en-US", bib, "l");
    assert!(chicago.ends_with("3: 431–56, 791–823."), "{chicago}");
}

#[test]
fn a_web_site_standing_for_the_author_is_not_printed_again_in_parentheses() {
    if !has_styles() {
        return;
    }
    let bib = r"@online{laser_500tw_old,
	title = {Laser {500TW}},
	url = {http://inf.emt.inrs.ca/?q=fr/500TW},
	journal = {ALLS},
	year = {2021},
}
@misc{laser_500tw,
	title = {Laser {500TW}},
	url = {http://inf.emt.inrs.ca/?q=fr/500TW},
	journal = {ALLS},
	year = {2021},
}";
    let chicago = rendered("chicago-author-date", "en-US", bib, "laser_500tw_old");
    assert!(
        chicago.starts_with("ALLS. 2021. “Laser 500TW.” "),
        "{chicago}"
    );
    let misc = rendered("chicago-author-date", "en-US", bib, "laser_500tw");
    assert!(
        misc.starts_with("“Laser 500TW.” 2021. In *ALLS*. "),
        "{misc}"
    );
}

#[test]
fn an_editor_term_ending_in_a_period_takes_no_second_one() {
    if !has_styles() {
        return;
    }
    let bib = "@article{satunin_2018, title = {Breit-{Wheeler} pair production from {Worldline} {Instantons}}, volume = {191}, doi = {10.1051/epjconf/201819102019}, journal = {EPJ Web of Conferences}, author = {Satunin, P.}, editor = {Volkova, V.E. and Zhezher, Y.V. and Levkov, D.G. and Rubakov, V.A. and Matveev, V.A.}, year = {2018}, pages = {02019}}";
    let shown = rendered("iso690-author-date-fr", "fr-FR", bib, "satunin_2018");
    assert!(shown.contains("MATVEEV, V. A. (éd.), "), "{shown}");
}

#[test]
fn works_of_one_author_without_a_date_take_letters_after_chicagos_no_date() {
    if !has_styles() {
        return;
    }
    let bib = "@misc{gp3m2, title = {lesnat/gp3m2}, url = {https://github.com/lesnat/gp3m2}, author = {Esnault, L.}}
@misc{p2sat, title = {lesnat/p2sat}, url = {https://github.com/lesnat/p2sat}, author = {Esnault, L.}}";
    let first = rendered("chicago-author-date", "en-US", bib, "gp3m2");
    assert!(first.starts_with("Esnault, L. n.d.-a. "), "{first}");
    let second = rendered("chicago-author-date", "en-US", bib, "p2sat");
    assert!(second.starts_with("Esnault, L. n.d.-b. "), "{second}");
}

#[test]
fn a_misc_with_a_url_is_a_document_not_a_web_page() {
    if !has_styles() {
        return;
    }
    let url =
        "https://www.nrl.navy.mil/ppd/sites/www.nrl.navy.mil.ppd/files/pdfs/NRL_Formulary_2019.pdf";
    let ieee = rendered("ieee", "en-US", NRL, "nrl");
    let text = url.replace('_', "\\_");
    assert_eq!(
        ieee,
        format!("“NRL Plasma Formulary.” 2018. Available: [{text}]({url})")
    );
}

const MATH_TITLES: &str = r"@article{homma_2016,
	title = {Testing helicity-dependent $\gamma \gamma \to \gamma \gamma$ scattering in the region of {MeV}},
	journal = {Progress of Theoretical and Experimental Physics},
	author = {Homma, K. and Matsuura, K. and Nakajima, K.},
	year = {2016},
}
@article{xue_1990,
	title = {The Non-Stoichiometry and the Point Defect Structure of Cuprous Oxide ({Cu$_{2-\delta}$O})},
	journal = {Journal of Physics and Chemistry of Solids},
	author = {Xue, J. and Dieckmann, R.},
	year = {1990},
}
@article{burlakov_1999,
	title = {On a biphononic origin of the $1125\,\mathrm{cm}^{-1}$ absorption band at {$20\,^\circ\mathrm{K}$}},
	journal = {Physics Letters},
	author = {Burlakov, V. M.},
	year = {1999},
}";

/// The APA title of `key` of `MATH_TITLES`, between the year's `). ` and the journal's `. *`.
fn apa_title(key: &str) -> String {
    let apa = rendered("apa", "en-US", MATH_TITLES, key);
    let start = apa.find("). ").map_or(0, |i| i + 3);
    let end = apa.find(". *").unwrap_or(apa.len());
    apa[start..end].to_string()
}

#[test]
fn math_in_titles_is_unicode_with_pandoc_sub_and_superscripts() {
    if !has_styles() {
        return;
    }
    assert_eq!(
        apa_title("homma_2016"),
        "Testing helicity-dependent γγ → γγ scattering in the region of MeV"
    );
    assert_eq!(
        apa_title("xue_1990"),
        "The non-stoichiometry and the point defect structure of cuprous oxide (Cu~2\\ −\\ δ~O)"
    );
    assert_eq!(
        apa_title("burlakov_1999"),
        "On a biphononic origin of the 1125 cm⁻¹ absorption band at 20 ^∘^K"
    );
    let chicago = rendered("chicago-author-date", "en-US", MATH_TITLES, "xue_1990");
    assert!(chicago.contains("(Cu~2\\ −\\ δ~O).” *Journal"), "{chicago}");
}

#[test]
fn math_in_titles_is_unicode_rich_text_kept_from_recasing_in_csl_json() {
    let lib = load(&[BibSource {
        path: Path::new("math.bib"),
        text: MATH_TITLES,
    }]);
    let entries: Vec<_> = lib.entries().iter().collect();
    let json: serde_json::Value =
        serde_json::from_str(&glose::export::csl_json(&entries).text).expect("CSL-JSON");
    let titles: Vec<&str> = json
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|item| item["title"].as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Testing helicity-dependent <span class=\"nocase\">γγ → γγ</span> scattering in the \
             region of <span class=\"nocase\">MeV</span>",
            "The non-stoichiometry and the point defect structure of cuprous oxide \
             (<span class=\"nocase\">Cu<sub>2 − δ</sub>O</span>)",
            "On a biphononic origin of the <span class=\"nocase\">1125 cm⁻¹</span> absorption \
             band at <span class=\"nocase\">20 <sup>∘</sup>K</span>",
        ]
    );
}

#[test]
fn capitalize_first_leaves_words_with_digits_or_inner_capitals_as_pandoc_does() {
    if !has_styles() {
        return;
    }
    let bib = "@book{a, author = {Doe, John}, title = {T}, volume = {acisp}, year = 2000, publisher = {P}}
@book{b, author = {Doe, Jane}, title = {T}, volume = {acisp00vol}, year = 2001, publisher = {P}}
@book{d, author = {Doe, Jon}, title = {T}, volume = {iPod}, year = 2003, publisher = {P}}
@book{e, author = {Doe, Jed}, title = {T}, volume = {e-book two}, year = 2004, publisher = {P}}
@book{f, author = {Doe, Joe}, title = {T}, volume = {itcspub_v1}, year = 2005, publisher = {P}}";
    assert_eq!(
        rendered("apa", "en-US", bib, "a"),
        "Doe, J. (2000). *T: Acisp*. P."
    );
    assert_eq!(
        rendered("apa", "en-US", bib, "b"),
        "Doe, J. (2001). *T* (Vol. acisp00vol). P."
    );
    assert_eq!(
        rendered("apa", "en-US", bib, "d"),
        "Doe, J. (2003). *T: iPod*. P."
    );
    assert_eq!(
        rendered("apa", "en-US", bib, "e"),
        "Doe, J. (2004). *T: E-book two*. P."
    );
    assert_eq!(
        rendered("apa", "en-US", bib, "f"),
        r"Doe, J. (2005). *T: Itcspub\_v1*. P."
    );
}

#[test]
fn an_articles_number_and_issue_are_both_printed_as_pandoc_does() {
    if !has_styles() {
        return;
    }
    let bib = r#"@Article{Abbott:TB9-3-263,
  author =       "Peter Abbott",
  title =        "{A UK-based \TeX{} mail archive server}",
  journal =      "TUGboat",
  volume =       "9",
  number =       "3",
  pages =        "263--264",
  year =         "1988",
  issue =        "22",
}"#;
    assert_eq!(
        rendered("apa", "en-US", bib, "Abbott:TB9-3-263"),
        "Abbott, P. (1988). A UK-based TeX mail archive server. *TUGboat*, *9*(3, 22), 263–264."
    );
}

#[test]
fn a_range_from_a_number_to_itself_stays_a_range_as_pandoc_prints_it() {
    if !has_styles() {
        return;
    }
    let bib = r#"@Article{Adams:TB24-1-2,
  author =       "Wendy Adams",
  title =        "Editorial remarks",
  journal =      "TUGboat",
  volume =       "24",
  number =       "1",
  pages =        "2--2",
  year =         "2003",
}"#;
    assert_eq!(
        rendered("apa", "en-US", bib, "Adams:TB24-1-2"),
        "Adams, W. (2003). Editorial remarks. *TUGboat*, *24*(1), 2–2."
    );
    assert!(rendered("ieee", "en-US", bib, "Adams:TB24-1-2").contains("pp. 2–2, 2003."));
}

#[test]
fn an_annotation_is_no_note_and_an_addendum_follows_the_note() {
    if !has_styles() {
        return;
    }
    let bib = "@book{a, author = {Aaa, Bob}, title = {A title}, year = {2000}, publisher = {Pub}, \
               annotation = {A reader's comment}}
@book{d, author = {Ddd, Bob}, title = {D title}, year = {2000}, publisher = {Pub}, \
               note = {Some note}, addendum = {Some addendum}}";
    let iso = |key| rendered("iso690-author-date-fr", "fr-FR", bib, key);
    assert_eq!(iso("a"), "AAA, Bob, 2000. *A title*. Pub.");
    assert_eq!(
        iso("d"),
        "DDD, Bob, 2000. *D title*. Pub. Some note. Some addendum"
    );
}

#[test]
fn a_url_without_a_scheme_is_printed_as_written_and_keeps_its_site() {
    if !has_styles() {
        return;
    }
    let bib = "@misc{hibef, title = {{HiBEF}}, url = {hibef.eu}, journal = {HZDR}}
@misc{alias, title = {Page}, year = {2005}, url = {http://www.something.com/q=áŠ}}";
    assert_eq!(
        rendered("apa", "en-US", bib, "hibef"),
        "HiBEF. (n.d.). In *HZDR*. Retrieved [hibef.eu](https://hibef.eu)"
    );
    let alias = rendered("apa", "en-US", bib, "alias");
    assert!(
        alias.starts_with("*Page*. (2005). [http://www.something.com/q=áŠ]("),
        "{alias}"
    );
}

#[test]
fn the_organization_and_howpublished_are_publishers_before_the_publisher() {
    if !has_styles() {
        return;
    }
    let bib = "@manual{a, author = {Aaa, Bob}, title = {A title}, year = {2000}, \
               organization = {Org A}}
@manual{b, author = {Bbb, Bob}, title = {B title}, year = {2000}, organization = {Org B}, \
               publisher = {Pub B}}
@misc{f, author = {Fff, Bob}, title = {F title}, year = {2000}, publisher = {Pub F}, \
               howpublished = {How F}}";
    let apa = |key| rendered("apa", "en-US", bib, key);
    assert_eq!(apa("a"), "Aaa, B. (2000). *A title*. Org A.");
    assert_eq!(apa("b"), "Bbb, B. (2000). *B title*. Org B; Pub B.");
    assert_eq!(apa("f"), "Fff, B. (2000). *F title*. How F; Pub F.");
}

#[test]
fn works_of_one_author_without_a_date_take_letters_after_sans_date() {
    if !has_styles() {
        return;
    }
    let bib = "@misc{isbn1, author = {Flummox, Fred}, isbn = {0816520666}}
@misc{isbn2, author = {Fred Flummox}, isbn = {9780816520664}}";
    let iso = |key| rendered("iso690-author-date-fr", "fr-FR", bib, key);
    assert_eq!(
        iso("isbn1"),
        "FLUMMOX, Fred, \\[sans date\\] a. ISBN\u{a0}0816520666."
    );
    assert_eq!(
        iso("isbn2"),
        "FLUMMOX, Fred, \\[sans date\\] b. ISBN\u{a0}9780816520664."
    );
}

#[test]
fn a_web_page_under_its_site_prints_the_site_once_and_no_empty_date() {
    if !has_styles() {
        return;
    }
    let bib = "@online{alls, title = {Laser {500TW}}, url = {http://inf.emt.inrs.ca/500TW}, \
               journal = {ALLS}, year = {2021}}
@online{doe, author = {Doe, Jane}, title = {Laser {600TW}}, url = {http://inf.emt.inrs.ca/600TW}, \
               year = {2021}}";
    let chicago = |key| rendered("chicago-author-date", "en-US", bib, key);
    assert_eq!(
        chicago("alls"),
        "ALLS. 2021. “Laser 500TW.” \
         [http://inf.emt.inrs.ca/500TW](http://inf.emt.inrs.ca/500TW)."
    );
    assert_eq!(
        chicago("doe"),
        "Doe, Jane. 2021. “Laser 600TW.” \
         [http://inf.emt.inrs.ca/600TW](http://inf.emt.inrs.ca/600TW)."
    );
}

#[test]
fn cs_number_prints_an_issue_with_a_leading_zero_as_a_number() {
    if !has_styles() {
        return;
    }
    let bib = "@article{y97, title = {Anomalous desorption}, author = {Yang, Judith C.}, \
               journal = {Microscopy and Microanalysis}, year = {1997}, number = {02}, \
               pages = {121--125}, volume = {3}}";
    assert!(
        rendered("ieee", "en-US", bib, "y97").contains("vol. 3, no. 2, pp. 121–125"),
        "{}",
        rendered("ieee", "en-US", bib, "y97")
    );
    assert!(rendered("apa", "en-US", bib, "y97").contains("*3*(02), 121–125."));
}

#[test]
fn a_given_name_part_in_small_letters_after_a_hyphen_gives_no_initial() {
    if !has_styles() {
        return;
    }
    let bib = "@book{a, author = {Mizuno, Ko-taro and Dupont, Jean-Luc}, title = {T}, \
               year = {2000}, publisher = {P}}";
    assert!(
        rendered("apa", "en-US", bib, "a").starts_with("Mizuno, K., & Dupont, J.-L. (2000)."),
        "{}",
        rendered("apa", "en-US", bib, "a")
    );
}

#[test]
fn a_collection_is_a_book_and_a_work_keeps_its_number_of_volumes() {
    if !has_styles() {
        return;
    }
    let bib = "@collection{gaonkar, editor = {Gaonkar, Dilip Parameshwar}, \
               title = {Alternative Modernities}, date = 2001, publisher = {Duke University Press}}
@book{aristotle, author = {Aristotle}, title = {The Rhetoric of Aristotle}, volumes = {3}, \
               publisher = {Cambridge University Press}, year = {1877}}";
    assert_eq!(
        rendered("apa", "en-US", bib, "gaonkar"),
        "Gaonkar, D. P. (Ed.). (2001). *Alternative modernities*. Duke University Press."
    );
    assert_eq!(
        rendered("apa", "en-US", bib, "aristotle"),
        "Aristotle. (1877). *The rhetoric of aristotle* (Vols. 1–3). Cambridge University Press."
    );
}

#[test]
fn an_english_title_stays_as_written_in_a_french_bibliography() {
    if !has_styles() {
        return;
    }
    let bib = "@book{a, langid = {english}, author = {Aaa, Bob}, \
               title = {The Rhetoric of Aristotle with a Commentary}, year = {2000}, publisher = {Pub}}";
    assert_eq!(
        rendered("iso690-author-date-fr", "fr-FR", bib, "a"),
        "AAA, Bob, 2000. *The Rhetoric of Aristotle with a Commentary*. Pub."
    );
    assert_eq!(
        rendered("apa", "en-US", bib, "a"),
        "Aaa, B. (2000). *The rhetoric of aristotle with a commentary*. Pub."
    );
}

/// Entries of ../shared/corpus/biber-tugboat.bib with TeX markup and the TUGboat macros.
const TUGBOAT: &str = r#"@Article{Knuth:TB3-1-10,
  author =       "Donald Knuth",
  title =        "{{Fixed-point glue setting\Dash an example of {\tt
                 WEB}}}",
  journal =      "TUGboat", volume = "3", number = "1", pages = "10--27", year = "1982",
}
@Article{Schulze:TB5-2-103,
  author =       "Bernd Schulze",
  title =        "{German hyphenation and {\it Umlaut\/}s in {\TeX}}",
  journal =      "TUGboat", volume = "5", number = "2", pages = "103--104", year = "1984",
}
@Article{Olejniczak-Burkert:TB10-4-627,
  author =       "Rolf Olejniczak-Burkert",
  title =        "{{\it texpic\/}\Dash Design and implementation of a
                 picture graphics language in {\TeX}\ {\`a} la {\it
                 pic\/}}",
  journal =      "TUGboat", volume = "10", number = "4", pages = "627--637", year = "1989",
}
@Article{Anonymous:TB4-1-40,
  author =       "Anonymous",
  title =        "{Announcement: {\sl Manipulation de Documents\Dash
                 Journ{\'e}es Francophones}}",
  journal =      "TUGboat", volume = "4", number = "1", pages = "40--40", year = "1983",
}
@Article{Walden:TB31-2-117,
  author =       "David Walden",
  title =        "{\TUG} 2010 Conference Report",
  journal =      "TUGboat", volume = "31", number = "2", pages = "117--120", year = "2010",
}
@Article{Walden:TB28-1-49,
  author =       "David Walden",
  title =        "A lifetime as an amateur compositor",
  journal =      "TUGboat", volume = "28", number = "1", pages = "49--60", year = "2007",
}"#;

#[test]
fn tex_markup_is_markdown_and_unknown_commands_are_raw_latex_as_pandoc_prints_them() {
    if !has_styles() {
        return;
    }
    let apa = |key| rendered("apa", "en-US", TUGBOAT, key);
    assert!(
        apa("Knuth:TB3-1-10")
            .contains("Fixed-point glue setting`\\Dash `{=latex}an example of `WEB`. *TUGboat*"),
        "{}",
        apa("Knuth:TB3-1-10")
    );
    assert!(
        apa("Schulze:TB5-2-103").contains("German hyphenation and *Umlaut*s in TeX. *TUGboat*"),
        "{}",
        apa("Schulze:TB5-2-103")
    );
    assert!(
        apa("Olejniczak-Burkert:TB10-4-627").contains(
            "*texpic*`\\Dash `{=latex}Design and implementation of a picture graphics language \
             in TeX à la *pic*. *TUGboat*"
        ),
        "{}",
        apa("Olejniczak-Burkert:TB10-4-627")
    );
    assert!(
        apa("Anonymous:TB4-1-40").contains(
            "Announcement: *Manipulation de Documents*`\\Dash`{=latex} *Journées Francophones*."
        ),
        "{}",
        apa("Anonymous:TB4-1-40")
    );
    let chicago = rendered("chicago-author-date", "en-US", TUGBOAT, "Knuth:TB3-1-10");
    assert!(!chicago.contains("\\\\Dash"), "{chicago}");
}

#[test]
fn raw_tex_is_not_sorted_on_so_a_title_after_it_sorts_by_its_words() {
    if !has_styles() {
        return;
    }
    let mla = |key| rendered("modern-language-association", "en-US", TUGBOAT, key);
    assert!(
        mla("Walden:TB31-2-117").starts_with("Walden, David. “`\\TUG`{=latex} 2010"),
        "{}",
        mla("Walden:TB31-2-117")
    );
    assert!(
        mla("Walden:TB28-1-49").starts_with("———. “A Lifetime"),
        "{}",
        mla("Walden:TB28-1-49")
    );
}

/// Volumes of multi-volume works from ../shared/corpus/biber-examples.bib.
const MULTI_VOLUME: &str = r"@Book{coleridge, author = {Coleridge, Samuel Taylor},
  title = {Biographia literaria}, shorttitle = {Biographia},
  maintitle = {The collected works of Samuel Taylor Coleridge}, part = {2}, volume = {7},
  series = {Bollingen Series}, number = {75}, publisher = {Routledge}, year = {1983}}
@Book{knuth:ct:d, author = {Knuth, Donald E.}, title = {METAFONT: The Program},
  maintitle = {Computers \& Typesetting}, volume = {D}, publisher = {Addison-Wesley}, year = {1986}}
@InBook{kant:kpv, langid = {german}, author = {Kant, Immanuel}, bookauthor = {Kant, Immanuel},
  maintitle = {Kants Werke. Akademie Textausgabe}, booktitle = {Kritik der Urtheilskraft},
  title = {Kritik der praktischen Vernunft}, volume = {5}, publisher = {Walter de Gruyter},
  date = {1968}, pages = {1--163}}";

#[test]
fn a_volume_of_a_multi_volume_work_has_the_main_title_and_its_own_as_volume_title() {
    if !has_styles() {
        return;
    }
    let apa = |key| rendered("apa", "en-US", MULTI_VOLUME, key);
    assert_eq!(
        apa("coleridge"),
        "Coleridge, S. T. (1983). *The collected works of samuel taylor coleridge: 7.2. \
         Biographia literaria*. Routledge."
    );
    assert_eq!(
        apa("knuth:ct:d"),
        "Knuth, D. E. (1986). *Computers & typesetting: D. METAFONT: The program*. Addison-Wesley."
    );
    assert_eq!(
        apa("kant:kpv"),
        "Kant, I. (1968). Kritik der praktischen Vernunft. In I. Kant, *Kants Werke. Akademie \
         Textausgabe: Vol. 5. Kritik der Urtheilskraft* (pp. 1–163). Walter de Gruyter."
    );
    assert_eq!(
        rendered("chicago-author-date", "en-US", MULTI_VOLUME, "coleridge"),
        "Coleridge, Samuel Taylor. 1983. *Biographia Literaria*. 7.2 of *The Collected Works of \
         Samuel Taylor Coleridge*. Bollingen Series 75. Routledge."
    );
}

#[test]
fn an_english_label_is_title_cased_for_an_entry_in_another_language() {
    if !has_styles() {
        return;
    }
    let bib = r"@Book{homer, langid = {german}, author = {Homer}, translator = {Schadewaldt, Wolfgang},
  title = {Die Ilias}, edition = {3}, publisher = {Artemis \& Winkler}, year = {2004}}";
    assert_eq!(
        rendered("apa", "en-US", bib, "homer"),
        "Homer. (2004). *Die Ilias* (W. Schadewaldt, Trans.; 3rd ed.). Artemis & Winkler."
    );
}

#[test]
fn with_useprefix_a_particle_is_printed_and_sorted_with_the_family_name() {
    if !has_styles() {
        return;
    }
    let bib = "@Book{vangennep, options = {useprefix}, author = {van Gennep, Arnold}, \
               title = {Les rites de passage}, publisher = {Nourry}, year = {1909}}
@Book{wabel, author = {Wabel, Arnold}, title = {Zed}, year = {1909}, publisher = {Nourry}}";
    assert_eq!(
        rendered("apa", "en-US", bib, "vangennep"),
        "van Gennep, A. (1909). *Les rites de passage*. Nourry."
    );
    assert_eq!(
        rendered("chicago-author-date", "en-US", bib, "vangennep"),
        "Gennep, Arnold van. 1909. *Les Rites de Passage*. Nourry."
    );
}

#[test]
fn a_chapters_number_is_its_books_number_in_the_series() {
    if !has_styles() {
        return;
    }
    let bib = "@InCollection{hyman, author = {Hyman, Arthur}, editor = {O'Meara, Dominic J.}, \
               title = {Aristotle's Theory}, booktitle = {Studies in Aristotle}, \
               series = {Studies in Philosophy}, number = {9}, publisher = {CUA Press}, \
               date = {1981}, pages = {161--191}}";
    assert_eq!(
        rendered("apa", "en-US", bib, "hyman"),
        "Hyman, A. (1981). Aristotle's theory. In D. J. O'Meara (Ed.), *Studies in aristotle* \
         (pp. 161–191). CUA Press."
    );
    assert_eq!(
        rendered("chicago-author-date", "en-US", bib, "hyman"),
        "Hyman, Arthur. 1981. “Aristotle's Theory.” In *Studies in Aristotle*, edited by Dominic \
         J. O'Meara. Studies in Philosophy 9. CUA Press."
    );
}

#[test]
fn a_list_of_places_is_joined_by_semicolons() {
    if !has_styles() {
        return;
    }
    let bib = r#"@Book{nietzsche, author = {Nietzsche, Friedrich}, title = {S{\"a}mtliche Werke},
  publisher = {Walter de Gruyter}, location = {M{\"u}nchen and Berlin and New York}, year = {1988}}"#;
    assert_eq!(
        rendered("ieee", "en-US", bib, "nietzsche"),
        "F. Nietzsche, *Sämtliche werke*. München; Berlin; New York: Walter de Gruyter, 1988."
    );
}
