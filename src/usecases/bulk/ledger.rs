//! What became of each planned item, by plan number: one byte an item, so a run of a million
//! holds a megabyte of it, whatever the journal's size.

/// Where one item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Never sent.
    Unsent,
    /// Its start was recorded and its end never was: in flight when a run stopped.
    InFlight,
    /// It failed for a passing reason in an earlier run: a resume tries it again.
    Retry,
    Done,
    Skipped,
    /// Failed: in this run (worth a retry or not), or for good in an earlier one.
    Failed,
}

impl Mark {
    /// Still to be sent by this run.
    pub fn left(self) -> bool {
        matches!(self, Mark::Unsent | Mark::InFlight | Mark::Retry)
    }
}

pub struct Ledger(Vec<Mark>);

impl Ledger {
    pub fn new(items: u64) -> Ledger {
        Ledger(vec![
            Mark::Unsent;
            usize::try_from(items).unwrap_or(usize::MAX)
        ])
    }

    /// One more item, planned while earlier ones are sent: its number.
    pub fn push(&mut self) -> u64 {
        self.0.push(Mark::Unsent);
        self.len() - 1
    }

    pub fn len(&self) -> u64 {
        self.0.len() as u64
    }

    pub fn get(&self, n: u64) -> Option<Mark> {
        usize::try_from(n).ok().and_then(|n| self.0.get(n)).copied()
    }

    pub fn set(&mut self, n: u64, mark: Mark) {
        if let Some(slot) = usize::try_from(n).ok().and_then(|n| self.0.get_mut(n)) {
            *slot = mark;
        }
    }

    pub fn count(&self, mark: Mark) -> u64 {
        self.0.iter().filter(|m| **m == mark).count() as u64
    }

    pub fn left(&self) -> u64 {
        self.0.iter().filter(|m| m.left()).count() as u64
    }

    /// The items still to be sent, as bits (what dispatching filters the plan with while this
    /// ledger records what ends).
    pub fn left_bits(&self) -> Bits {
        let mut bits = Bits(vec![0; self.0.len().div_ceil(64)]);
        for (n, mark) in self.0.iter().enumerate() {
            if mark.left() {
                bits.0[n / 64] |= 1 << (n % 64);
            }
        }
        bits
    }
}

/// A set of plan numbers, a bit each.
pub struct Bits(Vec<u64>);

impl Bits {
    pub fn contains(&self, n: u64) -> bool {
        let Ok(n) = usize::try_from(n) else {
            return false;
        };
        self.0.get(n / 64).is_some_and(|w| w & (1 << (n % 64)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_left_is_what_never_ended_or_may_pass_now() {
        let mut ledger = Ledger::new(130);
        ledger.set(0, Mark::Done);
        ledger.set(1, Mark::InFlight);
        ledger.set(2, Mark::Retry);
        ledger.set(3, Mark::Failed);
        ledger.set(129, Mark::Skipped);
        ledger.set(500, Mark::Done);
        let bits = ledger.left_bits();
        assert_eq!(
            (0..130).filter(|n| bits.contains(*n)).count() as u64,
            ledger.left()
        );
        assert!(!bits.contains(0) && bits.contains(1) && bits.contains(2) && !bits.contains(3));
        assert!(!bits.contains(129) && !bits.contains(130));
        assert_eq!(ledger.left(), 127);
    }
}
