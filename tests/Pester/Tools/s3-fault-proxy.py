#!/usr/bin/env python3
"""A loopback HTTP proxy in front of an S3 endpoint (moto_server) that injects S3 faults, for tests.

Every request is forwarded unchanged, except a PUT whose path contains --fail-marker: that one is
answered 403 AccessDenied (S3's own error body), which the SDK does not retry. With --fail-part N, only
the multipart UploadPart number N of such a key fails (its other parts and the initiate go through).
Prints "listening on http://127.0.0.1:<port>" once ready. Usage:
    s3-fault-proxy.py --target http://127.0.0.1:5000 --fail-marker fail-here [--fail-part 2]
"""
import argparse
import http.client
import http.server
import sys
import urllib.parse

ACCESS_DENIED = (b'<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code>'
                 b'<Message>Access Denied (injected by s3-fault-proxy)</Message></Error>')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--fail-marker", required=True)
    parser.add_argument("--fail-part", type=int, default=0)
    args = parser.parse_args()
    target = urllib.parse.urlsplit(args.target)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_):
            pass

        def _should_fail(self):
            if self.command != "PUT" or args.fail_marker not in urllib.parse.unquote(self.path):
                return False
            if args.fail_part == 0:
                return True
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            return query.get("partNumber") == [str(args.fail_part)]

        def _forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            if self._should_fail():
                self.send_response(403)
                self.send_header("Content-Type", "application/xml")
                self.send_header("Content-Length", str(len(ACCESS_DENIED)))
                self.end_headers()
                self.wfile.write(ACCESS_DENIED)
                return
            connection = http.client.HTTPConnection(target.hostname, target.port, timeout=120)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "transfer-encoding")}
            connection.request(self.command, self.path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            self.send_response(response.status)
            for key, value in response.getheaders():
                if key.lower() not in ("connection", "transfer-encoding", "content-length", "server", "date"):
                    self.send_header(key, value)
            self.send_header("Content-Length", response.getheader("Content-Length", "0") if self.command == "HEAD" else str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            connection.close()

        do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _forward

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(f"listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
