//! Reading CSV objects from an [`ObjectStore`] as a [`TransactionSource`]:
//! streamed in chunks (plain or gzip), never the whole object in memory.

use std::collections::VecDeque;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use async_compression::futures::bufread::GzipDecoder;
use async_trait::async_trait;
use csv_async::{AsyncReaderBuilder, ByteRecord};
use futures::TryStreamExt;
use futures::io::{AsyncBufReadExt, AsyncRead, BufReader};

use crate::csv::{CsvSchema, Format, HeaderError, SeedDefaults, row_bytes, sniff_delimiter};
use crate::lineage::SourceRef;
use crate::ports::{ObjectStore, PortError, SourceRecord, TransactionSource};
use crate::reason::{Reason, ReasonCode};

/// Why an object cannot be read at all (nothing of it is processed).
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("s3://{bucket}/{key}: {source}")]
    Header {
        bucket: String,
        key: String,
        #[source]
        source: HeaderError,
    },
    #[error("s3://{bucket}/{key}: cannot read the header: {message}")]
    Unreadable {
        bucket: String,
        key: String,
        message: String,
    },
    #[error(transparent)]
    Store(#[from] PortError),
}

type Reader = csv_async::AsyncReader<Pin<Box<dyn AsyncRead + Send>>>;

/// Options for reading CSV objects.
#[derive(Debug, Clone)]
pub struct CsvOptions {
    pub format: Format,
    pub seed: SeedDefaults,
    /// Largest record, in bytes: a bigger one (an unterminated quote before
    /// a long run of text, a corrupt object) refuses the object rather than
    /// fill the memory.
    pub max_record_bytes: usize,
    /// Largest chunk, in bytes of its records: a chunk ends at its record
    /// count or here, whichever comes first, so memory and the database's
    /// message size stay bounded whatever the records weigh.
    pub max_chunk_bytes: usize,
}

/// The default bound of one chunk's bytes.
pub const DEFAULT_MAX_CHUNK_BYTES: usize = 64 * 1024 * 1024;

/// The default bound of one record: far above any real statement line.
pub const DEFAULT_MAX_RECORD_BYTES: usize = 1024 * 1024;

impl Default for CsvOptions {
    fn default() -> Self {
        Self {
            format: Format::default(),
            seed: SeedDefaults::default(),
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
            max_chunk_bytes: DEFAULT_MAX_CHUNK_BYTES,
        }
    }
}

/// Streams the rows of one CSV object in chunks of `chunk_size`.
pub struct CsvObjectSource {
    bucket: String,
    key: String,
    reader: Reader,
    schema: CsvSchema,
    delimiter: u8,
    chunk_size: usize,
    max_chunk_bytes: usize,
    record: ByteRecord,
    rows_read: u64,
    /// The raw bytes of the record being read, to split a broken one back
    /// into its lines.
    raw: Arc<Mutex<RawWindow>>,
    /// Lines of a broken record, parsed one by one, still to deliver.
    resynced: VecDeque<SourceRecord>,
    /// Set once the object is refused; every later read answers it.
    refused: Option<String>,
}

impl std::fmt::Debug for CsvObjectSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CsvObjectSource")
            .field("object", &format_args!("s3://{}/{}", self.bucket, self.key))
            .field("chunk_size", &self.chunk_size)
            .field("rows_read", &self.rows_read)
            .finish_non_exhaustive()
    }
}

