const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** An id-shaped query parameter, or undefined: anything else is ignored rather than sent to the database. */
export function idQuery(url: URL, name: string): string | undefined {
  const value = url.searchParams.get(name);
  return value && ID.test(value) ? value : undefined;
}

/** A free-text query parameter without control characters (PostgreSQL refuses NUL), trimmed and capped. */
export function textQuery(url: URL, name: string, max = 100): string | undefined {
  const value = url.searchParams
    .get(name)
    ?.replace(/[\u0000-\u001f\u007f]/g, " ")
    .trim()
    .slice(0, max);
  return value || undefined;
}

/** `path` with these query parameters, in this order; an empty, null or false value is left out. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined | false>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== false && value !== "") query.set(name, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
