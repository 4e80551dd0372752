//! Where a style puts the letters of a year suffix in an entry, learned from one entry rendered
//! with and without them, so the other entries of its group take theirs without a full render.

use hayagriva::citationberg::taxonomy::{StandardVariable, Variable};
use hayagriva::citationberg::{
    Formatting, IndependentStyle, Layout, LayoutRenderingElement, LongShortForm, Text, TextTarget,
};

use super::disambiguate::year_suffix_only;
use super::format::FormattedItem;

/// The two renderings of a style that give a group its year suffixes: whole entries, and the
/// letters alone.
pub(crate) struct SuffixStyles {
    whole: IndependentStyle,
    letters: IndependentStyle,
    placed_from: usize,
}

/// The smallest group whose letters are placed rather than rendered whole: a group of two is
/// rendered whole to learn where its letters go anyway.
const PLACED_FROM: usize = 3;

impl SuffixStyles {
    /// The suffix styles of `csl`, if it adds year suffixes at all.
    pub(crate) fn of(csl: &IndependentStyle) -> Option<SuffixStyles> {
        let whole = year_suffix_only(csl)?;
        let letters = letters_only(&whole);
        Some(SuffixStyles {
            whole,
            letters,
            placed_from: PLACED_FROM,
        })
    }

    /// The same styles rendering every group whole.
    #[cfg(test)]
    pub(crate) fn rendering_every_group_whole(self) -> SuffixStyles {
        SuffixStyles {
            placed_from: usize::MAX,
            ..self
        }
    }

    /// Each entry of `group` (in the order it takes letters when the style sorts entries alike)
    /// that a year suffix changes, with its new text. `plain` gives an entry's text without a
    /// suffix; `render` renders entries in a style. Only two entries are rendered whole, to
    /// learn where the letters go; the others are, when one reads otherwise before its suffix.
    pub(crate) fn lettered<'p>(
        &self,
        group: &[&hayagriva::Entry],
        plain: impl Fn(&str) -> Option<&'p str>,
        render: impl Fn(&IndependentStyle, &[&hayagriva::Entry]) -> Option<Vec<FormattedItem>>,
    ) -> Vec<(String, String)> {
        let placed = (group.len() >= self.placed_from)
            .then(|| self.placed(group, &plain, &render))
            .flatten();
        placed.unwrap_or_else(|| {
            let items = render(&self.whole, group).unwrap_or_default();
            items
                .into_iter()
                .filter(|again| {
                    plain(&again.key)
                        .is_some_and(|old| Placement::learn(old, &again.markdown).is_some())
                })
                .map(|again| (again.key, again.markdown))
                .collect()
        })
    }

    fn placed<'p>(
        &self,
        group: &[&hayagriva::Entry],
        plain: &impl Fn(&str) -> Option<&'p str>,
        render: &impl Fn(&IndependentStyle, &[&hayagriva::Entry]) -> Option<Vec<FormattedItem>>,
    ) -> Option<Vec<(String, String)>> {
        let learnt: Vec<(Placement, &str)> = render(&self.whole, &group[..2])?
            .iter()
            .map(|again| {
                let old = plain(&again.key)?;
                Some((Placement::learn(old, &again.markdown)?, old))
            })
            .collect::<Option<_>>()?;
        let [(placement, model), (other, other_model)] = learnt.as_slice() else {
            return None;
        };
        let agree =
            placement.same_as(other) && other_model.get(..other.at)? == &model[..placement.at];
        if !agree {
            return None;
        }
        render(&self.letters, group)?
            .into_iter()
            .filter(|letters| !letters.markdown.is_empty())
            .map(|letters| {
                let text = placement.place(model, plain(&letters.key)?, &letters.markdown)?;
                Some((letters.key, text))
            })
            .collect()
    }
}

/// `suffixed` (from `year_suffix_only`) with a bibliography that prints each entry's year suffix
/// alone: its letters follow the same sort, at the cost of rendering almost nothing.
fn letters_only(suffixed: &IndependentStyle) -> IndependentStyle {
    let mut letters = suffixed.clone();
    if let Some(bibliography) = &mut letters.bibliography {
        let suffix = Text::with_target(TextTarget::Variable {
            var: Variable::Standard(StandardVariable::YearSuffix),
            form: LongShortForm::default(),
        });
        bibliography.layout = Layout::new(
            vec![LayoutRenderingElement::Text(suffix)],
            Formatting::default(),
            None,
            None,
        );
        bibliography.second_field_align = None;
        bibliography.subsequent_author_substitute = None;
    }
    letters
}

/// The place of a year suffix in an entry: after its first `at` bytes, the letters between
/// `before` and `after` (`n.d.` + `-` + `a` + `.` in Chicago).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placement {
    at: usize,
    before: String,
    after: String,
}

