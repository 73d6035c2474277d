//! Text wrapped for reading: lines broken only between words, paragraphs
//! kept. Used for a scenario's lesson on paper (`breakwater lesson`) and on
//! the screen (the help's first page), so both break it the same way.

/// `text` in lines of at most `width` characters, broken only between words.
/// Each line of `text` is a paragraph of its own (an empty one stays as an
/// empty line); runs of spaces inside it count as one. The one exception to
/// "whole words": a word longer than a line is split in line-long pieces, so
/// nothing is lost.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        let mut used = 0;
        for word in units_kept(paragraph) {
            let word = word.as_str();
            let n = word.chars().count();
            if used > 0 && used + 1 + n > width {
                out.push(std::mem::take(&mut line));
                used = 0;
            }
            if used > 0 {
                line.push(' ');
                used += 1;
            }
            let mut rest: Vec<char> = word.chars().collect();
            while rest.len() > width - used {
                let piece: String = rest.drain(..width - used).collect();
                line.push_str(&piece);
                out.push(std::mem::take(&mut line));
                used = 0;
            }
            used += rest.len();
            line.extend(rest);
        }
        if used > 0 || paragraph.trim().is_empty() {
            out.push(line);
        }
    }
    out
}

/// The words of `paragraph`, a number and a short word after it (`5 s`,
/// `20 %`, `1 de`) kept as one, so no line ends in `5` with its unit on the
/// next; and a symbol with the word after it (`(○ OPEN,`).
fn units_kept(paragraph: &str) -> Vec<String> {
    let number = |w: &str| {
        w.chars().any(|c| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    };
    // A symbol alone (`(○`, `▶`) stays with the word it marks.
    let symbol = |w: &str| !w.chars().any(char::is_alphanumeric);
    let mut out: Vec<String> = Vec::new();
    let (mut unit, mut mark) = (false, false);
    for word in paragraph.split_whitespace() {
        match out.last_mut() {
            Some(last) if mark || (unit && word.chars().count() <= 3) => {
                last.push(' ');
                last.push_str(word);
                (unit, mark) = (false, false);
            }
            _ => {
                (unit, mark) = (number(word), symbol(word));
                out.push(word.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn words_stay_whole_and_lines_short() {
        let text = "uno dos tres cuatro cinco seis siete ocho nueve diez";
        let lines = wrap(text, 12);
        assert!(lines.iter().all(|l| l.chars().count() <= 12), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert_eq!(lines[0], "uno dos tres");
    }

    #[test]
    fn paragraphs_are_kept_and_long_words_split() {
        assert_eq!(wrap("a b\n\nc", 10), ["a b", "", "c"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("x abcdef", 4), ["x", "abcd", "ef"]);
    }

    #[test]
    fn a_number_keeps_its_unit() {
        assert_eq!(wrap("espera 2 s", 8), ["espera", "2 s"]);
        assert_eq!(wrap("falla el 20 % de", 10), ["falla el", "20 % de"]);
        assert_eq!(wrap("abre (○ OPEN)", 8), ["abre", "(○ OPEN)"]);
    }
}
