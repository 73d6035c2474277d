//! The downstream service as a queue with finite capacity: `workers` serve at
//! once, up to `queue` wait FIFO, beyond that it refuses at once. Work that a
//! caller abandoned keeps its worker until done, unless cancelled.

use crate::base::time::SimTime;
use crate::sim::dist::Sampler;
use crate::sim::rng::{Draw, DrawKey};
use crate::sim::world::ServiceParams;
use rand::Rng;
use std::collections::VecDeque;

/// Who is waiting for a job's answer: a call slot and its generation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caller {
    pub call: u32,
    pub gen: u32,
}

#[derive(Clone, Copy, Debug)]
struct Job {
    caller: Caller,
    /// The attempt's key: its service time and failure coin are drawn from it.
    key: DrawKey,
    accepted: SimTime,
    gen: u32,
    live: bool,
    running: bool,
}

/// A handle on a job: slot and generation (stale handles are ignored).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JobId {
    pub slot: u32,
    pub gen: u32,
}

pub enum Submit {
    Refused,
    Started { job: JobId, done_at: SimTime },
    Queued { job: JobId },
}

#[derive(Clone)]
pub struct Downstream {
    jobs: Vec<Job>,
    free: Vec<u32>,
    queue: VecDeque<u32>,
    queued: u32,
    busy: u32,
    workers: u32,
    sampler: Sampler,
    last_change: SimTime,
    /// ∫ busy workers dt and ∫ workers dt, in worker-nanoseconds.
    pub busy_integral: u128,
    pub capacity_integral: u128,
    pub accepted: u64,
    pub waited: u64,
    pub started: u64,
    pub wait_sum_ns: u128,
}

impl Downstream {
    pub fn new(p: &ServiceParams) -> Downstream {
        Downstream {
            jobs: Vec::new(),
            free: Vec::new(),
            queue: VecDeque::new(),
            queued: 0,
            busy: 0,
            workers: p.workers,
            sampler: p.latency.sampler(),
            last_change: 0,
            busy_integral: 0,
            capacity_integral: 0,
            accepted: 0,
            waited: 0,
            started: 0,
            wait_sum_ns: 0,
        }
    }

    pub fn busy(&self) -> u32 {
        self.busy
    }
    pub fn queued(&self) -> u32 {
        self.queued
    }

    /// Accounts busy and capacity time up to `now`.
    #[inline]
    pub fn touch(&mut self, now: SimTime) {
        let dt = (now - self.last_change) as u128;
        self.busy_integral += self.busy as u128 * dt;
        self.capacity_integral += self.workers as u128 * dt;
        self.last_change = now;
    }

    /// Takes new parameters (workers, latency); call `start_next` afterwards.
    pub fn reconfigure(&mut self, p: &ServiceParams, now: SimTime) {
        self.touch(now);
        self.workers = p.workers;
        self.sampler = p.latency.sampler();
    }

    /// Whether one more job has room: its tables (jobs, free slots, the
    /// queue) grow fallibly here, so running out of memory is a limit the
    /// engine reports, never an abort.
    #[inline]
    pub fn has_room(&mut self) -> bool {
        if !self.free.is_empty() || self.jobs.len() < self.jobs.capacity() {
            return true;
        }
        self.grow()
    }

    #[cold]
    fn grow(&mut self) -> bool {
        if self.jobs.try_reserve(self.jobs.len().max(16)).is_err() {
            return false;
        }
        let slots = self.jobs.capacity();
        self.free
            .try_reserve(slots.saturating_sub(self.free.len()))
            .is_ok()
            && self
                .queue
                .try_reserve(slots.saturating_sub(self.queue.len()))
                .is_ok()
    }

    fn alloc(&mut self, caller: Caller, key: DrawKey, now: SimTime) -> JobId {
        let job = Job {
            caller,
            key,
            accepted: now,
            gen: 0,
            live: true,
            running: false,
        };
        match self.free.pop() {
            Some(slot) => {
                let j = &mut self.jobs[slot as usize];
                let gen = j.gen.wrapping_add(1);
                *j = Job { gen, ..job };
                JobId { slot, gen }
            }
            None => {
                self.jobs.push(job);
                JobId {
                    slot: self.jobs.len() as u32 - 1,
                    gen: 0,
                }
            }
        }
    }

