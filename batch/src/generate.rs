//! Synthetic CSV input for demos and benchmarks.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, ensure};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use txclass_core::csv::{COLUMNS, transaction_row};
use txclass_synth::{Generator, InvalidKind, Split, invalid_csv_row};

pub fn write(count: u64, invalid_ratio: f64, seed: u64, id_prefix: &str, out: &Path) -> Result<()> {
    ensure!(
        (0.0..=1.0).contains(&invalid_ratio),
        "--invalid-ratio must be between 0 and 1"
    );
    let sink: Box<dyn Write> = if out.as_os_str() == "-" {
        Box::new(std::io::stdout().lock())
    } else {
        Box::new(std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?)
    };
    let mut writer = csv::Writer::from_writer(std::io::BufWriter::with_capacity(1 << 20, sink));
    writer.write_record(COLUMNS)?;
    let mut generator = Generator::new(seed, Split::All).with_id_prefix(id_prefix);
    let mut dice = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed);
    let kinds: Vec<InvalidKind> = InvalidKind::ALL
        .iter()
        .copied()
        .filter(|k| invalid_csv_row(&mut Generator::new(0, Split::All), *k).is_some())
        .collect();
    for i in 0..count {
        if invalid_ratio > 0.0 && dice.random_bool(invalid_ratio) && !kinds.is_empty() {
            let kind = kinds[i as usize % kinds.len()];
            if let Some(row) = invalid_csv_row(&mut generator, kind) {
                writer.write_record(&row)?;
                continue;
            }
        }
        writer.write_record(transaction_row(&generator.next_labeled().transaction))?;
    }
    writer.flush()?;
    Ok(())
}
