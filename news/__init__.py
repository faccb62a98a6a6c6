"""Wagtail pages (home, sections, articles), their blocks, feeds and the article importer.

Dependency rule: `news` uses `organisations` (officials, bodies, figures); `organisations` never
imports `news`. `config` wires both together.
"""
