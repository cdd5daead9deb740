# SPDX-License-Identifier: MPL-2.0
"""``python -m gevinst.cli``."""

from gevinst.cli.main import main

raise SystemExit(main())
