"""The editor's desk: the agency's staff write, move, correct and kill stories in the browser."""
