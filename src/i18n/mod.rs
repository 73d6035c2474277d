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
//! it. There is no process-wide language: whatever renders text is given
//! its reader's language and says it, either explicitly (`Msg::say(lang)`,
//! `tr_in`) or by running its drawing inside [`scoped`], which makes that
//! language this thread's for `t!` and number formatting. A thread a shell
//! spawns carries the language into it (`scoped` again, inside the thread),
//! so two readers in two languages can render side by side in one process.

mod catalogue;
mod choose;
pub mod msg;
mod number;

use std::cell::Cell;

pub use choose::{from_args_and_env, from_env_vars};
pub use fluent_bundle::{FluentArgs, FluentValue};
pub use msg::{Msg, MsgArg};
pub use number::{decimal_mark, decimal_marked, decimal_marked_in, grouped, number};

thread_local! {
    /// This thread's language while a renderer runs (an index into
    /// [`languages`]); the default language outside any [`scoped`].
    static CURRENT: Cell<usize> = const { Cell::new(0) };
}

/// The code of the language the program falls back to.
pub const DEFAULT: &str = "en";

/// Every language with a catalogue, `en` first, the rest sorted.
pub fn languages() -> &'static [&'static str] {
    catalogue::get().codes()
}

/// The language this thread renders in (`en`, `es`): the one given to the
/// innermost [`scoped`] around the caller, else the default.
pub fn current() -> &'static str {
    languages()[CURRENT.with(Cell::get)]
}

/// The catalogue's own code for `code`, if there is a catalogue for it.
pub fn known(code: &str) -> Option<&'static str> {
    languages().iter().copied().find(|l| *l == code)
}

/// The language after `code` in [`languages`] (the dashboard's `L`).
pub fn next(code: &str) -> &'static str {
    let all = languages();
    let i = all.iter().position(|l| *l == code).map_or(0, |i| i + 1);
    all[i % all.len()]
}

/// Runs `f` with `code` as this thread's language (`t!`, numbers, a
/// `Localised` text), then restores the one before, even if `f` panics. An
/// unknown code means the default language.
pub fn scoped<R>(code: &str, f: impl FnOnce() -> R) -> R {
    let _scope = Scope::enter(code);
    f()
}

/// This thread's language until dropped (the guard form of [`scoped`]).
#[must_use = "the language holds only while the scope is alive"]
pub struct Scope {
    before: usize,
}

impl Scope {
    pub fn enter(code: &str) -> Scope {
        let i = languages().iter().position(|l| *l == code).unwrap_or(0);
        Scope {
            before: CURRENT.with(|c| c.replace(i)),
        }
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(self.before));
    }
}

/// The message `id` in this thread's language, its variables from `args`.
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
/// A message as data, said in this thread's language (a shell's `t!`).
impl Arg for Msg {
    fn into_value(self) -> FluentValue<'static> {
        FluentValue::from(self.say(current()))
    }
}
impl Arg for &Msg {
    fn into_value(self) -> FluentValue<'static> {
        FluentValue::from(self.say(current()))
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

/// A message in this thread's language (shells only; the core returns
/// `msg!` data): `t!("id")` or
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
