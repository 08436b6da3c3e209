"""The engine-independent core: load, validate and evaluate the record."""
