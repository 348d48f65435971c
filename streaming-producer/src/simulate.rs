//! What to publish and when: the two simulated producers of the original
//! design, a fixed rate for load tests, and CSV replay.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use txclass_core::csv::{CsvSchema, Format, SeedDefaults};
use txclass_synth::{Generator, InvalidKind, Split, invalid_json_payload};

use crate::publish::{Outgoing, account_key};

/// When records go out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pace {
    /// 1–10 records every 0.5 s.
    Steady,
    /// 5–20 records every 1.0 s.
    Bursty,
    /// A fixed number of records per second.
    Rate(f64),
    /// As fast as the broker takes them.
    Unlimited,
}

impl Pace {
    /// The interval between ticks and how many records a tick sends.
    pub fn tick(&self) -> Duration {
        match self {
            Pace::Steady => Duration::from_millis(500),
            Pace::Bursty => Duration::from_secs(1),
            Pace::Rate(_) => Duration::from_millis(10),
            Pace::Unlimited => Duration::ZERO,
        }
    }
}

/// Decides tick sizes; keeps the fractional part of fixed rates so the
/// long-run rate is exact.
#[derive(Debug)]
pub struct Pacer {
    pace: Pace,
    rng: ChaCha8Rng,
    carry: f64,
}

impl Pacer {
    pub fn new(pace: Pace, seed: u64) -> Self {
        Self {
            pace,
            rng: ChaCha8Rng::seed_from_u64(seed),
            carry: 0.0,
        }
    }

    pub fn next_tick_size(&mut self, elapsed_in_tick: Duration) -> usize {
        match self.pace {
            Pace::Steady => self.rng.random_range(1..=10),
            Pace::Bursty => self.rng.random_range(5..=20),
            Pace::Rate(rate) => {
                self.carry += rate * elapsed_in_tick.as_secs_f64();
                let whole = self.carry.floor();
                self.carry -= whole;
                whole as usize
            }
            Pace::Unlimited => 10_000,
        }
    }
}

/// Simulated transactions with a share of records that break a rule.
#[derive(Debug)]
pub struct Simulated {
    generator: Generator,
    rng: ChaCha8Rng,
    invalid_ratio: f64,
    /// Stamp records with the time they are sent (latency measurements).
    now_timestamps: bool,
    pub invalid: u64,
}

impl Simulated {
    pub fn new(seed: u64, id_prefix: &str, invalid_ratio: f64) -> Self {
        Self {
            generator: Generator::new(seed, Split::All).with_id_prefix(id_prefix),
            rng: ChaCha8Rng::seed_from_u64(seed ^ 0x1badd),
            invalid_ratio,
            now_timestamps: false,
            invalid: 0,
        }
    }

    pub fn with_now_timestamps(mut self, now: bool) -> Self {
        self.now_timestamps = now;
        self
    }

    pub fn next_record(&mut self) -> Result<Outgoing> {
        if self.invalid_ratio > 0.0 && self.rng.random_bool(self.invalid_ratio) {
            let kinds = InvalidKind::ALL;
            let kind = kinds[self.rng.random_range(0..kinds.len())];
            self.invalid += 1;
            let value = invalid_json_payload(&mut self.generator, kind);
            return Ok(Outgoing {
                key: account_key(&value),
                value,
            });
        }
        let tx = self.generator.next_labeled().transaction;
        let value = if self.now_timestamps {
            let mut raw = tx.to_raw();
            raw.timestamp =
                Some(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true));
            serde_json::to_vec(&raw)
        } else {
            serde_json::to_vec(&tx)
        }
        .context("encoding a transaction")?;
        Ok(Outgoing {
            key: Some(tx.account_id().to_owned()),
            value,
        })
    }
}

