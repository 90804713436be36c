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
    /// Code documents and store them with their sentences and events in an SQLite file.
    Ingest(IngestArgs),
    /// Re-code stored documents with the current dictionaries (those coded with others).
    Recode(RecodeArgs),
    /// Full-text search over stored sentences, with the events coded from each.
    Search(SearchArgs),
    /// Write stored events as GDELT, POLECAT, CSV, JSONL or Parquet.
    Export(ExportArgs),
    /// A dyad's time series: counts, Goldstein sum and mean, quad classes per period.
    Series(SeriesArgs),
    /// The most active actors, with their cooperation/conflict balance.
    Actors(TopArgs),
    /// The most active dyads (source → target), with their cooperation/conflict balance.
    Dyads(TopArgs),
    /// When relationships moved: change points (PELT) in tone and volume, with the events behind them.
    Shifts(ShiftsArgs),
    /// Serve the HTTP API and the dashboard over a store (see docs/api.md).
    Serve(ServeArgs),
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
    /// Output format: jsonl (the event record), csv (flat, with a header), table, gdelt (the GDELT
    /// 2.0 event table), polecat (PLOVER JSONL) or polecat-tsv.
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
    /// Code duplicate documents too (by default exact and near-duplicates of a document already
    /// read in this run are skipped and counted in the summary).
    #[arg(long)]
    pub keep_duplicates: bool,
    /// Record types to write, comma-separated: events, quotes, figures (quotes and figures need
    /// --format jsonl; each line then has a "record" field).
    #[arg(long, default_value = "events", value_name = "LIST")]
    pub records: String,
    /// Do not resolve event places (skips building the gazetteer).
    #[arg(long)]
    pub no_places: bool,
    /// No progress bar; the one-line summary on standard error is still printed.
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

// ---- The event store: ingest, recode, search, export and analyses (issue 5). ----

/// Where the store lives.
#[derive(Args, Debug, Clone)]
pub struct DbArg {
    /// The store: one SQLite file, created when missing.
    #[arg(long, default_value = "dyad.sqlite", value_name = "PATH")]
    pub db: PathBuf,
}

/// Which stored events to read.
#[derive(Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// First event date included (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last event date included (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// CAMEO root code, 01 to 20 (e.g. 14 for protests).
    #[arg(long, value_name = "NN")]
    pub root: Option<String>,
}

#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Inputs: files, directories (read recursively) or - for standard input.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    #[command(flatten)]
    pub db: DbArg,
    /// Publication date (YYYY-MM-DD) for documents that carry none.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Read dictionaries from this directory instead of the built-in set (also DYAD_DICT).
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
    /// Worker threads for coding (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Documents per transaction: a killed run loses at most one batch, which the next run redoes.
    #[arg(long, default_value_t = 256, value_name = "N")]
    pub batch: usize,
    /// Largest document or JSONL line accepted, in bytes.
    #[arg(long, default_value_t = 8 << 20, value_name = "BYTES")]
    pub max_doc_bytes: usize,
    /// Records to store: events, or events,quotes,figures to keep quotations and figures too
    /// (events are always stored).
    #[arg(long, default_value = "events", value_name = "LIST")]
    pub records: String,
    /// No progress and no summary on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Args, Debug)]
pub struct RecodeArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Read dictionaries from this directory instead of the built-in set (also DYAD_DICT).
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
    /// Re-code every document, even those already coded with these dictionaries.
    #[arg(long)]
    pub all: bool,
    /// Worker threads for coding (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Documents per transaction.
    #[arg(long, default_value_t = 256, value_name = "N")]
    pub batch: usize,
    /// Records to store: events, or events,quotes,figures to keep quotations and figures too
    /// (events are always stored).
    #[arg(long, default_value = "events", value_name = "LIST")]
    pub records: String,
    /// No summary on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Args, Debug)]
