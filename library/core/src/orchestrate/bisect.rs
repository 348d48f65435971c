//! Isolating refused records: a range the port refuses as a whole is split
//! in halves until the refused records stand alone, so one poison record
//! never sinks its neighbours.

use std::future::Future;
use std::ops::Range;

use super::PipelineError;

/// How one attempt on a range of records went.
pub(super) enum Attempt<T> {
    /// The range went through.
    Done(T),
    /// The range was refused as it is; the detail says why.
    Refused(String),
}

/// An attempt with the retries it took.
pub(super) struct Tried<T> {
    pub(super) attempt: Attempt<T>,
    pub(super) retries: u32,
}

/// Calls `attempt` on `0..len`, splitting refused ranges. `done` gets every
/// range that went through, `isolated` every single record refused; both
/// with the retries of their call. Answers the retries of every attempt.
/// An outage or a fatal error ends the walk.
pub(super) async fn bisect<T, Fut>(
    len: usize,
    attempt: impl Fn(Range<usize>) -> Fut,
    mut done: impl FnMut(Range<usize>, T, u32),
    mut isolated: impl FnMut(usize, String, u32),
) -> Result<u64, PipelineError>
where
    Fut: Future<Output = Result<Tried<T>, PipelineError>>,
{
    let mut retries = 0u64;
    let mut pending: Vec<Range<usize>> = Vec::new();
    if len > 0 {
        pending.push(0..len);
    }
    while let Some(range) = pending.pop() {
        let tried = attempt(range.clone()).await?;
        retries += u64::from(tried.retries);
        match tried.attempt {
            Attempt::Done(value) => done(range, value, tried.retries),
            Attempt::Refused(_) if range.len() > 1 => {
                let mid = range.start + range.len() / 2;
                pending.push(mid..range.end);
                pending.push(range.start..mid);
            }
            Attempt::Refused(why) => isolated(range.start, why, tried.retries),
        }
    }
    Ok(retries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn refused_records_are_isolated_and_the_rest_goes_through() {
        let poison = [3usize, 6];
        let mut through = Vec::new();
        let mut refused = Vec::new();
        let retries = bisect(
            8,
            |range: Range<usize>| async move {
                let attempt = if poison.iter().any(|p| range.contains(p)) {
                    Attempt::Refused("poison".to_owned())
                } else {
                    Attempt::Done(range.len())
                };
                Ok(Tried {
                    attempt,
                    retries: 1,
                })
            },
            |range, n, _| through.push((range, n)),
            |i, why, _| refused.push((i, why)),
        )
        .await
        .expect("no outage");
        let passed: usize = through.iter().map(|(_, n)| n).sum();
        assert_eq!(passed, 6);
        assert_eq!(
            refused,
            [(3, "poison".to_owned()), (6, "poison".to_owned())]
        );
        assert!(retries >= 3, "every attempt's retries count: {retries}");
    }
}
