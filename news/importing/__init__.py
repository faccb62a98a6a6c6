"""Importing plain-text articles (the seed's layout) as draft pages.

`layout` splits a file into time, title, lead, body and byline; `people`, `bodies` and
`figures` read what an editor would extract, `extract` puts it together and `evaluate` measures
it against expected.json. All of these are pure text processing; only `store` touches the
database, for the `import_article` command.
"""
