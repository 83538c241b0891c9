import { getEnv } from "./env.server.ts";

/** The absolute URL of a page of this portal, for links that leave it (emails). */
export const appUrl = (path: string) => `${getEnv().APP_URL}${path}`;
