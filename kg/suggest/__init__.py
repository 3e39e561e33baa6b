"""Target suggestions: which of the 169 targets a description of an initiative serves (issue 6). Placeholder."""
