"""Where a fetch may be redirected: never from a public address into this machine or the LAN.

A URL the user typed is fetched as typed (a local RSS bridge is a normal set-up). But a
public feed that redirects to 127.0.0.1, 10.x or fe80:: would let anyone on the internet
make the daemon probe its owner's network. Addresses are checked after resolution, since
a public-sounding name can resolve to a private address.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

# host, port -> the addresses it resolves to (a test passes its own).
Resolver = Callable[[str, int], Sequence[str]]

PRIVATE_NETWORKS = tuple(
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",  # "this network": 0.0.0.0 reaches the local machine
        "127.0.0.0/8",  # loopback
        "10.0.0.0/8",  # RFC 1918
        "172.16.0.0/12",  # RFC 1918
        "192.168.0.0/16",  # RFC 1918
        "169.254.0.0/16",  # link-local (cloud metadata services live here)
        "100.64.0.0/10",  # carrier-grade NAT, often a LAN in practice
        "::1/128",  # loopback
        "::/128",  # unspecified
        "fe80::/10",  # link-local
        "fc00::/7",  # unique local (ULA)
    )
)


def system_resolver(host: str, port: int) -> list[str]:
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def is_private_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    return any(ip in network for network in PRIVATE_NETWORKS)


def addresses(url: str, resolver: Resolver) -> list[str]:
    """The addresses a URL's host stands for (an address literal stands for itself)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").strip("[]")
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        return list(resolver(host, port))
    except OSError:
        return []  # unresolvable: the request itself will fail and say so


def is_private_url(url: str, resolver: Resolver) -> bool:
    """True when any address of the URL's host is loopback, RFC 1918, link-local or ULA."""
    return any(is_private_address(a) for a in addresses(url, resolver))


def refused_redirect(origin: str, target: str, resolver: Resolver) -> str | None:
    """Why a redirect from `origin` to `target` is refused, or None when it may be followed."""
    if not is_private_url(target, resolver) or is_private_url(origin, resolver):
        return None
    shown = ", ".join(addresses(target, resolver)) or "?"
    return (
        f"refusing a redirect from public {urlsplit(origin).hostname} to private address "
        f"{shown} ({urlsplit(target).hostname}); if that is intended, set "
        "monitor.allow_private_redirects = true"
    )
