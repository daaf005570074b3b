import sys

from ctip.cli import main

sys.exit(main())
