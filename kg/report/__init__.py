"""The board report (issue 6). Placeholder."""
