"""Aanmelden en rollen (kompas/toegang.py): instellingen controleren, wachtwoordhashes, afremmen van raden,
de rol uit het ID-token, en de grens per gemeente bij vastleggen en intrekken (ook op de opdrachtregel).

De e-mailadressen, hashes en cijfers hier zijn verzonnen testgegevens.
"""

from __future__ import annotations

import getpass
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from kompas import toegang
from kompas.toegang import Instellingen, Rem, ToegangFout, lees_instellingen, meld_aan_met_wachtwoord
from loaders import excel
from loaders.__main__ import main as cli

import werkboeken as wb
from dbhulp import alle_uploads

BEKEND = {"GM0148", "GM1876", "GM0303"}
PROJECT = Path(__file__).resolve().parent.parent
# goedkope argon2-instellingen: alleen om de tests snel te houden (de parameters staan in de hash zelf)
SNEL = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
WACHTWOORD = "correct-paard-batterij-niet"
HASH = SNEL.hash(WACHTWOORD)
AUTH = {
    "redirect_uri": "https://kompas.dalfsen.nl/oauth2callback",
    "cookie_secret": "k" * 40,
    "client_id": "kompas-dalfsen",
    "client_secret": "een-echt-geheim-van-de-inlogdienst",
    "server_metadata_url": "https://login.example.org/.well-known/openid-configuration",
}


def wachtwoord_instellingen(**extra) -> Instellingen:
    return lees_instellingen(
        {
            "toegang": {
                "accounts": {"Test@Dalfsen.nl": ["GM0148"], "b@bronckhorst.nl": ["GM1876"]},
                "wachtwoorden": {"test@dalfsen.nl": HASH, **extra},
            }
        },
        BEKEND,
    )


# ------------------------------------------------------------------ instellingen


def test_zonder_instellingen_staat_uploaden_uit():
    assert lees_instellingen({}, BEKEND).aanmelden is None
    assert lees_instellingen({"toegang": {"accounts": {"a@dalfsen.nl": ["GM0148"]}}}, BEKEND).aanmelden is None


def test_inlogdienst_met_accounts_en_claim():
    inst = lees_instellingen(
        {
            "auth": {**AUTH, "client_kwargs": {"prompt": "login"}},
            "toegang": {
                "accounts": {"Naam@Dalfsen.nl": ["gm0148"], "00u1abc": ["GM1876", "GM0148"]},
                "claim": {"naam": "roles", "waarden": {"Kompas.Upload.Dronten": ["GM0303"]}},
            },
        },
        BEKEND,
    )
    assert inst.aanmelden == "oidc"
    assert inst.accounts == {"naam@dalfsen.nl": {"GM0148"}, "00u1abc": {"GM1876", "GM0148"}}
    assert inst.claim == "roles" and inst.claimwaarden == {"Kompas.Upload.Dronten": {"GM0303"}}


