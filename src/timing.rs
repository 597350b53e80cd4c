//! Stage timings on stderr when `SIGNPOST_TIMINGS` is set: where a build spends its time.

use std::time::Instant;

pub struct Timer {
    name: &'static str,
    start: Option<Instant>,
}

impl Timer {
    pub fn start(name: &'static str) -> Timer {
        let on = std::env::var_os("SIGNPOST_TIMINGS").is_some();
        Timer { name, start: on.then(Instant::now) }
    }

    pub fn stop(self) {
        if let Some(start) = self.start {
            eprintln!("timing: {:<16} {:>8.1} ms", self.name, start.elapsed().as_secs_f64() * 1000.0);
        }
    }
}
