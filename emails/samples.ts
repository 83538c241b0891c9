// One sample of each template's data: what emails/index.test.ts renders in every language,
// and what the react-email preview server (`email dev --dir emails`) shows.
import type { CommentAddedData } from "./comment-added.tsx";
import type { CorrectiveActionReminderData } from "./corrective-action-reminder.tsx";
import type { CorrectiveActionUpdateData } from "./corrective-action-update.tsx";
import type { FirstArticleDecidedData } from "./first-article-decided.tsx";
import type { FirstArticleSubmittedData } from "./first-article-submitted.tsx";
import type { InspectionAbortedData } from "./inspection-aborted.tsx";
import type { InspectionBookedData } from "./inspection-booked.tsx";
import type { InspectionConfirmedData } from "./inspection-confirmed.tsx";
import type { InspectionResultData } from "./inspection-result.tsx";
import type { InspectionDecidedData } from "./inspection-decided.tsx";
import type { InspectionSeveritySwitchedData } from "./inspection-severity-switched.tsx";
import type { MemberInvitationData } from "./member-invitation.tsx";
import type { PartnerInvitationData } from "./partner-invitation.tsx";
import type { SignupConfirmData } from "./signup-confirm.tsx";
import type { SignupExistingData } from "./signup-existing.tsx";
import type { SpecAcknowledgedData } from "./spec-acknowledged.tsx";
import type { SpecPublishedData } from "./spec-published.tsx";

/** The main link of every sample: a query string, so a test sees that links survive unescaped. */
export const sampleLink = "https://portal.example.com/invitations/tok_123?src=email";
const link = sampleLink;

export const partnerInvitationSample: PartnerInvitationData = {
  inviterName: "Anna Berg",
  importerName: "Nordic Home",
  acceptUrl: link,
  expiresAt: "2027-03-05T10:00:00.000Z",
};

export const memberInvitationSample: MemberInvitationData = {
  inviterName: "Li Wei",
  orgName: "Bright Ceramics",
  role: "QUALITY",
  acceptUrl: link,
  expiresAt: "2027-03-05T10:00:00Z",
};

export const commentAddedSample: CommentAddedData = {
  authorName: "Li Wei",
  orgName: "Bright Ceramics",
  about: { kind: "specVersion", title: "Mug", number: 3 },
  body: "See the 2027 plan",
  internal: false,
  link,
};

export const specPublishedSample: SpecPublishedData = {
  importerName: "Nordic Home",
  title: "Mug 350 ml",
  productCode: "MUG-350",
  version: 2,
  link,
  diffLink: null,
  changeNote: "Handle moved 5 mm lower after drop tests.",
};

export const specAcknowledgedSample: SpecAcknowledgedData = {
  factoryName: "Bright Ceramics",
  title: "Mug 350 ml",
  version: 2,
  status: "QUERIED",
  question: "Before or after glazing?",
  link,
};

export const firstArticleSubmittedSample: FirstArticleSubmittedData = {
  factoryName: "Bright Ceramics",
  title: "Mug 350 ml",
  version: 2,
  round: 1,
  poNumber: "PO-4411",
  link,
};

export const firstArticleDecidedSample: FirstArticleDecidedData = {
  importerName: "Nordic Home",
  title: "Mug 350 ml",
  version: 2,
  round: 1,
  poNumber: "PO-4411",
  decision: "REJECTED",
  note: "Height over the limit",
  link,
};

export const correctiveActionUpdateSample: CorrectiveActionUpdateData = {
  event: "opened",
  orgName: "Nordic Home",
  title: "Mug height over the limit",
  planDueAt: "2027-01-15T23:59:59.000Z",
  note: null,
  link,
};

export const correctiveActionReminderSample: CorrectiveActionReminderData = {
  kind: "overdue",
  title: "Mug height over the limit",
  factoryName: "Bright Ceramics",
  importerName: "Nordic Home",
  dueAt: "2027-01-15T23:59:59.000Z",
  item: null,
  link,
};

export const signupConfirmSample: SignupConfirmData = { name: "Li Wei", confirmUrl: link, hours: 24 };

export const signupExistingSample: SignupExistingData = { loginUrl: link, invitationOrgName: null };

export const inspectionBookedSample: InspectionBookedData = {
  orgName: "Bright Ceramics",
  title: "Mug 350 ml",
  productCode: "MUG-350",
  version: 2,
  poNumber: "4500-881",
  type: "PRE_SHIPMENT",
  date: "2027-03-05T00:00:00.000Z",
  link,
};

export const inspectionConfirmedSample: InspectionConfirmedData = {
  ...inspectionBookedSample,
  orgName: "Nordic Home",
  rescheduled: true,
  reason: "The inspector is ill; the next free day.",
};

export const inspectionAbortedSample: InspectionAbortedData = {
  ...inspectionBookedSample,
  reason: "UNDER_80_PERCENT_PACKED",
  note: "Only 60% packed on arrival.",
};
export const inspectionResultSample: InspectionResultData = {
  inspectorName: "Bright Ceramics",
  title: "Mug 350 ml",
  version: 2,
  poNumber: "PO-4411",
  result: "FAIL",
  pendingDecision: true,
  link,
};

export const inspectionDecidedSample: InspectionDecidedData = {
  importerName: "Nordic Home",
  title: "Mug 350 ml",
  poNumber: "PO-4411",
  lotSize: 5000,
  decision: "REJECTED",
  note: "Eleven major defects: glaze cracks near the handle.",
  link,
};

export const inspectionSeveritySwitchedSample: InspectionSeveritySwitchedData = {
  importerName: "Nordic Home",
  factoryName: "Jiangxi Ceramics",
  title: "Mug 350 ml",
  poNumber: "PO-4411",
  from: "normal",
  to: "tightened",
  reason: "twoOfFiveNotAccepted",
  link,
};
