"""Aanmelden en rollen: wie mag voor welke gemeenten cijfers uploaden of intrekken.

Kijken kan iedereen; uploaden en intrekken alleen met een rol, en alleen voor de eigen gemeente(n).
De instellingen staan in `.streamlit/secrets.toml` (voorbeeld: `.streamlit/secrets.toml.example`):

- `[auth]`: aanmelden met de eigen inlogdienst van de gemeente (OpenID Connect, bijv. Entra ID) via Streamlit's
  `st.login` / `st.user` / `st.logout`. 'Door' is dan het geverifieerde account uit het ID-token.
- `[toegang.accounts]`: account (e-mailadres uit het ID-token, of de `sub`) -> lijst gemeentecodes, en/of
  `[toegang.claim]`: een claim uit het ID-token (bijv. de app-rollen `roles` van Entra ID) -> gemeentecodes.
- `[toegang.wachtwoorden]`: alleen voor een kleine installatie zonder inlogdienst (en dan zonder `[auth]`):
  per account een argon2-hash (maak er een met `python -m kompas wachtwoord`), nooit een wachtwoord zelf.
  Na herhaalde mislukte pogingen moet een account én een sessie steeds langer wachten (`Rem`).

Alles hier is zonder Streamlit te testen; pages/upload.py toont alleen.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

MIN_LENGTE = 12
# De voorbeeldwaarden uit .streamlit/secrets.toml.example (en van vóór deze module): nooit geldig.
VOORBEELDEN = ("vervang-door-een-lang-willekeurig-wachtwoord", "vervang-door")
_GEMEENTECODE = re.compile(r"GM\d{4}")
_AUTH_VERPLICHT = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")
_UITLEG = "Zie .streamlit/secrets.toml.example en de README (Aanmelden en rollen)."


class ToegangFout(ValueError):
    """De instellingen voor aanmelden en rollen kloppen niet; de tekst zegt wat en waar (Nederlands)."""


@dataclass(frozen=True)
class Rol:
    """Een aangemelde persoon met uploadrechten: wie ('door') en voor welke gemeentecodes."""

    door: str
    gemeenten: frozenset[str]

    def mag(self, codes: Iterable[str]) -> bool:
        """Mag deze persoon een rij of upload over deze gemeentecodes uploaden of intrekken? (`mag`)"""
        return mag(self.gemeenten, codes)


def mag(gemeenten: Collection[str] | None, codes: Iterable[str]) -> bool:
    """De rolregel voor uploaden en intrekken: wie voor `gemeenten` een rol heeft, mag een rij of upload over
    `codes` alleen als elke code daarbij hoort. None: de beheerder op de server (opdrachtregel), alle gemeenten."""
    return gemeenten is None or set(codes) <= set(gemeenten)


@dataclass(frozen=True)
class Instellingen:
    """De gecontroleerde instellingen. `aanmelden`: 'oidc', 'wachtwoord' of None (uploaden staat uit)."""

    aanmelden: str | None
    accounts: Mapping[str, frozenset[str]] = field(default_factory=dict)
    claim: str | None = None
    claimwaarden: Mapping[str, frozenset[str]] = field(default_factory=dict)
    wachtwoorden: Mapping[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------- instellingen lezen en controleren


def _gewoon(waarde):
    """st.secrets (AttrDict) en geneste mappings -> gewone dicts en lijsten."""
    if isinstance(waarde, Mapping):
        return {str(k): _gewoon(v) for k, v in waarde.items()}
    if isinstance(waarde, (list, tuple)):
        return [_gewoon(v) for v in waarde]
    return waarde


def _sectie(geheimen, naam: str) -> dict:
    try:
        waarde = geheimen.get(naam)
    except Exception:  # geen secrets.toml: Streamlit werpt dan bij het lezen
        return {}
    if waarde is None:
        return {}
    if not isinstance(waarde, Mapping):
        raise ToegangFout(f"[{naam}] in secrets.toml moet een sectie zijn, geen losse waarde. {_UITLEG}")
    return _gewoon(waarde)


def _tabel(sectie: dict, sleutel: str, waar: str) -> dict:
    waarde = sectie.get(sleutel, {})
    if not isinstance(waarde, dict):
        raise ToegangFout(f'{waar} moet een tabel zijn ("naam" = [...] per regel), geen {_typenaam(waarde)}. {_UITLEG}')
    return waarde


def _typenaam(waarde) -> str:
    namen = {str: "tekst", int: "getal", float: "getal", bool: "ja/nee-waarde", list: "lijst", dict: "tabel"}
    return namen.get(type(waarde), "waarde")


def _gemeentelijst(waarde, waar: str, bekend: Collection[str]) -> frozenset[str]:
    """Een lijst gemeentecodes; een tekst waar een lijst hoort wordt geweigerd (niet in letters gesplitst)."""
    if not isinstance(waarde, list):
        raise ToegangFout(
            f'{waar} moet een lijst gemeentecodes zijn, zoals ["GM0148"], geen {_typenaam(waarde)} ({waarde!r}). {_UITLEG}'
        )
    if not waarde:
        raise ToegangFout(f"{waar} is een lege lijst: noem minstens één gemeentecode. {_UITLEG}")
    codes = set()
    for code in waarde:
        if not isinstance(code, str) or not _GEMEENTECODE.fullmatch(code.strip().upper()):
            raise ToegangFout(f"{waar} bevat {code!r}: dat is geen gemeentecode (GM en vier cijfers, bijv. GM0148).")
        code = code.strip().upper()
        if bekend and code not in bekend:
            raise ToegangFout(
                f"{waar} bevat {code}: die gemeente kent Sociaal Kompas niet (wel: {', '.join(sorted(bekend))})."
            )
        codes.add(code)
    return frozenset(codes)


def _is_voorbeeld(tekst: str) -> bool:
    tekst = tekst.strip().lower()
    return any(tekst.startswith(v) for v in VOORBEELDEN) or tekst in ("xxx", "geheim", "wachtwoord")


def _controleer_auth(auth: dict) -> None:
    if any(isinstance(v, dict) for k, v in auth.items() if k != "client_kwargs"):
        raise ToegangFout(
            "[auth] met benoemde inlogdiensten ([auth.naam]) gebruikt Sociaal Kompas niet: zet "
            f"client_id, client_secret en server_metadata_url direct in [auth]. {_UITLEG}"
        )
    ontbreekt = [k for k in _AUTH_VERPLICHT if not str(auth.get(k, "") or "").strip()]
    if ontbreekt:
        raise ToegangFout(f"In [auth] ontbreekt {', '.join(ontbreekt)}. {_UITLEG}")
    for sleutel in _AUTH_VERPLICHT:
        if not isinstance(auth[sleutel], str):
            raise ToegangFout(f"[auth] {sleutel} moet een tekst zijn, geen {_typenaam(auth[sleutel])}.")
    if not re.fullmatch(r"https?://[^/\s]+(/\S*)?/oauth2callback", auth["redirect_uri"].strip()):
        raise ToegangFout(
            "[auth] redirect_uri moet het volledige adres van het dashboard zijn dat eindigt op "
            f"/oauth2callback, bijv. https://kompas.gemeente.nl/oauth2callback. {_UITLEG}"
        )
    geheim = auth["cookie_secret"]
    if _is_voorbeeld(geheim) or len(geheim) < 32:
        raise ToegangFout(
            "[auth] cookie_secret is de voorbeeldwaarde of korter dan 32 tekens. Maak een lang "
            'willekeurig geheim, bijv. met: python -c "import secrets; print(secrets.token_urlsafe(48))"'
        )
    for sleutel in ("client_id", "client_secret"):
        if _is_voorbeeld(auth[sleutel]):
            raise ToegangFout(f"[auth] {sleutel} is nog de voorbeeldwaarde; neem die van de inlogdienst. {_UITLEG}")
    if not auth["server_metadata_url"].startswith(("https://", "http://")):
        raise ToegangFout(
            "[auth] server_metadata_url moet een volledig adres zijn (https://…/.well-known/openid-configuration)."
        )


def _controleer_hash(account: str, waarde) -> str:
    from argon2 import extract_parameters
    from argon2.exceptions import InvalidHashError

    if not isinstance(waarde, str) or not waarde.startswith("$argon2id$"):
        raise ToegangFout(
            f"[toegang.wachtwoorden] voor {account} is geen argon2-hash. Zet nooit een wachtwoord "
            "zelf in secrets.toml; maak de hash met: python -m kompas wachtwoord"
        )
    try:
        extract_parameters(waarde)
    except InvalidHashError:
        raise ToegangFout(
            f"[toegang.wachtwoorden] voor {account} is een beschadigde argon2-hash. Maak een nieuwe "
            "met: python -m kompas wachtwoord"
        ) from None
    return waarde


def lees_instellingen(geheimen, bekende_gemeenten: Collection[str] = ()) -> Instellingen:
    """Leest en controleert [auth] en [toegang] uit st.secrets (of een dict). Werpt ToegangFout (Nederlands).

    `bekende_gemeenten`: de gemeentecodes uit de database; een andere code in de rollen wordt geweigerd.
    """
    if _sectie(geheimen, "upload"):
        raise ToegangFout(
            "De sectie [upload] met één gedeeld wachtwoord bestaat niet meer: uploaden vraagt nu "
            f"een eigen account. Vervang [upload] door [toegang]. {_UITLEG}"
        )
    auth = _sectie(geheimen, "auth")
    toegang = _sectie(geheimen, "toegang")
    onbekend = sorted(set(toegang) - {"accounts", "claim", "wachtwoorden"})
    if onbekend:
        raise ToegangFout(
            f"Onbekende instelling in [toegang]: {', '.join(onbekend)} (wel: accounts, claim, wachtwoorden). {_UITLEG}"
        )
    accounts = {}
    for account, lijst in _tabel(toegang, "accounts", "[toegang.accounts]").items():
        sleutel = account.strip().lower() if "@" in account else account.strip()
        if not sleutel:
            raise ToegangFout("[toegang.accounts] bevat een leeg account.")
        accounts[sleutel] = _gemeentelijst(lijst, f'[toegang.accounts] "{account}"', bekende_gemeenten)

    claim = _tabel(toegang, "claim", "[toegang.claim]")
    claimnaam, claimwaarden = None, {}
    if claim:
        if set(claim) - {"naam", "waarden"} or not isinstance(claim.get("naam"), str) or not claim["naam"].strip():
            raise ToegangFout(
                '[toegang.claim] vraagt naam = "<claim in het ID-token>" en een tabel '
                f"[toegang.claim.waarden] met per claimwaarde een lijst gemeentecodes. {_UITLEG}"
            )
        claimnaam = claim["naam"].strip()
        waarden = _tabel(claim, "waarden", "[toegang.claim.waarden]")
        if not waarden:
            raise ToegangFout("[toegang.claim.waarden] is leeg: noem per claimwaarde de gemeentecodes.")
        claimwaarden = {
            w: _gemeentelijst(lijst, f'[toegang.claim.waarden] "{w}"', bekende_gemeenten)
            for w, lijst in waarden.items()
        }

    wachtwoorden = {}
    for account, waarde in _tabel(toegang, "wachtwoorden", "[toegang.wachtwoorden]").items():
        sleutel = account.strip().lower()
        if sleutel not in accounts:
            raise ToegangFout(
                f"[toegang.wachtwoorden] noemt {account}, maar dat account staat niet in "
                "[toegang.accounts] (met zijn gemeenten)."
            )
        wachtwoorden[sleutel] = _controleer_hash(account, waarde)

    if auth:
        if wachtwoorden:
            raise ToegangFout(
                "Kies één manier van aanmelden: [auth] (de inlogdienst van de gemeente) óf "
                "[toegang.wachtwoorden], niet allebei."
            )
        _controleer_auth(auth)
        aanmelden = "oidc"
    elif wachtwoorden:
        aanmelden = "wachtwoord"
    else:
        aanmelden = None
    if aanmelden and not accounts and not claimwaarden:
        raise ToegangFout(
            "Er is wel een manier van aanmelden ingesteld, maar niemand heeft een rol: vul "
            f"[toegang.accounts] (of [toegang.claim]). {_UITLEG}"
        )
    return Instellingen(
        aanmelden=aanmelden, accounts=accounts, claim=claimnaam, claimwaarden=claimwaarden, wachtwoorden=wachtwoorden
    )


def controleer_server(vertrouwde_kopregels, inst: Instellingen) -> None:
    """Weigert aanmelden met de inlogdienst als server.trustedUserHeaders aan staat: die HTTP-kopregels
    overschrijven in st.user wat uit het ID-token komt, en dan kan iedereen die de server bereikt een
    e-mailadres opgeven."""
    if inst.aanmelden == "oidc" and vertrouwde_kopregels:
        raise ToegangFout(
            "server.trustedUserHeaders staat aan; die kopregels kunnen het e-mailadres uit het "
            "ID-token overschrijven. Zet die instelling uit (standaard leeg)."
        )


def upload_instellingen(geheimen, vertrouwde_kopregels, bekende_gemeenten: Collection[str]) -> Instellingen:
    """De instellingen voor de uploadpagina: `lees_instellingen` en `controleer_server`. Werpt ToegangFout."""
    instellingen = lees_instellingen(geheimen, bekende_gemeenten)
    controleer_server(vertrouwde_kopregels, instellingen)
    return instellingen


def rol_in_sessie(inst: Instellingen, gebruiker: Mapping, account: str | None) -> Rol | None:
    """De rol van wie de pagina nu gebruikt, of None: met de inlogdienst uit het ID-token (`gebruiker`, st.user),
    met de terugvaloptie uit het account dat zich in deze sessie met zijn wachtwoord heeft aangemeld."""
    if inst.aanmelden == "oidc":
        return rol_uit_id_token(inst, gebruiker)
    return rol_voor_account(inst, account)


# ---------------------------------------------------------------- rol uit het ID-token (st.user)


def rol_uit_id_token(inst: Instellingen, gebruiker: Mapping) -> Rol | None:
    """De rol van een met OpenID Connect aangemelde gebruiker (st.user), of None zonder uploadrechten.

    Het account is het e-mailadres uit het ID-token (niet als de inlogdienst email_verified = false zegt) of
    de `sub`. 'Door' wordt dat e-mailadres, anders de sub: nooit iets wat de gebruiker zelf intikt.
    """
    if inst.aanmelden != "oidc" or gebruiker.get("is_logged_in") is not True:
        return None
    sub = str(gebruiker.get("sub") or "").strip()
    email = gebruiker.get("email")
    email = email.strip().lower() if isinstance(email, str) and email.strip() else ""
    if gebruiker.get("email_verified") is False:
        email = ""
    gemeenten = set(inst.accounts.get(email, ())) if email else set()
    gemeenten |= inst.accounts.get(sub, set()) if sub else set()
    if inst.claim:
        waarden = gebruiker.get(inst.claim)
        waarden = [waarden] if isinstance(waarden, str) else (waarden if isinstance(waarden, list) else [])
        for w in waarden:
            gemeenten |= inst.claimwaarden.get(str(w), set())
    door = email or sub
    if not gemeenten or not door:
        return None
    return Rol(door=door, gemeenten=frozenset(gemeenten))


def account_uit_id_token(gebruiker: Mapping) -> str:
    """Hoe de pagina een aangemelde gebruiker zonder rol noemt (e-mailadres of sub)."""
    return str(gebruiker.get("email") or gebruiker.get("sub") or "onbekend account")


# ---------------------------------------------------------------- wachtwoorden (terugvaloptie)


class Rem:
    """Remt raden af: na `vrij` mislukte pogingen wacht een sleutel (account of sessie) `eerste` seconden,
    daarna steeds twee keer zo lang, tot `hoogstens`. Een poging tijdens het wachten wordt niet eens gecontroleerd.

    Eén exemplaar per proces (`REM`), gedeeld door alle sessies; een herstart van de server wist het.
    """

    def __init__(
        self,
        vrij: int = 5,
        eerste: float = 30.0,
        hoogstens: float = 900.0,
        klok=time.monotonic,
        max_sleutels: int = 10_000,
    ):
        self.vrij, self.eerste, self.hoogstens, self.klok, self.max_sleutels = (
            vrij,
            eerste,
            hoogstens,
            klok,
            max_sleutels,
        )
        self._fouten: dict[str, tuple[int, float]] = {}
        self._slot = threading.Lock()

    def _wacht(self, aantal: int) -> float:
        return 0.0 if aantal < self.vrij else min(self.eerste * 2 ** (aantal - self.vrij), self.hoogstens)

    def wachttijd(self, sleutels: Iterable[str]) -> float:
        """Hoeveel seconden deze sleutels nog moeten wachten (0: nu proberen mag)."""
        nu = self.klok()
        rest = 0.0
        with self._slot:
            for s in sleutels:
                if s in self._fouten:
                    aantal, laatste = self._fouten[s]
                    rest = max(rest, laatste + self._wacht(aantal) - nu)
        return rest

    def mislukt(self, sleutels: Iterable[str]) -> None:
        nu = self.klok()
        with self._slot:
            if len(self._fouten) >= self.max_sleutels:  # oude sleutels vergeten, zodat het geheugen begrensd blijft
                for s, (_n, t) in list(self._fouten.items()):
                    if nu - t > 2 * self.hoogstens:
                        del self._fouten[s]
                if len(self._fouten) >= self.max_sleutels:
                    del self._fouten[min(self._fouten, key=lambda s: self._fouten[s][1])]
            for s in sleutels:
                n, t = self._fouten.get(s, (0, nu))
                self._fouten[s] = (0 if nu - t > 2 * self.hoogstens else n) + 1, nu

    def gelukt(self, sleutels: Iterable[str]) -> None:
        with self._slot:
            for s in sleutels:
                self._fouten.pop(s, None)


REM = Rem()


def duur(seconden: float) -> str:
    """30 -> '30 seconden', 90 -> '2 minuten' (naar boven afgerond)."""
    seconden = max(1, math.ceil(seconden))
    if seconden < 60:
        return f"{seconden} seconde" if seconden == 1 else f"{seconden} seconden"
    minuten = math.ceil(seconden / 60)
    return f"{minuten} minuut" if minuten == 1 else f"{minuten} minuten"


def controleer_nieuw_wachtwoord(wachtwoord: str) -> None:
    """Werpt ToegangFout als het wachtwoord te kort of een voorbeeldwaarde is."""
    if len(wachtwoord) < MIN_LENGTE:
        raise ToegangFout(f"Het wachtwoord is te kort: minstens {MIN_LENGTE} tekens.")
    if _is_voorbeeld(wachtwoord):
        raise ToegangFout("Dit is de voorbeeldwaarde uit de documentatie; kies een eigen wachtwoord.")


def maak_hash(wachtwoord: str) -> str:
    """Een argon2id-hash voor [toegang.wachtwoorden]; weigert een te kort of voorbeeldwachtwoord."""
    from argon2 import PasswordHasher

    controleer_nieuw_wachtwoord(wachtwoord)
    return PasswordHasher().hash(wachtwoord)


_SCHIJNHASH: list[str] = []


def _klopt(hash_: str | None, wachtwoord: str) -> bool:
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    if hash_ is None:  # onbekend account: toch even lang rekenen, zodat de tijd niet verraadt welke accounts bestaan
        if not _SCHIJNHASH:
            _SCHIJNHASH.append(PasswordHasher().hash("schijn-" + str(time.time())))
        hash_ = _SCHIJNHASH[0]
        wachtwoord = wachtwoord + "\x00"
    try:
        return PasswordHasher().verify(hash_, wachtwoord)
    except (VerificationError, InvalidHashError):
        return False


def rol_voor_account(inst: Instellingen, account: str | None) -> Rol | None:
    """De rol van een account dat zich in deze sessie al met zijn wachtwoord heeft aangemeld (of None)."""
    if inst.aanmelden != "wachtwoord" or not account or account not in inst.wachtwoorden:
        return None
    return Rol(door=account, gemeenten=inst.accounts[account])


def sessie_id() -> str:
    """De id van de Streamlit-sessie (voor de rem per sessie); buiten Streamlit 'geen-sessie'."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else "geen-sessie"


