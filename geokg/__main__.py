"""``python -m geokg`` runs the command line."""

from geokg.cli import main

main()
