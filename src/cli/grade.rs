//! `breakwater grade NAME|FILE [--set PATH=VALUE]… [ANSWER.toml] [--json]`:
//! an exercise's world with the student's changes run, each goal measured.
//! Exit 0 when every goal holds, 3 when one does not, 2 for a change the
//! exercise refuses (or any bad input), 1 when the result cannot be written.

use super::exercise::load;
use super::failure::{Failure, Outcome};
use super::flags::{Seed, Sets};
use super::shell::{json_text, say};
use breakwater::base::escape::escape;
use breakwater::report::grade;
use breakwater::scenario::exercise::answer;
use breakwater::scenario::exercise::changes::Proposed;
use breakwater::scenario::overrides::parse_set;

#[derive(clap::Args)]
pub struct GradeArgs {
    #[arg(value_name = "NAME|FILE")]
    exercise: String,
    #[arg(value_name = "ANSWER.toml")]
    answer: Option<String>,
    #[command(flatten)]
    sets: Sets,
    #[command(flatten)]
    seed: Seed,
    #[arg(long)]
    json: bool,
}

pub fn grade(a: GradeArgs) -> Outcome {
    let ex = load(&a.exercise)?;
    // The answer file's changes first, then the flags': the later a
    // source, the later it applies.
    let mut changes = match &a.answer {
        Some(path) => {
            let c = answer::load(path)
                .map_err(|e| Failure::with(2, e.say(breakwater::i18n::current())))?;
            breakwater::output::file::note_input(path);
            c
        }
        None => Vec::new(),
    };
    for arg in &a.sets.set {
        let named = |m| {
            Failure::bad(breakwater::msg!(
                "set-named",
                flag = "--set",
                arg = escape(arg),
                message = m
            ))
        };
        let (path, value) = parse_set(arg).map_err(named)?;
        changes.push(Proposed {
            path,
            value,
            source: format!("--set {arg}"),
        });
    }
    let mut s = ex.with_changes(&changes).map_err(Failure::bad)?;
    if let Some(seed) = a.seed.seed {
        s.seed = seed;
    }
    let g = grade::grade(&s, &ex.goals);
    let text = if a.json {
        json_text(&grade::to_json(&ex, &a.exercise, &s, &changes, &g))?
    } else {
        grade::to_text(&ex, &s, &changes, &g)
    };
    say(&text)?;
    if g.passed() {
        Ok(())
    } else {
        Err(Failure::unmet())
    }
}
