"""The demo store: synthetic persons with real lifecycles, recorded through the real services.

It sits on top: it may use every other capability, and none uses it.
"""
