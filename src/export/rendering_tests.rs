//! How single entries of the corpus render in the built-in and shared CSL styles: each test is
//! an entry on which glose once differed from pandoc --citeproc (see docs/conformance.md).

use super::format::tests::{apa_items, iso690_fr_items, items_in, markdown_of};

#[test]
fn a_group_of_terms_alone_does_not_keep_a_group_whose_variables_are_empty() {
    let text = "@article{plain, author = {Smith, John}, title = {Pair creation}, journal = {Physical Review E}, year = {2019}, volume = {9}, pages = {1--4}, url = {https://example.org/pairs}}
@article{accessed, author = {Smith, John}, title = {Pair decay}, journal = {Physical Review E}, year = {2020}, volume = {9}, pages = {5--8}, url = {https://example.org/decay}, urldate = {2021-01-05}}";
    let items = items_in("ieee", text, "en-US");
    let text = |key: &str| markdown_of(&items, key);
    assert!(text("plain").contains("Available:"), "{}", text("plain"));
    assert!(!text("plain").contains("Online"), "{}", text("plain"));
    assert!(
        text("accessed").contains("Accessed: Jan. 05, 2021. \\[Online\\]."),
        "{}",
        text("accessed")
    );
}

#[test]
fn howpublished_is_a_publisher_before_the_publisher() {
    let text = "@misc{Brown02, author = {Daniel R. L. Brown}, title = {Generic Groups, Collision Resistance, and {ECDSA}}, howpublished = {Contributions to {IEEE P1363a}}, year = 2002}
@misc{both, author = {Smith, John}, title = {Pairs}, howpublished = {Preprint}, publisher = {ACM}, year = 2003}";
    let items = items_in("apa", text, "en-US");
    assert_eq!(
        markdown_of(&items, "Brown02"),
        "Brown, D. R. L. (2002). *Generic groups, collision resistance, and ECDSA*. Contributions to IEEE P1363a."
    );
    let both = markdown_of(&items, "both");
    assert!(both.ends_with("*Pairs*. Preprint; ACM."), "{both}");
}

#[test]
fn an_incollection_is_a_chapter_in_its_book() {
    let text = "@incollection{romero_2004, title = {Fundamentals of {Gamma}-{Ray} {Astrophysics}}, booktitle = {Cosmic {Gamma}-{Ray} {Sources}}, publisher = {Springer Netherlands}, address = {Dordrecht}, author = {Romero, G. E. and Cheng, K. S.}, editor = {Cheng, K. S. and Romero, G. E.}, year = {2004}, pages = {21--46}}";
    let items = items_in("ieee", text, "en-US");
    assert_eq!(
        markdown_of(&items, "romero_2004"),
        "G. E. Romero and K. S. Cheng, “Fundamentals of Gamma-Ray Astrophysics,” in *Cosmic Gamma-Ray Sources*, K. S. Cheng and G. E. Romero, Eds., Dordrecht: Springer Netherlands, 2004, pp. 21–46."
    );
}

#[test]
fn a_stop_word_in_parentheses_stays_lower_case_in_a_title_cased_journal() {
    let text = "@article{k, author = {Castellan, G.~W.}, title = {Diffusion}, journal = {Physica Status Solidi (a)}, year = {1970}, volume = {3}}";
    let items = apa_items(text, "en-US");
    let entry = markdown_of(&items, "k");
    assert!(entry.starts_with("Castellan, G. W. (1970)."), "{entry}");
    assert!(entry.contains("*Physica Status Solidi (a)*"), "{entry}");
}

#[test]
fn french_spacing_stays_out_of_entries_in_another_language() {
    let text = "@book{en, author = {Smith, John}, title = {Physica D: Nonlinear Phenomena}, year = {2001}, publisher = {Elsevier}, langid = {english}}
@book{fr, author = {Martin, Paul}, title = {Droit pénal: chronique}, year = {2002}, publisher = {Dalloz}, langid = {french}}
@book{none, author = {Durand, Anne}, title = {Cybercriminalité: enjeux}, year = {2003}, publisher = {PUF}}";
    let items = apa_items(text, "fr-FR");
    let text = |key: &str| markdown_of(&items, key);
    assert!(
        text("en").contains("Physica D: Nonlinear"),
        "{}",
        text("en")
    );
    assert!(
        text("fr").contains("pénal\u{a0}: chronique"),
        "{}",
        text("fr")
    );
    assert!(
        text("none").contains("Cybercriminalité\u{a0}: enjeux"),
        "{}",
        text("none")
    );
}

#[test]
fn an_english_title_without_langid_keeps_english_spacing_in_french() {
    let text = "@article{bourdier_2005, title = {Stochastic heating in ultra high intensity laser-plasma interaction}, volume = {206}, number = {1}, journal = {Physica D: Nonlinear Phenomena}, author = {Bourdier, A. and Patin, D. and Lefebvre, E.}, year = {2005}, pages = {1--31}}
@book{fr, author = {Martin, Paul}, title = {Droit pénal: chronique de la jurisprudence de la chambre criminelle}, year = {2002}, publisher = {Dalloz}}
@book{short, author = {Durand, Anne}, title = {Laser: 500TW}, year = {2003}, publisher = {PUF}}";
    let items = apa_items(text, "fr-FR");
    let text = |key: &str| markdown_of(&items, key);
    let english = text("bourdier_2005");
    assert!(english.contains("Physica D: Nonlinear"), "{english}");
    assert!(
        text("fr").contains("pénal\u{a0}: chronique"),
        "{}",
        text("fr")
    );
    assert!(
        text("short").contains("Laser\u{a0}: 500TW"),
        "{}",
        text("short")
    );
}

#[test]
fn a_french_title_stays_in_sentence_case_and_a_sign_keeps_its_small_letter_in_title_case() {
    let text = "@book{zitoun_2009, title = {Introduction à la physique des particules}, publisher = {Dunod}, author = {Zitoun, Robert}, year = {2009}}
@article{hartin_2007, title = {The stimulated {Breit}-{Wheeler} process as a source of background e+e− pairs at the international linear collider}, journal = {Pramana}, author = {Hartin, A.}, year = {2007}}";
    let items = items_in("chicago-author-date", text, "en-US");
    let zitoun = markdown_of(&items, "zitoun_2009");
    assert!(
        zitoun.contains("Introduction à la physique des particules"),
        "{zitoun}"
    );
    let hartin = markdown_of(&items, "hartin_2007");
    assert!(
        hartin.contains("Source of Background e+e− Pairs at the International"),
        "{hartin}"
    );
}

#[test]
fn a_name_particle_in_small_letters_stays_so_in_title_case() {
    let text = "@article{kessler_1974, title = {The equivalent photon approximation}, journal = {Le Journal de Physique Colloques}, author = {Kessler, P.}, year = {1974}}
@article{landau_1934, title = {On the production of electrons}, journal = {Physikalische Zeitschrift der Sowjetunion}, author = {Landau, L. D.}, year = {1934}}";
    let items = items_in("chicago-author-date", text, "en-US");
    let kessler = markdown_of(&items, "kessler_1974");
    assert!(
        kessler.contains("Le Journal de Physique Colloques"),
        "{kessler}"
    );
    let landau = markdown_of(&items, "landau_1934");
    assert!(landau.contains("Zeitschrift Der Sowjetunion"), "{landau}");
}

#[test]
fn title_case_keeps_lone_small_letters_and_capitalises_the_last_word_and_after_a_slash() {
    let text = "@article{solidi, title = {Lattice vibrations of {Cu$_2$O} at the long wave limit}, journal = {Physica Status Solidi (b)}, author = {Carabatos, C.}, year = {1970}}
@article{letters, title = {High temperature photoconductivity of p-type films}, journal = {Physics Letters A}, author = {Fortin, E.}, year = {1967}}
@article{slash, title = {Cuprous oxide/chitosan layers and x rays}, journal = {J}, author = {Righi, A.}, year = {1990}}
@article{braced, title = {Risposta alle osservation del sig. {H}allwachs}, journal = {Il Nuovo Cimento}, author = {Righi, A.}, year = {1890}, langid = {english}}";
    let items = items_in("chicago-author-date", text, "en-US");
    let solidi = markdown_of(&items, "solidi");
    assert!(solidi.contains("Physica Status Solidi (b)"), "{solidi}");
    let letters = markdown_of(&items, "letters");
    assert!(
        letters.contains("Photoconductivity of p-Type Films") && letters.contains("Letters A"),
        "{letters}"
    );
    let slash = markdown_of(&items, "slash");
    assert!(
        slash.contains("Oxide/Chitosan Layers and x Rays"),
        "{slash}"
    );
    let braced = markdown_of(&items, "braced");
    assert!(braced.contains("Sig. Hallwachs"), "{braced}");
}

#[test]
fn a_misc_with_a_url_is_no_web_page_and_a_proceedings_title_no_special_issue() {
    let text = "@misc{nrl, title = {{NRL} plasma formulary}, url = {https://www.nrl.navy.mil/formulary.pdf}, year = {2018}}
@inproceedings{biccari, title = {Metastability effects in solar cells}, booktitle = {Proceedings of the 23rd European Photovoltaic Solar Energy Conference}, author = {Biccari, Francesco}, year = {2008}, pages = {583--587}}";
    let ieee = items_in("ieee", text, "en-US");
    let nrl = markdown_of(&ieee, "nrl");
    assert!(nrl.contains("2018") && !nrl.contains("[Online]"), "{nrl}");
    let chicago = items_in("chicago-author-date", text, "en-US");
    let biccari = markdown_of(&chicago, "biccari");
    assert!(
        biccari.contains("Photovoltaic Solar Energy Conference")
            && !biccari.contains("Special issue"),
        "{biccari}"
    );
}

#[test]
fn a_misc_title_is_a_work_of_its_own_not_in_quotes() {
    let text = "@misc{geant4_web, title = {Geant4 {Documentation}}, url = {https://geant4.web.cern.ch/support}}";
    for style in ["chicago-author-date", "modern-language-association"] {
        let items = items_in(style, text, "en-US");
        let geant4 = markdown_of(&items, "geant4_web");
        assert!(
            geant4.contains("Geant4 Documentation") && !geant4.contains('“'),
            "{style}: {geant4}"
        );
    }
}

#[test]
fn title_case_keeps_the_inner_capitals_of_a_word() {
    let text = "@article{omega, title = {Laser OMEGA EP and MeV rays}, journal = {LaserNetUS and ChemSusChem}, author = {Doe, J.}, year = {2021}}";
    let items = items_in("chicago-author-date", text, "en-US");
    let omega = markdown_of(&items, "omega");
    assert!(
        omega.contains("Laser OMEGA EP and MeV Rays")
            && omega.contains("LaserNetUS and ChemSusChem"),
        "{omega}"
    );
}

#[test]
fn a_year_a_substitute_printed_is_printed_again_by_the_date() {
    let text =
        "@misc{titan, title = {Laser {Titan}}, url = {https://jlf.llnl.gov/titan}, year = {2021}}";
    let Some(items) = iso690_fr_items(text) else {
        return;
    };
    let titan = markdown_of(&items, "titan").replace(['*', '\\'], "");
    let titan = titan.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        titan.starts_with("Laser Titan, 2021. [en ligne]. 2021. Disponible"),
        "{titan}"
    );
}

#[test]
fn a_subtitle_follows_its_title_after_a_colon() {
    let text = "@book{gerhardt, title = {The Federal Appointments Process}, subtitle = {A Constitutional and Historical Analysis}, author = {Gerhardt, Michael J.}, publisher = {Duke University Press}, year = {2000}, langid = {english}}";
    let apa = markdown_of(&apa_items(text, "en-US"), "gerhardt");
    assert!(
        apa.contains(
            "*The federal appointments process: A constitutional and historical analysis*"
        ),
        "{apa}"
    );
    let items = items_in("modern-language-association", text, "en-US");
    let mla = markdown_of(&items, "gerhardt");
    assert!(
        mla.contains(
            "*The Federal Appointments Process: A Constitutional and Historical Analysis*"
        ),
        "{mla}"
    );
}

#[test]
fn a_block_is_apart_from_the_text_before_it() {
    let text = "@misc{gp3m2, title = {lesnat/gp3m2}, url = {https://github.com/lesnat/gp3m2}, abstract = {Geant4 simulation.}, author = {Esnault, L.}}";
    let Some(items) = iso690_fr_items(text) else {
        return;
    };
    let gp3m2 = markdown_of(&items, "gp3m2");
    assert!(gp3m2.ends_with("gp3m2) Geant4 simulation."), "{gp3m2}");
}

#[test]
fn a_list_of_publishers_is_joined_by_semicolons() {
    let text = "@book{malinowski, title = {Argonauts of the Western Pacific}, author = {Malinowski, Bronisław}, publisher = {Routledge and Kegan Paul}, year = {1972}, langid = {english}}";
    let apa = markdown_of(&apa_items(text, "en-US"), "malinowski");
    assert!(apa.contains("Routledge; Kegan Paul."), "{apa}");
}

#[test]
fn a_biblatex_key_in_a_type_is_printed_as_words() {
    let text = "@patent{sorace, title = {High-Speed Digital-to-{RF} Converter}, author = {Sorace, Ronald E.}, number = {5668842}, type = {patentus}, year = {1997}, langid = {english}}";
    let apa = markdown_of(&apa_items(text, "en-US"), "sorace");
    assert!(apa.contains("(U.S. patent No. 5668842)"), "{apa}");
}

#[test]
fn a_doi_link_has_its_angle_brackets_percent_encoded() {
    let text = "@article{sici, title = {Kinetic study}, journal = {Chemical Vapor Deposition}, author = {Condorelli, G. G.}, year = {1999}, doi = {10.1002/(SICI)1521-3862(199901)5:1<21::AID-CVDE21>3.0.CO;2-9}}";
    let apa = markdown_of(&items_in("apa", text, "en-US"), "sici");
    assert!(
        apa.contains(
            "https://doi.org/10.1002/(SICI)1521-3862(199901)5:1%3C21::AID-CVDE21%3E3.0.CO;2-9"
        ),
        "{apa}"
    );
}

#[test]
fn a_book_volume_in_a_series_is_no_part_or_chapter_number() {
    let text = "@book{Mehlhorn84, author = {K. Mehlhorn}, title = {Graph Algorithms and {NP}-Completeness}, series = {Data Structures and Algorithms}, volume = 2, publisher = {Springer Verlag}, year = 1984}";
    let apa = markdown_of(&apa_items(text, "en-US"), "Mehlhorn84");
    assert!(apa.contains("(Vol. 2). Springer Verlag."), "{apa}");
    let items = items_in("chicago-author-date", text, "en-US");
    let chicago = markdown_of(&items, "Mehlhorn84");
    assert!(chicago.contains("Vol. 2. Data Structures"), "{chicago}");
}

#[test]
fn tex_logos_before_punctuation_or_digits_and_quotes_in_backticks_read_as_pandoc_reads_them() {
    let text = r"@article{order, author = {Anonymous}, title = {{\TeX82 order form}}, journal = {TUGboat}, year = {1983}}
@article{what, author = {Waud, D.}, title = {What is \TeX? \TeX\ for all, \TeX line}, journal = {TUGboat}, year = {2003}}
@article{hey, author = {Gibbons, J.}, title = {{`Hey\Dash it works!'}}, journal = {TUGboat}, year = {1997}}";
    let items = apa_items(text, "en-US");
    assert!(markdown_of(&items, "order").contains("TeX82 order form."));
    let what = markdown_of(&items, "what");
    assert!(
        what.contains("What is TeX? TeX for all, TeXline."),
        "{what}"
    );
    let hey = markdown_of(&items, "hey");
    assert!(hey.contains("“Hey`\\Dash `{=latex}it works!”"), "{hey}");
}

#[test]
fn a_short_english_title_keeps_english_spacing_in_a_french_bibliography() {
    let text = "@article{adams, author = {Adams, Will}, title = {Book review: What Our Lettering Needs}, journal = {TUGboat}, year = {2013}}
@article{fr, author = {Martin, Paul}, title = {Droit pénal: chronique}, journal = {Revue}, year = {2002}}";
    let Some(items) = iso690_fr_items(text) else {
        return;
    };
    let adams = markdown_of(&items, "adams");
    assert!(adams.contains("Book review: What"), "{adams}");
    let french = markdown_of(&items, "fr");
    assert!(french.contains("Droit pénal\u{a0}: chronique"), "{french}");
}

#[test]
fn a_number_with_a_separate_prefix_is_text_and_takes_no_label() {
    let text = "@techreport{cohen, author = {Cohen, R. F.}, title = {Dynamic algorithms}, institution = {Brown University}, type = {Technical Report}, number = {CS-92-19}, year = {1992}}
@techreport{cooper, author = {Cooper, G. F.}, title = {Belief networks}, institution = {Stanford}, number = {KSL 90-05}, year = {1990}}
@techreport{range, author = {Range, A.}, title = {Ranges}, institution = {Stanford}, number = {12-14}, year = {1991}}";
    let items = apa_items(text, "en-US");
    let cohen = markdown_of(&items, "cohen");
    assert!(cohen.contains("(Technical Report CS-92-19)"), "{cohen}");
    let cooper = markdown_of(&items, "cooper");
    assert!(cooper.contains("(KSL 90-05)"), "{cooper}");
    let range = markdown_of(&items, "range");
    assert!(range.contains("(Nos. 12-14)"), "{range}");
}

#[test]
fn a_number_is_numeric_with_letters_glued_to_it_only() {
    let numbers = [
        ("DOE/ET/23010-17", "(DOE/ET/23010-17)"),
        ("A.12", "(A.12)"),
        ("5.", "(5.)"),
        ("5 suppl", "(5 suppl)"),
        ("ET23010-17", "(Nos. ET23010-17)"),
        ("L2d", "(No. L2d)"),
        ("0012", "(No. 0012)"),
        ("c\\,3", "(No. C"),
    ];
    let text: String = numbers
        .iter()
        .enumerate()
        .map(|(i, (number, _))| {
            format!("@techreport{{r{i}, author = {{Roe, A.}}, title = {{Report {i}}}, institution = {{Lab}}, number = {{{number}}}, year = {{19{i}0}}}}\n")
        })
        .collect();
    let items = apa_items(&text, "en-US");
    for (i, (number, printed)) in numbers.iter().enumerate() {
        let item = markdown_of(&items, &format!("r{i}"));
        assert!(item.contains(printed), "{number}: {item}");
    }
}

#[test]
fn a_type_test_matches_as_the_selector_with_its_bindings_does() {
    let text = concat!(
        include_str!("../../library/references.bib"),
        "@book{whole, title = {Whole}, editor = {Ed, A.}, year = 2001}\n",
        "@incollection{part, title = {Part}, author = {Au, B.}, crossref = {whole}}\n",
        "@inproceedings{talk, title = {Talk}, booktitle = {Proc.}, year = 2002}\n",
        "@article{paper, title = {Paper}, journal = {J.}, year = 2003}\n",
        "@online{page, title = {Page}, url = {https://example.org}}\n",
    );
    let lib = crate::bib::load(&[crate::bib::BibSource {
        path: std::path::Path::new("refs.bib"),
        text,
    }]);
    let selectors = [
        "Article > Periodical",
        "(* > Report) | Report",
        "(Anthos > (Anthology | Book)) | (Chapter > (Book | Anthology | Proceedings))",
        "(* > (Web | Blog)) | Web | Blog | Thread",
        "!(* > Proceedings)",
        "x:Article > (p:Proceedings | Book)",
        "Anthos > (Anthology & Book)",
        "Article[url] > Proceedings[title]",
    ]
    .map(|s| hayagriva::Selector::parse(s).expect("a valid selector"));
    let mut matched = 0;
    for entry in lib.entries() {
        let converted = crate::bib::to_hayagriva(entry, None).expect("a convertible entry");
        for selector in &selectors {
            let bound = selector.apply(&converted).is_some();
            assert_eq!(
                selector.matches(&converted),
                bound,
                "{selector:?} on {}",
                entry.key
            );
            matched += usize::from(bound);
        }
    }
    assert!(matched >= 4, "too few matches to tell anything: {matched}");
}

#[test]
fn a_braced_first_word_keeps_its_space_in_a_title_cased_title_with_a_quotation() {
    let text = "@article{pascal, author = {Doumont, Jean-Luc}, title = {{Pascal} pretty-printing: an example of ``preprocessing within {\\TeX}''}, journal = {TUGboat}, year = 1994}";
    let article = markdown_of(
        &items_in("modern-language-association", text, "en-US"),
        "pascal",
    );
    assert!(
        article.contains("“Pascal Pretty-Printing: An Example of ‘Preprocessing"),
        "{article}"
    );
}

#[test]
fn a_version_is_printed_for_any_kind_of_work() {
    let text = "@online{markey, author = {Markey, Nicolas}, title = {Tame the BeaST}, version = {1.3}, url = {http://tug.ctan.org/ttb_en.pdf}, urldate = {2006-10-01}}";
    let web = markdown_of(&items_in("chicago-author-date", text, "en-US"), "markey");
    assert!(web.contains("Version 1.3."), "{web}");
}

#[test]
fn a_volume_keeps_its_leading_zero() {
    let text = "@inproceedings{stacs, author = {Fernau, Henning}, title = {Kernel(s)}, booktitle = {STACS}, series = {Dagstuhl Seminar Proceedings}, volume = {09001}, year = 2009}";
    let ieee = markdown_of(&items_in("ieee", text, "en-US"), "stacs");
    assert!(ieee.contains("vol. 09001"), "{ieee}");
}

#[test]
fn a_conference_paper_of_a_year_alone_has_one_space_before_it_in_ieee() {
    let text = "@inproceedings{c1, author = {Doe, Jane}, title = {A paper}, booktitle = {Proceedings of the Conference}, year = 1990}";
    let paper = markdown_of(&items_in("ieee", text, "en-US"), "c1");
    assert!(paper.ends_with("*, 1990."), "{paper}");
}

#[test]
fn a_journals_numbered_series_is_printed_as_an_ordinal_series() {
    let text = "@article{reese, author = {Reese, Trevor R.}, title = {Georgia in Anglo-Spanish Diplomacy}, journaltitle = {William and Mary Quarterly}, series = {3}, volume = {15}, pages = {168--190}, year = {1958}}";
    let apa = markdown_of(&apa_items(text, "en-US"), "reese");
    assert!(
        apa.contains("*William and Mary Quarterly, 3rd Series*, *15*, 168–190."),
        "{apa}"
    );
    let chicago = markdown_of(&items_in("chicago-author-date", text, "en-US"), "reese");
    assert!(
        chicago.contains("*William and Mary Quarterly*, 3rd series, vol. 15: 168–90."),
        "{chicago}"
    );
}

#[test]
fn words_a_style_declaration_sets_are_title_cased_as_the_rest() {
    let text = r"@article{p, author = {Pietrzak, Krzysztof}, title = {On the {\em shortest common supersequence} and {Big Data} problems}, journal = {J}, year = {2003}}";
    let chicago = markdown_of(&items_in("chicago-author-date", text, "en-US"), "p");
    assert!(
        chicago.contains("“On the *Shortest Common Supersequence* and Big Data Problems.”"),
        "{chicago}"
    );
    let apa = markdown_of(&apa_items(text, "en-US"), "p");
    assert!(
        apa.contains("On the *shortest common supersequence* and Big Data problems."),
        "{apa}"
    );
}

#[test]
fn a_title_cased_last_word_is_not_the_rest_of_a_word_or_a_lone_letter_in_italics() {
    let text = r"@article{muse, author = {Garcia, Federico}, title = {Update on {\TeX}{\it muse}}, journal = {J}, year = {2012}}
@article{emph, author = {Garcia, Federico}, title = {More on {\TeX}\emph{muse}}, journal = {J}, year = {2013}}
@article{s, author = {West, Andrew}, title = {The rules for long {\it s}}, journal = {J}, year = {2011}}";
    let items = items_in("chicago-author-date", text, "en-US");
    let muse = markdown_of(&items, "muse");
    assert!(muse.contains("“Update on TeX*muse*.”"), "{muse}");
    let emph = markdown_of(&items, "emph");
    assert!(emph.contains("“More on TeX*muse*.”"), "{emph}");
    let s = markdown_of(&items, "s");
    assert!(s.contains("“The Rules for Long *s*.”"), "{s}");
}

#[test]
fn a_title_in_place_of_the_author_takes_the_period_inside_its_quotes() {
    let text = r"@article{t, title = {A Closer Look at Fonts}, journal = {TUGboat}, volume = {30}, pages = {32--34}, year = {2009}}
@article{tex, author = {\Thanh}, title = {A closer look at {TrueType} fonts and {{pdf\TeX}}}, journal = {TUGboat}, year = {2009}}";
    let items = items_in("chicago-author-date", text, "en-US");
    let chicago = markdown_of(&items, "t");
    assert!(
        chicago.starts_with("“A Closer Look at Fonts.” 2009."),
        "{chicago}"
    );
    let tex = markdown_of(&items, "tex");
    assert!(
        tex.starts_with("“A Closer Look at TrueType Fonts and pdfTeX.” 2009."),
        "{tex}"
    );
}

#[test]
fn a_last_word_after_raw_tex_is_capitalised_in_a_title_cased_title() {
    let text = r"@article{dvi, author = {Cho, Jin-Hwan}, title = {Hacking {\DVI} files: {Birth} of {\DVI}asm}, journal = {TUGboat}, year = {2007}}";
    let chicago = markdown_of(&items_in("chicago-author-date", text, "en-US"), "dvi");
    assert!(
        chicago.contains("Birth of `\\DVI`{=latex}Asm.”"),
        "{chicago}"
    );
}

#[test]
fn a_volume_with_letters_around_its_zeros_keeps_them() {
    let text = "@book{b, author = {Xu, Yan}, title = {Title}, volume = {acisp00vol}, publisher = {P}, year = {2000}}";
    let ieee = markdown_of(&items_in("ieee", text, "en-US"), "b");
    assert!(ieee.contains("vol. acisp00vol."), "{ieee}");
}

#[test]
fn a_thesis_number_is_its_report_number_not_an_issue() {
    let text = "@phdthesis{mata, author = {E. Mata-Montero}, title = {Reliability of Partial $k$-Tree Networks}, school = {University of Oregon}, number = {UO-CIS-TR-90-14}, year = 1990}";
    let chicago = markdown_of(&items_in("chicago-author-date", text, "en-US"), "mata");
    assert!(
        chicago.ends_with("PhD thesis, University of Oregon. (UO-CIS-TR-90-14)."),
        "{chicago}"
    );
}
