// The importer's sampling settings for one partner factory: the partnership's defaults and each
// shared spec's own settings, which new bookings sample by; each spec's switching state, resumed
// from here when stopped. The importer's deciders change them, its other members read them; the
// factory and other tenants get a 404 and learn nothing.
import { describe, expect, it } from "vitest";
import { samplingSource } from "~/features/inspections/sampling-source.server.ts";
import { prisma } from "~/lib/db.server.ts";
import * as settingsRoute from "~/routes/$org.partners_.$partnershipId.sampling.tsx";
import { createSpec, createSpecShare } from "../support/factories.ts";
import { call, inEnglish, signedInMember, type SignedInMember } from "../support/routes.ts";

async function scene() {
  const decider = await signedInMember("IMPORTER", "QUALITY");
  const member = await signedInMember("IMPORTER", "MEMBER", decider.org);
  const viewer = await signedInMember("IMPORTER", "VIEWER", decider.org);
  const factoryOwner = await signedInMember("FACTORY", "OWNER");
  const outsider = await signedInMember("IMPORTER", "OWNER");
  const { spec } = await createSpec(decider.org.id, { title: "Mug 350 ml" });
  const { spec: unshared } = await createSpec(decider.org.id, { title: "Bowl" });
  const share = await createSpecShare(spec.id, decider.org.id, factoryOwner.org.id);
  return { importer: decider.org, decider, member, viewer, factoryOwner, outsider, spec, unshared, partnershipId: share.partnershipId };
}
type Scene = Awaited<ReturnType<typeof scene>>;

const path = (s: Scene, slug: string, query = "") => `/${slug}/partners/${s.partnershipId}/sampling${query}`;
const read = (s: Scene, who: SignedInMember, query = "") =>
  call(settingsRoute.loader, path(s, who.org.slug, query), { cookie: who.cookie, params: { org: who.org.slug, partnershipId: s.partnershipId } });
const post = (s: Scene, who: SignedInMember, form: Record<string, string>) =>
  call(settingsRoute.action, path(s, who.org.slug), { cookie: who.cookie, params: { org: who.org.slug, partnershipId: s.partnershipId }, form });

const settings = {
  level: "I",
  criticalAql: "ZERO",
  majorAql: "1.0",
  minorAql: "4.0",
  measuredMode: "count",
  measuredCount: "5",
  reducedEnabled: "on",
};

type PageData = {
  canEdit: boolean;
  defaults: { own: boolean; values: Record<string, unknown> };
  specs: { id: string; own: Record<string, unknown> | null; state: { severity: string; score: number; canResume: boolean } }[];
  selected: { id: string; values: Record<string, unknown> } | null;
};