MELDING_FOUT = "Het e-mailadres of het wachtwoord klopt niet."


def meld_aan_met_wachtwoord(
    inst: Instellingen, account: str | None, wachtwoord: str | None, sessie: str, rem: Rem | None = None
) -> tuple[Rol | None, str]:
    """(Rol of None, melding) voor de terugvaloptie met wachtwoorden. Remt per account en per sessie (`REM`)."""
    rem = rem or REM
    if inst.aanmelden != "wachtwoord":
        return None, "Aanmelden met een wachtwoord staat uit."
    account = (account or "").strip().lower()
    wachtwoord = wachtwoord or ""
    if not account or not wachtwoord:
        return None, "Vul je e-mailadres en je wachtwoord in."
    sleutels = [f"account:{account}", f"sessie:{sessie}"]
    wacht = rem.wachttijd(sleutels)
    if wacht > 0:
        return None, f"Te veel mislukte pogingen. Probeer het over {duur(wacht)} opnieuw."
    # een te kort wachtwoord of de voorbeeldwaarde kan nooit kloppen (de hash-opdracht weigert ze): wel een fout
    geldig_model = len(wachtwoord) >= MIN_LENGTE and not _is_voorbeeld(wachtwoord)
    if _klopt(inst.wachtwoorden.get(account), wachtwoord) and geldig_model:
        rem.gelukt(sleutels)
        return Rol(door=account, gemeenten=inst.accounts[account]), f"Aangemeld als {account}."
    rem.mislukt(sleutels)
    return None, MELDING_FOUT
