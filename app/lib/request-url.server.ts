// A URL that no page of the portal produces: NUL or other control characters once decoded
// (PostgreSQL cannot compare text with NUL, so `/dev/mailbox/%00` used to end in a 500), or
// percent-encoding that does not decode. Refused at the door with a 400, before any loader.

// Tab, CR and LF are refused too: no id, slug or search the portal makes contains them.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** True for a path-and-query a loader should never see. */
export function isUnreadableUrl(pathAndQuery: string): boolean {
  if (CONTROL.test(pathAndQuery)) return true;
  const [path = "", query = ""] = splitOnce(pathAndQuery, "?");
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(path);
  } catch {
    return true;
  }
  if (CONTROL.test(decodedPath)) return true;
  try {
    for (const [name, value] of new URLSearchParams(query)) if (CONTROL.test(name) || CONTROL.test(value)) return true;
  } catch {
    return true;
  }
  return false;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ""] : [text.slice(0, at), text.slice(at + 1)];
}

/** Express middleware: 400 for an unreadable URL. */
export function refuseUnreadableUrls(
  req: { originalUrl: string },
  res: { status(code: number): { type(t: string): { send(body: string): void } } },
  next: () => void,
) {
  if (isUnreadableUrl(req.originalUrl)) {
    res.status(400).type("text/plain").send("The address contains characters the portal cannot read. Check the link and try again.");
    return;
  }
  next();
}
