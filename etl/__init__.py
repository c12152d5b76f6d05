"""ETL for Röd tråd: read goal models and outcomes, validate them, build the DuckDB warehouse.

Run ``python -m etl --help``. Nothing here imports Streamlit.
"""
