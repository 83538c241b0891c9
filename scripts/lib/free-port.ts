// For the tools that start app servers of their own (the benchmark, the multi-server tests):
// a port on 127.0.0.1 that nothing listens on at the moment of asking.
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
