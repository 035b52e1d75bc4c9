//! The `frontline` binary: the command line of `cli`, built for native targets only (the wasm
//! build of the crate is the page's; its tests build this binary too, with nothing in it).
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}
