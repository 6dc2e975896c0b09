"""One module per ``pantau`` command: ``register(subparsers)`` and ``run(args, config) -> int``."""
