#!/usr/bin/env python3
"""A minimal fake of GitHub's REST API for bench/action-startup.sh and the organisation simulation: /user and an
issue's comments (list, create, update), in memory.

Prints "fake github listening on http://127.0.0.1:PORT" once ready. Loopback only.
"""
import json
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

COMMENTS = {}
NEXT_ID = [1]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _comment(self, issue, cid, body):
        return {"id": cid, "node_id": f"IC_{cid}", "body": body, "html_url": f"https://github.com/{issue}#issuecomment-{cid}",
                "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
                "user": {"login": "github-actions[bot]", "id": 41898282, "type": "Bot"}}

    def do_GET(self):
        path = self.path.split("?")[0]
        if path.endswith("/user"):
            return self._send(403, {"message": "Resource not accessible by integration"})
        m = re.search(r"/repos/([^/]+/[^/]+)/issues/(\d+)/comments$", path)
        if m:
            issue = f"{m.group(1)}/pull/{m.group(2)}"
            return self._send(200, [self._comment(issue, cid, body) for cid, body in COMMENTS.get(issue, [])])
        self._send(404, {"message": "Not Found"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}").get("body", "")
        m = re.search(r"/repos/([^/]+/[^/]+)/issues/(\d+)/comments$", self.path)
        if not m:
            return self._send(404, {"message": "Not Found"})
        issue = f"{m.group(1)}/pull/{m.group(2)}"
        cid = NEXT_ID[0]
        NEXT_ID[0] += 1
        COMMENTS.setdefault(issue, []).append((cid, body))
        self._send(201, self._comment(issue, cid, body))


    def do_PATCH(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}").get("body", "")
        m = re.search(r"/repos/([^/]+/[^/]+)/issues/comments/(\d+)$", self.path)
        if not m:
            return self._send(404, {"message": "Not Found"})
        cid = int(m.group(2))
        for issue, comments in COMMENTS.items():
            for i, (existing, _) in enumerate(comments):
                if existing == cid:
                    comments[i] = (cid, body)
                    return self._send(200, self._comment(issue, cid, body))
        self._send(404, {"message": "Not Found"})


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(f"fake github listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)
