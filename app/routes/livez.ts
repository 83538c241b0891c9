// Liveness: answers without touching the database, so a load balancer can
// tell a stuck process from a database outage (/healthz checks both). The
// benchmark uses it as its baseline.
export function loader() {
  return new Response("ok", { headers: { "Cache-Control": "no-store" } });
}
