import { z } from "zod";
import { httpLink, shortText } from "./components/fields.ts";
import { EmailLayout, Paragraph } from "./components/layout.tsx";
import { t, type MessageKey } from "./i18n.ts";
import { inspectionSeveritySwitchedSample } from "./samples.ts";

const SEVERITIES = ["normal", "tightened", "reduced", "stopped"] as const;
const REASONS = [
  "twoOfFiveNotAccepted",
  "fiveAcceptedOnTightened",
  "switchingScoreReached",
  "notAcceptedOnReduced",
  "productionNotSteady",
  "fiveNotAcceptedOnTightened",
  "resumedAfterCorrectiveAction",
] as const;

export const inspectionSeveritySwitchedSchema = z.object({
  importerName: shortText,
  factoryName: shortText,
  title: shortText,
  /** The lot that caused the switch, or null when the importer resumed inspection. */
  poNumber: shortText.nullable(),
  from: z.enum(SEVERITIES),
  to: z.enum(SEVERITIES),
  reason: z.enum(REASONS),
  link: httpLink,
});
export type InspectionSeveritySwitchedData = z.infer<typeof inspectionSeveritySwitchedSchema>;

const severityKey: Record<(typeof SEVERITIES)[number], MessageKey> = {
  normal: "severitySwitched.severity.normal",
  tightened: "severitySwitched.severity.tightened",
  reduced: "severitySwitched.severity.reduced",
  stopped: "severitySwitched.severity.stopped",
};
const reasonKey: Record<(typeof REASONS)[number], MessageKey> = {
  twoOfFiveNotAccepted: "severitySwitched.reason.twoOfFiveNotAccepted",
  fiveAcceptedOnTightened: "severitySwitched.reason.fiveAcceptedOnTightened",
  switchingScoreReached: "severitySwitched.reason.switchingScoreReached",
  notAcceptedOnReduced: "severitySwitched.reason.notAcceptedOnReduced",
  productionNotSteady: "severitySwitched.reason.productionNotSteady",
  fiveNotAcceptedOnTightened: "severitySwitched.reason.fiveNotAcceptedOnTightened",
  resumedAfterCorrectiveAction: "severitySwitched.reason.resumedAfterCorrectiveAction",
};

export function inspectionSeveritySwitchedSubject(locale: string, data: InspectionSeveritySwitchedData) {
  const vars = { title: data.title, factory: data.factoryName, importer: data.importerName, to: t(locale, severityKey[data.to]) };
  return t(locale, data.to === "stopped" ? "severitySwitched.subjectStopped" : "severitySwitched.subject", vars);
}

export function InspectionSeveritySwitchedEmail({ locale, ...data }: InspectionSeveritySwitchedData & { locale: string }) {
  return (
    <EmailLayout
      locale={locale}
      heading={inspectionSeveritySwitchedSubject(locale, data)}
      actions={[{ href: data.link, label: t(locale, data.poNumber ? "severitySwitched.buttonInspection" : "severitySwitched.buttonSettings") }]}
    >
      <Paragraph>{t(locale, "severitySwitched.fromTo", { from: t(locale, severityKey[data.from]), to: t(locale, severityKey[data.to]) })}</Paragraph>
      <Paragraph>{t(locale, reasonKey[data.reason])}</Paragraph>
      {data.poNumber ? <Paragraph>{t(locale, "severitySwitched.lot", { po: data.poNumber })}</Paragraph> : null}
      {data.to === "stopped" ? <Paragraph>{t(locale, "severitySwitched.stoppedNext")}</Paragraph> : null}
    </EmailLayout>
  );
}

// The react-email preview server (`email dev --dir emails`) shows the sample the tests render.
InspectionSeveritySwitchedEmail.PreviewProps = { locale: "en", ...inspectionSeveritySwitchedSample };

export default InspectionSeveritySwitchedEmail;
