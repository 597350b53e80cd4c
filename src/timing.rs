//! Stage timings: where a build spends its time. The library collects them once
//! [`enable`]d; the binary prints them (`SIGNPOST_TIMINGS=1`).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How long one stage took, and when it began.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageTime {
    pub name: &'static str,
    /// Since the first stage timed in this process: the gaps between stages (work no stage
    /// covers) show.
    pub began: Duration,
    pub took: Duration,
}

static ON: AtomicBool = AtomicBool::new(false);
static FIRST: OnceLock<Instant> = OnceLock::new();
static TIMES: Mutex<Vec<StageTime>> = Mutex::new(Vec::new());

/// Collects stage timings from now on (off by default: a build does not pay for them).
pub fn enable() {
    ON.store(true, Ordering::Relaxed);
}

/// The stages timed since the last call, in the order they ended.
pub fn take() -> Vec<StageTime> {
    TIMES
        .lock()
        .map(|mut t| std::mem::take(&mut *t))
        .unwrap_or_default()
}

pub struct Timer {
    name: &'static str,
    start: Option<Instant>,
}

impl Timer {
    pub fn start(name: &'static str) -> Timer {
        let start = ON.load(Ordering::Relaxed).then(Instant::now);
        if let Some(now) = start {
            FIRST.get_or_init(|| now);
        }
        Timer { name, start }
    }

    pub fn stop(self) {
        let Some(start) = self.start else { return };
        let began = FIRST
            .get()
            .map_or(Duration::ZERO, |first| start.duration_since(*first));
        if let Ok(mut times) = TIMES.lock() {
            times.push(StageTime {
                name: self.name,
                began,
                took: start.elapsed(),
            });
        }
    }
}
