"""`make bench`: a realistic data set, gunicorn with production settings, load from wrk."""
