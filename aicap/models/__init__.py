"""Pure models, one module per chapter: numbers in, arrays or DataFrames out, no plotting."""