@pytest.mark.parametrize(
    "geheimen, verwacht",
    [
        # een tekst waar een lijst hoort: geweigerd, niet in letters gesplitst
        ({"toegang": {"accounts": {"a@dalfsen.nl": "GM0148"}}}, "moet een lijst gemeentecodes zijn"),
        ({"toegang": {"accounts": "a@dalfsen.nl"}}, "[toegang.accounts] moet een tabel zijn"),
        ({"toegang": {"accounts": {"a@dalfsen.nl": []}}}, "lege lijst"),
        ({"toegang": {"accounts": {"a@dalfsen.nl": ["Dalfsen"]}}}, "geen gemeentecode"),
        ({"toegang": {"accounts": {"a@dalfsen.nl": ["GM0999"]}}}, "die gemeente kent Sociaal Kompas niet"),
        ({"toegang": {"acounts": {"a@dalfsen.nl": ["GM0148"]}}}, "Onbekende instelling in [toegang]: acounts"),
        ({"toegang": {"claim": {"naam": "roles", "waarden": {"x": "GM0148"}}}}, "moet een lijst gemeentecodes zijn"),
        ({"toegang": {"claim": {"waarden": {"x": ["GM0148"]}}}}, "[toegang.claim] vraagt naam"),
        # het oude gedeelde wachtwoord
        (
            {
                "upload": {
                    "beleidsmedewerkers": ["a@dalfsen.nl"],
                    "wachtwoord": "vervang-door-een-lang-willekeurig-wachtwoord",
                }
            },
            "[upload] met één gedeeld wachtwoord bestaat niet meer",
        ),
        # wachtwoorden: nooit platte tekst, alleen bekende accounts, niet naast een inlogdienst
        (
            {
                "toegang": {
                    "accounts": {"a@dalfsen.nl": ["GM0148"]},
                    "wachtwoorden": {"a@dalfsen.nl": "geheim-123456789"},
                }
            },
            "geen argon2-hash",
        ),
        (
            {
                "toegang": {
                    "accounts": {"a@dalfsen.nl": ["GM0148"]},
                    "wachtwoorden": {"a@dalfsen.nl": "vervang-door-de-uitvoer-van: python -m kompas wachtwoord"},
                }
            },
            "geen argon2-hash",
        ),
        (
            {
                "toegang": {
                    "accounts": {"a@dalfsen.nl": ["GM0148"]},
                    "wachtwoorden": {"a@dalfsen.nl": "$argon2id$kapot"},
                }
            },
            "beschadigde argon2-hash",
        ),
        (
            {"toegang": {"accounts": {"a@dalfsen.nl": ["GM0148"]}, "wachtwoorden": {"b@dalfsen.nl": HASH}}},
            "staat niet in [toegang.accounts]",
        ),
        (
            {
                "auth": AUTH,
                "toegang": {"accounts": {"a@dalfsen.nl": ["GM0148"]}, "wachtwoorden": {"a@dalfsen.nl": HASH}},
            },
            "Kies één manier van aanmelden",
        ),
        # de inlogdienst
        ({"auth": AUTH}, "niemand heeft een rol"),
        (
            {"auth": {**AUTH, "entra": {"client_id": "x"}}, "toegang": {"accounts": {"a@dalfsen.nl": ["GM0148"]}}},
            "benoemde inlogdiensten",
        ),
        (
            {"auth": {**AUTH, "cookie_secret": "xxx"}, "toegang": {"accounts": {"a@dalfsen.nl": ["GM0148"]}}},
            "cookie_secret",
        ),
        (
            {
                "auth": {**AUTH, "cookie_secret": "vervang-door-een-lang-willekeurig-geheim-van-48-tekens"},
                "toegang": {"accounts": {"a@dalfsen.nl": ["GM0148"]}},
            },
            "cookie_secret is de voorbeeldwaarde",
        ),
        (
            {
                "auth": {**AUTH, "redirect_uri": "https://kompas.dalfsen.nl/"},
                "toegang": {"accounts": {"a@dalfsen.nl": ["GM0148"]}},
            },
            "eindigt op /oauth2callback",
        ),
        (
            {
                "auth": {k: v for k, v in AUTH.items() if k != "client_secret"},
                "toegang": {"accounts": {"a@dalfsen.nl": ["GM0148"]}},
            },
            "In [auth] ontbreekt client_secret",
        ),
        (
            {
                "auth": {**AUTH, "client_id": "vervang-door-de-client-id"},
                "toegang": {"accounts": {"a@dalfsen.nl": ["GM0148"]}},
            },
            "client_id is nog de voorbeeldwaarde",
        ),
    ],
)
def test_foute_instellingen_geweigerd_met_nederlandse_uitleg(geheimen, verwacht):
    with pytest.raises(ToegangFout) as fout:
        lees_instellingen(geheimen, BEKEND)
    assert verwacht in str(fout.value)


def test_het_voorbeeldbestand_zelf_wordt_geweigerd_tot_het_is_ingevuld():
    voorbeeld = tomllib.loads((PROJECT / ".streamlit" / "secrets.toml.example").read_text(encoding="utf-8"))
    with pytest.raises(ToegangFout, match="voorbeeldwaarde"):
        lees_instellingen(voorbeeld, BEKEND)


def test_vertrouwde_kopregels_naast_de_inlogdienst_geweigerd():
    inst = lees_instellingen({"auth": AUTH, "toegang": {"accounts": {"a@dalfsen.nl": ["GM0148"]}}}, BEKEND)
    toegang.controleer_server({}, inst)
    with pytest.raises(ToegangFout, match="trustedUserHeaders"):
        toegang.controleer_server({"X-Email": "email"}, inst)


# ------------------------------------------------------------------ rol uit het ID-token


