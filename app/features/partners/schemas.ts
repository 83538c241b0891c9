import { z } from "zod";
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
      factoryOrgId: z.string({ required_error: "Choose one of your factories" }).min(1, "Choose one of your factories").max(64),
    }),
  ],
  { errorMap: () => ({ message: "Choose whether to create a factory or use one of yours" }) },
);
