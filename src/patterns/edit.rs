//! How the dashboard's ←/→ move a pattern's field: declared by each pattern
//! beside its configuration, read by the Parameters panel through the
//! registry. The ladders are round values a class can follow.

/// How a parameter's value moves with ←/→.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Edit {
    /// Steps along a ladder of round values; integers are sent as integers.
    Number {
        ladder: &'static [f64],
        integer: bool,
    },
    /// A duration, stepping along a ladder given in milliseconds.
    Duration(&'static [u64]),
    Bool,
    Choice(&'static [&'static str]),
}

/// One editable field of a pattern: its name in change paths, how it moves,
/// and (for fields that only mean something in some configurations) when the
/// panel offers it.
#[derive(Clone, Copy, Debug)]
pub struct Editable {
    pub field: &'static str,
    pub edit: Edit,
    pub shown: Option<fn(&super::PatternSet) -> bool>,
}

impl Editable {
    pub const fn new(field: &'static str, edit: Edit) -> Editable {
        Editable {
            field,
            edit,
            shown: None,
        }
    }
    pub const fn when(self, shown: fn(&super::PatternSet) -> bool) -> Editable {
        Editable {
            shown: Some(shown),
            ..self
        }
    }
}

/// Whole counts from 1 to 1000.
pub const COUNTS: &[f64] = &[
    1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 12.0, 15.0, 16.0, 20.0, 24.0, 25.0, 30.0,
    40.0, 50.0, 60.0, 80.0, 100.0, 150.0, 200.0, 300.0, 500.0, 1000.0,
];
/// Queue lengths from 0 to 10000.
pub const QUEUES: &[f64] = &[
    0.0, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0,
];
/// A whole count on the `COUNTS` ladder.
pub const COUNT: Edit = Edit::Number {
    ladder: COUNTS,
    integer: true,
};
/// A queue length on the `QUEUES` ladder.
pub const QUEUE: Edit = Edit::Number {
    ladder: QUEUES,
    integer: true,
};
