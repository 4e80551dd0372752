//! French typography on formatted text: no-break spaces inside « » and before : ; ? !

use super::markdown::Piece;

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

fn is_space(piece: Option<&Piece>) -> bool {
    matches!(piece, Some(Piece::Char(c, _)) if c.is_whitespace())
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
                } else if c == '»' && i > 0 && !is_space(previous) {
                    pieces.insert(i, Piece::Char(NBSP, format));
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
}
