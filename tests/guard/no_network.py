"""The network guard: any network socket or name lookup fails loudly.

Installed in the test process by tests/isolation.py and in every Python child
process the tests start by ``sitecustomize`` in this folder (on PYTHONPATH).
Not only connecting: *creating* a socket of any family but AF_UNIX fails, so
nothing can listen, send a datagram or connect through a path the old guard
did not patch. AF_UNIX stays allowed: it never leaves the machine, and
asyncio and multiprocessing use it for their own pipes (pexpect and
subprocess use pseudo-terminals and pipes, not sockets).
"""

from __future__ import annotations

import socket
from typing import Any

ALLOWED_FAMILIES = frozenset({socket.AF_UNIX})


class NetworkUsed(AssertionError):
    """Raised when anything tries to open a network socket or look up a name.

    An AssertionError, not an OSError: code that handles OSError (as ours
    does for files) must not swallow it.
    """


MESSAGE = "network use is forbidden in leadjournal's tests"


def _refuse(*args: object, **kwargs: object) -> Any:
    raise NetworkUsed(f"{MESSAGE}, and something just tried")


_real_init = socket.socket.__init__


def _guarded_init(
    self: socket.socket,
    family: int = -1,
    type: int = -1,
    proto: int = -1,
    fileno: int | None = None,
) -> None:
    if fileno is None:
        chosen = socket.AF_INET if family == -1 else family
        if chosen not in ALLOWED_FAMILIES:
            raise NetworkUsed(f"{MESSAGE}: something just made an {_name(chosen)} socket")
    _real_init(self, family, type, proto, fileno)
    if self.family not in ALLOWED_FAMILIES:
        self.close()
        _refuse()


def _local_only(method: Any) -> Any:
    """``method`` for AF_UNIX sockets; a failure for any other (belt and braces)."""

    def guarded(self: socket.socket, *args: object, **kwargs: object) -> Any:
        if self.family not in ALLOWED_FAMILIES:
            _refuse()
        return method(self, *args, **kwargs)

    return guarded


def _name(family: int) -> str:
    try:
        return socket.AddressFamily(family).name
    except ValueError:
        return f"address family {family}"


def install() -> None:
    """Make every network socket and name lookup in this process fail."""
    if getattr(socket.socket.__init__, "_leadjournal_guard", False):
        return
    _guarded_init._leadjournal_guard = True  # type: ignore[attr-defined]
    socket.socket.__init__ = _guarded_init  # type: ignore[method-assign]
    for name in ("connect", "connect_ex", "sendto", "sendmsg", "bind"):
        setattr(socket.socket, name, _local_only(getattr(socket.socket, name)))
    for name in (
        "create_connection",
        "create_server",
        "getaddrinfo",
        "gethostbyname",
        "gethostbyname_ex",
        "gethostbyaddr",
        "getnameinfo",
    ):
        setattr(socket, name, _refuse)
