//! Helpers for integration tests against the real local stack: fresh
//! databases, unique names, reading a topic back, and the ML API as a child
//! process. Used by the tests of every txclass crate.

use std::collections::BTreeMap;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use rdkafka::ClientConfig;
use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::message::{Headers, Message};
use sqlx::{Connection, PgConnection};

use crate::postgres::PostgresStore;

pub fn env(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_owned())
}

/// `prefix_<32 hex digits>`: a name no other test uses.
pub fn unique(prefix: &str) -> String {
    format!("{prefix}_{}", uuid::Uuid::new_v4().simple())
}

pub fn brokers() -> String {
    env("KAFKA_BROKERS", "127.0.0.1:9092")
}

/// Creates a database of its own for one test, migrated; answers its URL.
pub async fn fresh_database() -> (String, PostgresStore) {
    let url = env("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/txclass");
    let base = url.split('?').next().unwrap_or(&url);
    let server = base.rfind('/').map_or(base, |i| &base[..i]);
    let name = unique("txclass_test");
    let mut admin = PgConnection::connect(&format!("{server}/postgres"))
        .await
        .expect("PostgreSQL is reachable (start the stack: scripts/stack.sh start)");
    let create = format!("CREATE DATABASE {name}");
    sqlx::query(&create)
        .execute(&mut admin)
        .await
        .expect("create test database");
    let url = format!("{server}/{name}");
    let store = PostgresStore::connect_and_migrate(&url, 4)
        .await
        .expect("connect and migrate");
    (url, store)
}

/// One record read back from a topic.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicRecord {
    pub key: Option<Vec<u8>>,
    pub payload: Vec<u8>,
    pub headers: BTreeMap<String, String>,
    pub partition: i32,
    pub offset: i64,
}

/// Reads a topic from the beginning until `expected` records arrived or
/// `wait` passed; then goes on reading for `linger` to catch extras.
pub async fn read_topic(
    topic: &str,
    expected: usize,
    wait: Duration,
    linger: Duration,
) -> Vec<TopicRecord> {
    let consumer: StreamConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers())
        .set("group.id", unique("reader"))
        .set("auto.offset.reset", "earliest")
        .set("enable.auto.commit", "false")
        .set(
            "max.partition.fetch.bytes",
            crate::kafka::MAX_MESSAGE_BYTES.to_string(),
        )
        .set(
            "fetch.max.bytes",
            (4 * crate::kafka::MAX_MESSAGE_BYTES).to_string(),
        )
        .create()
        .expect("consumer");
    consumer.subscribe(&[topic]).expect("subscribe");
    let mut out = Vec::new();
    let deadline = Instant::now() + wait;
    let mut linger_until: Option<Instant> = None;
    loop {
        let now = Instant::now();
        let until = linger_until.unwrap_or(deadline);
        if now >= until {
            break;
        }
        match tokio::time::timeout(until - now, consumer.recv()).await {
            Ok(Ok(message)) => {
                let mut headers = BTreeMap::new();
                if let Some(h) = message.headers() {
                    for header in h.iter() {
                        let value = header
                            .value
                            .map(|v| String::from_utf8_lossy(v).into_owned());
                        headers.insert(header.key.to_owned(), value.unwrap_or_default());
                    }
                }
                out.push(TopicRecord {
                    key: message.key().map(<[u8]>::to_vec),
                    payload: message.payload().unwrap_or_default().to_vec(),
                    headers,
                    partition: message.partition(),
                    offset: message.offset(),
                });
                if out.len() >= expected && linger_until.is_none() {
                    linger_until = Some(Instant::now() + linger);
                }
            }
            Ok(Err(e)) => panic!("reading {topic}: {e}"),
            Err(_) => break,
        }
    }
    out
}

/// A free loopback port that no other caller in this process has been
/// given. The operating system may hand the same free port to two
/// `bind(0)` probes in a row; two servers started at once on it would have
/// the second fail to bind while its readiness check reached the first.
pub fn reserve_port() -> u16 {
    static GIVEN: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());
    let mut given = GIVEN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    loop {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        if !given.contains(&port) {
            given.push(port);
            return port;
        }
    }
}

/// A `txclass-ml-api serve` child process on a free port, killed on drop.
#[derive(Debug)]
pub struct MlApiProcess {
    child: Child,
    pub url: String,
}

impl MlApiProcess {
    /// Finds the binary: `TXCLASS_ML_API_BIN`, else beside the test binary's
    /// target folder.
    fn binary() -> std::path::PathBuf {
        if let Ok(path) = std::env::var("TXCLASS_ML_API_BIN") {
            return path.into();
        }
        let exe = std::env::current_exe().expect("test binary path");
        // target/<profile>/deps/<test> → target/<profile>/txclass-ml-api
        let profile_dir = exe
            .parent()
            .and_then(|deps| deps.parent())
            .expect("target layout");
        profile_dir.join("txclass-ml-api")
    }

    pub fn start(args: &[&str]) -> Self {
        Self::start_on(reserve_port(), args)
    }

    /// Starts on a given port (to restart a stopped server where clients expect it).
    pub fn start_on(port: u16, args: &[&str]) -> Self {
        let binary = Self::binary();
        assert!(
            binary.exists(),
            "{} is missing: build it first (cargo build -p txclass-ml-api) or set TXCLASS_ML_API_BIN",
            binary.display()
        );
        let addr = format!("127.0.0.1:{port}");
        let child = Command::new(&binary)
            .args(["serve", "--addr", &addr])
            .args(args)
            // Test servers run without keys on loopback, as they should.
            .env("RUST_LOG", "warn,txclass_service::api_key=error")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start txclass-ml-api");
        let mut process = Self {
            child,
            url: format!("http://{addr}"),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(&addr).is_err() {
            if let Some(status) = process.try_wait() {
                panic!("txclass-ml-api exited ({status}) before serving on {addr}");
            }
            assert!(
                Instant::now() < deadline,
                "txclass-ml-api did not start on {addr}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        process
    }

    pub fn port(&self) -> u16 {
        self.url
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_default()
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The exit status once the process has ended.
    pub fn try_wait(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for MlApiProcess {
    fn drop(&mut self) {
        self.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reserved_port_is_never_handed_out_twice() {
        let ports: Vec<u16> = (0..300).map(|_| reserve_port()).collect();
        let distinct: std::collections::HashSet<&u16> = ports.iter().collect();
        assert_eq!(distinct.len(), ports.len());
    }
}
