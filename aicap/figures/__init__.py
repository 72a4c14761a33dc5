"""Plot functions and interactive figures, one module per chapter, thin over the models."""
