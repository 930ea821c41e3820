#!/usr/bin/env python3
"""Outcomes Hub: `python build.py [build|check|serve]`. See README.md."""

import sys

from hub.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
