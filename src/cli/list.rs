//! `breakwater list`: the built-in scenarios, one a line, with a
//! comparison's two sides.

use super::failure::Outcome;
use super::shell::say;
use breakwater::base::escape::escape;
use breakwater::base::localised::Localised;
use breakwater::scenario::{self, builtin};
use breakwater::t;

pub fn list() -> Outcome {
    let mut text = String::new();
    for (name, body) in builtin::BUILTINS {
        match scenario::parse_scenario(name, body.as_bytes()) {
            Ok(s) => {
                text.push_str(&format!("{name:<20} {}\n", escape(&s.description)));
                // A comparison: its two sides, as the README's table shows them.
                if let Some(v) = &s.variants {
                    let label = |x: &Option<Localised>, d: &str| {
                        escape(x.as_ref().map_or(d, |l| l.get())).into_owned()
                    };
                    text.push_str(&format!(
                        "{:<20} {}\n",
                        "",
                        t!(
                            "list-sides",
                            a = label(&v.a.label, "A"),
                            b = label(&v.b.label, "B")
                        )
                    ));
                }
            }
            Err(e) => text.push_str(&format!(
                "{name:<20} ({})\n",
                t!("list-broken", reason = e.say(breakwater::i18n::current()))
            )),
        }
    }
    say(&text)
}
