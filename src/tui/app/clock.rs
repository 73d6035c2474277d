//! The frame clock, part of the `App` and pure like it: the speed asked
//! for, the virtual time each frame heads for (with the sub-nanosecond
//! remainder carried so slow speeds do not drift), and the speed actually
//! reached when the simulation cannot keep up. It owns its fields; the
//! `App` hands it the shared clock's time (`now`) where it needs it.

use super::{MAX_FRAME, MAX_SPEED, MIN_SPEED, SPEEDS};
use crate::base::time::SimTime;
use std::time::Duration;

/// After a frame that could not reach its virtual target, the header shows
/// the actual speed for at least this many frames (about a second), so the
/// note does not flicker.
const LAG_HOLD_FRAMES: u32 = 30;

/// Speed, frame target and measured pace.
#[derive(Clone, Debug)]
pub(super) struct FrameClock {
    speed: f64,
    /// The speed the session started with: `r` comes back to it.
    start_speed: f64,
    /// Sub-nanosecond remainder of frame advances, so slow speeds do not drift.
    carry: f64,
    /// The virtual time the current frame is heading for, while it is not
    /// reached (see `App::begin_frame`).
    target: Option<SimTime>,
    /// Virtual time and wall time of the current frame.
    from: SimTime,
    wall: Duration,
    /// Decaying sums of virtual and wall nanoseconds over recent frames:
    /// their ratio is the speed actually reached.
    virtual_sum: f64,
    wall_sum: f64,
    /// Frames left during which the header shows the actual speed.
    lagging: u32,
}

impl Default for FrameClock {
    fn default() -> FrameClock {
        FrameClock {
            speed: 1.0,
            start_speed: 1.0,
            carry: 0.0,
            target: None,
            from: 0,
            wall: Duration::ZERO,
            virtual_sum: 0.0,
            wall_sum: 0.0,
            lagging: 0,
        }
    }
}

impl FrameClock {
    pub(super) fn speed(&self) -> f64 {
        self.speed
    }

    pub(super) fn start_speed(&self) -> f64 {
        self.start_speed
    }

    /// The frame's target, while it is not reached.
    pub(super) fn target(&self) -> Option<SimTime> {
        self.target
    }

    pub(super) fn set_target(&mut self, target: Option<SimTime>) {
        self.target = target;
    }

    /// Starts a frame of `wall` time at virtual time `now`, with no target
    /// yet.
    pub(super) fn begin(&mut self, now: SimTime, wall: Duration) {
        self.from = now;
        self.wall = wall.min(MAX_FRAME);
        self.target = None;
    }

    /// The virtual time `wall × speed` ahead of `now` (fractions of a
    /// nanosecond carried to the next frame).
    pub(super) fn ahead_of(&mut self, now: SimTime) -> SimTime {
        let v = self.wall.as_nanos() as f64 * self.speed + self.carry;
        let whole = v.floor();
        self.carry = v - whole;
        now.saturating_add(whole as u64)
    }

    /// Ends the frame at virtual time `now`. A target not reached is
    /// dropped, not carried, and the lag is noted.
    pub(super) fn end(&mut self, now: SimTime) {
        if self.target.take().is_some() {
            self.carry = 0.0;
            self.lagging = LAG_HOLD_FRAMES;
        } else {
            self.lagging = self.lagging.saturating_sub(1);
        }
        let wall = self.wall.as_nanos() as f64;
        if wall > 0.0 {
            let advanced = now.saturating_sub(self.from) as f64;
            self.virtual_sum = self.virtual_sum * 0.9 + advanced;
            self.wall_sum = self.wall_sum * 0.9 + wall;
        }
    }

    /// The speed reached over the last frames, while it is below the asked
    /// one (`running`: frames advance the clock).
    pub(super) fn actual_speed(&self, running: bool) -> Option<f64> {
        if self.lagging == 0 || self.wall_sum <= 0.0 || !running {
            return None;
        }
        let actual = self.virtual_sum / self.wall_sum;
        (actual < self.speed * 0.95).then_some(actual)
    }

    /// Forgets the measured speed (after a pause, a speed change, a restart).
    fn reset_pace(&mut self) {
        self.virtual_sum = 0.0;
        self.wall_sum = 0.0;
        self.lagging = 0;
    }

    /// On pause or resume: no remainder, no measured pace.
    pub(super) fn on_pause(&mut self) {
        self.carry = 0.0;
        self.reset_pace();
    }

    /// Drops the remainder (on restart).
    pub(super) fn drop_carry(&mut self) {
        self.carry = 0.0;
    }

    pub(super) fn set_speed(&mut self, speed: f64) {
        self.speed = if speed.is_finite() {
            speed.clamp(MIN_SPEED, MAX_SPEED)
        } else {
            1.0
        };
        self.reset_pace();
    }

    pub(super) fn set_start_speed(&mut self, speed: f64) {
        self.set_speed(speed);
        self.start_speed = self.speed;
    }

    /// The next speed up the ladder (`+`).
    pub(super) fn faster(&self) -> f64 {
        SPEEDS
            .iter()
            .copied()
            .find(|&s| s > self.speed * 1.0001)
            .unwrap_or(MAX_SPEED)
    }

    /// The next speed down the ladder (`-`).
    pub(super) fn slower(&self) -> f64 {
        SPEEDS
            .iter()
            .rev()
            .copied()
            .find(|&s| s < self.speed * 0.9999)
            .unwrap_or(MIN_SPEED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slow_speeds_carry_their_fractions() {
        let mut c = FrameClock::default();
        c.set_speed(0.1);
        c.begin(0, Duration::from_nanos(15));
        assert_eq!(c.ahead_of(0), 1); // 1.5 → 1, carry 0.5
        c.begin(1, Duration::from_nanos(15));
        assert_eq!(c.ahead_of(1), 3); // 1.5 + 0.5 → 2
    }

    #[test]
    fn a_missed_target_shows_the_actual_speed() {
        let mut c = FrameClock::default();
        c.set_speed(10.0);
        c.begin(0, Duration::from_millis(100));
        let t = c.ahead_of(0);
        c.set_target(Some(t));
        c.end(t / 2);
        let actual = c.actual_speed(true).expect("lagging");
        assert!((actual - 5.0).abs() < 1e-9, "{actual}");
        assert_eq!(c.actual_speed(false), None);
        c.on_pause();
        assert_eq!(c.actual_speed(true), None);
    }

    #[test]
    fn the_ladder_steps_and_stops_at_its_ends() {
        let mut c = FrameClock::default();
        assert_eq!(c.faster(), 2.0);
        assert_eq!(c.slower(), 0.5);
        c.set_speed(MAX_SPEED);
        assert_eq!(c.faster(), MAX_SPEED);
        c.set_speed(f64::NAN);
        assert_eq!(c.speed(), 1.0);
    }
}
