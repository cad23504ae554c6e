"""One screen per module; the heavy ones are imported only after unlocking."""
