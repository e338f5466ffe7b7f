"""``python -m chartparse``: the same command as the ``chartparse`` script."""

from .cli import main

if __name__ == "__main__":
    main(prog_name="chartparse")
