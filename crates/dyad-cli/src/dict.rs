//! `dyad dict check | stats | explain`.

use crate::args::{DictArgs, DictCommand, ExplainArgs};
use crate::{Outcome, load_coder};
use dyad_dict::{Dictionaries, Severity};

fn load(a: &DictArgs) -> anyhow::Result<(Dictionaries, Vec<dyad_dict::Diagnostic>)> {
    Ok(match &a.dict {
        Some(d) => Dictionaries::from_dir(d)?,
        None => Dictionaries::embedded(),
    })
}

pub fn run(cmd: DictCommand) -> anyhow::Result<Outcome> {
    match cmd {
        DictCommand::Check(a) => {
            let (d, problems) = load(&a)?;
            let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
            let warnings = problems.len() - errors;
            for p in problems.iter().filter(|p| a.warnings || p.severity == Severity::Error) {
                eprint!("{p}");
            }
            let s = d.stats();
            println!(
                "{} files: {} countries, {} organisations, {} people, {} agents, {} patterns; {errors} errors, {warnings} warnings{}",
                d.files.len(),
                s.totals["countries"],
                s.totals["organisations"],
                s.totals["people"],
                s.totals["agents"],
                s.totals["patterns"],
                if warnings > 0 && !a.warnings { " (--warnings to list them)" } else { "" }
            );
            if errors > 0 {
                anyhow::bail!("{errors} dictionary errors");
            }
            Ok(Outcome::Ok)
        }
        DictCommand::Stats(a) => {
            let (d, _) = load(&a)?;
            print!("{}", d.stats());
            Ok(Outcome::Ok)
        }
        DictCommand::Explain(a) => explain(a),
    }
}

fn explain(a: ExplainArgs) -> anyhow::Result<Outcome> {
    let coder = load_coder(a.dict.as_deref())?;
    let mut doc = dyad_model::Document::from_text(a.text);
    if let Some(d) = &a.date {
        doc.published =
            Some(dyad_ingest::parse_date(d).ok_or_else(|| anyhow::anyhow!("bad --date '{d}': use YYYY-MM-DD"))?);
    }
    let (events, traces) = coder.explain(&doc);
    for t in traces {
        println!("sentence \"{}\"", t.sentence);
        for n in t.notes {
            println!("  {n}");
        }
    }
    if events.is_empty() {
        println!("no events");
    }
    Ok(Outcome::Ok)
}
