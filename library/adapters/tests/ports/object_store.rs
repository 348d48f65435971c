//! The `ObjectStore` contract, for the in-memory store and S3, and the CSV
//! source streaming through it.

use std::io::Write;
use std::sync::Arc;

use txclass_adapters::S3ObjectStore;
use txclass_core::csv::write_transactions;
use txclass_core::memory::InMemoryObjectStore;
use txclass_core::source::{CsvObjectSource, CsvOptions, OpenError};
use txclass_core::{ObjectStore, Transaction, TransactionSource};

use crate::common::{env, s3, transaction, unique};

struct Harness {
    store: Arc<dyn ObjectStore>,
    bucket: String,
    prefix: String,
}

fn memory() -> Harness {
    let store = InMemoryObjectStore::default();
    store.create_bucket("mem");
    Harness {
        store: Arc::new(store),
        bucket: "mem".into(),
        prefix: unique("p"),
    }
}

async fn real() -> Harness {
    let store: S3ObjectStore = s3();
    let bucket = env("S3_BUCKET", "txclass");
    store.ensure_bucket(&bucket).await.expect("bucket");
    Harness {
        store: Arc::new(store),
        bucket,
        prefix: unique("p"),
    }
}

async fn put_then_get_returns_the_same_bytes(h: Harness) {
    let key = format!("{}/a.bin", h.prefix);
    let body: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    h.store
        .put(&h.bucket, &key, body.clone())
        .await
        .expect("put");
    let mut stream = h.store.get(&h.bucket, &key).await.expect("get");
    let mut got = Vec::new();
    while let Some(piece) = futures::StreamExt::next(&mut stream).await {
        got.extend(piece.expect("piece"));
    }
    assert_eq!(got, body);
}

async fn list_answers_keys_under_the_prefix_in_order(h: Harness) {
    for name in ["b.csv", "a.csv", "sub/c.csv"] {
        h.store
            .put(&h.bucket, &format!("{}/{name}", h.prefix), b"x".to_vec())
            .await
            .expect("put");
    }
    h.store
        .put(
            &h.bucket,
            &format!("{}-other/z.csv", h.prefix),
            b"x".to_vec(),
        )
        .await
        .expect("put");
    let keys = h
        .store
        .list(&h.bucket, &format!("{}/", h.prefix))
        .await
        .expect("list");
    let expected: Vec<_> = ["a.csv", "b.csv", "sub/c.csv"]
        .iter()
        .map(|n| format!("{}/{n}", h.prefix))
        .collect();
    assert_eq!(keys, expected);
}

async fn a_missing_object_is_a_permanent_error(h: Harness) {
    let err = h
        .store
        .get(&h.bucket, &format!("{}/nope.csv", h.prefix))
        .await
        .err()
        .expect("missing");
    assert_eq!(err.hint, txclass_core::RetryHint::Permanent, "{err}");
}

async fn a_csv_object_streams_in_chunks_plain_or_gzip(h: Harness) {
    let transactions: Vec<Transaction> = (0..2_500)
        .map(|i| transaction(&format!("t{i}"), "-9.99"))
        .collect();
    let csv = write_transactions(&transactions).expect("csv");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&csv).expect("gzip");
    let gz = gz.finish().expect("gzip");
    for (name, body) in [("day.csv", csv), ("day.csv.gz", gz)] {
        let key = format!("{}/{name}", h.prefix);
        h.store.put(&h.bucket, &key, body).await.expect("put");
        let mut source = CsvObjectSource::open(
            h.store.clone(),
            &h.bucket,
            &key,
            1_000,
            &CsvOptions::default(),
        )
        .await
        .expect("open");
        let mut sizes = Vec::new();
        let mut read = Vec::new();
        while let Some(chunk) = source.next_chunk().await.expect("chunk") {
            sizes.push(chunk.len());
            for record in chunk {
                read.push(Transaction::try_from(record.parsed.expect("parsed")).expect("valid"));
            }
        }
        assert_eq!(sizes, [1_000, 1_000, 500], "{name}");
        assert_eq!(read, transactions, "{name}");
    }
}

/// What `cat a.gz b.gz`, bgzip, Spark part merges and Firehose produce: one
/// object of several gzip members, every one of which holds rows.
async fn a_concatenated_gzip_object_is_read_to_its_last_member(h: Harness) {
    let gzip = |rows: &[Transaction], header: bool| {
        let mut csv = write_transactions(rows).expect("csv");
        if !header {
            let first_newline = csv.iter().position(|b| *b == b'\n').expect("header");
            csv.drain(..=first_newline);
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&csv).expect("gzip");
        gz.finish().expect("gzip")
    };
    let first: Vec<Transaction> = (0..1_000)
        .map(|i| transaction(&format!("a{i}"), "-1.00"))
        .collect();
    let second: Vec<Transaction> = (0..1_000)
        .map(|i| transaction(&format!("b{i}"), "-2.00"))
        .collect();
    let mut body = gzip(&first, true);
    body.extend(gzip(&second, false));
    let key = format!("{}/joined.csv.gz", h.prefix);
    h.store.put(&h.bucket, &key, body).await.expect("put");
    let mut source = CsvObjectSource::open(
        h.store.clone(),
        &h.bucket,
        &key,
        300,
        &CsvOptions::default(),
    )
    .await
    .expect("open");
    let mut read = Vec::new();
    while let Some(chunk) = source.next_chunk().await.expect("chunk") {
        for record in chunk {
            read.push(Transaction::try_from(record.parsed.expect("parsed")).expect("valid"));
        }
    }
    let expected: Vec<Transaction> = first.into_iter().chain(second).collect();
    assert_eq!(read.len(), 2_000);
    assert_eq!(read, expected);
}

