//! `dyad eval`: scores against a gold file.

use crate::args::EvalArgs;
use crate::{Outcome, load_coder};

pub fn run(a: EvalArgs) -> anyhow::Result<Outcome> {
    let records = dyad_eval::load(&a.gold).map_err(anyhow::Error::msg)?;
    let coder = load_coder(a.dict.as_deref())?;
    let report = dyad_eval::score(&coder, &records);
    if a.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{report}");
    }
    if a.misses {
        println!("\n{}", report.misses_text());
    }
    Ok(Outcome::Ok)
}