describe("sampling settings for a partner factory", () => {
  it("saves the partnership's defaults and a spec's own settings, which new bookings sample by, and removes the spec's again", async () => {
    const s = await scene();
    const first = (await read(s, s.decider)).data as PageData;
    expect(first).toMatchObject({ canEdit: true, defaults: { own: false, values: { level: "II", criticalAql: "ZERO", majorAql: "2.5", minorAql: "4.0" } } });
    expect(first.specs).toEqual([
      expect.objectContaining({ id: s.spec.id, own: null, state: expect.objectContaining({ severity: "normal", score: 0, canResume: false }) }),
    ]);

    const saved = await post(s, s.decider, { intent: "save-defaults", ...settings });
    expect(saved.status).toBe(302);
    expect(await samplingSource(s.partnershipId, s.spec.id)).toMatchObject({
      from: "partnership",
      choices: { level: "I", aql: { CRITICAL: null, MAJOR: "1.0", MINOR: "4.0" }, measuredCount: 5, reducedEnabled: true },
    });
    const row = await prisma.samplingSetting.findUniqueOrThrow({ where: { partnershipId_specId: { partnershipId: s.partnershipId, specId: "" } } });
    expect(await prisma.auditEvent.count({ where: { orgId: s.importer.id, action: "samplingSetting.update", subjectId: row.id } })).toBe(1);

    // The spec's own form starts from the defaults.
    const editing = (await read(s, s.decider, `?spec=${s.spec.id}`)).data as PageData;
    expect(editing.selected).toMatchObject({ id: s.spec.id, values: { level: "I", measuredMode: "count", measuredCount: "5" } });
    const own = await post(s, s.decider, {
      intent: "save-spec",
      specId: s.spec.id,
      ...settings,
      level: "III",
      criticalAql: "0.065",
      measuredMode: "level",
      measuredLevel: "S-3",
      reducedEnabled: "",
    });
    expect(own.status).toBe(302);
    expect(await samplingSource(s.partnershipId, s.spec.id)).toMatchObject({
      from: "spec",
      choices: { level: "III", aql: { CRITICAL: "0.065" }, measuredLevel: "S-3", measuredCount: null, reducedEnabled: false },
    });

    expect((await post(s, s.decider, { intent: "remove-spec", specId: s.spec.id })).status).toBe(302);
    expect((await samplingSource(s.partnershipId, s.spec.id)).from).toBe("partnership");
    expect(await prisma.auditEvent.count({ where: { orgId: s.importer.id, action: "samplingSetting.update" } })).toBe(3);
  });

  it("refuses a fixed count left empty, keeping what was typed, and a spec not shared with the factory", async () => {
    const s = await scene();
    const refused = await post(s, s.decider, { intent: "save-defaults", ...settings, measuredCount: "" });
    expect(refused.status).toBe(400);
    const data = refused.data as { result: { error: Record<string, string[]> }; typed: Record<string, string> };
    expect(inEnglish(data.result.error.measuredCount)).toEqual(["Enter how many units are measured, or choose a level."]);
    expect(data.typed).toMatchObject({ level: "I", majorAql: "1.0", measuredMode: "count" });
    const unknownAql = await post(s, s.decider, { intent: "save-defaults", ...settings, majorAql: "3.3" });
    expect(unknownAql.status).toBe(400);

    const unshared = await post(s, s.decider, { intent: "save-spec", specId: s.unshared.id, ...settings });
    expect(unshared.status).toBe(400);
    expect(await prisma.samplingSetting.count({ where: { partnershipId: s.partnershipId } })).toBe(0);
  });

  it("resumes a stopped spec on tightened from the list, for the importer's deciders only", async () => {
    const s = await scene();
    const stopped = await prisma.samplingState.create({
      data: {
        importerId: s.importer.id,
        factoryId: s.factoryOwner.org.id,
        partnershipId: s.partnershipId,
        specId: s.spec.id,
        severity: "stopped",
        reason: "fiveNotAcceptedOnTightened",
        notAcceptedOnTightened: 5,
      },
    });
    expect(((await read(s, s.decider)).data as PageData).specs[0]!.state).toMatchObject({ severity: "stopped", canResume: true });
    expect(((await read(s, s.member)).data as PageData).specs[0]!.state).toMatchObject({ severity: "stopped", canResume: false });
    expect((await post(s, s.member, { intent: "resume", specId: s.spec.id })).status).toBe(403);
    expect((await post(s, s.decider, { intent: "resume", specId: s.spec.id })).status).toBe(302);
    expect(await prisma.samplingState.findUniqueOrThrow({ where: { id: stopped.id } })).toMatchObject({
      severity: "tightened",
      reason: "resumedAfterCorrectiveAction",
    });
  });
});

describe("who may see and change sampling settings", () => {
  it("lets the importer's members and viewers read them but not save (403), and changes nothing", async () => {
    const s = await scene();
    for (const who of [s.member, s.viewer]) {
      const page = await read(s, who);
      expect(page.status).toBe(200);
      expect((page.data as PageData).canEdit).toBe(false);
      const forms: Record<string, string>[] = [
        { intent: "save-defaults", ...settings },
        { intent: "save-spec", specId: s.spec.id, ...settings },
        { intent: "remove-spec", specId: s.spec.id },
      ];
      for (const form of forms) {
        expect((await post(s, who, form)).status, `${who.membership.role} ${form.intent}`).toBe(403);
      }
    }
    expect(await prisma.samplingSetting.count({ where: { partnershipId: s.partnershipId } })).toBe(0);
  });

  it("gives the factory and another importer a 404 on the page and on every form, naming nothing", async () => {
    const s = await scene();
    for (const who of [s.factoryOwner, s.outsider]) {
      const page = await read(s, who);
      expect(page.status, who.org.kind).toBe(404);
      expect(JSON.stringify(page.data)).not.toContain("Mug 350 ml");
      const forms: Record<string, string>[] = [
        { intent: "save-defaults", ...settings },
        { intent: "resume", specId: s.spec.id },
      ];
      for (const form of forms) {
        expect((await post(s, who, form)).status, `${who.org.kind} ${form.intent}`).toBe(404);
      }
    }
    expect(await prisma.samplingSetting.count({ where: { partnershipId: s.partnershipId } })).toBe(0);
  });
});
