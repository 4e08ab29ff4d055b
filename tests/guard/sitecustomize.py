"""Loaded by every Python process the tests start (tests/guard is on PYTHONPATH).

Any attempt to reach the network, even creating a network socket, makes the
process fail loudly, so a test that runs the real program also proves it
never opens a connection.
"""

import no_network

no_network.install()