impl CsvObjectSource {
    /// Opens the object and resolves its header; a missing required column
    /// is an error here, before any row is read.
    pub async fn open(
        store: Arc<dyn ObjectStore>,
        bucket: &str,
        key: &str,
        chunk_size: usize,
        options: &CsvOptions,
    ) -> Result<Self, OpenError> {
        let stream = store.get(bucket, key).await?;
        let raw: Pin<Box<dyn AsyncRead + Send>> = Box::pin(stream.into_async_read());
        let decoded: Pin<Box<dyn AsyncRead + Send>> = if key.ends_with(".gz") {
            let mut decoder = GzipDecoder::new(BufReader::new(raw));
            // `cat a.gz b.gz`, bgzip, Spark part merges and Firehose write
            // several members into one object: read them all.
            decoder.multiple_members(true);
            Box::pin(decoder)
        } else {
            raw
        };
        let window = Arc::new(Mutex::new(RawWindow::new(options.max_record_bytes)));
        let decoded: Pin<Box<dyn AsyncRead + Send>> = Box::pin(Tee {
            inner: decoded,
            window: window.clone(),
        });
        let mut buffered = BufReader::with_capacity(64 * 1024, decoded);
        let unreadable = |message: String| OpenError::Unreadable {
            bucket: bucket.to_owned(),
            key: key.to_owned(),
            message,
        };
        let head = buffered
            .fill_buf()
            .await
            .map_err(|e| unreadable(e.to_string()))?;
        let delimiter = sniff_delimiter(head);
        let boxed: Pin<Box<dyn AsyncRead + Send>> = Box::pin(buffered);
        let mut reader = AsyncReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .create_reader(boxed);
        let header = reader
            .headers()
            .await
            .map_err(|e| unreadable(e.to_string()))?
            .clone();
        let names: Vec<&str> = header.iter().collect();
        let schema = CsvSchema::from_header(&names, options.format, options.seed.clone()).map_err(
            |source| OpenError::Header {
                bucket: bucket.to_owned(),
                key: key.to_owned(),
                source,
            },
        )?;
        Ok(Self {
            bucket: bucket.to_owned(),
            key: key.to_owned(),
            reader,
            schema,
            delimiter,
            chunk_size: chunk_size.max(1),
            max_chunk_bytes: options.max_chunk_bytes.max(1),
            record: ByteRecord::new(),
            rows_read: 0,
            raw: window,
            resynced: VecDeque::new(),
            refused: None,
        })
        .inspect(|source| {
            // The window keeps bytes from the first record on.
            lock(&source.raw).record_starts_at(source.reader.position().byte());
        })
    }

    pub fn schema(&self) -> &CsvSchema {
        &self.schema
    }

    pub fn rows_read(&self) -> u64 {
        self.rows_read
    }

    fn convert(&self, fields: &[&[u8]], line: u64) -> SourceRecord {
        let payload = row_bytes(fields, self.delimiter);
        let source = SourceRef::Object {
            bucket: self.bucket.clone(),
            key: self.key.clone(),
            line,
        };
        let parsed = if fields.len() != self.schema.columns() {
            Err(Reason::new(
                ReasonCode::FieldCount,
                format!(
                    "row has {} fields, the header has {}",
                    fields.len(),
                    self.schema.columns()
                ),
            ))
        } else {
            fields
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    std::str::from_utf8(f).map_err(|e| {
                        Reason::new(
                            ReasonCode::InvalidUtf8,
                            format!("column {} is not UTF-8: {e}", i + 1),
                        )
                    })
                })
                .collect::<Result<Vec<&str>, Reason>>()
                .map(|row| self.schema.record(&row))
        };
        SourceRecord {
            payload,
            source,
            parsed,
        }
    }
}

impl CsvObjectSource {
    /// Reads the next record: `Ok(None)` at the end, `Err` with the reason
    /// the object is refused.
    async fn read_record(&mut self) -> Result<Option<SourceRecord>, String> {
        loop {
            if let Some(record) = self.resynced.pop_front() {
                return Ok(Some(record));
            }
            let start_line = self.reader.position().line();
            let more = match self.reader.read_byte_record(&mut self.record).await {
                Ok(more) => more,
                Err(e) => return Err(self.unreadable(start_line, &e)),
            };
            if !more {
                return Ok(None);
            }
            self.rows_read += 1;
            let line = self.record.position().map_or(start_line, |p| p.line());
            let next = self.reader.position().clone();
            let raw = lock(&self.raw).take_record(next.byte());
            if self.record.iter().all(<[u8]>::is_empty) {
                continue; // blank line
            }
            let spans_lines = next.line() > line + 1;
            if spans_lines && self.record.len() != self.schema.columns() {
                // A quote opened and closed rows apart: each line again on
                // its own, so only the broken ones fail.
                self.resynced = self.split_lines(&raw, line);
                continue;
            }
            let fields: Vec<&[u8]> = self.record.iter().collect();
            return Ok(Some(self.convert(&fields, line)));
        }
    }

