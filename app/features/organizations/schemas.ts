import { z } from "zod";
import { LANGUAGES, toLanguage } from "~/lib/i18n/languages.ts";
import { browserTimeZoneSchema } from "~/lib/time-zone-schema.ts";

export const ROLES = ["OWNER", "QUALITY", "MEMBER", "VIEWER"] as const;
export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  OWNER: "Owner",
  QUALITY: "Quality",
  MEMBER: "Member",
  VIEWER: "Viewer",
};

/** A role in a sentence: "You are a quality manager at Acme Imports." */
export const ROLE_IN_WORDS: Record<(typeof ROLES)[number], string> = {
  OWNER: "an owner",
  QUALITY: "a quality manager",
  MEMBER: "a member",
  VIEWER: "a viewer (read-only)",
};

export const emailSchema = z
  .string({ required_error: "Enter an email address" })
  .trim()
  .min(1, "Enter an email address")
  .max(254, "That email address is too long")
  .email("Enter a valid email address, like name@company.com")
  .transform((v) => v.toLowerCase());

export const passwordSchema = z.string({ required_error: "Enter a password" }).min(10, "Use at least 10 characters").max(200, "Use at most 200 characters");

export const personNameSchema = z.string({ required_error: "Enter your name" }).trim().min(1, "Enter your name").max(100, "Use at most 100 characters");

export const orgNameSchema = z
  .string({ required_error: "Enter the company name" })
  .trim()
  .min(2, "Use at least 2 characters")
  .max(100, "Use at most 100 characters");

// errorMap rather than per-case messages: zod reports a value outside the
// list as "Invalid enum value", which means nothing to a person.
const choose = (message: string) => ({ errorMap: () => ({ message }) });

export const orgKindSchema = z.enum(["IMPORTER", "FACTORY"], choose("Choose whether your company buys or makes products"));

// The language of an email: one of the portal's (app/lib/i18n/languages.ts). A tag posted or stored
// before the languages were one list ("zh", "es-MX") reads as ours.
export const localeSchema = z
  .preprocess((value) => (typeof value === "string" ? (toLanguage(value) ?? value) : value), z.enum(LANGUAGES, choose("Choose a language from the list")))
  .default("en");
export const roleSchema = z.enum(ROLES, choose("Choose a role from the list"));

// Signing up to accept an invitation: the org comes from the invitation.
export const InvitedSignupSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  invitation: z.string().max(200).optional(),
  redirectTo: z.string().max(2000).optional(),
  timeZone: browserTimeZoneSchema,
});

export const SignupSchema = InvitedSignupSchema.extend({ orgName: orgNameSchema, orgKind: orgKindSchema });

/**
 * The schema for the signup form as shown: org fields are required unless
 * the user arrives with an invitation. Typed as the wider shape (org fields
 * optional) so one form component serves both.
 */
export function signupSchemaFor(invited: boolean) {
  return (invited ? InvitedSignupSchema : SignupSchema) as unknown as ReturnType<
    typeof InvitedSignupSchema.extend<{ orgName: z.ZodOptional<typeof orgNameSchema>; orgKind: z.ZodOptional<typeof orgKindSchema> }>
  >;
}

export const LoginSchema = z.object({
  email: emailSchema,
  password: z.string({ required_error: "Enter your password" }).min(1, "Enter your password").max(200, "Use at most 200 characters"),
  redirectTo: z.string().max(2000).optional(),
});

export const NewOrgSchema = z.object({ name: orgNameSchema, kind: orgKindSchema, locale: localeSchema });

export const InviteMemberSchema = z.object({ intent: z.literal("invite"), email: emailSchema, role: roleSchema, locale: localeSchema });
export const ChangeRoleSchema = z.object({ intent: z.literal("change-role"), membershipId: z.string().min(1).max(64), role: roleSchema });
export const RemoveMemberSchema = z.object({ intent: z.literal("remove"), membershipId: z.string().min(1).max(64) });
export const RevokeInvitationSchema = z.object({ intent: z.literal("revoke"), invitationId: z.string().min(1).max(64) });
/** The members page's intents (dispatchIntents). */
export const MEMBER_INTENTS = { invite: InviteMemberSchema, "change-role": ChangeRoleSchema, remove: RemoveMemberSchema, revoke: RevokeInvitationSchema };
