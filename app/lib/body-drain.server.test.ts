import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { afterEach, describe, expect, it } from "vitest";
import { keepSocketWhenBodyAbandoned } from "./body-drain.server.ts";

const LIMIT = 64 * 1024;

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that reads a body up to LIMIT and then gives up on it as Remix does (destroying the request), answering 413. */
async function serve(guard: boolean) {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (guard) keepSocketWhenBodyAbandoned(req, res);
    let seen = 0;
    const onData = (chunk: Buffer) => {
      seen += chunk.byteLength;
      if (seen <= LIMIT) return;
      req.off("data", onData);
      req.destroy();
      res.writeHead(413, { "Content-Type": "text/plain" }).end("The form is too large.");
    };
    req.on("data", onData);
    req.on("end", () => res.end("ok"));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** Sends `total` bytes in chunks, with no Content-Length, until an answer arrives. */
function sendChunked(port: number, total: number) {
  return new Promise<{ status: number; body: string } | { error: string }>((resolve) => {
    const req = request({ host: "127.0.0.1", port, method: "POST", agent: false, headers: { "Transfer-Encoding": "chunked" } });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk));
      res.on("end", () => {
        resolve({ status: res.statusCode!, body });
        req.destroy();
      });
    });
    req.on("error", (error: NodeJS.ErrnoException) => !answered && resolve({ error: error.code ?? error.message }));
    const chunk = Buffer.alloc(16 * 1024, "a");
    let sent = 0;
    const write = () => {
      while (!answered && sent < total) {
        sent += chunk.byteLength;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      if (!answered) req.end();
    };
    write();
  });
}

describe("a body given up on while it still arrives", () => {
  it("resets the connection before the answer when nothing keeps the socket (what happened before)", async () => {
    const port = await serve(false);
    expect(await sendChunked(port, 4 * 1024 * 1024)).toEqual({ error: "ECONNRESET" });
  });

  it("leaves the socket open, so the client reads the 413", async () => {
    const port = await serve(true);
    expect(await sendChunked(port, 4 * 1024 * 1024)).toEqual({ status: 413, body: "The form is too large." });
  });

  it("still lets a body within the limit be read to its end", async () => {
    const port = await serve(true);
    expect(await sendChunked(port, 32 * 1024)).toEqual({ status: 200, body: "ok" });
  });
});

/** Sends bodies of `size` bytes with a declared length, one after another on one keep-alive connection. */
async function sendInARow(port: number, size: number, times: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const answers: (number | string)[] = [];
  try {
    for (let i = 0; i < times; i++) {
      answers.push(
        await new Promise<number | string>((resolve) => {
          const req = request({ host: "127.0.0.1", port, method: "POST", agent, headers: { "Content-Length": size } }, (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode!));
          });
          req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
          req.end(Buffer.alloc(size, "a"));
        }),
      );
    }
  } finally {
    agent.destroy();
  }
  return answers;
}

/**
 * A server that refuses a declared length over LIMIT without reading a byte, as `readForm`
 * does. (Behind Remix's adapter the next request on such a connection was reset; plain Node
 * copes, so the reset itself is shown by tests/multi-server/hostile-input.test.ts.)
 */
async function serveByLength(guard: boolean) {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (guard) keepSocketWhenBodyAbandoned(req, res);
    if (Number(req.headers["content-length"]) > LIMIT) return void res.writeHead(413, { "Content-Type": "text/plain" }).end("The form is too large.");
    req.resume();
    req.on("end", () => res.end("ok"));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

describe("a connection that answered before its body was read", () => {
  it("is closed once the rest has arrived, so a keep-alive client sends its next request on a new one and reads every 413", async () => {
    const port = await serveByLength(true);
    expect(await sendInARow(port, 2 * 1024 * 1024, 4)).toEqual([413, 413, 413, 413]);
  });

  it("stays open for the next request when the body was read to its end", async () => {
    const port = await serveByLength(true);
    expect(await sendInARow(port, 16 * 1024, 3)).toEqual([200, 200, 200]);
  });
});

describe("a body Remix's stream still listens to", () => {
  it("is discarded to its end, so the answer arrives and the connection closes instead of hanging", async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      keepSocketWhenBodyAbandoned(req, res);
      // As the Express adapter does: a web stream over the request that nobody reads.
      createReadableStreamFromReadable(req);
      setTimeout(() => res.writeHead(403, { "Content-Type": "text/plain" }).end("You are not allowed to do that."), 50);
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const size = 8 * 1024 * 1024;
    const outcome = await new Promise<{ status: number; closed: boolean }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, method: "POST", agent: false, headers: { "Content-Length": size } }, (res) => {
        res.resume();
        res.on("end", () => req.socket?.once("close", () => resolve({ status: res.statusCode!, closed: true })));
      });
      req.on("error", reject);
      req.end(Buffer.alloc(size, "a"));
    });
    expect(outcome).toEqual({ status: 403, closed: true });
  }, 15_000);
});
