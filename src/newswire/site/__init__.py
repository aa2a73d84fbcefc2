"""The public website: a portion of the wire, in summarized form."""
