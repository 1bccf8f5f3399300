//! Empty: the test is in `tests/emulator.rs`.
