// Lets a client that sends too much read the 413 we answer.
import type { IncomingMessage, ServerResponse } from "node:http";

// After this much unread body, a client that ignores our answer is cut off.
export const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;
const DRAIN_TIMEOUT_MS = 30_000;

/**
 * A body reader that stops at its size limit cancels Remix's body stream, and
 * cancelling it destroys the request and with it the socket, before the 413 is
 * written: a client still sending (a chunked body declares no length) sees a
 * connection reset instead. Here, giving up on a body that is still arriving
 * only stops our reading: the rest is discarded as it comes (up to
 * DRAIN_LIMIT_BYTES), the socket stays open for the answer, and once the body
 * ends the connection can serve the next request. A body left half read
 * without a cancel (a reader that simply stopped) is discarded the same way
 * once the answer is out, instead of holding the connection.
 */
export function keepSocketWhenBodyAbandoned(req: IncomingMessage, res: ServerResponse, limit = DRAIN_LIMIT_BYTES) {
  const destroy = req.destroy;
  let draining = false;
  const drain = () => {
    if (draining) return;
    draining = true;
    let discarded = 0;
    // Our reader's listeners are gone; a late socket error must not go unhandled.
    req.on("error", () => {});
    // Remix's body stream may still listen, pausing the request whenever its own buffer is
    // full: with nobody reading that buffer the rest of the body would never arrive.
    req.removeAllListeners("data");
    req.removeAllListeners("readable");
    req.on("data", (chunk: Buffer) => {
      discarded += chunk.byteLength;
      if (discarded > limit) destroy.call(req);
    });
    req.on("pause", () => req.resume());
    // A client that stops sending mid-body does not hold the connection for long.
    const timer = setTimeout(() => destroy.call(req), DRAIN_TIMEOUT_MS);
    timer.unref();
    req.once("end", () => clearTimeout(timer));
    req.once("close", () => clearTimeout(timer));
    req.resume();
  };
  req.destroy = function (this: IncomingMessage, error?: Error) {
    // A client that went away: nothing to keep. (A body fully received but not
    // read to its end would still take the socket down with it.)
    if (!this.socket || this.socket.destroyed) return destroy.call(this, error);
    drain();
    return this;
  };
  // An answer sent while the body still arrives ends the connection: a client that reuses it
  // for its next request (Node's and undici's keep-alive pools do) would otherwise write that
  // request behind the rest of this body, and meet a reset. Node closes such a connection as
  // soon as the answer is written; here the close waits until the body has been discarded, so
  // the client finishes sending and reads the answer instead of a reset.
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    const socket = req.socket as (typeof req.socket & { destroySoon?: () => void }) | null;
    if (!req.complete && socket && !socket.destroyed && !this.headersSent) {
      this.setHeader("Connection", "close");
      const destroySoon = socket.destroySoon;
      if (typeof destroySoon === "function") {
        socket.destroySoon = function () {
          if (req.complete || socket.destroyed) return destroySoon.call(socket);
          req.once("end", () => destroySoon.call(socket));
          req.once("close", () => destroySoon.call(socket));
        };
      }
    }
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
  res.once("finish", () => {
    if (!req.complete && req.socket && !req.socket.destroyed) drain();
  });
}