def test_rol_uit_het_id_token_via_email_sub_of_claim():
    inst = lees_instellingen(
        {
            "auth": AUTH,
            "toegang": {
                "accounts": {"naam@dalfsen.nl": ["GM0148"], "sub-123": ["GM1876"]},
                "claim": {"naam": "roles", "waarden": {"Kompas.Upload.Dronten": ["GM0303"]}},
            },
        },
        BEKEND,
    )
    rol = toegang.rol_uit_id_token
    assert rol(inst, {"is_logged_in": True, "email": "Naam@Dalfsen.NL", "sub": "x"}) == toegang.Rol(
        "naam@dalfsen.nl", frozenset({"GM0148"})
    )
    assert rol(inst, {"is_logged_in": True, "sub": "sub-123"}) == toegang.Rol("sub-123", frozenset({"GM1876"}))
    assert rol(
        inst, {"is_logged_in": True, "email": "c@dronten.nl", "roles": ["Lezer", "Kompas.Upload.Dronten"]}
    ) == toegang.Rol("c@dronten.nl", frozenset({"GM0303"}))
    assert rol(inst, {"is_logged_in": True, "email": "c@dronten.nl", "roles": "Kompas.Upload.Dronten"}).gemeenten == {
        "GM0303"
    }
    # geen rol: onbekend, niet aangemeld, of een e-mailadres dat de inlogdienst niet heeft gecontroleerd
    assert rol(inst, {"is_logged_in": True, "email": "iemand@elders.nl", "sub": "y"}) is None
    assert rol(inst, {"is_logged_in": False, "email": "naam@dalfsen.nl"}) is None
    assert rol(inst, {"email": "naam@dalfsen.nl"}) is None
    assert rol(inst, {"is_logged_in": True, "email": "naam@dalfsen.nl", "email_verified": False, "sub": "z"}) is None
    # een claimwaarde als tekst wordt niet in letters gesplitst
    assert rol(inst, {"is_logged_in": True, "email": "c@dronten.nl", "roles": "K"}) is None


def test_rol_mag_alleen_over_de_eigen_gemeenten_en_de_beheerder_over_alle():
    rol = toegang.Rol("a@dalfsen.nl", frozenset({"GM0148", "GM1876"}))
    assert rol.mag(["GM0148"]) and rol.mag(["GM0148", "GM1876"])
    assert not rol.mag(["GM0303"]) and not rol.mag(["GM0148", "GM0303"])  # een upload over twee gemeenten
    assert toegang.mag(None, ["GM0303"])  # de beheerder op de server (opdrachtregel)
    assert not toegang.mag(frozenset(), ["GM0148"])


def test_rol_in_sessie_volgt_de_manier_van_aanmelden():
    oidc = lees_instellingen({"auth": AUTH, "toegang": {"accounts": {"naam@dalfsen.nl": ["GM0148"]}}}, BEKEND)
    gebruiker = {"is_logged_in": True, "email": "naam@dalfsen.nl"}
    assert toegang.rol_in_sessie(oidc, gebruiker, "naam@dalfsen.nl") == toegang.rol_uit_id_token(oidc, gebruiker)
    # met de inlogdienst telt een account uit de sessie niet
    assert toegang.rol_in_sessie(oidc, {"is_logged_in": False}, "naam@dalfsen.nl") is None
    ww = wachtwoord_instellingen()
    assert toegang.rol_in_sessie(ww, {}, "test@dalfsen.nl") == toegang.Rol("test@dalfsen.nl", frozenset({"GM0148"}))
    assert toegang.rol_in_sessie(ww, gebruiker, None) is None  # een ID-token telt niet zonder inlogdienst


def test_upload_instellingen_weigert_vertrouwde_kopregels_naast_de_inlogdienst():
    geheimen = {"auth": AUTH, "toegang": {"accounts": {"a@dalfsen.nl": ["GM0148"]}}}
    assert toegang.upload_instellingen(geheimen, {}, BEKEND).aanmelden == "oidc"
    with pytest.raises(ToegangFout, match="trustedUserHeaders"):
        toegang.upload_instellingen(geheimen, {"X-Email": "email"}, BEKEND)


# ------------------------------------------------------------------ wachtwoorden


@pytest.mark.parametrize("wachtwoord", ["a", "kort-11-tek", "vervang-door-een-lang-willekeurig-wachtwoord"])
def test_hash_weigert_korte_en_voorbeeldwachtwoorden(wachtwoord):
    with pytest.raises(ToegangFout):
        toegang.maak_hash(wachtwoord)


def test_hash_is_argon2id_en_klopt():
    h = toegang.maak_hash("twaalf-tekens")
    assert h.startswith("$argon2id$") and "twaalf-tekens" not in h
    assert PasswordHasher().verify(h, "twaalf-tekens")


