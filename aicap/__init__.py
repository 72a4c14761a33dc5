"""The book's own package: data loader, models, figures and the one interactive-figure pattern.

Layout (one direction only)::

    data/<table>.csv  ->  aicap.data.load()  ->  aicap.models.<chapter>  ->
    aicap.figures.<chapter> (plot functions, interactive figures)  ->  chapter cell
"""

__version__ = "0.1.0"
