"""Loaded by every leadjournal process the tests start (via PYTHONPATH).

Any attempt to reach the network makes the process fail loudly, so a test
that runs the real program also proves it never opens a connection.
"""

import socket


def _refuse(*args: object, **kwargs: object) -> None:
    raise OSError("network use is forbidden in leadjournal's tests")


socket.socket.connect = _refuse  # type: ignore[method-assign,assignment]
socket.socket.connect_ex = _refuse  # type: ignore[method-assign,assignment]
socket.create_connection = _refuse  # type: ignore[assignment]
socket.getaddrinfo = _refuse  # type: ignore[assignment]
