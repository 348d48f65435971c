//! The commands around the bucket and the database: `migrate`, `upload`,
//! `list` and `inspect`.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use txclass_adapters::{DatabaseArgs, S3ObjectStore};
use txclass_core::source::{CsvObjectSource, CsvOptions};
use txclass_core::{ObjectStore, Transaction, TransactionSource};

use crate::cli::BucketArgs;

pub async fn migrate(db: &DatabaseArgs) -> Result<()> {
    tracing::info!(database_url = %db.database_url, "migrating");
    txclass_adapters::PostgresStore::connect_and_migrate(db.database_url.expose(), 1)
        .await
        .context("migrating the database")?;
    println!("database is up to date");
    Ok(())
}

pub async fn upload(at: &BucketArgs, files: &[PathBuf]) -> Result<()> {
    let (bucket, prefix) = (at.bucket.as_str(), at.prefix.as_str());
    let store = S3ObjectStore::new(&at.s3.settings());
    store
        .ensure_bucket(bucket)
        .await
        .context("creating the bucket")?;
    for file in files {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .with_context(|| format!("{} has no file name", file.display()))?;
        let body = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
        let key = format!("{prefix}{name}");
        store
            .put(bucket, &key, body)
            .await
            .with_context(|| format!("uploading {key}"))?;
        println!("uploaded s3://{bucket}/{key}");
    }
    Ok(())
}

pub async fn list(at: &BucketArgs, json: bool) -> Result<()> {
    let (bucket, prefix) = (at.bucket.as_str(), at.prefix.as_str());
    let store = S3ObjectStore::new(&at.s3.settings());
    let keys: Vec<String> = store
        .list(bucket, prefix)
        .await
        .with_context(|| format!("listing s3://{bucket}/{prefix}"))?
        .into_iter()
        .filter(|k| crate::run::is_csv(k))
        .collect();
    if json {
        println!("{}", serde_json::to_string(&keys)?);
    } else {
        for key in keys {
            println!("{key}");
        }
    }
    Ok(())
}

pub async fn inspect(at: &BucketArgs) -> Result<()> {
    let (bucket, prefix) = (at.bucket.as_str(), at.prefix.as_str());
    let store: Arc<dyn ObjectStore> = Arc::new(S3ObjectStore::new(&at.s3.settings()));
    let keys = store
        .list(bucket, prefix)
        .await
        .context("listing objects")?;
    if keys.is_empty() {
        bail!("no objects under s3://{bucket}/{prefix}");
    }
    println!(
        "{:<48} {:>8} {:>8} {:>8}",
        "object", "rows", "valid", "invalid"
    );
    for key in keys {
        let mut source = match CsvObjectSource::open(
            store.clone(),
            bucket,
            &key,
            10_000,
            &CsvOptions::default(),
        )
        .await
        {
            Ok(source) => source,
            Err(e) => {
                println!("{key:<48} refused: {e}");
                continue;
            }
        };
        let (mut rows, mut valid, mut problems) = (0u64, 0u64, Vec::new());
        while let Some(chunk) = source.next_chunk().await.context("reading rows")? {
            for record in chunk {
                rows += 1;
                let checked = record
                    .parsed
                    .map_err(|e| e.detail)
                    .and_then(|raw| Transaction::try_from(raw).map_err(|e| e.to_string()));
                match checked {
                    Ok(_) => valid += 1,
                    Err(reason) => problems.push(format!("  {}: {reason}", record.source)),
                }
            }
        }
        println!("{key:<48} {rows:>8} {valid:>8} {:>8}", problems.len());
        for p in problems.iter().take(10) {
            println!("{p}");
        }
    }
    Ok(())
}
