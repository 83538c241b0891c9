import { withQuery } from "~/lib/query-params.ts";

/** An organization's home: its dashboard. */
export const orgPath = (orgSlug: string) => `/${orgSlug}`;
export const membersPath = (orgSlug: string) => `/${orgSlug}/members`;
/** Where an owner posts the org's time zone (from the members page). */
export const orgTimeZonePath = (orgSlug: string) => `/${orgSlug}/time-zone`;
export const NEW_ORG_PATH = "/orgs/new";
export const invitationPath = (token: string) => `/invitations/${token}`;
export const signupPath = (invitationToken?: string) => withQuery("/signup", { invitation: invitationToken });
export const SIGNUP_SENT_PATH = "/signup/sent";
export const signupConfirmPath = (token: string) => `/signup/confirm/${token}`;
