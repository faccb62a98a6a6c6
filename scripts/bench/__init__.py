"""`make bench`: a realistic data set, gunicorn with production settings, load from wrk."""

# The data set scripts/bench/dataset.py builds. Its database is named after it, so that a data set
# built by an older dataset.py is never reused: raise it when the data set changes.
DATASET_VERSION = 3
