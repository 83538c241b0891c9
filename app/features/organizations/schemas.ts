import { z } from "zod";
import { LANGUAGES, toLanguage } from "~/lib/i18n/languages.ts";
import { message } from "~/lib/i18n/message.ts";
import { browserTimeZoneSchema } from "~/lib/time-zone-schema.ts";

export const ROLES = ["OWNER", "QUALITY", "MEMBER", "VIEWER"] as const;
const tooLong = (max: number) => message("common", "validation.tooLong", { max });
const tooShort = (min: number) => message("common", "validation.tooShort", { min });

export const emailSchema = z
  .string({ required_error: message("auth", "validation.emailRequired") })
  .trim()
  .min(1, message("auth", "validation.emailRequired"))
  .max(254, message("auth", "validation.emailTooLong"))
  .email(message("auth", "validation.emailInvalid", { example: "name@company.com" }))
  .transform((v) => v.toLowerCase());

export const passwordSchema = z
  .string({ required_error: message("auth", "validation.passwordRequired") })
  .min(10, tooShort(10))
  .max(200, tooLong(200));

export const personNameSchema = z
  .string({ required_error: message("auth", "validation.nameRequired") })
  .trim()
  .min(1, message("auth", "validation.nameRequired"))
  .max(100, tooLong(100));

export const orgNameSchema = z
  .string({ required_error: message("auth", "validation.orgNameRequired") })
  .trim()
  .min(2, tooShort(2))
  .max(100, tooLong(100));

// errorMap rather than per-case messages: zod reports a value outside the
// list as "Invalid enum value", which means nothing to a person.
const choose = (message: string) => ({ errorMap: () => ({ message }) });

export const orgKindSchema = z.enum(["IMPORTER", "FACTORY"], choose(message("auth", "validation.orgKindRequired")));

// The language of an email: one of the portal's (app/lib/i18n/languages.ts). A tag posted or stored
// before the languages were one list ("zh", "es-MX") reads as ours.
export const localeSchema = z
  .preprocess(
    (value) => (typeof value === "string" ? (toLanguage(value) ?? value) : value),
    z.enum(LANGUAGES, choose(message("auth", "validation.languageFromList"))),
  )
  .default("en");
export const roleSchema = z.enum(ROLES, choose(message("members", "validation.roleFromList")));

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
  password: z
    .string({ required_error: message("auth", "validation.loginPasswordRequired") })
    .min(1, message("auth", "validation.loginPasswordRequired"))
    .max(200, tooLong(200)),
  redirectTo: z.string().max(2000).optional(),
});

export const NewOrgSchema = z.object({ name: orgNameSchema, kind: orgKindSchema, locale: localeSchema });

export const InviteMemberSchema = z.object({ intent: z.literal("invite"), email: emailSchema, role: roleSchema, locale: localeSchema });
export const ChangeRoleSchema = z.object({ intent: z.literal("change-role"), membershipId: z.string().min(1).max(64), role: roleSchema });
export const RemoveMemberSchema = z.object({ intent: z.literal("remove"), membershipId: z.string().min(1).max(64) });
export const RevokeInvitationSchema = z.object({ intent: z.literal("revoke"), invitationId: z.string().min(1).max(64) });
/** The members page's intents (dispatchIntents). */
export const MEMBER_INTENTS = { invite: InviteMemberSchema, "change-role": ChangeRoleSchema, remove: RemoveMemberSchema, revoke: RevokeInvitationSchema };
