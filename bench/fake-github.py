#!/usr/bin/env python3
"""A minimal fake of GitHub's REST API for bench/action-startup.sh and the organisation simulation, in memory, loopback only.

- /user (403, as for an installation token) and a pull request's comments: listed page by page (per_page, page, a Link
  header as GitHub sends), created (POST), updated (PATCH /repos/O/R/issues/comments/ID) and deleted (DELETE, the same
  path). Every pull request starts
  with EARLIER_COMMENTS (35) comments from people, so a program must read them all to find its report.
- /api/v1/... is passed through to the Klinky API at KLINKY_UPSTREAM, so the arrival of every request of a run, to
  either API, is timed in one place: GET /__timings returns them (nanoseconds since the epoch) and forgets them.
Prints "fake github listening on http://127.0.0.1:PORT" once ready.
"""
import json
import os
import re
import sys
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

EARLIER_COMMENTS = int(os.environ.get("EARLIER_COMMENTS", "35"))
UPSTREAM = os.environ.get("KLINKY_UPSTREAM", "")
COMMENTS = {}
NEXT_ID = [1]
TIMINGS = []


def comments_of(issue):
    if issue not in COMMENTS:
        COMMENTS[issue] = []
        for n in range(EARLIER_COMMENTS):
            COMMENTS[issue].append(new_comment(issue, f"Looks good to me ({n})", "reviewer", "User"))
    return COMMENTS[issue]


def new_comment(issue, body, login="github-actions[bot]", kind="Bot"):
    cid = NEXT_ID[0]
    NEXT_ID[0] += 1
    return {"id": cid, "node_id": f"IC_{cid}", "body": body, "html_url": f"https://github.com/{issue}#issuecomment-{cid}",
            "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
            "user": {"login": login, "id": 41898282, "type": kind}}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _send(self, status, body, headers=None):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _body(self):
        length = int(self.headers.get("Content-Length", "0"))
        return self.rfile.read(length) if length else b""

    def _timed(self):
        TIMINGS.append((time.time_ns(), self.command, self.path.split("?")[0]))

    def _proxy(self):
        data = self._body() if self.command in ("POST", "PATCH", "PUT") else None
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("x-api-key", "content-type", "accept", "idempotency-key")}
        request = urllib.request.Request(UPSTREAM + self.path, data=data, headers=headers, method=self.command)
        try:
            with urllib.request.urlopen(request) as response:
                return self._send(response.status, response.read(), {k: v for k, v in response.headers.items() if k.lower().startswith("x-ratelimit")})
        except urllib.error.HTTPError as error:
            return self._send(error.code, error.read())

    def do_GET(self):
        path, _, query = self.path.partition("?")
        if path == "/__timings":
            timings = list(TIMINGS)
            TIMINGS.clear()
            return self._send(200, timings)
        self._timed()
        if path.startswith("/api/v1/"):
            return self._proxy()
        if path.endswith("/user"):
            return self._send(403, {"message": "Resource not accessible by integration"})
        m = re.search(r"/repos/([^/]+/[^/]+)/issues/(\d+)/comments$", path)
        if m:
            issue = f"{m.group(1)}/pull/{m.group(2)}"
            params = dict(p.split("=", 1) for p in query.split("&") if "=" in p)
            per_page, page = int(params.get("per_page", "30")), int(params.get("page", "1"))
            everything = comments_of(issue)
            last = max(1, -(-len(everything) // per_page))
            headers = {}
            if page < last:
                base = f"http://{self.headers['Host']}{path}?per_page={per_page}"
                headers["Link"] = f'<{base}&page={page + 1}>; rel="next", <{base}&page={last}>; rel="last"'
            return self._send(200, everything[(page - 1) * per_page:page * per_page], headers)
        self._send(404, {"message": "Not Found"})

    def do_POST(self):
        self._timed()
        if self.path.startswith("/api/v1/"):
            return self._proxy()
        body = json.loads(self._body() or b"{}").get("body", "")
        m = re.search(r"/repos/([^/]+/[^/]+)/issues/(\d+)/comments$", self.path)
        if not m:
            return self._send(404, {"message": "Not Found"})
        issue = f"{m.group(1)}/pull/{m.group(2)}"
        comment = new_comment(issue, body)
        comments_of(issue).append(comment)
        self._send(201, comment)

    def do_PATCH(self):
        self._timed()
        body = json.loads(self._body() or b"{}").get("body", "")
        m = re.search(r"/repos/[^/]+/[^/]+/issues/comments/(\d+)$", self.path)
        for comments in COMMENTS.values():
            for comment in comments:
                if m and comment["id"] == int(m.group(1)):
                    comment["body"] = body
                    return self._send(200, comment)
        self._send(404, {"message": "Not Found"})

    def do_DELETE(self):
        # As GitHub: 204 and the comment is gone. The action removes the duplicates racing first runs leave; without this
        # they stayed, and a reader of the comments saw the first run's figures for the rest of the simulation.
        self._timed()
        m = re.search(r"/repos/[^/]+/[^/]+/issues/comments/(\d+)$", self.path)
        for comments in COMMENTS.values():
            for comment in comments:
                if m and comment["id"] == int(m.group(1)):
                    comments.remove(comment)
                    self.send_response(204)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
        self._send(404, {"message": "Not Found"})


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(f"fake github listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)