def test_aanmelden_met_wachtwoord_verraadt_niet_welke_accounts_bestaan():
    inst = wachtwoord_instellingen()
    rol, melding = meld_aan_met_wachtwoord(inst, " TEST@dalfsen.nl ", WACHTWOORD, "s", rem=Rem())
    assert rol == toegang.Rol("test@dalfsen.nl", frozenset({"GM0148"})) and "Aangemeld" in melding
    # fout wachtwoord en onbekend account: dezelfde melding (verraadt niet welke accounts bestaan)
    for account, ww in [
        ("test@dalfsen.nl", "fout-maar-lang-genoeg"),
        ("niemand@dalfsen.nl", WACHTWOORD),
        ("b@bronckhorst.nl", WACHTWOORD),
    ]:  # b heeft geen wachtwoord
        assert meld_aan_met_wachtwoord(inst, account, ww, "s", rem=Rem()) == (None, toegang.MELDING_FOUT)
    assert meld_aan_met_wachtwoord(inst, "", "", "s", rem=Rem())[0] is None


@pytest.mark.parametrize("wachtwoord", ["a", "vervang-door-een-lang-willekeurig-wachtwoord"])
def test_kort_of_voorbeeldwachtwoord_nooit_aangenomen_ook_niet_met_een_passende_hash(wachtwoord):
    inst = lees_instellingen(
        {
            "toegang": {
                "accounts": {"a@dalfsen.nl": ["GM0148"]},
                "wachtwoorden": {"a@dalfsen.nl": SNEL.hash(wachtwoord)},
            }
        },
        BEKEND,
    )
    assert meld_aan_met_wachtwoord(inst, "a@dalfsen.nl", wachtwoord, "s", rem=Rem())[0] is None


class Klok:
    def __init__(self):
        self.nu = 1000.0

    def __call__(self):
        return self.nu


def test_200_keer_raden_wordt_afgeremd_per_account(monkeypatch):
    gecontroleerd = []
    echt = toegang._klopt
    monkeypatch.setattr(toegang, "_klopt", lambda h, w: gecontroleerd.append(w) or echt(h, w))
    klok = Klok()
    rem = Rem(klok=klok)
    inst = wachtwoord_instellingen()
    meldingen = []
    for i in range(200):  # 200 pogingen binnen 10 seconden, elk vanuit een nieuwe sessie
        klok.nu += 0.05
        meldingen.append(
            meld_aan_met_wachtwoord(inst, "test@dalfsen.nl", f"gok-nummer-{i:04d}", f"sessie-{i}", rem=rem)[1]
        )
    assert len(gecontroleerd) == 5
    assert meldingen[5] == "Te veel mislukte pogingen. Probeer het over 30 seconden opnieuw."
    # ook het goede wachtwoord helpt niet tijdens het wachten
    assert meld_aan_met_wachtwoord(inst, "test@dalfsen.nl", WACHTWOORD, "nieuw", rem=rem)[0] is None
    # na het wachten één nieuwe poging; fout: twee keer zo lang wachten
    klok.nu += 30
    assert meld_aan_met_wachtwoord(inst, "test@dalfsen.nl", "nog-een-gok-xx", "s", rem=rem)[1] == toegang.MELDING_FOUT
    assert "over 1 minuut" in meld_aan_met_wachtwoord(inst, "test@dalfsen.nl", WACHTWOORD, "s", rem=rem)[1]
    klok.nu += 60
    assert meld_aan_met_wachtwoord(inst, "test@dalfsen.nl", WACHTWOORD, "s2", rem=rem)[0] is not None
    # gelukt: het account begint weer schoon
    assert rem.wachttijd(["account:test@dalfsen.nl"]) == 0


def test_raden_over_veel_accounts_wordt_afgeremd_per_sessie():
    klok = Klok()
    rem = Rem(klok=klok)
    inst = wachtwoord_instellingen()
    meldingen = [
        meld_aan_met_wachtwoord(inst, f"naam{i}@dalfsen.nl", "gok-gok-gok-gok", "een-sessie", rem=rem)[1]
        for i in range(20)
    ]
    assert meldingen[:5] == [toegang.MELDING_FOUT] * 5
    assert all(m.startswith("Te veel mislukte pogingen") for m in meldingen[5:])
    # een andere sessie voor een ander account mag nog
    assert meld_aan_met_wachtwoord(inst, "test@dalfsen.nl", WACHTWOORD, "andere-sessie", rem=rem)[0] is not None


def test_de_rem_houdt_zijn_geheugen_begrensd():
    klok = Klok()
    rem = Rem(klok=klok, max_sleutels=100)
    for i in range(1000):
        rem.mislukt([f"account:{i}"])
    assert len(rem._fouten) <= 100


def test_wachttijd_in_woorden_naar_boven_afgerond():
    assert [toegang.duur(s) for s in (0.2, 1, 30, 59.5, 60, 61, 900)] == [
        "1 seconde",
        "1 seconde",
        "30 seconden",
        "1 minuut",
        "1 minuut",
        "2 minuten",
        "15 minuten",
    ]


