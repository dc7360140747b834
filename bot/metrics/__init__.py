"""The seven dimensions as SQL aggregates over the store, for a period and the one before."""
