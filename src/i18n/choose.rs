//! Which language to speak: `--lang`, then `BREAKWATER_LANG`, then the
//! locale variables in POSIX's order of precedence (`LANGUAGE`'s list,
//! `LC_ALL`, `LC_MESSAGES`, `LANG`), then English.
//!
//! Read before the command line is parsed, so that `--help` and clap's own
//! errors are already in the reader's language.

/// The language chosen by `args` (the process's arguments, program name
/// excluded) and the environment `var`; `Err` names the bad flag or
/// variable and the languages there are.
pub fn from_args_and_env(
    args: &[String],
    var: impl Fn(&str) -> Option<String>,
) -> Result<&'static str, String> {
    let known = super::languages();
    let mut flag = None;
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "--" {
            break;
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            flag = Some(v.to_string());
        } else if a == "--lang" {
            flag = args.get(i + 1).cloned();
            i += 1;
        }
        i += 1;
    }
    let list = known.join(", ");
    if let Some(v) = flag {
        return exact(&v)
            .ok_or_else(|| crate::t!("lang-unknown", source = "--lang", value = v, valid = list));
    }
    if let Some(v) = var("BREAKWATER_LANG").filter(|v| !v.is_empty()) {
        return exact(&v).ok_or_else(|| {
            crate::t!(
                "lang-unknown",
                source = "BREAKWATER_LANG",
                value = v,
                valid = list
            )
        });
    }
    Ok(from_env_vars(var))
}

/// The language the locale variables name, English when they name none we
/// have (`C`, `POSIX`, unset).
pub fn from_env_vars(var: impl Fn(&str) -> Option<String>) -> &'static str {
    // GNU gettext: LANGUAGE is a preference list, used when any of it is
    // known; otherwise the first set locale variable decides.
    if let Some(list) = var("LANGUAGE").filter(|v| !v.is_empty()) {
        if let Some(code) = list.split(':').find_map(locale_language) {
            return code;
        }
    }
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(v) = var(name).filter(|v| !v.is_empty()) {
            return locale_language(&v).unwrap_or(super::DEFAULT);
        }
    }
    super::DEFAULT
}

/// `es`, `ES`, `es-ES`: a language we have.
fn exact(v: &str) -> Option<&'static str> {
    locale_language(v)
}

/// The language of a locale name (`es_ES.UTF-8@euro` → `es`), if we have it.
fn locale_language(v: &str) -> Option<&'static str> {
    let lang = v.split(['_', '.', '@', '-']).next()?.to_ascii_lowercase();
    super::languages().iter().copied().find(|l| *l == lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn precedence_flag_then_own_variable_then_locale() {
        let all = [
            ("BREAKWATER_LANG", "en"),
            ("LANG", "es_ES.UTF-8"),
            ("LC_ALL", "es_ES.UTF-8"),
        ];
        assert_eq!(
            from_args_and_env(&args(&["--lang", "es"]), env(&all)),
            Ok("es")
        );
        assert_eq!(
            from_args_and_env(&args(&["run", "--lang=es"]), env(&all)),
            Ok("es")
        );
        assert_eq!(from_args_and_env(&args(&[]), env(&all)), Ok("en"));
        assert_eq!(from_args_and_env(&args(&[]), env(&all[1..])), Ok("es"));
        assert_eq!(from_args_and_env(&args(&[]), env(&[])), Ok("en"));
        // After `--`, `--lang` is a scenario's name, not the flag.
        assert_eq!(
            from_args_and_env(&args(&["--", "--lang", "es"]), env(&[])),
            Ok("en")
        );
        assert!(from_args_and_env(&args(&["--lang", "fr"]), env(&[])).is_err());
        assert!(from_args_and_env(&args(&[]), env(&[("BREAKWATER_LANG", "xx")])).is_err());
    }

    #[test]
    fn locale_variables_in_posix_order() {
        assert_eq!(from_env_vars(env(&[("LANGUAGE", "fr:es:en")])), "es");
        assert_eq!(
            from_env_vars(env(&[("LANGUAGE", "fr"), ("LANG", "es_MX.UTF-8")])),
            "es"
        );
        assert_eq!(
            from_env_vars(env(&[("LC_ALL", "C"), ("LANG", "es_ES.UTF-8")])),
            "en"
        );
        assert_eq!(
            from_env_vars(env(&[("LC_MESSAGES", "es_ES@euro"), ("LANG", "en_US")])),
            "es"
        );
        assert_eq!(from_env_vars(env(&[("LANG", "")])), "en");
    }
}
