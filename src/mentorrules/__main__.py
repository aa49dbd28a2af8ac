"""Run the command line as ``python -m mentorrules`` (see :mod:`mentorrules.cli`)."""

from mentorrules.cli import main


if __name__ == "__main__":
    raise SystemExit(main())
