//! Typography on formatted text: no period after ? or !, and in French, no-break spaces inside
//! « » and before : ; ? !

use super::markdown::Piece;

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

fn is_space(piece: Option<&Piece>) -> bool {
    matches!(piece, Some(Piece::Char(c, _)) if c.is_whitespace())
}

/// A word's end glued to a `:` that ends a phrase ("Paris: Economica"), not a time or a URL.
fn glued_to_word(pieces: &[Piece], i: usize) -> bool {
    let previous = i.checked_sub(1).and_then(|p| pieces.get(p));
    let ends_word =
        matches!(previous, Some(Piece::Char(c, _)) if c.is_alphabetic() || ".)]»".contains(*c));
    ends_word && (i + 1 == pieces.len() || is_space(pieces.get(i + 1)))
}

/// Makes the spaces around guillemets and before high punctuation unbreakable; links are left alone.
pub(crate) fn french(pieces: &mut Vec<Piece>) {
    let mut i = 0;
    while i < pieces.len() {
        let Piece::Char(c, format) = pieces[i] else {
            i += 1;
            continue;
        };
        match c {
            '«' => {
                let next = pieces.get(i + 1);
                if matches!(next, Some(Piece::Char(' ', _))) {
                    pieces[i + 1] = Piece::Char(NBSP, format);
                } else if next.is_some() && !is_space(next) {
                    pieces.insert(i + 1, Piece::Char(NBSP, format));
                }
            }
            '»' | ':' | ';' | '?' | '!' => {
                let space = if c == '»' || c == ':' { NBSP } else { NNBSP };
                let previous = i.checked_sub(1).and_then(|p| pieces.get(p));
                if let Some(Piece::Char(' ', f)) = previous {
                    pieces[i - 1] = Piece::Char(space, *f);
                } else if (c == '»' && i > 0 && !is_space(previous))
                    || (c == ':' && glued_to_word(pieces, i))
                {
                    pieces.insert(i, Piece::Char(space, format));
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// Drops a period that follows `?` or `!` (with closing quotes between), a comma that follows
/// them at a closing quote (`Real?,”`, `Real?”,`; not in `P = NP?, by` or `pp. ??–??, Nov.`),
/// a comma between a period and a closing quote, a comma before a period, a period after a
/// colon (ISO 690's `In :` before a missing book title: `In : Plenum`), the second of two
/// periods (not an ellipsis) and the second of two spaces, as CSL processors collapse that
/// punctuation: `“Less Real?”.` → `“Less Real?”`, `[hep-ph],.` → `[hep-ph].`, `(éd..)` →
/// `(éd.)`, IEEE's year without its month `*Book*,  1990` → `*Book*, 1990`.
pub(crate) fn collapse_punctuation(pieces: &mut Vec<Piece>) {
    let is_period = |piece: Option<&Piece>| matches!(piece, Some(Piece::Char('.', _)));
    let mut i = 1;
    while i < pieces.len() {
        let period = is_period(pieces.get(i));
        let comma = matches!(pieces[i], Piece::Char(',', _));
        let quoted_after_period = comma
            && is_period(pieces.get(i - 1))
            && matches!(pieces.get(i + 1), Some(Piece::Char('”' | '’' | '»', _)));
        let doubled = period
            && is_period(pieces.get(i - 1))
            && !is_period(i.checked_sub(2).and_then(|p| pieces.get(p)))
            && !is_period(pieces.get(i + 1));
        let question = after_question(&pieces[..i]);
        let quote_next = matches!(pieces.get(i + 1), Some(Piece::Char('”' | '’' | '»', _)));
        let comma_at_quote = comma && (question == Some(true) || question.is_some() && quote_next);
        let double_space = matches!(pieces[i], Piece::Char(' ', _))
            && matches!(pieces[i - 1], Piece::Char(' ', _));
        if period && question.is_some()
            || comma_at_quote
            || quoted_after_period
            || doubled
            || double_space
            || period && matches!(pieces[i - 1], Piece::Char(':', _))
        {
            pieces.remove(i);
        } else if period && matches!(pieces[i - 1], Piece::Char(',', _)) {
            pieces.remove(i - 1);
        } else {
            i += 1;
        }
    }
}

/// Whether `before` ends with `?` or `!`, and then whether closing quotes follow it.
fn after_question(before: &[Piece]) -> Option<bool> {
    let previous = before.iter().rev().map_while(|p| match p {
        Piece::Char(c, _) => Some(*c),
        Piece::Link(..) | Piece::Markdown(_) => None,
    });
    let mut quoted = false;
    for c in previous {
        if !"”’»\"'".contains(c) {
            return matches!(c, '?' | '!').then_some(quoted);
        }
        quoted = true;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` as plain pieces, passed through `rule`, and back to text.
    fn applied(text: &str, rule: fn(&mut Vec<Piece>)) -> String {
        let mut pieces: Vec<Piece> = text
            .chars()
            .map(|c| Piece::Char(c, Default::default()))
            .collect();
        rule(&mut pieces);
        pieces
            .iter()
            .map(|piece| match piece {
                Piece::Char(c, _) => c.to_string(),
                Piece::Link(text, _) => text.clone(),
                Piece::Markdown(markdown) => markdown.clone(),
            })
            .collect()
    }

    fn french_text(text: &str) -> String {
        applied(text, french)
    }

    fn collapsed(text: &str) -> String {
        applied(text, collapse_punctuation)
    }

    #[test]
    fn no_period_after_a_question_mark() {
        assert_eq!(
            collapsed("Jaeger, G. (2019). Are Virtual Particles Less Real?. Entropy, 21(2)."),
            "Jaeger, G. (2019). Are Virtual Particles Less Real? Entropy, 21(2)."
        );
        assert_eq!(collapsed("“Interactions?.” Phys."), "“Interactions?” Phys.");
        assert_eq!(collapsed("Oui!. Non. 1.2."), "Oui! Non. 1.2.");
        assert_eq!(
            collapsed("G. Jaeger, “Are Virtual Particles Less Real?,” Entropy"),
            "G. Jaeger, “Are Virtual Particles Less Real?” Entropy"
        );
        assert_eq!(
            collapsed("“Production of collimated γ ray beams for e−e+ pair creation.,” p. 1."),
            "“Production of collimated γ ray beams for e−e+ pair creation.” p. 1."
        );
        assert_eq!(collapsed("e.g., i.e., “A.”, B"), "e.g., i.e., “A.”, B");
        assert_eq!(collapsed("“Why?”, p. 2"), "“Why?” p. 2");
        assert_eq!(
            collapsed("“Falling: P = NP?, by Donald Knuth,” pp. ??–??, Nov."),
            "“Falling: P = NP?, by Donald Knuth,” pp. ??–??, Nov."
        );
        assert_eq!(
            collapsed("“Photonuclear Interactions.” arXiv:2005.01872 [hep-ex],. http://arxiv.org"),
            "“Photonuclear Interactions.” arXiv:2005.01872 [hep-ex]. http://arxiv.org"
        );
    }

    #[test]
    fn a_period_after_a_term_ending_in_a_period_collapses() {
        assert_eq!(
            collapsed("MATVEEV, V. A. (éd..), EPJ Web"),
            "MATVEEV, V. A. (éd.), EPJ Web"
        );
        assert_eq!(collapsed("Wait... then. Et al.."), "Wait... then. Et al.");
        assert_eq!(collapsed("in Proc.,  1990."), "in Proc., 1990.");
        assert_eq!(collapsed("A.. B..."), "A. B...");
    }

    #[test]
    fn a_period_after_a_colon_collapses() {
        assert_eq!(
            collapsed("Kinetics. In\u{a0}:. Plenum Press."),
            "Kinetics. In\u{a0}: Plenum Press."
        );
        assert_eq!(collapsed("Note: 3.5 mm."), "Note: 3.5 mm.");
    }

    #[test]
    fn spaces_before_high_punctuation_become_unbreakable() {
        assert_eq!(
            french_text("« Droit » : oui ; non ?"),
            "«\u{a0}Droit\u{a0}»\u{a0}: oui\u{202f}; non\u{202f}?"
        );
    }

    #[test]
    fn a_colon_glued_to_a_word_gets_its_space() {
        assert_eq!(french_text("Paris: Economica"), "Paris\u{a0}: Economica");
        assert_eq!(french_text("Disponible sur:"), "Disponible sur\u{a0}:");
        assert_eq!(
            french_text("a; b"),
            "a; b",
            "an English note keeps its semicolon"
        );
    }

    #[test]
    fn times_ratios_and_addresses_keep_their_colon() {
        for text in ["10:30", "http://x.org", "1:2", "art. 3:"] {
            assert_eq!(french_text(text), text);
        }
    }
}
