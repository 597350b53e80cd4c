//! Stage timings on stderr when `SIGNPOST_TIMINGS` is set: where a build spends its time.

use std::sync::OnceLock;
use std::time::Instant;

/// When the first timer started: each line also says when its stage began, so the gaps
/// between stages (work no stage covers) show.
static FIRST: OnceLock<Instant> = OnceLock::new();

pub struct Timer {
    name: &'static str,
    start: Option<Instant>,
}

impl Timer {
    pub fn start(name: &'static str) -> Timer {
        let on = std::env::var_os("SIGNPOST_TIMINGS").is_some();
        let start = on.then(Instant::now);
        if let Some(now) = start {
            FIRST.get_or_init(|| now);
        }
        Timer { name, start }
    }

    pub fn stop(self) {
        if let Some(start) = self.start {
            let began = FIRST.get().map_or(0.0, |first| {
                start.duration_since(*first).as_secs_f64() * 1000.0
            });
            eprintln!(
                "timing: {:<16} {:>8.1} ms  (from {began:.1} ms)",
                self.name,
                start.elapsed().as_secs_f64() * 1000.0
            );
        }
    }
}
