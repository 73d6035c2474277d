//! The command line in the reader's language: clap's `--help` built at run
//! time from the catalogue, and clap's errors said in our words.
//!
//! Every subcommand's `about` is `cli-<command>-about` (`cli-about` for the
//! program); every flag's help is `cli-<command>-<flag>`, or the shared
//! `cli-arg-<flag>` when the flag means the same everywhere (`--seed`,
//! `--set`). A test walks the command and fails on any text missing.

use breakwater::t;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

/// The message id of `arg`'s help in subcommand `cmd` ("" for the program),
/// if the catalogue has one.
fn arg_id(cmd: &str, arg: &str) -> Option<String> {
    let arg = arg.replace('_', "-");
    let own = if cmd.is_empty() {
        format!("cli-{arg}")
    } else {
        format!("cli-{cmd}-{arg}")
    };
    let shared = format!("cli-arg-{arg}");
    [own, shared]
        .into_iter()
        .find(|id| breakwater::i18n::has(breakwater::i18n::current(), id))
}

/// Every text of `cmd` and its subcommands, from the catalogue.
fn localise(cmd: Command, name: &str) -> Command {
    let about_id = if name.is_empty() {
        "cli-about".to_string()
    } else {
        format!("cli-{name}-about")
    };
    let options = t!("cli-heading-options");
    let arguments = t!("cli-heading-arguments");
    let mut cmd = cmd
        .about(breakwater::i18n::tr(&about_id, None))
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t!("cli-help")),
        )
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            t!("cli-heading-usage")
        ))
        .subcommand_help_heading(t!("cli-heading-commands"))
        .subcommand_value_name(t!("cli-value-command"));
    if name.is_empty() {
        cmd = cmd.arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t!("cli-version")),
        );
    }
    let owner = name.to_string();
    // Variables any flag's text may use.
    let mut shared = breakwater::i18n::FluentArgs::new();
    shared.set("languages", breakwater::i18n::languages().join(", "));
    cmd = cmd.mut_args(|a| {
        let id = a.get_id().to_string();
        let heading = if a.is_positional() {
            arguments.clone()
        } else {
            options.clone()
        };
        let a = a.help_heading(heading);
        let Some(msg) = arg_id(&owner, &id) else {
            return a;
        };
        let mut text = breakwater::i18n::tr(&msg, Some(&shared));
        // clap would say "[default: …]" in English: say it ourselves.
        let defaults: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !a.get_action().takes_values() {
            return a.help(text);
        }
        let possible: Vec<String> = a
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !possible.is_empty() {
            text.push_str(&format!(
                " [{}]",
                t!("cli-possible", values = possible.join(", "))
            ));
        }
        if !defaults.is_empty() {
            text.push_str(&format!(
                " [{}]",
                t!("cli-default", value = defaults.join(", "))
            ));
        }
        a.help(text)
            .hide_default_value(true)
            .hide_possible_values(true)
    });
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in names {
        cmd = cmd.mut_subcommand(&sub, |s| localise(s, &sub));
    }
    cmd
}

/// The process's arguments without `--lang X` / `--lang=X`: the language is
/// chosen before parsing (so that `--help` speaks it), and clap would
/// otherwise see a program flag before a subcommand as a conflict.
pub fn without_lang(args: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(args.len());
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "--" {
            out.extend(args[i..].iter().cloned());
            break;
        }
        if a == "--lang" {
            i += 2;
            continue;
        }
        if !a.starts_with("--lang=") {
            out.push(a.clone());
        }
        i += 1;
    }
    out
}

/// The program's command with every text in the current language.
pub fn command(base: Command) -> Command {
    localise(base.disable_help_subcommand(true), "")
}

/// A piece of a clap error, escaped: it may be the value as typed.
fn context(e: &clap::Error, kind: ContextKind) -> String {
    breakwater::base::escape::escape(&raw_context(e, kind)).into_owned()
}

