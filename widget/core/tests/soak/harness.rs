//! The soak's runner: settings from the environment, one deterministic generator per input,
//! panics caught and counted (quietly), time per input, a watchdog, the table.

use std::cell::{Cell, RefCell};
use std::fmt::Debug;
use std::io::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};

const DEFAULT_SEED: u64 = 0x5eed_50a4_2024_0001;
const DEFAULT_COUNT: usize = 10_000;
/// One input taking longer than this is a hang.
const HANG: Duration = Duration::from_secs(1);
/// An input still running after this long is stuck for good: the run stops and says which.
const STUCK: Duration = Duration::from_secs(60);
/// How many failures of each kind (panic, hang, wrong answer) are printed in full.
const SHOWN: usize = 3;

/// `SOAK_SEED` (decimal or 0x hex) and `SOAK_COUNT`, or the defaults.
fn settings() -> (u64, usize) {
    let number = |name: &str| {
        let value = std::env::var(name).ok()?;
        let value = value.trim().replace('_', "");
        let parsed = match value.strip_prefix("0x") {
            Some(hex) => u64::from_str_radix(hex, 16),
            None => value.parse(),
        };
        Some(parsed.unwrap_or_else(|_| panic!("{name}={value:?} is not a number")))
    };
    let seed = number("SOAK_SEED").unwrap_or(DEFAULT_SEED);
    let count = number("SOAK_COUNT").map_or(DEFAULT_COUNT, |n| n as usize);
    (seed, count)
}

thread_local! {
    /// Set while an input runs: its panic is counted, not printed.
    static QUIET: Cell<bool> = const { Cell::new(false) };
    /// What the last quiet panic said, with where.
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

/// One panic hook for the whole test binary: quiet on a thread that is running an input, the
/// usual one everywhere else (so a failing assertion in another test still prints).
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let usual = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if QUIET.get() {
                LAST_PANIC.set(info.to_string());
            } else {
                usual(info);
            }
        }));
    });
}

/// A check on one input's outcome: `Err` says what is wrong.
pub type Check = Result<(), String>;

/// What one target's run gave.
pub struct Report {
    target: &'static str,
    seed: u64,
    inputs: usize,
    time: Duration,
    panics: usize,
    hangs: usize,
    wrong: usize,
    slowest: Duration,
    slowest_index: usize,
    /// The first few failures of each kind, with their inputs.
    failures: Vec<String>,
}

/// An input for a failure message: in full unless very long.
fn shown<I: Debug>(input: &I) -> String {
    let text = format!("{input:?}");
    let chars = text.chars().count();
    if chars <= 2000 {
        text
    } else {
        let head: String = text.chars().take(2000).collect();
        format!("{head}… ({chars} characters in all)")
    }
}

/// Feeds `SOAK_COUNT` inputs from `generate` to `run`, each on its own, timed and with panics
/// caught.
pub fn soak<I: Debug>(
    target: &'static str,
    generate: impl Fn(&mut Rng) -> I,
    run: impl Fn(&I) -> Check,
) -> Report {
    soak_at_least(target, 0, generate, run)
}

