//! Numbers as people of each language read them: `0.5` and `12,345` in
//! English, `0,5` and `12.345` in Spanish (CLDR; Spanish groups only from
//! five digits, so `1204`). Each catalogue states its own separators
//! (`locale-decimal`, `locale-group`, `locale-min-grouping`), so a new
//! language brings its numbers with it.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};
use intl_memoizer::concurrent::IntlLangMemoizer;
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

/// How a language writes numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct Style {
    decimal: String,
    group: String,
    /// Group the integer part only when it has at least this many digits
    /// beyond the first group (CLDR's minimumGroupingDigits: 1 in English,
    /// 2 in Spanish).
    min_grouping: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            decimal: ".".into(),
            group: ",".into(),
            min_grouping: 1,
        }
    }
}

impl Style {
    /// The style a bundle's catalogue declares.
    pub fn of(bundle: &FluentBundle<FluentResource>) -> Style {
        let text = |id: &str| {
            let m = bundle.get_message(id)?;
            let mut errors = vec![];
            Some(
                bundle
                    .format_pattern(m.value()?, None, &mut errors)
                    .into_owned(),
            )
        };
        let d = Style::default();
        Style {
            decimal: text("locale-decimal").unwrap_or(d.decimal),
            group: text("locale-group").unwrap_or(d.group),
            min_grouping: text("locale-min-grouping")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(d.min_grouping),
        }
    }

    /// `x` with `decimals` digits after the separator (or as few as it needs
    /// when `None`), grouped.
    pub fn format(&self, x: f64, decimals: Option<usize>) -> String {
        if !x.is_finite() {
            return x.to_string();
        }
        let plain = match decimals {
            Some(d) => format!("{x:.d$}"),
            None => format!("{x}"),
        };
        // A value that rounds to zero has no sign: never `-0.0`.
        let zero = plain
            .trim_start_matches('-')
            .chars()
            .all(|c| c == '0' || c == '.');
        let (sign, digits) = match plain.strip_prefix('-') {
            Some(rest) if !zero => ("-", rest),
            Some(rest) => ("", rest),
            None => ("", plain.as_str()),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let mut out = String::from(sign);
        out.push_str(&self.group_digits(int));
        if !frac.is_empty() {
            out.push_str(&self.decimal);
            out.push_str(frac);
        }
        out
    }

    fn group_digits(&self, int: &str) -> String {
        if int.len() < 3 + self.min_grouping || self.group.is_empty() {
            return int.to_string();
        }
        let mut out = String::new();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i).is_multiple_of(3) {
                out.push_str(&self.group);
            }
            out.push(c);
        }
        out
    }
}

/// The style of the language a Fluent memoizer formats for.
struct StyleOf(Style);

impl Memoizable for StyleOf {
    type Args = ();
    type Error = ();
    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        Ok(StyleOf(
            super::catalogue::get().style(lang.language.as_str()),
        ))
    }
}

/// Fluent's formatter hook: numbers in the message's own language.
pub fn format_value(v: &FluentValue, memo: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(n) = v else {
        return None;
    };
    let decimals = n
        .options
        .maximum_fraction_digits
        .or(n.options.minimum_fraction_digits);
    memo.with_try_get::<StyleOf, _, _>((), |s| s.0.format(n.value, decimals))
        .ok()
}

/// `x` with `decimals` digits, as the current language writes it.
pub fn number(x: f64, decimals: usize) -> String {
    super::catalogue::get()
        .style(super::current())
        .format(x, Some(decimals))
}

/// The current language's decimal mark (`.`, `,`).
pub fn decimal_mark() -> String {
    super::catalogue::get().style(super::current()).decimal
}

/// A number as a program wrote it (`0.25`, `1e-3`), with the current
/// language's decimal mark instead of the point and no grouping added: a
/// value quoted from a file, read in the reader's language.
pub fn decimal_marked(text: &str) -> String {
    decimal_marked_in(super::current(), text)
}

/// [`decimal_marked`] in language `code`.
pub fn decimal_marked_in(code: &str, text: &str) -> String {
    let style = super::catalogue::get().style(code);
    text.replace('.', &style.decimal)
}

/// A count, grouped as the current language groups it (`12,345`; `12.345`).
pub fn grouped(n: u64) -> String {
    super::catalogue::get()
        .style(super::current())
        .format(n as f64, Some(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn es() -> Style {
        Style {
            decimal: ",".into(),
            group: ".".into(),
            min_grouping: 2,
        }
    }

    #[test]
    fn a_value_that_rounds_to_zero_has_no_sign() {
        assert_eq!(es().format(-0.0, Some(1)), "0,0");
        assert_eq!(es().format(-0.04, Some(1)), "0,0");
        assert_eq!(es().format(-0.05001, Some(1)), "-0,1");
        assert_eq!(es().format(-0.4, Some(0)), "0");
    }

    #[test]
    fn english_groups_from_four_digits() {
        let en = Style::default();
        assert_eq!(en.format(1204.0, Some(0)), "1,204");
        assert_eq!(en.format(12345.678, Some(1)), "12,345.7");
        assert_eq!(en.format(0.5, None), "0.5");
        assert_eq!(en.format(-1234567.0, Some(0)), "-1,234,567");
        assert_eq!(en.format(999.0, Some(0)), "999");
    }

    #[test]
    fn spanish_groups_from_five_digits_with_a_decimal_comma() {
        assert_eq!(es().format(1204.0, Some(0)), "1204");
        assert_eq!(es().format(12345.0, Some(0)), "12.345");
        assert_eq!(es().format(0.5, Some(1)), "0,5");
        assert_eq!(es().format(1234567.25, Some(2)), "1.234.567,25");
    }
}
