"""Officials, bodies, posts, tenures and the statistics that reports cite.

Dependency rule: `organisations` is the lower layer. It never imports `news`; `news` imports it.
Where an official's or body's page needs articles, `news` registers a finder in
`organisations.mentions` at start-up.
"""