def test_opdracht_wachtwoord_maakt_een_hash_voor_secrets(tmp_path):
    def opdracht(invoer: str):
        return subprocess.run(
            [sys.executable, "-m", "kompas", "wachtwoord", "Naam@Dalfsen.nl"],
            input=invoer,
            capture_output=True,
            text=True,
            cwd=PROJECT,
            timeout=60,
        )

    goed = opdracht("een-wachtwoord-van-de-beheerder\n")
    assert goed.returncode == 0, goed.stderr
    assert (
        "[toegang.wachtwoorden]" in goed.stderr and "een-wachtwoord-van-de-beheerder" not in goed.stdout + goed.stderr
    )
    regel = tomllib.loads(goed.stdout)
    assert list(regel) == ["naam@dalfsen.nl"]
    assert PasswordHasher().verify(regel["naam@dalfsen.nl"], "een-wachtwoord-van-de-beheerder")
    # en de regel werkt als instelling
    inst = lees_instellingen({"toegang": {"accounts": {"naam@dalfsen.nl": ["GM0148"]}, "wachtwoorden": regel}}, BEKEND)
    assert inst.aanmelden == "wachtwoord"
    for fout in ("a\n", "vervang-door-een-lang-willekeurig-wachtwoord\n"):
        kort = opdracht(fout)
        assert kort.returncode == 1 and kort.stdout == "" and kort.stderr.startswith("Geweigerd: ")


# ------------------------------------------------------------------ alleen de eigen gemeente, ook bij vastleggen


def test_vastleggen_weigert_een_rij_voor_een_andere_gemeente(ingebedde_db, lees):
    data = wb.waarden(
        [
            ["GM0148", "bewindvoering_huishoudens", 2023, 190, None, "GWS4all", None],
            ["GM1876", "bewindvoering_huishoudens", 2023, 250, None, "GWS4all", None],
        ]
    )
    validatie = excel.valideer(data, "twee.xlsx")
    voor = lees("select count(*) as n from upload")
    with pytest.raises(excel.UploadGeweigerd) as fout:
        excel.leg_vast(validatie, door="test@dalfsen.nl", gemeenten={"GM0148"})
    (melding,) = fout.value.meldingen
    assert melding.rij == 3 and melding.gevonden == "GM1876" and "niet mag uploaden" in melding.tekst()
    assert lees("select count(*) as n from upload") == voor
    assert excel.leg_vast(validatie, door="beheer", gemeenten={"GM0148", "GM1876"})


def test_intrekken_alleen_voor_de_eigen_gemeente(ingebedde_db):
    data = wb.waarden([["GM1876", "bewindvoering_huishoudens", 2023, 250, None, "GWS4all", None]])
    (upload_id,) = excel.leg_vast(
        excel.valideer(data, "bronckhorst.xlsx"), door="b@bronckhorst.nl", gemeenten={"GM1876"}
    )
    with pytest.raises(excel.UploadGeweigerd, match="niet mag intrekken"):
        excel.trek_in(upload_id, door="test@dalfsen.nl", gemeenten={"GM0148"})
    assert [u["geldend"] for u in alle_uploads()] == [True]
    excel.trek_in(upload_id, door="b@bronckhorst.nl", gemeenten={"GM1876"})
    assert [u["ingetrokken_door"] for u in alle_uploads()] == ["b@bronckhorst.nl"]


def test_opdrachtregel_legt_de_gebruiker_van_het_besturingssysteem_vast(ingebedde_db, capsys):
    pad = ingebedde_db.parent / "bewind.xlsx"
    pad.write_bytes(wb.waarden([["GM0148", "bewindvoering_huishoudens", 2023, 190, None, "GWS4all", None]]))
    with pytest.raises(SystemExit):  # een getypte 'door' bestaat niet meer
        cli(["upload", str(pad), "--ja", "--door", "iemand-anders"])
    capsys.readouterr()
    assert cli(["upload", str(pad), "--ja"]) == 0
    gebruiker = getpass.getuser()
    assert f"door {gebruiker} (gebruiker van het besturingssysteem)" in capsys.readouterr().out
    assert [u["door"] for u in alle_uploads()] == [gebruiker]
    assert cli(["upload", "--ongedaan", "1", "--ja"]) == 0
    assert f"ingetrokken door {gebruiker} (gebruiker van het besturingssysteem)" in capsys.readouterr().out
    assert [u["ingetrokken_door"] for u in alle_uploads()] == [gebruiker]
