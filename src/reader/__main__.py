"""``python -m reader`` is the ``reader`` command (its fast path included: no typer for a plain
conversion)."""

from reader.entry import main

if __name__ == "__main__":
    main()
