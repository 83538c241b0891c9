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