fn raw_context(e: &clap::Error, kind: ContextKind) -> String {
    match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        Some(ContextValue::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

/// A clap error in our words: the sentence, then how to ask for help.
pub fn explain(e: &clap::Error) -> String {
    let arg = context(e, ContextKind::InvalidArg);
    let value = context(e, ContextKind::InvalidValue);
    let valid = context(e, ContextKind::ValidValue);
    let suggested = context(e, ContextKind::SuggestedArg);
    let sub = context(e, ContextKind::InvalidSubcommand);
    let mut text = match e.kind() {
        ErrorKind::UnknownArgument => t!("cli-error-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => t!("cli-error-unknown-command", command = sub),
        ErrorKind::InvalidValue if value.is_empty() => t!("cli-error-needs-value", arg = arg),
        ErrorKind::InvalidValue => {
            t!(
                "cli-error-invalid-value",
                arg = arg,
                value = value,
                valid = valid
            )
        }
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(e)
                .map(|s| {
                    breakwater::base::escape::escape_keep_newlines(&s.to_string()).into_owned()
                })
                .unwrap_or_default();
            t!(
                "cli-error-bad-value",
                arg = arg,
                value = value,
                reason = reason
            )
        }
        ErrorKind::ArgumentConflict => {
            let prior = context(e, ContextKind::PriorArg);
            if arg.is_empty() {
                // A command after a scenario: `breakwater rn check`.
                t!(
                    "cli-error-command-after-scenario",
                    command = sub,
                    other = prior
                )
            } else {
                t!("cli-error-conflict", arg = arg, other = prior)
            }
        }
        ErrorKind::MissingRequiredArgument => t!("cli-error-missing", arg = arg),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            t!("cli-error-unexpected", value = value)
        }
        _ => {
            // Anything rarer: clap's own sentence, without its "error: ".
            let s = e.render().to_string();
            let first = s.lines().next().unwrap_or_default();
            breakwater::base::escape::escape(first.trim_start_matches("error: ")).into_owned()
        }
    };
    if !suggested.is_empty() {
        text.push_str(&format!(
            "\n  {}",
            t!("cli-error-did-you-mean", arg = suggested)
        ));
    }
    format!("breakwater: {text}\n{}", t!("cli-error-try-help"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every flag and command has its text in every language: a `--help`
    /// is never half English.
    #[test]
    fn lang_is_taken_out_wherever_it_is() {
        let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            without_lang(&v(&["--lang", "es", "run", "x", "--lang=en", "--json"])),
            v(&["run", "x", "--json"])
        );
        assert_eq!(
            without_lang(&v(&["run", "--", "--lang", "es"])),
            v(&["run", "--", "--lang", "es"])
        );
    }

    #[test]
    fn every_flag_and_command_has_a_text_in_every_language() {
        fn walk(cmd: &Command, name: &str, missing: &mut Vec<String>) {
            for code in breakwater::i18n::languages() {
                let _lang = breakwater::i18n::Scope::enter(code);
                let about = if name.is_empty() {
                    "cli-about".to_string()
                } else {
                    format!("cli-{name}-about")
                };
                if !breakwater::i18n::has(code, &about) {
                    missing.push(format!("{code}: {about}"));
                }
                for a in cmd.get_arguments() {
                    let id = a.get_id().as_str();
                    if id != "help" && id != "version" && arg_id(name, id).is_none() {
                        let id = id.replace('_', "-");
                        missing.push(format!("{code}: cli-{name}-{id} (or cli-arg-{id})"));
                    }
                }
            }
            for s in cmd.get_subcommands() {
                walk(s, s.get_name(), missing);
            }
        }
        let mut missing = vec![];
        walk(&super::super::Cli::command(), "", &mut missing);
        // And the localised command is one clap accepts, in every language.
        for code in breakwater::i18n::languages() {
            let _lang = breakwater::i18n::Scope::enter(code);
            command(super::super::Cli::command()).debug_assert();
        }
        assert!(missing.is_empty(), "no text for: {missing:#?}");
    }
}
