"""The subscriber portal: the wire in the browser for the people at a subscriber (issue 11)."""
