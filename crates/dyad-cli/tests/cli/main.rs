//! The `dyad` binary, run as users run it. One integration binary for the crate; each area is
//! a module.

mod code;
mod store;
