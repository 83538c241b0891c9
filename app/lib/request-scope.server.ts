// What one page request reads more than once — the session with its user and
// memberships, wanted by the root, the org layout and the page's own loader —
// is read once. Only for GET and HEAD: a request that runs an action may change
// what it read, so its loaders read afresh.
import { AsyncLocalStorage } from "node:async_hooks";

const scope = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

export function withRequestScope<T>(fn: () => T): T {
  return scope.run(new Map(), fn);
}

/** `load()` once per request scope and key; outside a scope (scripts, tests calling loaders) every call loads. */
export function perRequest<T>(key: string, load: () => Promise<T>): Promise<T> {
  const memo = scope.getStore();
  if (!memo) return load();
  let hit = memo.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    memo.set(key, hit);
  }
  return hit;
}
