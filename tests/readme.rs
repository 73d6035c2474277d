//! The README and its Spanish twin, README.es.md, kept in step (issue 12):
//! both list the same keys, commands and scenarios, and those are the ones
//! the program has.

use breakwater::scenario::builtin::BUILTINS;
use breakwater::tui::keys::bindings;
use std::collections::BTreeSet;

fn read(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Backticked tokens in the first column of every table: the keys.
fn keys(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix('|') else {
            continue;
        };
        let first = rest.split('|').next().unwrap_or("");
        for (k, piece) in first.split('`').enumerate() {
            if k % 2 == 1 && piece.chars().count() <= 10 {
                out.insert(piece.to_string());
            }
        }
    }
    out
}

/// `breakwater WORD` where WORD is a command of the program.
fn commands(text: &str) -> BTreeSet<String> {
    let known = [
        "run", "check", "list", "compare", "trace", "sweep", "plot", "lesson",
    ];
    let mut out = BTreeSet::new();
    for w in text.split("breakwater ").skip(1) {
        let word: String = w.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        if known.contains(&word.as_str()) {
            out.insert(word);
        }
    }
    for w in text.split("cargo run --release -- ").skip(1) {
        let word: String = w.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        if known.contains(&word.as_str()) {
            out.insert(word);
        }
    }
    out
}

fn scenarios(text: &str) -> BTreeSet<String> {
    BUILTINS
        .iter()
        .map(|(n, _)| n.to_string())
        .filter(|n| text.contains(&format!("`{n}`")))
        .collect()
}

#[test]
fn readme_and_readme_es_list_the_same_keys_commands_and_scenarios() {
    let (en, es) = (read("README.md"), read("README.es.md"));
    assert_eq!(keys(&en), keys(&es), "keys in the tables differ");
    assert_eq!(commands(&en), commands(&es), "commands differ");
    assert_eq!(scenarios(&en), scenarios(&es), "scenarios differ");
}

#[test]
fn the_readme_lists_every_key_command_and_scenario_the_program_has() {
    let en = read("README.md");
    let listed = keys(&en);
    for b in bindings() {
        // Keys written as one character: `n`, `t`, `?`, `+` …
        for label in b.label.split_whitespace() {
            if label.chars().count() == 1 && label != "/" {
                assert!(
                    listed.contains(label),
                    "key `{label}` ({}) is not in the README's key table",
                    b.help
                );
            }
        }
    }
    let cmds = commands(&en);
    for c in [
        "run", "check", "list", "compare", "trace", "sweep", "lesson",
    ] {
        assert!(cmds.contains(c), "command {c} is not in the README");
    }
    let names = scenarios(&en);
    for (n, _) in BUILTINS {
        assert!(names.contains(*n), "scenario {n} is not in the README");
    }
}

/// The Slurm job script the READMEs show is the one CI submits
/// (`tests/e2e_slurm.sh` runs `examples/slurm/sweep-array.sh`).
#[test]
fn the_readmes_slurm_script_is_the_one_ci_runs() {
    let script = read("examples/slurm/sweep-array.sh");
    for name in ["README.md", "README.es.md"] {
        let text = read(name);
        assert!(
            text.contains(&format!("```sh\n{script}```")),
            "{name} does not show examples/slurm/sweep-array.sh verbatim"
        );
    }
    assert!(read("tests/e2e_slurm.sh").contains("examples/slurm/sweep-array.sh"));
    assert!(read(".ci/run").contains("tests/e2e_slurm.sh"));
}