impl Placement {
    /// The placement that turns `plain` into `suffixed`, if `suffixed` only adds a suffix to it
    /// (`2014` → `2014a`, `n.d.` → `n.d.-a`).
    pub(crate) fn learn(plain: &str, suffixed: &str) -> Option<Placement> {
        let (p, s): (Vec<char>, Vec<char>) = (plain.chars().collect(), suffixed.chars().collect());
        let start = p.iter().zip(&s).take_while(|(a, b)| a == b).count();
        let end = p[start..]
            .iter()
            .rev()
            .zip(s[start..].iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        if s.len() < p.len() || p.len() - start != end {
            return None;
        }
        let added = &s[start..s.len() - end];
        // A period after `n.d.` merges with it, and comes back after the letters (`n.d.-a.`).
        let (added, after) = match added.split_last() {
            Some(('.', letters)) if start > 0 && p[start - 1] == '.' => (letters, "."),
            _ => (added, ""),
        };
        let before: String = added
            .iter()
            .take_while(|c| matches!(c, '-' | ' '))
            .collect();
        let letters = &added[before.chars().count()..];
        let only_letters = letters.iter().all(char::is_ascii_lowercase);
        (!letters.is_empty() && added.len() <= 4 && only_letters).then(|| Placement {
            at: p[..start].iter().map(|c| c.len_utf8()).sum(),
            before,
            after: after.to_string(),
        })
    }

    fn same_as(&self, other: &Placement) -> bool {
        self.at == other.at && self.before == other.before && self.after == other.after
    }

    /// `plain` with `letters` placed as in `model` (the entry this placement was learned from),
    /// if `plain` reads as `model` up to the suffix, so its suffix belongs at the same place.
    pub(crate) fn place(&self, model: &str, plain: &str, letters: &str) -> Option<String> {
        let shared = model.get(..self.at)?;
        let rest = plain.strip_prefix(shared)?;
        let letters_only = !letters.is_empty() && letters.chars().all(|c| c.is_ascii_lowercase());
        letters_only.then(|| format!("{shared}{}{letters}{}{rest}", self.before, self.after))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn adds_only_suffix(plain: &str, suffixed: &str) -> bool {
        Placement::learn(plain, suffixed).is_some()
    }

    #[test]
    fn a_suffix_is_an_insertion_of_letters() {
        assert!(adds_only_suffix(
            "Jiang, S. (2014). Effects.",
            "Jiang, S. (2014a). Effects."
        ));
        assert!(adds_only_suffix(
            "Esnault, L. (n.d.). x",
            "Esnault, L. (n.d.-b). x"
        ));
        assert!(adds_only_suffix(
            "ESNAULT, L., [sans date]. x",
            "ESNAULT, L., [sans date] a. x"
        ));
        assert!(!adds_only_suffix(
            "Berger, M. J., Coursey, J. S. (1999).",
            "Berger, Coursey, et al. (1999)."
        ));
        assert!(adds_only_suffix(
            "Esnault, L. n.d. “Lesnat/gp3m2.”",
            "Esnault, L. n.d.-a. “Lesnat/gp3m2.”"
        ));
        assert!(!adds_only_suffix("Smith. 2014. x", "Smith. 2014. a. x"));
        assert!(!adds_only_suffix("Smith (2014). x", "Smith (2014). x"));
        assert!(!adds_only_suffix(
            "Smith, J. (2014).",
            "Smith, J. R. (2014)."
        ));
    }

    #[test]
    fn letters_go_where_the_model_took_its_own() {
        let cases = [
            ("Jiang, S. (2014). Effects.", "Jiang, S. (2014a). Effects."),
            ("Esnault, L. n.d. “Gp3m2.”", "Esnault, L. n.d.-a. “Gp3m2.”"),
            ("ÉCOLE, [sans date]. x", "ÉCOLE, [sans date] a. x"),
        ];
        for (model, suffixed) in cases {
            let placement = Placement::learn(model, suffixed).unwrap();
            assert_eq!(
                placement.place(model, model, "a").as_deref(),
                Some(suffixed)
            );
            let other = model.replace('x', "y").replace("Effects", "Causes");
            let placed = placement.place(model, &other, "ab").unwrap();
            assert_eq!(
                Placement::learn(&other, &placed)
                    .unwrap()
                    .place(&other, &other, "ab"),
                Some(placed.clone())
            );
            assert!(placed.contains("ab"), "{placed}");
        }
    }

    #[test]
    fn an_entry_that_reads_otherwise_before_the_suffix_is_not_lettered() {
        let model = "Smith, J. (2014). A.";
        let placement = Placement::learn(model, "Smith, J. (2014a). A.").unwrap();
        assert_eq!(
            placement.place(model, "Smith, J. (Ed.). (2014). B.", "b"),
            None
        );
        assert_eq!(placement.place(model, "Smith, J. (2014). B.", "B"), None);
        assert_eq!(placement.place(model, "Smith, J. (2014). B.", ""), None);
        assert_eq!(
            placement
                .place(model, "Smith, J. (2014). B.", "c")
                .as_deref(),
            Some("Smith, J. (2014c). B.")
        );
    }
}
