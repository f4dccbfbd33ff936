//! One module per command; each holds its arguments beside the code that runs them.

pub mod sandbox;
