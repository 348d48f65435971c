//! Reading CSV objects from an [`ObjectStore`] as a [`TransactionSource`]:
//! streamed in chunks (plain or gzip), never the whole object in memory.

use std::pin::Pin;
use std::sync::Arc;

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
#[derive(Debug, Clone, Default)]
pub struct CsvOptions {
    pub format: Format,
    pub seed: SeedDefaults,
}

/// Streams the rows of one CSV object in chunks of `chunk_size`.
pub struct CsvObjectSource {
    bucket: String,
    key: String,
    reader: Reader,
    schema: CsvSchema,
    delimiter: u8,
    chunk_size: usize,
    record: ByteRecord,
    rows_read: u64,
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
            record: ByteRecord::new(),
            rows_read: 0,
        })
    }

    pub fn schema(&self) -> &CsvSchema {
        &self.schema
    }

    pub fn rows_read(&self) -> u64 {
        self.rows_read
    }

    fn convert(&self, line: u64) -> SourceRecord {
        let fields: Vec<&[u8]> = self.record.iter().collect();
        let payload = row_bytes(&fields, self.delimiter);
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

#[async_trait]
impl TransactionSource for CsvObjectSource {
    async fn next_chunk(&mut self) -> Result<Option<Vec<SourceRecord>>, PortError> {
        let mut chunk = Vec::with_capacity(self.chunk_size);
        while chunk.len() < self.chunk_size {
            let more = self
                .reader
                .read_byte_record(&mut self.record)
                .await
                .map_err(|e| {
                    PortError::transient(format!(
                        "s3://{}/{}: reading failed after row {}: {e}",
                        self.bucket, self.key, self.rows_read
                    ))
                })?;
            if !more {
                break;
            }
            self.rows_read += 1;
            let line = self
                .record
                .position()
                .map_or(self.rows_read + 1, |p| p.line());
            if self.record.iter().all(<[u8]>::is_empty) {
                continue; // blank line
            }
            chunk.push(self.convert(line));
        }
        Ok((!chunk.is_empty()).then_some(chunk))
    }
}
