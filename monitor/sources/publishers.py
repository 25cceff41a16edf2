"""The built-in publisher table: how far a site is trusted and what it is called."""

from __future__ import annotations

from urllib.parse import urlsplit

from monitor.models import Trust

OFF, T, S, P, B = Trust.OFFICIAL, Trust.TRADE, Trust.STRUCTURED, Trust.PRESS, Trust.BLOG

# domain -> (display name, trust). A subdomain inherits its parent's entry, so
# "deadline.com" also covers "www.deadline.com" and "pmcdeadline2.deadline.com".
PUBLISHERS: dict[str, tuple[str, Trust]] = {
    # official: the network announces it itself
    "netflix.com": ("Netflix", OFF),
    "about.netflix.com": ("Netflix", OFF),
    "netflix.net": ("Netflix", OFF),
    "tudum.com": ("Netflix Tudum", OFF),
    "hbo.com": ("HBO", OFF),
    "max.com": ("Max", OFF),
    "disneyplus.com": ("Disney+", OFF),
    "press.disneyplus.com": ("Disney+", OFF),
    "primevideo.com": ("Prime Video", OFF),
    "press.amazonstudios.com": ("Amazon MGM Studios", OFF),
    "apple.com": ("Apple", OFF),
    "tv.apple.com": ("Apple TV+", OFF),
    "hulu.com": ("Hulu", OFF),
    "press.hulu.com": ("Hulu", OFF),
    "paramountplus.com": ("Paramount+", OFF),
    "nbcuniversal.com": ("NBCUniversal", OFF),
    # trade: the industry press that breaks renewals and dates
    "deadline.com": ("Deadline", T),
    "variety.com": ("Variety", T),
    "hollywoodreporter.com": ("The Hollywood Reporter", T),
    "tvline.com": ("TVLine", T),
    "whats-on-netflix.com": ("What's on Netflix", T),
    "thewrap.com": ("TheWrap", T),
    "indiewire.com": ("IndieWire", T),
    "screendaily.com": ("Screen Daily", T),
    "broadcastnow.co.uk": ("Broadcast", T),
    "kidscreen.com": ("Kidscreen", T),
    "c21media.net": ("C21 Media", T),
    # structured: databases with fields, not prose
    "tvmaze.com": ("TVmaze", S),
    "api.tvmaze.com": ("TVmaze", S),
    "thetvdb.com": ("TheTVDB", S),
    "themoviedb.org": ("TMDB", S),
    # press: general entertainment news
    "ew.com": ("Entertainment Weekly", P),
    "collider.com": ("Collider", P),
    "screenrant.com": ("Screen Rant", P),
    "cbr.com": ("CBR", P),
    "gamesradar.com": ("GamesRadar+", P),
    "soompi.com": ("Soompi", P),
    "koreaherald.com": ("The Korea Herald", P),
    "koreatimes.co.kr": ("The Korea Times", P),
    "koreajoongangdaily.joins.com": ("Korea JoongAng Daily", P),
    "allkpop.com": ("allkpop", P),
    "tvguide.com": ("TV Guide", P),
    "tvinsider.com": ("TV Insider", P),
    "vulture.com": ("Vulture", P),
    "rollingstone.com": ("Rolling Stone", P),
    "ign.com": ("IGN", P),
    "polygon.com": ("Polygon", P),
    "theverge.com": ("The Verge", P),
    "digitalspy.com": ("Digital Spy", P),
    "radiotimes.com": ("Radio Times", P),
    "empireonline.com": ("Empire", P),
    "denofgeek.com": ("Den of Geek", P),
    "techradar.com": ("TechRadar", P),
    "tomsguide.com": ("Tom's Guide", P),
    "decider.com": ("Decider", P),
    "people.com": ("People", P),
    "usatoday.com": ("USA Today", P),
    "nytimes.com": ("The New York Times", P),
    "theguardian.com": ("The Guardian", P),
    "independent.co.uk": ("The Independent", P),
    "forbes.com": ("Forbes", P),
    "newsweek.com": ("Newsweek", P),
    "express.co.uk": ("Express", P),
    "metro.co.uk": ("Metro", P),
    "bbc.com": ("BBC", P),
    "bbc.co.uk": ("BBC", P),
    "cnn.com": ("CNN", P),
    # blog: aggregators and fan sites that mostly repeat others
    "fandomwire.com": ("FandomWire", B),
    "fandom.com": ("Fandom", B),
    "dexerto.com": ("Dexerto", B),
    "comingsoon.net": ("ComingSoon", B),
    "epicstream.com": ("EpicStream", B),
    "otakukart.com": ("OtakuKart", B),
    "thecinemaholic.com": ("The Cinemaholic", B),
    "primetimer.com": ("Primetimer", B),
    "netflixlife.com": ("Netflix Life", B),
    "ottplay.com": ("OTTplay", B),
    "pinkvilla.com": ("Pinkvilla", B),
    "sportskeeda.com": ("Sportskeeda", B),
    "medium.com": ("Medium", B),
    "blogspot.com": ("Blogger", B),
    "wordpress.com": ("WordPress.com", B),
    "substack.com": ("Substack", B),
    "reddit.com": ("Reddit", B),
    "youtube.com": ("YouTube", B),
}

UNKNOWN_TRUST = Trust.PRESS


def domain_of(url_or_domain: str) -> str:
    """The lower-case host of a URL (or a bare domain), without "www." and port."""
    text = url_or_domain.strip()
    if "://" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        return ""
    host = host.rstrip(".").lower()
    return host.removeprefix("www.")


def _lookup(domain: str) -> tuple[str, tuple[str, Trust] | None]:
    parts = domain.split(".")
    for i in range(len(parts) - 1):
        candidate = ".".join(parts[i:])
        if candidate in PUBLISHERS:
            return candidate, PUBLISHERS[candidate]
    return domain, None


def trust_for_url(url: str) -> Trust:
    """Trust level of the site behind `url` (or a bare domain); unknown sites are press."""
    _, entry = _lookup(domain_of(url))
    return entry[1] if entry else UNKNOWN_TRUST


def publisher_name(url_or_domain: str) -> str:
    """Display name of a site: the table's name, else its domain ("example.org")."""
    domain, entry = _lookup(domain_of(url_or_domain))
    return entry[0] if entry else domain