pub struct SearchArgs {
    /// Words that must all occur (or an FTS5 query: "exact phrase", OR, NOT, prefix*).
    pub query: String,
    #[command(flatten)]
    pub db: DbArg,
    /// Most sentences shown.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// One JSON object per hit.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// gdelt (61-column event table), polecat (PLOVER JSONL), polecat-tsv, csv, jsonl or parquet.
    #[arg(long, value_name = "FORMAT")]
    pub format: String,
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Source actor: a code (KAZ, KAZGOV) or a name (Kazakhstan).
    #[arg(long, value_name = "ACTOR")]
    pub source: Option<String>,
    /// Target actor: a code or a name.
    #[arg(long, value_name = "ACTOR")]
    pub target: Option<String>,
    /// Write here (a directory for parquet) instead of standard output.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// GDELT: start with a row of column names (GDELT's own files have none).
    #[arg(long)]
    pub header: bool,
    /// One record per day, source, target and CAMEO code (the first mention); gdelt always is.
    #[arg(long)]
    pub one_a_day: bool,
    /// Read dictionaries (for actor names and FIPS codes) from this directory.
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
    /// What to export: events, quotes (by speaker with --source) or figures (whose sentence
    /// names --source); quotes and figures are JSONL.
    #[arg(long, default_value = "events", value_name = "KIND")]
    pub records: String,
}

#[derive(Args, Debug)]
pub struct SeriesArgs {
    /// Source actor: a code (KAZ, KAZGOV) or a name (Kazakhstan); * for anyone.
    pub source: String,
    /// Target actor: a code or a name; * for anyone.
    pub target: String,
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Period: day, week or month.
    #[arg(long, default_value = "week", value_name = "PERIOD")]
    pub by: String,
    /// Columns: all, count, goldstein (sum and mean) or quad (counts per quad class).
    #[arg(long, default_value = "all", value_name = "METRIC")]
    pub metric: String,
    /// Add the reverse dyad (TARGET → SOURCE).
    #[arg(long)]
    pub both_directions: bool,
    /// Count one event per day, source, target and CAMEO code instead of every report.
    #[arg(long)]
    pub one_a_day: bool,
    /// CSV instead of an aligned table.
    #[arg(long)]
    pub csv: bool,
    /// Also draw the series (counts by quad class, Goldstein mean) as an SVG chart.
    #[arg(long, value_name = "FILE.svg")]
    pub plot: Option<PathBuf>,
    /// Read dictionaries (for actor names) from this directory.
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct TopArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// How many rows.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub top: usize,
    /// Full actor codes (KAZGOV, KAZMIL) instead of countries.
    #[arg(long)]
    pub codes: bool,
    /// CSV instead of an aligned table.
    #[arg(long)]
    pub csv: bool,
}

#[derive(Args, Debug)]
pub struct ShiftsArgs {
    /// Source actor (code or name); without SOURCE and TARGET the most active dyads are scanned.
    pub source: Option<String>,
    /// Target actor (code or name).
    pub target: Option<String>,
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Dyads scanned when none is given.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub top: usize,
    /// Period of the volume series: day, week or month.
    #[arg(long, default_value = "week", value_name = "PERIOD")]
    pub by: String,
    /// Penalty per change point: mbic (3 ln n), bic (2 ln n) or a number.
    #[arg(long, default_value = "mbic", value_name = "PENALTY")]
    pub penalty: String,
    /// Fewest records in a tone segment.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub min_records: usize,
    /// Records shown as drivers of each shift.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub drivers: usize,
    /// Treat the dyad as undirected (both directions together).
    #[arg(long)]
    pub both_directions: bool,
    /// Read dictionaries (for actor names) from this directory.
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Address to listen on; 0.0.0.0:8080 accepts other machines, port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub addr: String,
    /// API key that write endpoints (POST /v1/documents) require; prefer the DYAD_API_KEY
    /// variable, which other users cannot see. Without a key, write endpoints are disabled.
    #[arg(long, value_name = "KEY")]
    pub api_key: Option<String>,
    /// Read dictionaries from this directory instead of the built-in set (also DYAD_DICT).
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = 8 << 20, value_name = "BYTES")]
    pub max_body_bytes: usize,
    /// Time limit per request in seconds, waiting for a slot included.
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    pub timeout: u64,
    /// API requests handled at once; more wait for a slot.
    #[arg(long, default_value_t = 64, value_name = "N")]
    pub concurrency: usize,
    /// Documents coded at once (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Most documents in one POST /v1/documents.
    #[arg(long, default_value_t = 1000, value_name = "N")]
    pub max_documents: usize,
    /// Log one JSON object per line instead of text (DYAD_LOG filters: info, debug, warn).
    #[arg(long)]
    pub log_json: bool,
}
