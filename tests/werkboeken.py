"""Testwerkboeken voor de upload, gemaakt met openpyxl. De getallen zijn verzonnen en blijven in tests/."""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook


def _bytes(wb: Workbook) -> bytes:
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()


WAARDEN_KOP = ["gemeente", "indicator", "peiljaar", "waarde", "eenheid", "bron", "toelichting"]
STREEF_KOP = ["gemeente", "indicator", "jaar", "streefwaarde", "nulmeting_jaar", "nulmeting_waarde", "toelichting"]


def waarden(
    rijen: list[list], kop: list | None = None, titel_rijen: list[list] | None = None, blad: str = "Waarden"
) -> bytes:
    """Een lang werkblad met waarden (de vorm van het sjabloon)."""
    wb = Workbook()
    ws = wb.active
    ws.title = blad
    for r in titel_rijen or []:
        ws.append(r)
    ws.append(kop or WAARDEN_KOP)
    for r in rijen:
        ws.append(r)
    return _bytes(wb)


def met_uitlegblad(alleen_uitleg: bool = False) -> bytes:
    """Een export waarvan het eerste werkblad alleen uitlegt (titelregels, geen tabel); daarna een leeg werkblad
    en het werkblad met de tabel (weg met `alleen_uitleg`)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Toelichting"
    ws.append(["Export GWS4all - huishoudens met bewindvoering"])
    ws.append([])
    ws.append(["De cijfers staan op het tabblad Waarden; stand 31 december."])
    wb.create_sheet("Blad2")
    if not alleen_uitleg:
        tabel = wb.create_sheet("Waarden")
        tabel.append(WAARDEN_KOP)
        tabel.append(["GM0148", "bewindvoering_huishoudens", 2021, 175, "aantal huishoudens", "GWS4all", None])
    return _bytes(wb)


def sjabloon_ingevuld() -> bytes:
    """Het sjabloon zoals een beleidsmedewerker het invult: waarden én streefwaarden."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Waarden"
    ws.append(WAARDEN_KOP)
    ws.append(["GM0148", "bewindvoering_huishoudens", 2022, 181, "aantal huishoudens", "GWS4all", None])
    ws.append(["Dalfsen", "bewindvoering_huishoudens", 2023, 190, "aantal huishoudens", "GWS4all", "stand 31-12"])
    ws.append(["GM0148", "klanttevredenheid_jeugdhulp_pct", 2023, "81,5", "%", "CEO Jeugd", None])
    st = wb.create_sheet("Streefwaarden")
    st.append(STREEF_KOP)
    st.append(["GM0148", "klanttevredenheid_jeugdhulp_pct", 2025, "minimaal 85%", 2023, 81.5, None])
    st.append(["GM0148", "inburgeraars_participatie_pct", 2026, ">30%", None, None, None])
    codes = wb.create_sheet("Codes")
    codes.append(["gemeentecode", "gemeente"])
    return _bytes(wb)


def breed_met_titels() -> bytes:
    """Een export zoals in de begroting van Dalfsen: titelrijen, jaren als kolommen, voetnoten."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Participatie"
    ws.append(["Gemeente Dalfsen - Programmabegroting"])
    ws.append([])
    ws.append(["Tabel 7.3 Participatie"])
    ws.append(["Indicator", "Bron", "Nulmeting 2019", 2020, 2021, 2022, 2023])
    ws.append(
        [
            "Doel 4: niet meer dan 25% zit langer dan 4 jaar in de uitkering",
            "GWS4all",
            "26%",
            "25%",
            "25%",
            "25%",
            "25%",
        ]
    )
    ws.append(
        [
            "Inburgeringsplichtigen die naar vermogen participeren *",
            "Eigen gegevens",
            None,
            ">30%",
            ">30%",
            "minimaal 35%",
            None,
        ]
    )
    ws.append(["Doel 6: aantal garantiebanen **", "Monitor UWV"])
    ws.append(["* Beschut Werk: de opgave na 2021 e.v. is nog niet bekend"])
    return _bytes(wb)


def breed_waarden() -> bytes:
    """Waarden per jaar als kolommen, Nederlandse decimalen en percentagecellen, geen gemeentekolom."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Realisatie"
    ws.append(["Sociaal domein in cijfers"])
    ws.append(["Indicator", "Bron", 2021, 2022, 2023])
    ws.append(["klanttevredenheid_jeugdhulp_pct", "CEO", "78,5", "26%", 0.8])
    ws["E3"].number_format = "0%"
    ws.append(["Huishoudens met bewindvoering", "GWS4all", 170, "1.234.567", 190])
    return _bytes(wb)


