//! A bare rdkafka group consumer that only reads: the ceiling the txclass
//! consumer is compared with in the streaming benchmark.
//!
//!   cargo run --release -p txclass-consumer --example bare_read -- TOPIC COUNT

use std::time::{Duration, Instant};

use rdkafka::ClientConfig;
use rdkafka::consumer::{Consumer, StreamConsumer};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let topic = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: bare_read TOPIC COUNT"))?;
    let count: u64 = args.next().unwrap_or_else(|| "1000000".into()).parse()?;
    let brokers = std::env::var("KAFKA_BROKERS").unwrap_or_else(|_| "127.0.0.1:9092".into());
    let consumer: StreamConsumer = ClientConfig::new()
        .set("bootstrap.servers", &brokers)
        .set("group.id", format!("bare-read-{}", std::process::id()))
        .set("auto.offset.reset", "earliest")
        .set("enable.auto.commit", "false")
        .set(
            "fetch.wait.max.ms",
            std::env::var("FETCH_WAIT_MAX_MS").unwrap_or_else(|_| "500".into()),
        )
        .create()?;
    consumer.subscribe(&[&topic])?;
    let mut read = 0u64;
    let mut first: Option<Instant> = None;
    while read < count {
        match tokio::time::timeout(Duration::from_secs(60), consumer.recv()).await {
            Ok(Ok(_)) => {
                first.get_or_insert_with(Instant::now);
                read += 1;
            }
            Ok(Err(e)) => anyhow::bail!("receive: {e}"),
            Err(_) => anyhow::bail!("no record for 60 s after {read}"),
        }
    }
    let seconds = first.map_or(0.0, |f| f.elapsed().as_secs_f64());
    println!(
        "bare consumer: {read} records in {seconds:.2} s = {:.0} records/s",
        read as f64 / seconds
    );
    Ok(())
}
