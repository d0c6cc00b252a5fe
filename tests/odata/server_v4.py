"""Een kleine OData v4-server op 127.0.0.1 in de vorm van datasets.cbs.nl (`/odata/v1/CBS/<TABEL>/...`).

Vorm volgens shared/reference/cbs_odata_v4.md: servicedocument (`name`/`kind`/`url`), `Properties` als singleton
(zonder `value`), collecties als `{"@odata.context": ..., "value": [...]}` met `@odata.nextLink` (een volledige
URL) zolang er meer is, en `Observations` in lange vorm. Voor Observations begrijpt hij `$filter` zoals cbsodata4
en het R-pakket het sturen: groepen tussen haakjes met `or`, verbonden met `and`
(`(Measure eq 'A' or Measure eq 'B') and (startswith(WijkenEnBuurten,'GM0148'))`).

De opnamen staan in `tests/odata/datasets/<TABEL>/<Naam>.json`, de catalogus in `tests/odata/datasets/Datasets.json`.
Storingen en vervangingen werken als bij `server.ODataServer` (`storingen`, `vervang`, `verzoeken`).
"""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

from odata.server import FILTERDEEL, ODataServer


def _filter_v4(tekst: str):
    groepen = []
    for groep in re.split(r"\)\s+and\s+\(", tekst.strip()):
        groep = groep.strip().removeprefix("(").removesuffix(")")
        delen = []
        for deel in re.split(r"\s+or\s+", groep):
            m = FILTERDEEL.match(deel.strip())
            if not m:
                raise ValueError(deel)
            delen.append((m.group(1), "startswith", m.group(2)) if m.group(1) else (m.group(3), "eq", m.group(4)))
        groepen.append(delen)

    def past(rij: dict) -> bool:
        return all(
            any(
                (op == "startswith" and str(rij.get(d, "")).startswith(w)) or (op == "eq" and str(rij.get(d)) == w)
                for d, op, w in delen
            )
            for delen in groepen
        )

    return past


class ODataV4Server(ODataServer):
    """`with ODataV4Server() as s:` -> `s.host` is '127.0.0.1:<poort>'."""

    def __init__(self, paginagrootte: int = 50):
        super().__init__("datasets", paginagrootte)

    def namen(self, tabel: str) -> list[str]:
        return sorted(p.stem for p in (self.map / tabel).glob("*.json"))

    def lijst(self, tabel: str, naam: str):
        if (tabel, naam) in self.vervang:
            return self.vervang[(tabel, naam)]
        pad = self.map / f"{naam}.json" if tabel == "" else self.map / tabel / f"{naam}.json"
        return json.loads(pad.read_text(encoding="utf-8"))

    def __enter__(self) -> ODataV4Server:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _json(self, status: int, inhoud) -> None:
                data = inhoud if isinstance(inhoud, bytes) else json.dumps(inhoud).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json;odata.metadata=minimal;charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):  # noqa: N802
                server.verzoeken.append(self.path)
                time.sleep(server.vertraging)
                deel = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(deel.query, keep_blank_values=True).items()}
                wortel = f"http://{server.host}/odata/v1/CBS"
                fout = {"error": {"code": "404", "message": "Not found"}}
                if deel.path == "/odata/v1/CBS/Datasets":
                    tabel, naam = "", "Datasets"
                else:
                    m = re.match(r"^/odata/v1/CBS/(\w+)/?(\w*)$", deel.path)
                    if not m or m.group(1) not in server.tabellen():
                        return self._json(404, fout)
                    tabel, naam = m.groups()
                    if not naam:
                        return self._json(
                            200,
                            {
                                "@odata.context": f"{wortel}/{tabel}/$metadata",
                                "value": [
                                    {"name": n, "kind": "Singleton" if n == "Properties" else "EntitySet", "url": n}
                                    for n in server.namen(tabel)
                                ],
                            },
                        )
                    if naam not in server.namen(tabel):
                        return self._json(404, fout)
                storing = server.storing(
                    (tabel or "Datasets", naam, int(query.get("$skip", 0)) // server.paginagrootte + 1)
                )
                if storing == "traag":
                    time.sleep(server.traag_seconden)
                    storing = None
                if storing == "verbreek":
                    self.close_connection = True
                    return None
                if isinstance(storing, int):
                    return self._json(storing, {"error": {"code": str(storing), "message": "storing"}})
                if storing == "kapot":
                    return self._json(200, b'{"@odata.context": "x", "value": [{"Id": 0,')
                inhoud = server.lijst(tabel, naam)
                context = f"{wortel}/{tabel}/$metadata#{naam}" if tabel else f"{wortel}/$metadata#Datasets"
                if isinstance(inhoud, dict):  # singleton
                    return self._json(200, {"@odata.context": context, **inhoud})
                rijen = list(inhoud)
                if naam == "Observations" and query.get("$filter"):
                    try:
                        past = _filter_v4(query["$filter"])
                    except ValueError:
                        return self._json(400, {"error": {"code": "400", "message": "filter"}})
                    rijen = [r for r in rijen if past(r)]
                skip = int(query.get("$skip", 0))
                antwoord = {"@odata.context": context, "value": rijen[skip : skip + server.paginagrootte]}
                if storing == "zonder_value":
                    antwoord.pop("value")
                if skip + server.paginagrootte < len(rijen):
                    volgende = dict(query, **{"$skip": str(skip + server.paginagrootte)})
                    antwoord["@odata.nextLink"] = f"{wortel}/{tabel}/{naam}?{urlencode(volgende)}".replace(
                        "CBS//", "CBS/"
                    )
                return self._json(200, antwoord)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self
