"""Network analysis of the collaboration with networkx (issue 6). Placeholder."""
