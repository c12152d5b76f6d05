"""Development tools shared by the benchmarks (``bench/``) and the tests (``tests/``)."""
