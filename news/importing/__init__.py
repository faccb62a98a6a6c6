"""Reading plain-text articles (the seed's layout) into structured data.

`layout` splits a file into time, title, lead, body and byline. Extraction of people, bodies and
figures builds on it. Nothing here touches the database; the management commands do.
"""
