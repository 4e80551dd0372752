//! How names render and sort in the built-in styles: et al., particles, given names, editors who
//! translate, and the `———` of a repeated author; each test is an entry on which glose once
//! differed from pandoc --citeproc (see docs/conformance.md).

use super::format::tests::{apa_items, items_in, markdown_of};

#[test]
fn a_family_name_beginning_with_a_capital_particle_is_whole() {
    let text = "@book{deangelis_2018, title = {Introduction to particle and astroparticle physics}, author = {De Angelis, A. and Pimenta, M. J. M.}, publisher = {Springer}, year = {2018}}
@article{dipiazza_2012, title = {Extremely high-intensity laser interactions}, journal = {Reviews of Modern Physics}, author = {Di Piazza, A. and Müller, C.}, year = {2012}}";
    let items = items_in("chicago-author-date", text, "en-US");
    let deangelis = markdown_of(&items, "deangelis_2018");
    assert!(deangelis.starts_with("De Angelis, A., and"), "{deangelis}");
    let dipiazza = markdown_of(&items, "dipiazza_2012");
    assert!(dipiazza.starts_with("Di Piazza, A., and"), "{dipiazza}");
}

#[test]
fn a_closing_and_others_is_et_al_unless_the_list_is_long_enough_to_be_cut() {
    let text = "@incollection{madelung, title = {Cuprous oxide excitons}, booktitle = {Landolt-B\\\"ornstein}, author = {Madelung, O. and others}, publisher = {Springer}, year = {1998}}
@article{many, title = {A big collaboration}, journal = {J}, author = {Aa, A. and Bb, B. and Cc, C. and Dd, D. and Ee, E. and Ff, F. and Gg, G. and others}, year = {2000}}";
    for (style, start) in [
        ("apa", "Madelung, O. et al. (1998)"),
        ("chicago-author-date", "Madelung, O. et al. 1998."),
        ("ieee", "O. Madelung *et al.*,"),
        ("modern-language-association", "Madelung, O., et al."),
    ] {
        let items = items_in(style, text, "en-US");
        let madelung = markdown_of(&items, "madelung");
        assert!(madelung.starts_with(start), "{style}: {madelung}");
    }
    let ieee = markdown_of(&items_in("ieee", text, "en-US"), "many");
    assert!(ieee.starts_with("A. Aa *et al.*,"), "{ieee}");
}

#[test]
fn a_list_cut_by_et_al_sorts_with_its_first_author_and_is_never_substituted() {
    let text = "@article{input, author = {Spivak, Michael}, title = {Input-Dependent Macro Redefinition}, journal = {TUGboat}, year = 1981}
@article{chair, author = {Spivak, Michael}, title = {Chairman's Report}, journal = {TUGboat}, year = 1981}
@article{hitex, author = {Spivak, Michael and Brown, Ann and Clark, Bob}, title = {HI-TeX Cutting and Pasting}, journal = {TUGboat}, year = 1989}";
    let items = items_in("modern-language-association", text, "en-US");
    let order: Vec<&str> = items.iter().map(|item| item.key.as_str()).collect();
    assert_eq!(order, ["chair", "hitex", "input"]);
    assert!(
        items[1].markdown.starts_with("Spivak, Michael, et al."),
        "{}",
        items[1].markdown
    );
    assert!(
        items[2].markdown.starts_with("Spivak, Michael."),
        "{}",
        items[2].markdown
    );
}

#[test]
fn a_sort_key_has_the_names_without_the_and_between_them() {
    let text = "@article{two, author = {Smith, Anne and Brown, Dan}, title = {Two}, journal = {J}, year = 2000}
@article{three, author = {Smith, Anne and Baker, Carl and Young, Yves}, title = {Three}, journal = {J}, year = 2000}";
    let items = apa_items(text, "en-US");
    let order: Vec<&str> = items.iter().map(|item| item.key.as_str()).collect();
    assert_eq!(order, ["three", "two"]);
}

#[test]
fn an_editor_who_translated_is_printed_once() {
    let text = "@book{cicero, author = {Cicero, Marcus Tullius}, editor = {Blank-Sangmeister, Ursula}, translator = {Blank-Sangmeister, Ursula}, title = {De natura deorum}, publisher = {Reclam}, year = 1995}";
    for style in ["chicago-author-date", "modern-language-association"] {
        let book = markdown_of(&items_in(style, text, "en-US"), "cicero");
        assert_eq!(
            book.matches("Blank-Sangmeister").count(),
            1,
            "{style}: {book}"
        );
        assert!(book.contains("Edited and translated by"), "{style}: {book}");
    }
}

#[test]
fn a_sort_key_has_given_names_whole_and_letters_follow_the_order() {
    let text = "@article{memory, author = {Barbara Beeton}, title = {Memory sizes}, journal = {TUGboat}, year = 1986}
@article{plain, author = {B. Beeton}, title = {The PLAIN truth}, journal = {TUGboat}, year = 1986}";
    let items = apa_items(text, "en-US");
    let order: Vec<&str> = items.iter().map(|item| item.key.as_str()).collect();
    assert_eq!(order, ["plain", "memory"]);
    assert!(items[0].markdown.contains("(1986a)"), "{items:?}");
    assert!(items[1].markdown.contains("(1986b)"), "{items:?}");
}

#[test]
fn a_braced_family_name_with_a_particle_stays_whole() {
    let text = "@misc{dijk, author = {Thomas C. {van Dijk} and Wouter Slob}, title = {Treewidth.com}, year = 2006}";
    let chicago = markdown_of(&items_in("chicago-author-date", text, "en-US"), "dijk");
    assert!(
        chicago.starts_with("van Dijk, Thomas C., and Wouter Slob"),
        "{chicago}"
    );
}

#[test]
fn names_added_to_tell_works_apart_are_added_to_their_editors_too() {
    let text = "@inproceedings{kernel, author = {Bodlaender, Hans L. and Penninkx, Eelko and Tan, Richard B.}, title = {A linear kernel}, booktitle = {ISAAC}, editor = {Hong, Seok-Hee and Nagamochi, Hiroshi and Fukunaga, Takuro}, year = {2008}}
@inproceedings{fill, author = {Bodlaender, Hans L. and Heggernes, Pinar and Villanger, Yngve}, title = {Faster fill-in}, booktitle = {ISAAC}, editor = {Hong, Seok-Hee and Nagamochi, Hiroshi and Fukunaga, Takuro}, year = {2008}}
@inproceedings{alone, author = {Zeng, Ann and Hu, Bo and Li, Cai}, title = {Alone}, booktitle = {ISAAC}, editor = {Hong, Seok-Hee and Nagamochi, Hiroshi and Fukunaga, Takuro}, year = {2008}}";
    let items = items_in("modern-language-association", text, "en-US");
    let kernel = markdown_of(&items, "kernel");
    assert!(
        kernel.starts_with("Bodlaender, Hans L., Eelko Penninkx, et al.")
            && kernel.contains("edited by Seok-Hee Hong, Hiroshi Nagamochi, et al.,"),
        "{kernel}"
    );
    let alone = markdown_of(&items, "alone");
    assert!(alone.contains("edited by Seok-Hee Hong et al.,"), "{alone}");
}
