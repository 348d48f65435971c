//! The run's summary on standard output.

use crate::run::RunSummary;

pub fn print_summary(s: &RunSummary) {
    let t = &s.totals;
    println!(
        "run {} (batch {}), model {}",
        s.run_id,
        s.batch_id,
        s.model_version.as_deref().unwrap_or("-")
    );
    println!(
        "{:<44} {:>10} {:>10} {:>10} {:>10}",
        "object", "records", "written", "rejected", "dead-lett."
    );
    for o in &s.objects {
        match &o.refused {
            Some(reason) => println!("{:<44} refused: {reason}", o.key),
            None => println!(
                "{:<44} {:>10} {:>10} {:>10} {:>10}",
                o.key,
                o.counts.received,
                o.counts.written,
                o.counts.rejected(),
                o.counts.dead_lettered
            ),
        }
    }
    println!(
        "{:<44} {:>10} {:>10} {:>10} {:>10}",
        "total",
        t.received,
        t.written,
        t.rejected(),
        t.dead_lettered
    );
    println!(
        "dead-lettered by stage: parse {}, validate {}, classify {}, persist {}; ML API retries {}",
        t.parse_failed, t.validate_failed, t.classify_failed, t.persist_failed, t.classify_retries
    );
    if let Some(errors) = &s.errors_object {
        println!("errors object: {errors}");
    }
    println!(
        "{:.2} s, {:.0} records/s; counts reconcile: {}",
        s.seconds,
        t.received as f64 / s.seconds.max(1e-9),
        if t.reconciles() { "yes" } else { "NO" }
    );
}
