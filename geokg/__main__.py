"""``python -m geokg`` runs the command line."""

from geokg.cli import main

if __name__ == "__main__":
    main()