    /// The lines of a broken record's raw bytes, each parsed as a record.
    fn split_lines(&self, raw: &[u8], first_line: u64) -> VecDeque<SourceRecord> {
        raw.split(|b| *b == b'\n')
            .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
            .enumerate()
            .filter(|(_, line)| !line.is_empty())
            .map(|(i, text)| {
                let mut record = csv::ByteRecord::new();
                let _ = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .delimiter(self.delimiter)
                    .from_reader(text)
                    .read_byte_record(&mut record);
                let fields: Vec<&[u8]> = record.iter().collect();
                self.convert(&fields, first_line + i as u64)
            })
            .collect()
    }

    fn unreadable(&self, line: u64, e: &csv_async::Error) -> String {
        let (overflow, limit) = {
            let window = lock(&self.raw);
            (window.overflow, window.limit)
        };
        let what = if overflow {
            format!(
                "the record starting at line {line} is over {limit} bytes (an unterminated quote?)"
            )
        } else {
            format!("reading failed at line {line}: {e}")
        };
        format!("s3://{}/{}: {what}", self.bucket, self.key)
    }
}

#[async_trait]
impl TransactionSource for CsvObjectSource {
    /// A refused object answers a permanent error after the records read
    /// before the refusal; an unreadable stream a transient one.
    async fn next_chunk(&mut self) -> Result<Option<Vec<SourceRecord>>, PortError> {
        if let Some(reason) = &self.refused {
            return Err(PortError::permanent(reason.clone()));
        }
        let mut chunk = Vec::with_capacity(self.chunk_size.min(10_000));
        let mut bytes = 0usize;
        while chunk.len() < self.chunk_size && bytes < self.max_chunk_bytes {
            let read = self.read_record().await;
            let overflow = lock(&self.raw).overflow;
            match read {
                Ok(Some(record)) => {
                    bytes += record.payload.len();
                    chunk.push(record);
                }
                Ok(None) => break,
                Err(reason) if overflow => {
                    self.refused = Some(reason.clone());
                    if chunk.is_empty() {
                        return Err(PortError::permanent(reason));
                    }
                    break;
                }
                Err(reason) => return Err(PortError::transient(reason)),
            }
        }
        Ok((!chunk.is_empty()).then_some(chunk))
    }
}

/// The raw bytes read since the current record started, bounded.
#[derive(Debug)]
struct RawWindow {
    /// Bytes from `start` on.
    bytes: Vec<u8>,
    /// Offset in the decoded object of `bytes[0]`.
    start: u64,
    limit: usize,
    /// Set when a record outgrew the limit.
    overflow: bool,
}

/// Read-ahead of the readers above the window (the 64 KiB buffer and the
/// CSV reader's own), allowed beyond a record's bound.
const READ_AHEAD: usize = 128 * 1024;

impl RawWindow {
    fn new(limit: usize) -> Self {
        Self {
            bytes: Vec::new(),
            start: 0,
            limit,
            overflow: false,
        }
    }

    fn record_starts_at(&mut self, offset: u64) {
        let drop = usize::try_from(offset.saturating_sub(self.start))
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        self.bytes.drain(..drop);
        self.start = offset;
    }

    /// The bytes of the record that ends at `end`; the next one starts there.
    fn take_record(&mut self, end: u64) -> Vec<u8> {
        let len = usize::try_from(end.saturating_sub(self.start))
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        let record = self.bytes[..len].to_vec();
        self.record_starts_at(end);
        record
    }
}

/// Passes the decoded object through, keeping the bytes of the current
/// record and failing the read once a record outgrows its bound.
struct Tee {
    inner: Pin<Box<dyn AsyncRead + Send>>,
    window: Arc<Mutex<RawWindow>>,
}

impl AsyncRead for Tee {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut [u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        let polled = self.inner.as_mut().poll_read(cx, buf);
        if let std::task::Poll::Ready(Ok(n)) = &polled {
            let mut window = lock(&self.window);
            window.bytes.extend_from_slice(&buf[..*n]);
            if window.bytes.len() > window.limit + READ_AHEAD {
                window.overflow = true;
                return std::task::Poll::Ready(Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "record over its bound",
                )));
            }
        }
        polled
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}