/// Reads a CSV (design or seed dialect) into JSON records, as they are:
/// broken rows stay broken so the pipeline dead-letters them.
pub fn replay(path: &Path, seed: SeedDefaults) -> Result<Vec<Outgoing>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut head = [0u8; 4096];
    let n = std::io::Read::read(&mut std::fs::File::open(path)?, &mut head)?;
    let delimiter = txclass_core::csv::sniff_delimiter(&head[..n]);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(file);
    let header: Vec<String> = reader.headers()?.iter().map(str::to_owned).collect();
    let schema = CsvSchema::from_header(&header, Format::Auto, seed)
        .with_context(|| format!("{}", path.display()))?;
    let mut out = Vec::new();
    for row in reader.records() {
        let row = row.with_context(|| format!("reading {}", path.display()))?;
        let fields: Vec<&str> = row.iter().collect();
        let raw = schema.record(&fields);
        let value = serde_json::to_vec(&raw)?;
        out.push(Outgoing {
            key: raw.account_id.clone(),
            value,
        });
    }
    Ok(out)
}

/// When to stop.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub count: Option<u64>,
    pub duration: Option<Duration>,
}

impl Limits {
    pub fn reached(&self, sent: u64, started: Instant) -> bool {
        self.count.is_some_and(|c| sent >= c)
            || self.duration.is_some_and(|d| started.elapsed() >= d)
    }

    /// How many more records may go out.
    pub fn room(&self, sent: u64) -> u64 {
        self.count.map_or(u64::MAX, |c| c.saturating_sub(sent))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steady_and_bursty_ticks_stay_in_their_ranges() {
        let mut steady = Pacer::new(Pace::Steady, 1);
        let mut bursty = Pacer::new(Pace::Bursty, 1);
        for _ in 0..1000 {
            assert!((1..=10).contains(&steady.next_tick_size(Duration::from_millis(500))));
            assert!((5..=20).contains(&bursty.next_tick_size(Duration::from_secs(1))));
        }
        assert_eq!(Pace::Steady.tick(), Duration::from_millis(500));
        assert_eq!(Pace::Bursty.tick(), Duration::from_secs(1));
    }

    #[test]
    fn a_fixed_rate_is_exact_over_time() {
        let mut pacer = Pacer::new(Pace::Rate(333.0), 1);
        let total: usize = (0..1000)
            .map(|_| pacer.next_tick_size(Duration::from_millis(10)))
            .sum();
        assert!((3329..=3330).contains(&total), "{total}");
    }

    #[test]
    fn the_invalid_share_is_close_to_the_ratio() {
        let mut simulated = Simulated::new(3, "t", 0.1);
        for _ in 0..5000 {
            simulated.next_record().expect("record");
        }
        assert!(
            (350..=650).contains(&simulated.invalid),
            "{}",
            simulated.invalid
        );
    }

    #[test]
    fn valid_simulated_records_are_keyed_by_account_and_parse() {
        let mut simulated = Simulated::new(3, "t", 0.0);
        for _ in 0..100 {
            let record = simulated.next_record().expect("record");
            let tx: txclass_core::Transaction =
                serde_json::from_slice(&record.value).expect("valid JSON transaction");
            assert_eq!(record.key.as_deref(), Some(tx.account_id()));
        }
    }

    #[test]
    fn now_timestamps_stamp_the_send_time() {
        let mut simulated = Simulated::new(3, "t", 0.0).with_now_timestamps(true);
        let before = chrono::Utc::now();
        let record = simulated.next_record().expect("record");
        let tx: txclass_core::Transaction = serde_json::from_slice(&record.value).expect("valid");
        assert!(tx.timestamp() >= before - chrono::Duration::milliseconds(1));
        assert!(tx.timestamp() <= chrono::Utc::now());
    }

    #[test]
    fn replay_reads_the_seed_dialect() {
        let path = std::env::temp_dir().join(format!("replay-{}.csv", std::process::id()));
        std::fs::write(&path, "id;description;amount;timestamp;merchant;operation_type;side\n1;\"A; B\";-1,50;2023-11-28 06:35:12;M;card;debit\n").expect("write");
        let records = replay(&path, SeedDefaults::default()).expect("replay");
        let _ = std::fs::remove_file(&path);
        assert_eq!(records.len(), 1);
        let tx: txclass_core::Transaction =
            serde_json::from_slice(&records[0].value).expect("valid");
        assert_eq!(tx.amount().to_string(), "-1.5");
    }
}
