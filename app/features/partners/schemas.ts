import { z } from "zod";
import { message } from "~/lib/i18n/message.ts";
import { emailSchema, localeSchema, orgNameSchema } from "~/features/organizations/schemas.ts";

export const InvitePartnerSchema = z.object({ intent: z.literal("invite"), email: emailSchema, locale: localeSchema });
export const EndPartnershipSchema = z.object({ intent: z.literal("end"), partnershipId: z.string().min(1).max(64) });
export const RevokePartnerInvitationSchema = z.object({ intent: z.literal("revoke"), invitationId: z.string().min(1).max(64) });
/** The partners page's intents (dispatchIntents). */
export const PARTNER_INTENTS = { invite: InvitePartnerSchema, end: EndPartnershipSchema, revoke: RevokePartnerInvitationSchema };

export const PARTNER_STATUSES = ["ACTIVE", "INVITED", "ENDED"] as const;

// The invitee either creates the factory org or brings one they own.
export const AcceptPartnerSchema = z.discriminatedUnion(
  "factory",
  [
    z.object({ factory: z.literal("new"), factoryName: orgNameSchema }),
    z.object({
      factory: z.literal("existing"),
      factoryOrgId: z
        .string({ required_error: message("partners", "validation.factoryRequired") })
        .min(1, message("partners", "validation.factoryRequired"))
        .max(64),
    }),
  ],
  { errorMap: () => ({ message: message("partners", "validation.factoryChoiceRequired") }) },
);
