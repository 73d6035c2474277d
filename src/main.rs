//! The `breakwater` command: the dashboard, headless runs, checks and the
//! list of built-in scenarios. A thin shell over the library: this file
//! only dispatches; each command is a file of `cli/`.
//!
//! Exit status: 0 fine (a closed output pipe included), 2 bad input (the
//! scenario, a flag or its value), 1 an internal or I/O error, 3 a graded
//! exercise with a goal missed, 128 + n when signal n ended the dashboard
//! or a sweep (`cli/failure.rs`).

mod cli;

use cli::Command;
use std::process::ExitCode;

fn main() -> ExitCode {
    let lang = match cli::language() {
        Ok(code) => code,
        Err(failure) => return failure.exit(),
    };
    let _lang = breakwater::i18n::Scope::enter(lang);
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(failure) => return failure.exit(),
    };
    let done = match cli.command {
        Some(Command::Run(args)) => cli::run::run(args),
        Some(Command::Check(args)) => cli::check::check(args),
        Some(Command::List) => cli::list::list(),
        Some(Command::Trace(args)) => cli::trace::trace(args),
        Some(Command::Compare(args)) => cli::compare::compare(args),
        Some(Command::Sweep(args)) => cli::sweep::sweep(args),
        Some(Command::Plot(args)) => cli::plot::plot(args),
        Some(Command::Lesson(args)) => cli::lesson::lesson(args),
        Some(Command::Exercise(args)) => cli::exercise::exercise(args),
        Some(Command::Grade(args)) => cli::grade::grade(args),
        None => cli::dashboard::open(cli.scenario, cli.dash),
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.exit(),
    }
}
