// A minimal reverse proxy for HTTP-level tests, doing what nginx's
// `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for` does: whatever
// X-Forwarded-For the client sent, followed by the address the client connected from.
import http from "node:http";
import os from "node:os";

export interface ReverseProxy {
  port: number;
  close: () => Promise<void>;
}

export function startReverseProxy(target: URL, host = "0.0.0.0"): Promise<ReverseProxy> {
  const server = http.createServer((req, res) => {
    const peer = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
    const forwarded = [req.headers["x-forwarded-for"], peer].flat().filter(Boolean).join(", ");
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, "x-forwarded-for": forwarded } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((resolve) => {
    server.listen(0, host, () => {
      const { port } = server.address() as { port: number };
      resolve({
        port,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // Kept-alive client connections would hold close() open.
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** This machine's first address that is not loopback: connections from it reach a server as another host's would. */
export function outwardAddress() {
  const address = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
  if (!address) throw new Error("This test needs a network interface with a non-loopback IPv4 address, to connect to the server as another machine would.");
  return address;
}
