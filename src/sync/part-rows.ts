/**
 * Rows per part of the work a sync does over its whole model or state on an in-process warehouse
 * (the plan's join, the journal's fold): at 1M rows each part fits the 64 MB sync limit, as a
 * 1M-row sync does; at 10M rows in one statement they ran out of it and ran again under DuckDB's
 * own limit (2 GB of the process). A setting, not a constant, so tests can use small parts under a
 * small limit.
 */
export const syncParts = { rows: 1_000_000 };
