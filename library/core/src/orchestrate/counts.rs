//! The counts of a chunk or a run, which always reconcile.

use serde::Serialize;

use crate::ports::Stage;

/// Counts of one chunk or one run. `received = written + dead_lettered` always.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub received: u64,
    /// Records whose transaction and prediction are in the store (includes
    /// exact duplicates of a record written in the same chunk).
    pub written: u64,
    /// Of `written`: exact duplicates collapsed onto one row.
    pub deduplicated: u64,
    pub dead_lettered: u64,
    pub parse_failed: u64,
    pub validate_failed: u64,
    pub classify_failed: u64,
    pub persist_failed: u64,
    /// Retries made against the classifier.
    pub classify_retries: u64,
    /// Retries made against the store.
    pub persist_retries: u64,
}

impl Counts {
    /// Records refused for their content (parse and validation failures).
    pub fn rejected(&self) -> u64 {
        self.parse_failed + self.validate_failed
    }

    pub fn reconciles(&self) -> bool {
        self.received == self.written + self.dead_lettered
            && self.dead_lettered
                == self.parse_failed
                    + self.validate_failed
                    + self.classify_failed
                    + self.persist_failed
    }

    pub fn dead_lettered_at(&self, stage: Stage) -> u64 {
        match stage {
            Stage::Parse => self.parse_failed,
            Stage::Validate => self.validate_failed,
            Stage::Classify => self.classify_failed,
            Stage::Persist => self.persist_failed,
        }
    }

    pub(super) fn count_letter(&mut self, stage: Stage) {
        self.dead_lettered += 1;
        match stage {
            Stage::Parse => self.parse_failed += 1,
            Stage::Validate => self.validate_failed += 1,
            Stage::Classify => self.classify_failed += 1,
            Stage::Persist => self.persist_failed += 1,
        }
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.received += o.received;
        self.written += o.written;
        self.deduplicated += o.deduplicated;
        self.dead_lettered += o.dead_lettered;
        self.parse_failed += o.parse_failed;
        self.validate_failed += o.validate_failed;
        self.classify_failed += o.classify_failed;
        self.persist_failed += o.persist_failed;
        self.classify_retries += o.classify_retries;
        self.persist_retries += o.persist_retries;
    }
}
