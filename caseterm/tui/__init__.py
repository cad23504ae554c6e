"""The Textual interface. Only this package imports textual."""
