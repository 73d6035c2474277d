//! The `breakwater` command line, a thin shell over the library: one file
//! per command, the flags they share declared once (`flags`), one way to
//! end (`failure`: the exit status and its message), progress for the long
//! ones (`progress`), every text from the catalogue (`text`).

pub mod check;
pub mod collector;
pub mod compare;
pub mod dashboard;
pub mod exercise;
pub mod failure;
pub mod flags;
pub mod grade;
pub mod lesson;
pub mod list;
pub mod memory;
pub mod observe;
pub mod plot;
pub mod progress;
pub mod run;
pub mod serve;
pub mod shell;
pub mod sweep;
pub mod text;
pub mod trace;
pub mod values;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use failure::Failure;

// No doc comments on the command line's types: clap would take them for
// help, and every help is the catalogue's (`text.rs`, `locales/*/cli.ftl`).
#[derive(Parser)]
#[command(name = "breakwater", version)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    // The dashboard's scenario (default: seed-lesson).
    pub scenario: Option<String>,
    #[command(flatten)]
    pub dash: dashboard::DashArgs,
    // Read before parsing (`text::without_lang`); here for --help.
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
}

#[derive(Subcommand)]
pub enum Command {
    Run(run::RunArgs),
    Check(check::CheckArgs),
    List,
    Trace(trace::TraceArgs),
    Compare(compare::CompareArgs),
    Sweep(sweep::SweepArgs),
    Plot(plot::PlotArgs),
    Lesson(lesson::LessonArgs),
    Exercise(exercise::ExerciseArgs),
    Grade(grade::GradeArgs),
}

/// The process's arguments.
fn args() -> Vec<String> {
    std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect()
}

/// The reader's language, from `--lang` anywhere on the line, then the
/// environment; the command renders in it (`main` holds it for the whole
/// command; threads a command spawns carry it in themselves).
pub fn language() -> Result<&'static str, Failure> {
    breakwater::i18n::from_args_and_env(&args(), |k| std::env::var(k).ok()).map_err(Failure::bad)
}

/// The process's arguments, parsed in the reader's language (already
/// entered, so that `--help` and clap's errors speak it). Help and version
/// are printed here and end as exit 0 (1 if stdout cannot take them).
pub fn parse() -> Result<Cli, Failure> {
    let args = args();
    let mut argv = vec!["breakwater".to_string()];
    argv.extend(text::without_lang(&args));
    match text::command(Cli::command())
        .try_get_matches_from(argv)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => Ok(cli),
        Err(e) if !e.use_stderr() => {
            // Help and version go to stdout; a closed pipe is no error,
            // a full disk (`> /dev/full`) is.
            use std::io::Write;
            match e.print().and_then(|()| std::io::stdout().flush()) {
                Err(w) if w.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(Failure::io(breakwater::t!(
                        "io-cannot-write-stdout",
                        reason = breakwater::base::io_reason::io_reason(&w).said()
                    )))
                }
                _ => Err(Failure::silent(0)),
            }
        }
        Err(e) => Err(Failure::with(2, text::explain(&e))),
    }
}
