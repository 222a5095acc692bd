"""What every part of reportgen must agree on about 公文: pure functions, no I/O."""
