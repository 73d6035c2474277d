//! What values a configuration field takes, declared once beside the field
//! (in its `settable!` line): validation checks it, a type error quotes it,
//! and nothing below knows any field's name.

use crate::base::time::Dur;
use crate::i18n::Msg;
use crate::msg;

/// The valid values of one field.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Range {
    /// A whole number from `lo` to `hi`.
    Whole(u64, u64),
    /// A whole number from `lo` to `hi`, said with the field's own message.
    WholeSaid(u64, u64, &'static str),
    /// A duration from `lo` to `hi`, both written as a file writes them.
    Span(&'static str, &'static str),
    /// A duration of at most this.
    AtMost(&'static str),
    /// A share above 0 and at most 1 (`0.5` = 50 %).
    Rate,
}

impl Range {
    /// The whole-number bounds, for type errors that should quote them
    /// rather than the integer type's.
    pub fn whole(self) -> Option<(u64, u64)> {
        match self {
            Range::Whole(lo, hi) | Range::WholeSaid(lo, hi, _) => Some((lo, hi)),
            _ => None,
        }
    }

    /// "must be …": what is valid, as data.
    pub fn rule(self) -> Msg {
        match self {
            Range::Whole(lo, hi) => whole(lo, hi),
            Range::WholeSaid(_, _, id) => Msg::new(id),
            Range::Span(lo, hi) => msg!("must-be-duration-in-range", lo = lo, hi = hi),
            Range::AtMost(max) => msg!("must-be-at-most", max = max),
            Range::Rate => msg!("must-be-a-rate"),
        }
    }
}

/// "must be a whole number from `lo` to `hi`". Limits are written as a file
/// would write them (`1000000`), to be copied.
pub fn whole(lo: u64, hi: u64) -> Msg {
    msg!(
        "must-be-whole-in-range",
        lo = lo.to_string(),
        hi = hi.to_string()
    )
}

/// A value that can be checked against a `Range`.
pub trait Ranged {
    /// `Err` with what is valid when the value is outside `range`.
    fn check(&self, range: Range) -> Result<(), Msg>;
}

fn span_bound(text: &str) -> Dur {
    crate::base::time::parse_duration(text).expect("a range's bounds are valid durations")
}

impl Ranged for u32 {
    fn check(&self, range: Range) -> Result<(), Msg> {
        match range.whole() {
            Some((lo, hi)) if !(lo..=hi).contains(&(*self as u64)) => Err(range.rule()),
            _ => Ok(()),
        }
    }
}

impl Ranged for Dur {
    fn check(&self, range: Range) -> Result<(), Msg> {
        let ok = match range {
            Range::Span(lo, hi) => *self >= span_bound(lo) && *self <= span_bound(hi),
            Range::AtMost(max) => *self <= span_bound(max),
            _ => true,
        };
        if ok {
            Ok(())
        } else {
            Err(range.rule())
        }
    }
}

impl Ranged for f64 {
    fn check(&self, range: Range) -> Result<(), Msg> {
        match range {
            Range::Rate if !(*self > 0.0 && *self <= 1.0) => {
                Err(msg!("breaker-not-a-rate", value = self.to_string()))
            }
            _ => Ok(()),
        }
    }
}

impl<T: Ranged> Ranged for Option<T> {
    fn check(&self, range: Range) -> Result<(), Msg> {
        match self {
            Some(v) => v.check(range),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_inclusive_and_said_as_data() {
        assert!(5u32.check(Range::Whole(1, 5)).is_ok());
        let e = 6u32.check(Range::Whole(1, 5)).unwrap_err();
        assert_eq!(e.id, "must-be-whole-in-range");
        assert!(e.say("en").contains("from 1 to 5"), "{}", e.say("en"));
        assert!(Dur(0).check(Range::Span("1ns", "1d")).is_err());
        assert!(Dur(1).check(Range::Span("1ns", "1d")).is_ok());
        assert!(Dur::from_secs(86_401)
            .check(Range::Span("1ns", "1d"))
            .is_err());
        assert!(0.0f64.check(Range::Rate).is_err());
        assert!(f64::NAN.check(Range::Rate).is_err());
        assert!(1.0f64.check(Range::Rate).is_ok());
        assert!(None::<Dur>.check(Range::Span("1ns", "1s")).is_ok());
        // Every range says its rule in words, without a value to quote.
        let rate = Range::Rate.rule().say("en");
        assert!(rate.contains("above 0 and at most 1"), "{rate}");
    }
}
