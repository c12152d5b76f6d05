"""Performance benchmark: a generated large goal model and the build, engine and page timings.

``python -m bench.generate`` writes a synthetic source folder; ``python -m bench.run`` (or
``make bench``) generates one, builds it and writes a markdown report. See docs/performance.md.
"""
