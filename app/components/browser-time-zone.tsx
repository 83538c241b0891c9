import { useSyncExternalStore } from "react";
import { ErrorList } from "~/components/forms.tsx";

const unchanging = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";

/**
 * A hidden field with the browser's own time zone, for a form that creates an account or an org:
 * filled once the page runs in the browser (the server cannot know the zone), empty without
 * JavaScript, which the schema reads as UTC (browserTimeZoneSchema).
 */
export function BrowserTimeZone({ name = "timeZone", errors, errorId }: { name?: string; errors?: string[]; errorId?: string }) {
  // The server's render (and hydration) has none; the browser's render has its own.
  const zone = useSyncExternalStore(unchanging, browserZone, () => "");
  return (
    <>
      <input type="hidden" name={name} value={zone} />
      <ErrorList id={errorId} errors={errors} />
    </>
  );
}
