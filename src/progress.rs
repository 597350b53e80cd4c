//! How far a long build is. The library only counts; `main` installs a display (a progress
//! bar on a terminal) or nothing, so library users and tests stay quiet.

use std::sync::OnceLock;

pub trait Progress: Send + Sync {
    /// A stage starts with `total` steps.
    fn stage(&self, name: &'static str, total: u64);
    /// One more step of the current stage is done.
    fn tick(&self);
    /// The current stage has `n` more steps than it said (its total is found as it goes).
    fn more(&self, n: u64);
    fn finish(&self);
}

static DISPLAY: OnceLock<Box<dyn Progress>> = OnceLock::new();

/// Installs the display for this process; later calls are ignored.
pub fn install(display: Box<dyn Progress>) {
    let _ = DISPLAY.set(display);
}

pub fn stage(name: &'static str, total: usize) {
    if let Some(d) = DISPLAY.get() {
        d.stage(name, total as u64);
    }
}

pub fn more(n: usize) {
    if let Some(d) = DISPLAY.get() {
        d.more(n as u64);
    }
}

pub fn tick() {
    if let Some(d) = DISPLAY.get() {
        d.tick();
    }
}

pub fn finish() {
    if let Some(d) = DISPLAY.get() {
        d.finish();
    }
}
