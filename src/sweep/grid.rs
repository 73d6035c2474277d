//! The cells of a sweep: every combination of the varied values (the first
//! `--vary` changes slowest), each cell the scenario with its `--set`s, and
//! everything checked before any run starts: paths, values (exactly as
//! `--set` checks them), each cell's estimated size, and the cell limit.

use crate::base::escape::escape;
use crate::scenario::overrides::apply_sets;
use crate::scenario::Scenario;
use crate::sweep::axis::Axis;
use crate::sweep::text;

/// The most cells a sweep may have (before `--shard` splits it): at a few
/// milliseconds to seconds a cell, more is a batch job, and sharding a
/// larger grid is the way.
pub const MAX_CELLS: usize = 10_000;

/// The varied paths (one or two) and their values.
#[derive(Clone, Debug)]
pub struct Grid {
    pub axes: Vec<Axis>,
}

impl Grid {
    /// One or two axes on distinct paths, at most `MAX_CELLS` cells.
    pub fn new(axes: Vec<Axis>) -> Result<Grid, String> {
        if axes.is_empty() || axes.len() > 2 {
            return Err(text::vary_count(axes.len()));
        }
        if axes.len() == 2 && axes[0].path == axes[1].path {
            return Err(text::vary_same_path(&axes[0].path));
        }
        let cells = axes.iter().map(|a| a.values.len() as f64).product::<f64>();
        if cells > MAX_CELLS as f64 {
            return Err(text::too_many_cells(cells, MAX_CELLS));
        }
        Ok(Grid { axes })
    }

    pub fn len(&self) -> usize {
        self.axes.iter().map(|a| a.values.len()).product()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The position of cell `index` on each axis (the first axis slowest).
    pub fn coords(&self, index: usize) -> Vec<usize> {
        let mut rest = index;
        let mut out = vec![0; self.axes.len()];
        for (k, a) in self.axes.iter().enumerate().rev() {
            out[k] = rest % a.values.len();
            rest /= a.values.len();
        }
        out
    }

    /// The index of the cell at `coords`.
    pub fn index(&self, coords: &[usize]) -> usize {
        self.axes
            .iter()
            .zip(coords)
            .fold(0, |i, (a, &c)| i * a.values.len() + c)
    }

    /// Cell `index`'s `PATH=VALUE`s, in axis order.
    pub fn sets(&self, index: usize) -> Vec<String> {
        self.axes
            .iter()
            .zip(self.coords(index))
            .map(|(a, c)| a.set(c))
            .collect()
    }

    /// Cell `index`'s values, in axis order.
    pub fn values(&self, index: usize) -> Vec<&str> {
        self.axes
            .iter()
            .zip(self.coords(index))
            .map(|(a, c)| a.values[c].as_str())
            .collect()
    }

    /// The scenario of cell `index`: `base` (the scenario with the fixed
    /// `--set`s) with the cell's, exactly as `run --set …` builds it.
    pub fn scenario(&self, base: &Scenario, index: usize) -> Result<Scenario, String> {
        let mut s = base.clone();
        apply_sets(&mut s, "--vary", &self.sets(index))
            .map_err(|m| m.say(crate::i18n::current()))?;
        Ok(s)
    }

    /// Checks the sweep before anything runs: no path both fixed (`fixed`,
    /// the `--set`s already applied to `base`) and varied, each value as
    /// `--set` would check it, then every cell (two values together may make
    /// a run too large). `check_cell` adds the shell's own checks of a
    /// cell's scenario (e.g. `--duration`).
    pub fn validate(
        &self,
        base: &Scenario,
        fixed: &[String],
        check_cell: &dyn Fn(&Scenario) -> Result<(), String>,
    ) -> Result<(), String> {
        let canonical = |p: &str| {
            base.world
                .parse_path(p.trim())
                .map_or_else(|_| p.trim().to_string(), |c| c.text)
        };
        for a in &self.axes {
            let varied = canonical(&a.path);
            for f in fixed {
                let path = f.split_once('=').map_or(f.as_str(), |(p, _)| p);
                if canonical(path) == varied {
                    return Err(text::fixed_and_varied(&escape(&a.path)));
                }
            }
            for i in 0..a.values.len() {
                let mut s = base.clone();
                apply_sets(&mut s, "--vary", &[a.set(i)])
                    .map_err(|m| m.say(crate::i18n::current()))?;
            }
        }
        for index in 0..self.len() {
            let named = |m: String| format!("{}: {m}", text::cell_named(&self.sets(index)));
            let s = self.scenario(base, index).map_err(named)?;
            check_cell(&s).map_err(named)?;
        }
        Ok(())
    }
}

/// `--shard I/N`: the cells `I, I+N, I+2N, …` of `0..cells`.
pub fn shard_cells(cells: usize, shard: Option<(usize, usize)>) -> Vec<usize> {
    let (i, n) = shard.unwrap_or((0, 1));
    (i..cells).step_by(n.max(1)).collect()
}

/// Reads `I/N` with 0 ≤ I < N.
pub fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let parsed = s
        .split_once('/')
        .and_then(|(i, n)| Some((i.trim().parse().ok()?, n.trim().parse().ok()?)));
    match parsed {
        Some((i, n)) if i < n => Ok((i, n)),
        _ => Err(text::shard_form()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sweep::axis::parse_vary;

    fn grid(args: &[&str]) -> Grid {
        Grid::new(
            args.iter()
                .map(|a| parse_vary(a, MAX_CELLS).unwrap())
                .collect(),
        )
        .unwrap()
    }

    #[test]
    fn the_first_axis_changes_slowest() {
        let g = grid(&["a=1..3:1", "b=10,20"]);
        assert_eq!(g.len(), 6);
        assert_eq!(g.sets(0), ["a=1", "b=10"]);
        assert_eq!(g.sets(1), ["a=1", "b=20"]);
        assert_eq!(g.sets(5), ["a=3", "b=20"]);
        for i in 0..6 {
            assert_eq!(g.index(&g.coords(i)), i);
        }
    }

    #[test]
    fn limits_and_shapes() {
        let axes = |args: &[&str]| -> Vec<Axis> {
            args.iter()
                .map(|a| parse_vary(a, MAX_CELLS).unwrap())
                .collect()
        };
        assert!(Grid::new(axes(&["a=1..200:1", "b=1..51:1"])).is_err());
        assert!(Grid::new(axes(&["a=1..100:1", "b=1..100:1"])).is_ok());
        assert!(Grid::new(axes(&["a=1", "a=2"])).is_err());
        assert!(Grid::new(axes(&["a=1", "b=2", "c=3"])).is_err());
    }

    #[test]
    fn shards_partition_the_cells() {
        let mut all: Vec<usize> = (0..3).flat_map(|i| shard_cells(10, Some((i, 3)))).collect();
        all.sort();
        assert_eq!(all, (0..10).collect::<Vec<_>>());
        assert_eq!(shard_cells(10, Some((1, 3))), [1, 4, 7]);
        assert!(parse_shard("3/3").is_err());
        assert!(parse_shard("x").is_err());
        assert_eq!(parse_shard("0/2"), Ok((0, 2)));
    }
}
