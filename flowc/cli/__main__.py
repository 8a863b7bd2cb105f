import sys

from flowc.cli.app import main

sys.exit(main())