    fn release_slot(&mut self, slot: u32) {
        let j = &mut self.jobs[slot as usize];
        j.live = false;
        j.gen = j.gen.wrapping_add(1);
        self.free.push(slot);
    }

    #[inline]
    fn begin(&mut self, job: JobId, p: &ServiceParams, now: SimTime) -> SimTime {
        self.busy += 1;
        self.started += 1;
        self.jobs[job.slot as usize].running = true;
        let j = &self.jobs[job.slot as usize];
        self.wait_sum_ns += (now - j.accepted) as u128;
        let mut rng = j.key.rng(Draw::Latency);
        now + self.sampler.sample(&mut rng, p.latency_factor)
    }

    /// Offers an attempt to the service; `key` is the attempt's own (its
    /// service time and failure coin do not depend on other attempts).
    #[inline]
    pub fn submit(
        &mut self,
        p: &ServiceParams,
        caller: Caller,
        key: DrawKey,
        now: SimTime,
    ) -> Submit {
        if p.down {
            return Submit::Refused;
        }
        if self.busy < self.workers && self.queued == 0 {
            self.touch(now);
            self.accepted += 1;
            let job = self.alloc(caller, key, now);
            let done_at = self.begin(job, p, now);
            Submit::Started { job, done_at }
        } else if self.queued < p.queue {
            self.accepted += 1;
            self.waited += 1;
            let job = self.alloc(caller, key, now);
            self.queue.push_back(job.slot);
            self.queued += 1;
            Submit::Queued { job }
        } else {
            Submit::Refused
        }
    }

    /// A job's service time ended: frees its worker and draws success or
    /// failure. Returns who was waiting for it (if the job is still current).
    #[inline]
    pub fn complete(
        &mut self,
        job: JobId,
        p: &ServiceParams,
        now: SimTime,
    ) -> Option<(Caller, bool)> {
        let j = self.jobs[job.slot as usize];
        if j.gen != job.gen || !j.live {
            return None; // cancelled while in service
        }
        self.touch(now);
        self.busy -= 1;
        let failed =
            p.failure_rate > 0.0 && j.key.rng(Draw::Failure).random::<f64>() < p.failure_rate;
        self.release_slot(job.slot);
        Some((j.caller, failed))
    }

    /// Starts queued jobs on free workers; call until it returns `None`.
    #[inline]
    pub fn start_next(&mut self, p: &ServiceParams, now: SimTime) -> Option<(JobId, SimTime)> {
        if self.busy >= self.workers {
            return None;
        }
        while let Some(slot) = self.queue.pop_front() {
            let j = self.jobs[slot as usize];
            if !j.live {
                self.free.push(slot);
                continue;
            }
            self.queued -= 1;
            self.touch(now);
            let job = JobId { slot, gen: j.gen };
            let done_at = self.begin(job, p, now);
            return Some((job, done_at));
        }
        None
    }

    /// Brings `job`'s slot into the cache ahead of its use (a hint only).
    #[inline(always)]
    pub fn prefetch(&self, job: JobId) {
        if let Some(j) = self.jobs.get(job.slot as usize) {
            crate::sim::prefetch::prefetch(j);
        }
    }

    /// Who waits for `job` (its slot's caller, whether current or not).
    pub fn caller_of(&self, job: JobId) -> Caller {
        self.jobs[job.slot as usize].caller
    }

    /// Whether `job` is still the job in its slot (its completion matters).
    pub fn is_current(&self, job: JobId) -> bool {
        let j = &self.jobs[job.slot as usize];
        j.gen == job.gen && j.live
    }

    /// The caller gave up and the service is told (`cancel_on_timeout`):
    /// a queued job leaves the queue, a running one frees its worker.
    /// Returns whether a scheduled completion became stale.
    pub fn cancel(&mut self, job: JobId, now: SimTime) -> bool {
        let j = self.jobs[job.slot as usize];
        if j.gen != job.gen || !j.live {
            return false;
        }
        if !j.running {
            // Lazily removed when it reaches the head of the queue.
            self.jobs[job.slot as usize].live = false;
            self.queued -= 1;
            false
        } else {
            self.touch(now);
            self.busy -= 1;
            self.release_slot(job.slot);
            true
        }
    }
}
