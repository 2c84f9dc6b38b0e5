//! Fuzz target: (to be written).
