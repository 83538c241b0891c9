/** A URL-safe slug from a company name ("Acme Ltd." → "acme-ltd"). */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return slug || "org";
}

// Paths under / that an org slug must not shadow.
export const RESERVED_SLUGS = new Set([
  "login",
  "logout",
  "language",
  "signup",
  "invitations",
  "orgs",
  "dev",
  "healthz",
  "livez",
  "assets",
  "build",
  "api",
  "settings",
  "favicon.ico",
  "robots.txt",
]);
