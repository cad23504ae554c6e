"""Shared words: the display text for every code the domain, the store and the engine return.

Labels for codes and dates, sentences for error codes, the names of statuses, measures,
deadlines and events, why the engine refused an event, and the labels of event fields — all
through the gettext catalogs, so the CLI and the TUI say the same thing in the same language.
It may use `domain` and `i18n` only: every other capability may use it.
"""