/// [`soak`] with at least `minimum` inputs, whatever `SOAK_COUNT` says.
pub fn soak_at_least<I: Debug>(
    target: &'static str,
    minimum: usize,
    generate: impl Fn(&mut Rng) -> I,
    run: impl Fn(&I) -> Check,
) -> Report {
    install_panic_hook();
    let (seed, count) = settings();
    let count = count.max(minimum);
    println!("soak {target}: SOAK_SEED={seed:#x}, SOAK_COUNT={count}");
    let mut report = Report {
        target,
        seed,
        inputs: 0,
        time: Duration::ZERO,
        panics: 0,
        hangs: 0,
        wrong: 0,
        slowest: Duration::ZERO,
        slowest_index: 0,
        failures: Vec::new(),
    };
    // A watchdog, so that an input that never returns stops the run with its number.
    let running: Mutex<Option<(usize, Instant)>> = Mutex::new(None);
    let done = AtomicBool::new(false);
    let started = Instant::now();
    std::thread::scope(|scope| {
        let watchdog = scope.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                std::thread::park_timeout(Duration::from_millis(200));
                if let Some((index, since)) = *running.lock().unwrap() {
                    if since.elapsed() > STUCK {
                        // Straight to stderr: the test harness would swallow eprintln! here.
                        let _ = writeln!(
                            std::io::stderr(),
                            "soak {target}: input #{index} has run for over {STUCK:?} \
                             (SOAK_SEED={seed:#x}); stopping"
                        );
                        std::process::exit(1);
                    }
                }
            }
        });
        for index in 0..count {
            let input = generate(&mut Rng::for_input(seed, index));
            let start = Instant::now();
            *running.lock().unwrap() = Some((index, start));
            QUIET.set(true);
            let outcome = panic::catch_unwind(AssertUnwindSafe(|| run(&input)));
            QUIET.set(false);
            let took = start.elapsed();
            *running.lock().unwrap() = None;
            report.inputs += 1;
            if took > report.slowest {
                report.slowest = took;
                report.slowest_index = index;
            }
            let mut failures = Vec::new();
            match outcome {
                Ok(Ok(())) => {}
                Ok(Err(why)) => {
                    report.wrong += 1;
                    if report.wrong <= SHOWN {
                        failures.push(format!("WRONG: {why}"));
                    }
                }
                Err(_) => {
                    report.panics += 1;
                    let panic = LAST_PANIC.take();
                    if report.panics <= SHOWN {
                        failures.push(format!("PANIC: {panic}"));
                    }
                }
            }
            if took > HANG {
                report.hangs += 1;
                if report.hangs <= SHOWN {
                    failures.push(format!("HANG: {took:?}"));
                }
            }
            for failure in failures {
                report.failures.push(format!(
                    "{target} input #{index} (SOAK_SEED={seed:#x}): {failure}\n  input: {}",
                    shown(&input)
                ));
            }
        }
        done.store(true, Ordering::Relaxed);
        watchdog.thread().unpark();
    });
    report.time = started.elapsed();
    report
}

impl Report {
    /// Prints the table (and the first failures), then fails the test on any panic, hang or
    /// wrong answer.
    /// How many inputs ran.
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    pub fn print_and_check(self) {
        let mut table = format!(
            "\nsoak {target}, SOAK_SEED={seed:#x}\n\
             | target | inputs | time | panics | hangs (>{hang:?}) | wrong | slowest input |\n\
             |---|--:|--:|--:|--:|--:|--:|\n\
             | {target} | {inputs} | {time:.2?} | {panics} | {hangs} | {wrong} | {slowest:.2?} (#{slowest_index}) |\n",
            target = self.target,
            seed = self.seed,
            hang = HANG,
            inputs = self.inputs,
            time = self.time,
            panics = self.panics,
            hangs = self.hangs,
            wrong = self.wrong,
            slowest = self.slowest,
            slowest_index = self.slowest_index,
        );
        for failure in &self.failures {
            table.push_str(failure);
            table.push('\n');
        }
        println!("{table}");
        assert!(
            self.panics == 0 && self.hangs == 0 && self.wrong == 0,
            "{}: {} panics, {} hangs, {} wrong answers with SOAK_SEED={:#x} (the first of each \
             are printed above with their inputs; any SOAK_COUNT above an input's number makes \
             it again)",
            self.target,
            self.panics,
            self.hangs,
            self.wrong,
            self.seed,
        );
    }
}

/// A small deterministic generator (xorshift), so the soak needs no extra crate.
pub struct Rng(u64);

impl Rng {
    /// The generator for input number `index`: every input stands alone, so it can be made again.
    fn for_input(seed: u64, index: usize) -> Rng {
        // splitmix64 of (seed, index): neighbouring indexes give unrelated states.
        let mut z = seed.wrapping_add((index as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        Rng((z ^ (z >> 31)) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}
