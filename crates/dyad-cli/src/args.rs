//! Command-line arguments as typed by the user; each command builds its real objects itself.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Dyad reads news and writes down who did what to whom, when and where: political event data
/// (CAMEO and PLOVER codes, Goldstein scores) with the sentence, trigger and rule behind each event.
#[derive(Parser, Debug)]
#[command(name = "dyad", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Code documents into event records (text, JSONL; files, directories or - for stdin).
    Code(CodeArgs),
    /// Score the coder against a gold file: precision, recall and F1.
    Eval(EvalArgs),
    /// Check, count and explain the dictionaries.
    #[command(subcommand)]
    Dict(DictCommand),
}

#[derive(Args, Debug)]
pub struct CodeArgs {
    /// Inputs: files, directories (read recursively) or - for standard input.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// Publication date (YYYY-MM-DD) for documents that carry none; people are resolved to their
    /// role on this date.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Write events here instead of standard output.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Output format: jsonl (the event record), csv (flat, with a header) or table.
    #[arg(long, default_value = "jsonl", value_name = "FORMAT")]
    pub format: String,
    /// Read dictionaries from this directory instead of the built-in set (also DYAD_DICT).
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Largest document or JSONL line accepted, in bytes.
    #[arg(long, default_value_t = 8 << 20, value_name = "BYTES")]
    pub max_doc_bytes: usize,
    /// No summary line on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Gold file: JSONL records with id, text, date and events [{source, target, code}].
    pub gold: String,
    /// Also list every record with a missed or a false event.
    #[arg(long)]
    pub misses: bool,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
    /// Read dictionaries from this directory instead of the built-in set.
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum DictCommand {
    /// Validate every dictionary file; errors name file, line and column. Exits 1 on any error.
    Check(DictArgs),
    /// Counts per file, per CAMEO root and per country.
    Stats(DictArgs),
    /// Show which entries matched in a sentence, which pattern fired and why.
    Explain(ExplainArgs),
}

#[derive(Args, Debug)]
pub struct DictArgs {
    /// Dictionary directory (default: the built-in set).
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
    /// Also print warnings.
    #[arg(long)]
    pub warnings: bool,
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// The sentence or short text to explain.
    pub text: String,
    /// Date used to resolve people's roles (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Dictionary directory (default: the built-in set).
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
}
