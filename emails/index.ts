import { render } from "@react-email/render";
import { createElement, type ComponentType } from "react";
import type { z } from "zod";
import { CommentAddedEmail, commentAddedSchema, commentAddedSubject } from "./comment-added.tsx";
import { FirstArticleDecidedEmail, firstArticleDecidedSchema, firstArticleDecidedSubject } from "./first-article-decided.tsx";
import { InspectionResultEmail, inspectionResultSchema, inspectionResultSubject } from "./inspection-result.tsx";
import { FirstArticleSubmittedEmail, firstArticleSubmittedSchema, firstArticleSubmittedSubject } from "./first-article-submitted.tsx";
import { CorrectiveActionUpdateEmail, correctiveActionUpdateSchema, correctiveActionUpdateSubject } from "./corrective-action-update.tsx";
import { CorrectiveActionReminderEmail, correctiveActionReminderSchema, correctiveActionReminderSubject } from "./corrective-action-reminder.tsx";
import { toLocale, type EmailReader, type Locale } from "./i18n.ts";
import { InspectionAbortedEmail, inspectionAbortedSchema, inspectionAbortedSubject } from "./inspection-aborted.tsx";
import { InspectionBookedEmail, inspectionBookedSchema, inspectionBookedSubject } from "./inspection-booked.tsx";
import { InspectionConfirmedEmail, inspectionConfirmedSchema, inspectionConfirmedSubject } from "./inspection-confirmed.tsx";
import { InspectionDecidedEmail, inspectionDecidedSchema, inspectionDecidedSubject } from "./inspection-decided.tsx";
import { InspectionSeveritySwitchedEmail, inspectionSeveritySwitchedSchema, inspectionSeveritySwitchedSubject } from "./inspection-severity-switched.tsx";
import { MemberInvitationEmail, memberInvitationSchema, memberInvitationSubject } from "./member-invitation.tsx";
import { PartnerInvitationEmail, partnerInvitationSchema, partnerInvitationSubject } from "./partner-invitation.tsx";
import { SpecAcknowledgedEmail, specAcknowledgedSchema, specAcknowledgedSubject } from "./spec-acknowledged.tsx";
import { SpecPublishedEmail, specPublishedSchema, specPublishedSubject } from "./spec-published.tsx";
import { SignupConfirmEmail, signupConfirmSchema, signupConfirmSubject } from "./signup-confirm.tsx";
import { SignupExistingEmail, signupExistingSchema, signupExistingSubject } from "./signup-existing.tsx";

export { locales, toLocale, type Locale } from "./i18n.ts";

interface Template<S extends z.AnyZodObject> {
  component: ComponentType<z.infer<S> & EmailReader>;
  subject(locale: string, data: z.infer<S>): string;
  /** Validates `data` (everything but the locale). */
  schema: S;
}

// Ties component, subject and schema to one data type.
const define = <S extends z.AnyZodObject>(template: Template<S>) => template;

export const templates = {
  "partner-invitation": define({ component: PartnerInvitationEmail, subject: partnerInvitationSubject, schema: partnerInvitationSchema }),
  "member-invitation": define({ component: MemberInvitationEmail, subject: memberInvitationSubject, schema: memberInvitationSchema }),
  "comment-added": define({ component: CommentAddedEmail, subject: commentAddedSubject, schema: commentAddedSchema }),
  "spec-published": define({ component: SpecPublishedEmail, subject: specPublishedSubject, schema: specPublishedSchema }),
  "spec-acknowledged": define({ component: SpecAcknowledgedEmail, subject: specAcknowledgedSubject, schema: specAcknowledgedSchema }),
  "first-article-submitted": define({ component: FirstArticleSubmittedEmail, subject: firstArticleSubmittedSubject, schema: firstArticleSubmittedSchema }),
  "first-article-decided": define({ component: FirstArticleDecidedEmail, subject: firstArticleDecidedSubject, schema: firstArticleDecidedSchema }),
  "corrective-action-update": define({ component: CorrectiveActionUpdateEmail, subject: correctiveActionUpdateSubject, schema: correctiveActionUpdateSchema }),
  "corrective-action-reminder": define({
    component: CorrectiveActionReminderEmail,
    subject: correctiveActionReminderSubject,
    schema: correctiveActionReminderSchema,
  }),
  "inspection-booked": define({ component: InspectionBookedEmail, subject: inspectionBookedSubject, schema: inspectionBookedSchema }),
  "inspection-confirmed": define({ component: InspectionConfirmedEmail, subject: inspectionConfirmedSubject, schema: inspectionConfirmedSchema }),
  "inspection-aborted": define({ component: InspectionAbortedEmail, subject: inspectionAbortedSubject, schema: inspectionAbortedSchema }),
  "signup-confirm": define({ component: SignupConfirmEmail, subject: signupConfirmSubject, schema: signupConfirmSchema }),
  "signup-existing": define({ component: SignupExistingEmail, subject: signupExistingSubject, schema: signupExistingSchema }),
  "inspection-result": define({ component: InspectionResultEmail, subject: inspectionResultSubject, schema: inspectionResultSchema }),
  "inspection-decided": define({ component: InspectionDecidedEmail, subject: inspectionDecidedSubject, schema: inspectionDecidedSchema }),
  "inspection-severity-switched": define({
    component: InspectionSeveritySwitchedEmail,
    subject: inspectionSeveritySwitchedSubject,
    schema: inspectionSeveritySwitchedSchema,
  }),
};

export type TemplateName = keyof typeof templates;
export type TemplateData<T extends TemplateName> = z.infer<(typeof templates)[T]["schema"]>;

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(templates, name);
}

/** Returns the validated data of `template`, or throws an Error that names the template and every bad field. */
export function parseTemplateData<T extends TemplateName>(template: T, data: unknown): TemplateData<T>;
export function parseTemplateData(template: string, data: unknown): Record<string, unknown>;
export function parseTemplateData(template: string, data: unknown) {
  if (!isTemplateName(template)) {
    throw new Error(`Unknown email template "${template}" (known: ${Object.keys(templates).join(", ")})`);
  }
  const result = templates[template].schema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "(data)"}: ${i.message}`).join("; ");
    throw new Error(`Invalid data for email template "${template}": ${problems}`);
  }
  return result.data;
}

export async function renderEmail<T extends TemplateName>(template: T, locale: string, data: TemplateData<T>, timeZone?: string): Promise<RenderedEmail>;
export async function renderEmail(template: string, locale: string, data: unknown, timeZone?: string): Promise<RenderedEmail>;
export async function renderEmail(template: string, locale: string, data: unknown, timeZone = "UTC"): Promise<RenderedEmail> {
  const parsed = parseTemplateData(template, data);
  const lang: Locale = toLocale(locale);
  // The registry's entries differ in data type; parseTemplateData checked this one.
  const entry = templates[template as TemplateName] as unknown as Template<z.AnyZodObject>;
  const element = createElement(entry.component, { ...parsed, locale: lang, timeZone });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: entry.subject(lang, parsed), html, text };
}
