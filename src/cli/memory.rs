//! The memory this process may still use, for `sweep` to run no more cells
//! at once than fit: the least of what the system has available
//! (`MemAvailable` in /proc/meminfo), what the cgroup allows (cgroup v2
//! `memory.max` less `memory.current`; v1 `memory.limit_in_bytes` less
//! `memory.usage_in_bytes`) and what the address-space limit leaves
//! (`RLIMIT_AS`, `ulimit -v`, less the address space in use). A source that
//! cannot be read limits nothing.

/// Where the least figure came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    MemAvailable,
    Cgroup,
    AddressSpace,
}

impl Source {
    /// Its name, in the reader's language.
    pub fn said(self) -> String {
        match self {
            Source::MemAvailable => breakwater::t!("memory-source-available"),
            Source::Cgroup => breakwater::t!("memory-source-cgroup"),
            Source::AddressSpace => breakwater::t!("memory-source-address-space"),
        }
    }
}

/// Bytes available and the source that says so; `None` if no source can
/// be read (nothing to fit then).
pub fn available() -> Option<(f64, Source)> {
    [
        mem_available().map(|b| (b, Source::MemAvailable)),
        cgroup_room().map(|b| (b, Source::Cgroup)),
        address_space_room().map(|b| (b, Source::AddressSpace)),
    ]
    .into_iter()
    .flatten()
    .min_by(|a, b| a.0.total_cmp(&b.0))
}

/// A `Key: N kB` line's N in bytes, from a /proc file's text.
fn kb_line(text: &str, key: &str) -> Option<f64> {
    let line = text.lines().find(|l| l.starts_with(key))?;
    let kb: f64 = line[key.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb * 1024.0)
}

fn mem_available() -> Option<f64> {
    kb_line(
        &std::fs::read_to_string("/proc/meminfo").ok()?,
        "MemAvailable:",
    )
}

/// A number of bytes in a cgroup file; "max" (or a v1 figure near 2^63,
/// its "unlimited") is no limit.
fn cgroup_number(path: &std::path::Path) -> Option<f64> {
    let text = std::fs::read_to_string(path).ok()?;
    let n: f64 = text.trim().parse().ok()?;
    (n < 1e18).then_some(n)
}

/// What the process's cgroup still allows.
fn cgroup_room() -> Option<f64> {
    let own = std::fs::read_to_string("/proc/self/cgroup").ok()?;
    for line in own.lines() {
        let mut parts = line.splitn(3, ':');
        let (_, controllers, path) = (parts.next()?, parts.next()?, parts.next()?);
        let path = path.trim_start_matches('/');
        if controllers.is_empty() {
            // cgroup v2: the unified hierarchy.
            let dir = std::path::Path::new("/sys/fs/cgroup").join(path);
            let max = cgroup_number(&dir.join("memory.max"))?;
            let used = cgroup_number(&dir.join("memory.current")).unwrap_or(0.0);
            return Some((max - used).max(0.0));
        }
        if controllers.split(',').any(|c| c == "memory") {
            let dir = std::path::Path::new("/sys/fs/cgroup/memory").join(path);
            let max = cgroup_number(&dir.join("memory.limit_in_bytes"))?;
            let used = cgroup_number(&dir.join("memory.usage_in_bytes")).unwrap_or(0.0);
            return Some((max - used).max(0.0));
        }
    }
    None
}

/// What `RLIMIT_AS` leaves of the address space.
fn address_space_room() -> Option<f64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes the struct it is given, nothing else.
    if unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut limit) } != 0
        || limit.rlim_cur == libc::RLIM_INFINITY
    {
        return None;
    }
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let used = kb_line(&status, "VmSize:").unwrap_or(0.0);
    Some((limit.rlim_cur as f64 - used).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proc_line_reads_as_bytes() {
        let text = "MemTotal:       24000000 kB\nMemAvailable:   1000 kB\n";
        assert_eq!(kb_line(text, "MemAvailable:"), Some(1_024_000.0));
        assert_eq!(kb_line(text, "VmSize:"), None);
    }

    #[test]
    fn a_cgroup_figure_of_max_or_near_2_63_limits_nothing() {
        let dir = std::env::temp_dir().join(format!("bw-cgroup-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let at = |text: &str| {
            let f = dir.join("memory.max");
            std::fs::write(&f, text).unwrap();
            cgroup_number(&f)
        };
        assert_eq!(at("3221225472\n"), Some(3_221_225_472.0));
        assert_eq!(at("max\n"), None);
        assert_eq!(at("9223372036854771712\n"), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
