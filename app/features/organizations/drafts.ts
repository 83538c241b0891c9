import type { Role } from "~/generated/prisma/client.ts";

// Records as they would be before they exist, so that a "may I create this?"
// check runs against the same rules as every other instance check, on the
// server and in the UI.

export function draftInvitation(orgId: string, kind: "MEMBER" | "PARTNER") {
  const now = new Date();
  return {
    id: "",
    kind,
    orgId,
    email: "",
    role: "MEMBER" as Role,
    locale: "en",
    partnershipId: null,
    tokenHash: "",
    expiresAt: now,
    invitedById: null,
    acceptedAt: null,
    acceptedById: null,
    revokedAt: null,
    createdAt: now,
  };
}

export function draftPartnership(importerId: string) {
  return { id: "", importerId, factoryId: null, status: "INVITED" as const, createdAt: new Date(), activatedAt: null, endedAt: null, endedById: null };
}
