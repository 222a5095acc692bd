"""The layouts of the documents reportgen writes, and the GB/T 9704-2012 page values."""