def met_formules(met_waarde: bool) -> bytes:
    """Een formule in de waardekolom, met of zonder berekende (gecachete) waarde."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Waarden"
    ws.append(WAARDEN_KOP)
    ws.append(["GM0148", "bewindvoering_huishoudens", 2022, 100, "aantal huishoudens", "GWS4all", None])
    ws.append(["GM0148", "bewindvoering_huishoudens", 2023, "=D2+81", "aantal huishoudens", "GWS4all", None])
    data = _bytes(wb)
    if not met_waarde:
        return data
    # Excel bewaart de laatst berekende waarde in <v>; openpyxl schrijft die niet, dus voegen we hem toe.
    return vervang_in_zip(data, "xl/worksheets/sheet1.xml", b"<f>D2+81</f><v />", b"<f>D2+81</f><v>181</v>")


def vervang_in_zip(data: bytes, naam: str, oud: bytes, nieuw: bytes) -> bytes:
    bron = zipfile.ZipFile(io.BytesIO(data))
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for info in bron.infolist():
            inhoud = bron.read(info.filename)
            if info.filename == naam:
                assert oud in inhoud, inhoud[:2000]
                inhoud = inhoud.replace(oud, nieuw)
            doel.writestr(info.filename, inhoud)
    return uit.getvalue()


def met_deel(data: bytes, extra: dict[str, bytes] | None = None, methode: int = zipfile.ZIP_DEFLATED) -> bytes:
    """Dezelfde werkmap opnieuw ingepakt (met `methode`), plus de delen in `extra`."""
    bron = zipfile.ZipFile(io.BytesIO(data))
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", methode) as doel:
        for info in bron.infolist():
            doel.writestr(info.filename, bron.read(info.filename))
        for naam, inhoud in (extra or {}).items():
            doel.writestr(naam, inhoud)
    return uit.getvalue()


def xlsm() -> bytes:
    """Een werkmap met macro's: ander content type en een vbaProject.bin."""
    data = waarden([["GM0148", "bewindvoering_huishoudens", 2022, 1, None, None, None]])
    data = vervang_in_zip(
        data,
        "[Content_Types].xml",
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    return met_deel(data, {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"})


def zip_bom() -> bytes:
    """Een geldig ogende werkmap met een deel dat uitpakt tot 400 MB nullen."""
    data = waarden([["GM0148", "bewindvoering_huishoudens", 2022, 1, None, None, None]])
    bron = zipfile.ZipFile(io.BytesIO(data))
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for info in bron.infolist():
            doel.writestr(info.filename, bron.read(info.filename))
        with doel.open("xl/media/image1.bin", "w") as f:
            blok = b"\0" * (1024 * 1024)
            for _ in range(400):
                f.write(blok)
    return uit.getvalue()


def versleuteld() -> bytes:
    """Zo begint een met wachtwoord beveiligde .xlsx: een OLE-container met een EncryptionInfo-stroom."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 2000


def oud_xls() -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "Workbook".encode("utf-16-le") + b"\0" * 2000


def csv_als_xlsx() -> bytes:
    return b"gemeente;indicator;peiljaar;waarde\nGM0148;bewindvoering_huishoudens;2022;181\n"


def beschadigd() -> bytes:
    data = waarden([["GM0148", "bewindvoering_huishoudens", 2022, 1, None, None, None]])
    return data[: len(data) // 2]


def leeg_werkboek() -> bytes:
    wb = Workbook()
    wb.active.title = "Waarden"
    return _bytes(wb)


def te_veel_rijen(aantal: int) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Waarden")
    ws.append(WAARDEN_KOP)
    for i in range(aantal):
        ws.append(["GM0148", "bewindvoering_huishoudens", 2022, i])
    return _bytes(wb)


def te_veel_kolommen(aantal: int) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(WAARDEN_KOP + [f"x{i}" for i in range(aantal)])
    return _bytes(wb)


def groot(aantal: int) -> bytes:
    """`aantal` rijen waarden (voor de benchmark): 3 gemeenten x indicatoren x jaren x leeftijden."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Waarden")
    ws.append(WAARDEN_KOP + ["leeftijd"])
    gemeenten = ["GM0148", "GM1876", "GM0303"]
    indicatoren = [
        ("bewindvoering_huishoudens", "aantal huishoudens"),
        ("kindregeling_bestellingen", "aantal kinderen"),
        ("klanttevredenheid_jeugdhulp_pct", "%"),
        ("inburgeraars_participatie_pct", "%"),
    ]
    n = 0
    for leeftijd in range(10_000):
        for g in gemeenten:
            for code, eenheid in indicatoren:
                for jaar in range(2015, 2025):
                    if n >= aantal:
                        return _bytes(wb)
                    ws.append([g, code, jaar, (n * 7) % 100, eenheid, "GWS4all", None, f"groep {leeftijd}"])
                    n += 1
    return _bytes(wb)


# ---------------------------------------------------------------- vijandige bestanden (issue 11)
# Alleen in een werkproces of begrensd subproces openen met calamine: sommige laten een lezer zonder
# grenscontrole het hele proces afbreken.


def cel_ver_weg(ref: str = "XFD1048576", dimensie: str | None = None) -> bytes:
    """Een klein geldig werkblad met vóór de echte rijen één cel op `ref` (calamine reserveert daarvoor
    rijen x kolommen cellen: bij XFD1048576 512 GB, bij CV1000000 ~5 GB). `dimensie` vervangt <dimension>."""
    data = waarden([["GM0148", "bewindvoering_huishoudens", 2022, 1, None, None, None]])
    rij = "".join(ch for ch in ref if ch.isdigit())
    ver = f'<row r="{rij}"><c r="{ref}" t="inlineStr"><is><t>x</t></is></c></row>'.encode()
    data = vervang_in_zip(data, "xl/worksheets/sheet1.xml", b"<sheetData>", b"<sheetData>" + ver)
    if dimensie:
        data = vervang_in_zip(
            data, "xl/worksheets/sheet1.xml", b'<dimension ref="A1:G2" />', f'<dimension ref="{dimensie}" />'.encode()
        )
    return data


def cel_ver_weg_anders_geschreven() -> bytes:
    """Een cel op XFD5 tussen gewone cellen, maar anders geschreven dan Excel doet (spaties rond '=', enkele
    aanhalingstekens, r niet als eerste attribuut): de omvangcontrole moet hem net zo vinden."""
    data = waarden([["GM0148", "bewindvoering_huishoudens", 2022, 1, None, None, None]] * 3)
    ver = b"<c t=\"inlineStr\"  r = 'XFD3'><is><t>x</t></is></c>"
    return vervang_in_zip(data, "xl/worksheets/sheet1.xml", b'<c r="A4"', ver + b'<c r="A4"')


def cellen_zonder_ref(aantal: int) -> bytes:
    """Een rij met `aantal` cellen zonder r-attribuut (de plek volgt dan uit de volgorde)."""
    data = waarden([["GM0148", "bewindvoering_huishoudens", 2022, 1, None, None, None]])
    cellen = b"<c><v>1</v></c>" * aantal
    return vervang_in_zip(data, "xl/worksheets/sheet1.xml", b"</sheetData>", b"<row>" + cellen + b"</row></sheetData>")


def veel_werkbladen(aantal: int) -> bytes:
    wb = Workbook(write_only=True)
    for i in range(aantal):
        wb.create_sheet(f"Blad{i + 1}").append(["x"])
    return _bytes(wb)


def met_tekst(tekst: str, kolom: str = "toelichting") -> bytes:
    """Een geldige waardenrij met `tekst` in `kolom` (voor stuurtekens)."""
    rij = {
        "gemeente": "GM0148",
        "indicator": "bewindvoering_huishoudens",
        "peiljaar": 2022,
        "waarde": 5,
        "eenheid": None,
        "bron": "GWS4all",
        "toelichting": None,
    }
    rij[kolom] = tekst
    return waarden([[rij[k] for k in WAARDEN_KOP]])


def beschadigd_deel(naam: str = "xl/worksheets/sheet1.xml") -> bytes:
    """Een werkmap waarvan één deel in het zip-bestand beschadigd is (CRC klopt niet)."""
    data = waarden([["GM0148", "bewindvoering_huishoudens", 2022, 1, None, None, None]])
    ruw = bytearray(met_deel(data, methode=zipfile.ZIP_STORED))
    info = zipfile.ZipFile(io.BytesIO(bytes(ruw))).getinfo(naam)
    begin = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    positie = begin + ruw[begin : begin + info.compress_size].index(b"<sheetData>")
    ruw[positie : positie + 11] = b"<sheetDatA>"
    return bytes(ruw)


def gedeelde_teksten(uniek: int) -> bytes:
    """Een werkmap met een sharedStrings.xml die `uniek` verschillende teksten belooft (calamine reserveert
    daar vooraf ruimte voor en breekt bij 4 miljard af); er staat er één in."""
    data = waarden([["GM0148", "bewindvoering_huishoudens", 2022, 1, None, None, None]])
    data = vervang_in_zip(
        data,
        "xl/_rels/workbook.xml.rels",
        b"</Relationships>",
        b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    data = vervang_in_zip(
        data,
        "[Content_Types].xml",
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    sst = (
        f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="{uniek}">'
        "<si><t>x</t></si></sst>"
    )
    return met_deel(data, {"xl/sharedStrings.xml": sst.encode()})
