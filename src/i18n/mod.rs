//! Every text a person reads, in the reader's language.
//!
//! The texts live in Project Fluent catalogues, `locales/<lang>/*.ftl`,
//! compiled into the binary by `build.rs`: a new catalogue file, or a new
//! language's directory, needs no code. Code names a message by its id
//! (`t!("panel-retries-title")`) and passes variables (`t!("x", n = 3)`);
//! the catalogue owns the words, plurals and word order.
//!
//! This is the bottom of the house beside `base`: any layer may use it, it
//! uses nothing of the crate. Machine outputs (JSON, CSV) never go through
//! it. The language is process-wide (the dashboard's `L` switches it live);
//! `tr_in` formats in a named language when a text must not follow it.

mod catalogue;
mod choose;
pub mod msg;
mod number;

use std::sync::atomic::{AtomicUsize, Ordering};

pub use choose::{from_args_and_env, from_env_vars};
pub use fluent_bundle::{FluentArgs, FluentValue};
pub use msg::{Msg, MsgArg};
pub use number::{grouped, number};

/// The current language, an index into [`languages`].
static CURRENT: AtomicUsize = AtomicUsize::new(0);

/// The code of the language the program falls back to.
pub const DEFAULT: &str = "en";

/// Every language with a catalogue, `en` first, the rest sorted.
pub fn languages() -> &'static [&'static str] {
    catalogue::get().codes()
}

/// The current language's code (`en`, `es`).
pub fn current() -> &'static str {
    languages()[CURRENT.load(Ordering::Relaxed)]
}

/// Makes `code` the current language; false (and no change) when there is
/// no catalogue for it.
pub fn set(code: &str) -> bool {
    match languages().iter().position(|l| *l == code) {
        Some(i) => {
            CURRENT.store(i, Ordering::Relaxed);
            true
        }
        None => false,
    }
}

/// Switches to the next language (the dashboard's `L`); returns its code.
pub fn cycle() -> &'static str {
    let next = (CURRENT.load(Ordering::Relaxed) + 1) % languages().len();
    CURRENT.store(next, Ordering::Relaxed);
    current()
}

/// The message `id` in the current language, its variables from `args`.
pub fn tr(id: &str, args: Option<&FluentArgs>) -> String {
    tr_in(current(), id, args)
}

/// The message `id` in language `code`: falls back to English, then to the
/// id itself (a test checks that every id the code uses exists).
pub fn tr_in(code: &str, id: &str, args: Option<&FluentArgs>) -> String {
    catalogue::get().format(code, id, args)
}

/// Whether `id` exists in the catalogue of `code`.
pub fn has(code: &str, id: &str) -> bool {
    catalogue::get().has(code, id)
}

/// Ids and variable names of every message in `code`'s catalogues, sorted
/// (for the test that both languages say the same things).
pub fn inventory(code: &str) -> Vec<(String, Vec<String>)> {
    catalogue::get().inventory(code)
}

/// A value a message may take: text or a number (numbers are formatted in
/// the message's language and select plurals).
pub trait Arg {
    fn into_value(self) -> FluentValue<'static>;
}

impl Arg for &str {
    fn into_value(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}
impl Arg for String {
    fn into_value(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}
impl Arg for &String {
    fn into_value(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}
impl Arg for std::borrow::Cow<'_, str> {
    fn into_value(self) -> FluentValue<'static> {
        FluentValue::from(self.into_owned())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn into_value(self) -> FluentValue<'static> {
                FluentValue::from(self as f64)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64, f64);

/// The value of one message variable (used by `t!`).
pub fn arg(v: impl Arg) -> FluentValue<'static> {
    v.into_value()
}

/// A message in the current language: `t!("id")` or
/// `t!("id", name = value, …)`.
#[macro_export]
macro_rules! t {
    ($id:expr) => {
        $crate::i18n::tr($id, None)
    };
    ($id:expr, $($k:ident = $v:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($k), $crate::i18n::arg($v)); )+
        $crate::i18n::tr($id, Some(&args))
    }};
}

/// Parse errors of the compiled catalogues (empty when all parse whole).
pub fn parse_errors() -> Vec<String> {
    catalogue::parse_errors()
}
