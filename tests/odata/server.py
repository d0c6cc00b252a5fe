"""Een kleine OData v3-server op 127.0.0.1 die opgenomen CBS-antwoorden serveert.

Zelfde vorm als opendata.cbs.nl / dataderden.cbs.nl onder `/ODataFeed/odata/<TABEL>/`:
servicedocument, TableInfos, DataProperties, CategoryGroups, dimensielijsten en
Typed/UntypedDataSet, elk als `{"odata.metadata": ..., "value": [...]}`, gepagineerd met
`odata.nextLink`. Voor de datasets begrijpt hij `$filter` (`startswith(Dim,'X')` en
`Dim eq 'X'`, verbonden met `or`) en `$select`, zoals de echte API.

De opgenomen antwoorden staan in `tests/odata/<catalogus>/<TABEL>/<Naam>.json` (alleen de
`value`-lijst, zoals `cbsodata.download_data(dir=...)` ze wegschrijft). Tests kunnen per
verzoek storingen instellen via `server.storingen` en antwoorden vervangen via `server.vervang`.
"""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

MAP = Path(__file__).resolve().parent
VOLGORDE = ["TableInfos", "UntypedDataSet", "TypedDataSet", "DataProperties", "CategoryGroups"]
FILTERDEEL = re.compile(r"^\(?\s*(?:startswith\((\w+),'([^']*)'\)|(\w+) eq '([^']*)')\s*\)?$")


def _filter(tekst: str):
    delen = []
    for deel in re.split(r"\s+or\s+", tekst.strip()):
        m = FILTERDEEL.match(deel.strip())
        if not m:
            raise ValueError(deel)
        if m.group(1):
            delen.append((m.group(1), "startswith", m.group(2)))
        else:
            delen.append((m.group(3), "eq", m.group(4)))

    def past(rij: dict) -> bool:
        for dim, op, waarde in delen:
            v = str(rij.get(dim, ""))
            if (op == "startswith" and v.startswith(waarde)) or (op == "eq" and v == waarde):
                return True
        return False

    return past


class ODataServer:
    """`with ODataServer('opendata') as s:` -> `s.host` is '127.0.0.1:<poort>'."""

    def __init__(self, catalogus: str, paginagrootte: int = 3):
        self.map = MAP / catalogus
        self.paginagrootte = paginagrootte
        # (tabel, naam) -> lijst die in plaats van het bestand wordt geserveerd
        self.vervang: dict[tuple[str, str], object] = {}
        # (tabel, naam, pagina) -> HTTP-status, 'kapot' (geen JSON), 'zonder_value', 'traag' (antwoordt pas na
        # `traag_seconden`) of 'verbreek' (sluit de verbinding zonder antwoord); pagina 1 = eerste.
        # Een lijst geldt voor de volgende verzoeken, één element per verzoek: [503, 503] faalt twee keer en
        # antwoordt daarna gewoon.
        self.storingen: dict[tuple[str, str, int], object] = {}
        self.traag_seconden = 2.0
        # seconden wachttijd vóór elk antwoord, zoals de reistijd naar een echte server (benchmarks/bench_refresh.py)
        self.vertraging = 0.0
        self.verzoeken: list[str] = []
        self._httpd: ThreadingHTTPServer | None = None

    def storing(self, sleutel: tuple[str, str, int]):
        storing = self.storingen.get(sleutel)
        if isinstance(storing, list):
            return storing.pop(0) if storing else None
        return storing

    # -- opgenomen antwoorden
    def tabellen(self) -> list[str]:
        return sorted(p.name for p in self.map.iterdir() if p.is_dir())

    def namen(self, tabel: str) -> list[str]:
        bestanden = {p.stem for p in (self.map / tabel).glob("*.json")}
        bestanden.add("UntypedDataSet")
        return [n for n in VOLGORDE if n in bestanden] + sorted(bestanden - set(VOLGORDE))

    def lijst(self, tabel: str, naam: str) -> list:
        if (tabel, naam) in self.vervang:
            return self.vervang[(tabel, naam)]  # type: ignore[return-value]
        if naam == "UntypedDataSet":
            return [
                {k: (v if k == "ID" or v is None else str(v)) for k, v in r.items()}
                for r in self.lijst(tabel, "TypedDataSet")
            ]
        return json.loads((self.map / tabel / f"{naam}.json").read_text(encoding="utf-8"))

    # -- server
    @property
    def host(self) -> str:
        assert self._httpd is not None
        return f"127.0.0.1:{self._httpd.server_address[1]}"

    def __enter__(self) -> ODataServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # stil
                pass

            def _json(self, status: int, inhoud) -> None:
                data = inhoud if isinstance(inhoud, bytes) else json.dumps(inhoud).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json;charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):  # noqa: N802
                server.verzoeken.append(self.path)
                time.sleep(server.vertraging)
                deel = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(deel.query, keep_blank_values=True).items()}
                if deel.path == "/ODataCatalog/Tables":  # de tabellencatalogus (cbsodata.get_table_list)
                    return self._json(
                        200,
                        {
                            "odata.metadata": "",
                            "value": json.loads((server.map / "Tables.json").read_text(encoding="utf-8")),
                        },
                    )
                m = re.match(r"^/ODataFeed/odata/(\w+)/(\w*)$", deel.path)
                if not m or m.group(1) not in server.tabellen():
                    return self._json(
                        404, {"odata.error": {"code": "", "message": {"lang": "nl", "value": "Not found"}}}
                    )
                tabel, naam = m.groups()
                basis = f"http://{server.host}/ODataFeed/odata/{tabel}"
                if not naam:
                    return self._json(
                        200,
                        {
                            "odata.metadata": f"{basis}/$metadata",
                            "value": [{"name": n, "url": f"{basis}/{n}"} for n in server.namen(tabel)],
                        },
                    )
                if naam not in server.namen(tabel):
                    return self._json(404, {"odata.error": {"message": {"value": f"{naam} bestaat niet"}}})
                rijen = list(server.lijst(tabel, naam))
                if naam.endswith("DataSet"):
                    if query.get("$filter"):
                        try:
                            past = _filter(query["$filter"])
                        except ValueError:
                            return self._json(400, {"odata.error": {"message": {"value": "filter"}}})
                        rijen = [r for r in rijen if past(r)]
                    if query.get("$select"):
                        kolommen = query["$select"].split(",")
                        rijen = [{k: r[k] for k in kolommen if k in r} for r in rijen]
                skip = int(query.get("$skip", 0))
                pagina = skip // server.paginagrootte + 1
                storing = server.storing((tabel, naam, pagina))
                if storing == "traag":
                    time.sleep(server.traag_seconden)
                    storing = None
                if storing == "verbreek":  # verbinding dicht zonder antwoord
                    self.close_connection = True
                    return None
                if isinstance(storing, int):
                    return self._json(storing, {"odata.error": {"message": {"value": "storing"}}})
                if storing == "kapot":
                    return self._json(200, b'{"odata.metadata": "x", "value": [{"ID": 0,')
                antwoord = {
                    "odata.metadata": f"{basis}/$metadata#Cbs.OData.WebAPI.{naam}",
                    "value": rijen[skip : skip + server.paginagrootte],
                }
                if storing == "zonder_value":
                    antwoord.pop("value")
                if skip + server.paginagrootte < len(rijen):
                    volgende = dict(query, **{"$skip": str(skip + server.paginagrootte)})
                    antwoord["odata.nextLink"] = f"{basis}/{naam}?{urlencode(volgende)}"
                return self._json(200, antwoord)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        assert self._httpd is not None
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()