/// One stray quote must cost its own row only: the CSV reader would
/// otherwise take every row up to the next quote as one field.
async fn an_unterminated_quote_costs_only_its_own_row(h: Harness) {
    let rows: Vec<Transaction> = (0..1_000)
        .map(|i| transaction(&format!("q{i}"), "-3.00"))
        .collect();
    let csv = String::from_utf8(write_transactions(&rows).expect("csv")).expect("utf-8");
    let mut lines: Vec<String> = csv.lines().map(str::to_owned).collect();
    // Line 11 (row 10): the description opens a quote it never closes.
    lines[10] = lines[10].replace(",SQ *BLUE BOTTLE COFFEE OAKLAND CA,", ",\"12 INCH PIZZA,");
    // A later row quotes a field properly, as exports do.
    lines[600] = lines[600].replace(
        ",SQ *BLUE BOTTLE COFFEE OAKLAND CA,",
        ",\"BLUE BOTTLE, OAKLAND\",",
    );
    let key = format!("{}/stray-quote.csv", h.prefix);
    let body = format!("{}\n", lines.join("\n")).into_bytes();
    h.store.put(&h.bucket, &key, body).await.expect("put");
    let mut source = CsvObjectSource::open(
        h.store.clone(),
        &h.bucket,
        &key,
        100,
        &CsvOptions::default(),
    )
    .await
    .expect("open");
    let mut records = Vec::new();
    while let Some(chunk) = source.next_chunk().await.expect("chunk") {
        records.extend(chunk);
    }
    assert_eq!(records.len(), 1_000, "one record per row of the file");
    let broken: Vec<String> = records
        .iter()
        .filter(|r| r.parsed.is_err())
        .map(|r| r.source.to_string())
        .collect();
    assert_eq!(broken, [format!("s3://{}/{key} line 11", h.bucket)]);
    let quoted = records
        .iter()
        .find(|r| r.source.to_string().ends_with("line 601"))
        .expect("line 601");
    let tx = Transaction::try_from(quoted.parsed.clone().expect("parsed")).expect("valid");
    assert_eq!(tx.description(), "BLUE BOTTLE, OAKLAND");
}

/// A record over the bound refuses the object (no memory exhausted),
/// naming the line where the record started; the rows before it come first.
async fn a_record_over_the_size_bound_refuses_the_object_at_its_line(h: Harness) {
    let rows: Vec<Transaction> = (0..5)
        .map(|i| transaction(&format!("r{i}"), "-3.00"))
        .collect();
    let mut csv = write_transactions(&rows).expect("csv");
    csv.extend_from_slice(b"r5,2024-06-01T08:15:00Z,acc,-1.00,USD,,\"");
    csv.extend(std::iter::repeat_n(b'x', 3 * 1024 * 1024));
    csv.extend_from_slice(b"\"\n");
    let key = format!("{}/huge-record.csv", h.prefix);
    h.store.put(&h.bucket, &key, csv).await.expect("put");
    let options = CsvOptions {
        max_record_bytes: 64 * 1024,
        ..CsvOptions::default()
    };
    let mut source = CsvObjectSource::open(h.store.clone(), &h.bucket, &key, 100, &options)
        .await
        .expect("open");
    let first = source
        .next_chunk()
        .await
        .expect("the good rows")
        .expect("rows");
    assert_eq!(first.len(), 5);
    let err = source.next_chunk().await.expect_err("refused");
    assert_eq!(err.hint, txclass_core::RetryHint::Permanent, "{err}");
    assert!(err.to_string().contains("line 7"), "{err}");
}

