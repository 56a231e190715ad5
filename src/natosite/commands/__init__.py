"""One module per CLI command: each orchestrates core modules, prints, and returns an exit code."""
