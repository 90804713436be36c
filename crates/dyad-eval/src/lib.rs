//! Scores the coder against gold event files (the PLOVER gold standard and the AFP/PETRARCH2
//! validation set of `../shared/eval`): micro precision, recall and F1 for exact codes and for
//! roots, with actors compared by country and, separately, by country and sector.
//!
//! ```no_run
//! let records = dyad_eval::load("../shared/eval/plover_dev.jsonl").unwrap();
//! let report = dyad_eval::score(&dyad_coder::Coder::embedded(), &records);
//! println!("{report}");
//! ```
#![deny(missing_docs)]

mod gold;
mod report;
mod score;

pub use gold::{GoldEvent, GoldKind, GoldRecord, load, normalise_country};
pub use report::{Counts, Report};
pub use score::{Predicted, predicted, score};