/// Chunks end at their byte bound as well as at their record count, so a
/// file of heavy rows never makes a chunk too big to hold or to write.
async fn chunks_end_at_their_byte_bound(h: Harness) {
    let mut csv = write_transactions(&[transaction("seed", "-1.00")]).expect("csv");
    csv.truncate(csv.iter().position(|b| *b == b'\n').expect("header") + 1);
    for i in 0..10 {
        csv.extend_from_slice(
            format!(
                "w{i},2024-06-01T08:15:00Z,acc,-1.00,USD,Blue Bottle,{},0780\n",
                "D".repeat(200)
            )
            .as_bytes(),
        );
    }
    let key = format!("{}/heavy.csv", h.prefix);
    h.store.put(&h.bucket, &key, csv).await.expect("put");
    let options = CsvOptions {
        max_chunk_bytes: 700,
        ..CsvOptions::default()
    };
    let mut source = CsvObjectSource::open(h.store.clone(), &h.bucket, &key, 100, &options)
        .await
        .expect("open");
    let mut sizes = Vec::new();
    while let Some(chunk) = source.next_chunk().await.expect("chunk") {
        sizes.push(chunk.len());
    }
    assert_eq!(sizes.iter().sum::<usize>(), 10);
    assert!(sizes.iter().all(|n| *n <= 3), "{sizes:?}");
}

async fn a_csv_object_missing_a_required_column_fails_before_any_row(h: Harness) {
    let key = format!("{}/bad.csv", h.prefix);
    h.store
        .put(
            &h.bucket,
            &key,
            b"transaction_id,timestamp,description\nt1,2024-01-01T00:00:00Z,x\n".to_vec(),
        )
        .await
        .expect("put");
    let err = CsvObjectSource::open(h.store.clone(), &h.bucket, &key, 10, &CsvOptions::default())
        .await
        .expect_err("missing columns");
    assert!(matches!(err, OpenError::Header { .. }), "{err}");
    assert!(
        err.to_string().contains("account_id, amount, currency"),
        "{err}"
    );
    assert!(err.to_string().contains(&key), "{err}");
}

async fn a_ragged_row_is_a_parse_failure_of_that_row_only(h: Harness) {
    let key = format!("{}/ragged.csv", h.prefix);
    let body = "transaction_id,timestamp,account_id,amount,currency,description\n\
                t1,2024-01-01T00:00:00Z,a,1.00,USD,ok\n\
                t2,2024-01-01T00:00:00Z,a\n\
                t3,2024-01-01T00:00:00Z,a,2.00,USD,\"quoted, with comma\"\n";
    h.store
        .put(&h.bucket, &key, body.as_bytes().to_vec())
        .await
        .expect("put");
    let mut source =
        CsvObjectSource::open(h.store.clone(), &h.bucket, &key, 10, &CsvOptions::default())
            .await
            .expect("open");
    let chunk = source.next_chunk().await.expect("chunk").expect("rows");
    assert_eq!(chunk.len(), 3);
    assert!(chunk[0].parsed.is_ok());
    let ragged = chunk[1].parsed.as_ref().expect_err("ragged");
    assert!(ragged.detail.contains("3 fields"), "{ragged}");
    assert_eq!(ragged.code, "field_count");
    assert_eq!(chunk[1].payload, b"t2,2024-01-01T00:00:00Z,a");
    assert_eq!(
        chunk[1].source.to_string(),
        format!("s3://{}/{key} line 3", h.bucket)
    );
    let t3 = Transaction::try_from(chunk[2].parsed.clone().expect("parsed")).expect("valid");
    assert_eq!(t3.description(), "quoted, with comma");
}

macro_rules! suite {
    ($($name:ident),* $(,)?) => {
        mod in_memory {
            $(#[tokio::test] async fn $name() { super::$name(super::memory()).await; })*
        }
        mod s3 {
            $(#[tokio::test] async fn $name() { super::$name(super::real().await).await; })*
        }
    };
}

suite!(
    put_then_get_returns_the_same_bytes,
    list_answers_keys_under_the_prefix_in_order,
    a_missing_object_is_a_permanent_error,
    a_csv_object_streams_in_chunks_plain_or_gzip,
    a_concatenated_gzip_object_is_read_to_its_last_member,
    an_unterminated_quote_costs_only_its_own_row,
    chunks_end_at_their_byte_bound,
    a_record_over_the_size_bound_refuses_the_object_at_its_line,
    a_csv_object_missing_a_required_column_fails_before_any_row,
    a_ragged_row_is_a_parse_failure_of_that_row_only,
);

/// An S3 endpoint that accepts connections and never answers must fail the
/// call within the client's timeouts, not hang the run.
#[tokio::test]
async fn a_silent_s3_endpoint_fails_the_call_instead_of_hanging() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let silent = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket); // read nothing, answer nothing
        }
    });
    let store = S3ObjectStore::new(&txclass_adapters::S3Settings {
        endpoint: Some(format!("http://{addr}")),
        region: "us-east-1".into(),
        access_key_id: Some("k".into()),
        secret_access_key: Some("s".to_owned().into()),
    });
    let started = std::time::Instant::now();
    let answer = tokio::time::timeout(
        std::time::Duration::from_secs(90),
        store.list("bucket", "prefix/"),
    )
    .await
    .expect("the call gives up by itself");
    let err = answer.expect_err("nothing answered");
    assert!(err.is_transient(), "{err}");
    assert!(started.elapsed() < std::time::Duration::from_secs(80));
    silent.abort();
}
