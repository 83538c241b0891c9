// An importer and a factory in partnership with a record of every kind, in every state that a page
// shows differently: what a test needs to open each page of both sides. Every text it writes is
// kept in `data`, so a test can tell the people's own words on a page from the portal's.
import { threadOn } from "~/features/threads/thread.ts";
import { recordAudit } from "~/lib/audit.server.ts";
import { prisma } from "~/lib/db.server.ts";
import * as signup from "~/routes/signup.tsx";
import {
  createAcknowledgement,
  createCharacteristic,
  createComment,
  createCorrectiveAction,
  createCorrectiveActionEvidence,
  createDefectExample,
  createFirstArticle,
  createFirstArticlePhoto,
  createInspection,
  createInvitation,
  createMembership,
  createOrg,
  createPartnership,
  createSpec,
  createSpecMaterial,
  createSpecShare,
  createSpecVersion,
  createSpecVersionFile,
  createUser,
  TEST_PASSWORD,
  unique,
} from "./factories.ts";
import { cookieFor, call } from "./routes.ts";
import { confirmationTokenFor } from "./signups.ts";

const DAY_MS = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS);

/** Seeds the pair; every person reads the portal in `language`. */
export async function seedEveryKind(language: string) {
  const data = new Set<string>();
  const keep = <T>(value: T, ...texts: (string | null | undefined)[]) => {
    for (const text of texts) if (text) data.add(text);
    return value;
  };

  const importer = await createOrg("IMPORTER", { name: `Harbor Home Imports ${unique("o")}` });
  const factory = await createOrg("FACTORY", { name: `Lotus Ceramics ${unique("o")}` });
  const invitedFactoryEmail = `qc.${unique("sunrise")}@sunrise.example`;
  keep(null, importer.name, importer.slug, factory.name, factory.slug, invitedFactoryEmail);

  const person = async (name: string, org: { id: string }, role: "OWNER" | "QUALITY" | "MEMBER" | "VIEWER") => {
    const user = await createUser({ name, email: `${name.toLowerCase().replace(/ /g, ".")}.${unique("u")}@example.com` });
    await prisma.user.update({ where: { id: user.id }, data: { locale: language } });
    await createMembership(user.id, org.id, role);
    return keep({ ...user, cookie: await cookieFor(user.id) }, user.name, user.email);
  };
  const people = {
    importerOwner: await person("Ana Ruiz", importer, "OWNER"),
    importerQuality: await person("Kofi Mensah", importer, "QUALITY"),
    importerMember: await person("Ben Okafor", importer, "MEMBER"),
    importerViewer: await person("Sara Lind", importer, "VIEWER"),
    factoryOwner: await person("Li Wei", factory, "OWNER"),
    factoryMember: await person("Tran Minh", factory, "MEMBER"),
  };

  const partnership = await createPartnership(importer.id, factory.id, "ACTIVE");
  const invited = await createPartnership(importer.id, null, "INVITED");
  const partnerInvitation = await createInvitation({
    orgId: importer.id,
    kind: "PARTNER",
    role: "OWNER",
    partnershipId: invited.id,
    email: invitedFactoryEmail,
  });
  const memberInvitation = await createInvitation({ orgId: importer.id, kind: "MEMBER", role: "QUALITY" });
  keep(null, memberInvitation.invitation.email);

  // A spec with a superseded, a published and a draft version, shared and acknowledged.
  const { spec, version: v1 } = await createSpec(importer.id, { title: "Stoneware mug 350 ml" });
  keep(null, spec.title, spec.productCode);
  await prisma.specVersion.update({ where: { id: v1.id }, data: { status: "SUPERSEDED" } });
  const v2 = await createSpecVersion(spec.id, importer.id, 2, "PUBLISHED");
  await prisma.specVersion.update({
    where: { id: v2.id },
    data: { description: "Glazed stoneware mug.", notes: "Pack in pairs.", packaging: "Carton of 12", changeNote: "Handle made thicker." },
  });
  keep(null, "Glazed stoneware mug.", "Pack in pairs.", "Carton of 12", "Handle made thicker.");
  await prisma.spec.update({ where: { id: spec.id }, data: { currentVersionId: v2.id } });
  const v3 = await createSpecVersion(spec.id, importer.id, 3, "DRAFT");
  for (const version of [v1, v2, v3]) {
    await createCharacteristic(version, { name: "Glaze free of cracks", kind: "ATTRIBUTE", method: "Visual check" });
    await createCharacteristic(version, { name: "Rim diameter", nominal: "82.5", lowerTol: "-0.3", upperTol: "0.3", unit: "mm", method: "Caliper" });
    await createSpecMaterial(version, { material: "Stoneware clay", grade: "B2", source: "Jingdezhen" });
  }
  keep(null, "Height", "Glaze free of cracks", "Visual check", "Rim diameter", "Caliper", "Stoneware clay", "B2", "Jingdezhen");
  const characteristics = await prisma.characteristic.findMany({ where: { versionId: v2.id }, orderBy: { position: "asc" } });
  const [height, glaze, rim] = characteristics as [(typeof characteristics)[number], (typeof characteristics)[number], (typeof characteristics)[number]];
  const defect = await createDefectExample(v2, { description: "Crazing on the inside of the cup", characteristicKey: glaze.key });
  keep(null, defect.description);
  const drawing = await createSpecVersionFile(v2, { name: "mug-drawing-rev2.pdf" });
  keep(null, drawing.name);
  await createSpecShare(spec.id, importer.id, factory.id, { partnershipId: partnership.id });
  await createAcknowledgement(v1, factory.id);
  await createAcknowledgement(v2, factory.id);

  // A second spec the factory has queried: something waiting on the importer.
  const queried = await createSpec(importer.id, { title: "Porcelain plate 27 cm" });
  keep(null, queried.spec.title, queried.spec.productCode, "Which tolerance applies?");
  await createSpecShare(queried.spec.id, importer.id, factory.id, { partnershipId: partnership.id });
  await createAcknowledgement(queried.version, factory.id, "QUERIED");

  // First articles: a draft with readings, one submitted, one approved, one approved with conditions, one rejected with findings.
  const readings = [
    { key: height.key, sample: 1, raw: "95.1", value: "95.1", passed: true },
    { key: height.key, sample: 2, raw: "95.8", value: "95.8", passed: false },
    { key: glaze.key, sample: 1, raw: "PASS", passed: true },
    { key: glaze.key, sample: 2, raw: "FAIL", passed: false },
    { key: rim.key, sample: 1, raw: "82.4", value: "82.4", passed: true },
    { key: rim.key, sample: 2, raw: "8x2", passed: null },
  ];
  keep(null, "PASS", "FAIL", "8x2");
  const fa = async (
    status: "DRAFT" | "SUBMITTED" | "APPROVED" | "CONDITIONALLY_APPROVED" | "REJECTED",
    extra: { decisionNote?: string; findings?: Record<string, string> } = {},
  ) => {
    const created = await createFirstArticle(importer, factory, spec, v2, {
      status,
      readings,
      lotNumber: `LOT-${status}`,
      notes: `Notes on the ${status.toLowerCase()} round.`,
      createdById: people.factoryOwner.id,
      partnershipId: partnership.id,
    });
    const updated = await prisma.firstArticle.update({
      where: { id: created.id },
      data: {
        submittedById: status === "DRAFT" ? null : people.factoryOwner.id,
        decidedById: status === "DRAFT" || status === "SUBMITTED" ? null : people.importerOwner.id,
        ...(extra.decisionNote !== undefined ? { decisionNote: extra.decisionNote } : {}),
        ...(extra.findings ? { findings: extra.findings } : {}),
      },
    });
    await createFirstArticlePhoto(updated, { name: `sample-${status.toLowerCase()}.png` });
    return keep(
      updated,
      updated.poNumber,
      updated.lotNumber,
      updated.notes,
      updated.decisionNote,
      `sample-${status.toLowerCase()}.png`,
      ...Object.values(extra.findings ?? {}),
    );
  };
  const firstArticles = {
    draft: await fa("DRAFT"),
    submitted: await fa("SUBMITTED"),
    approved: await fa("APPROVED", { decisionNote: "Good to ship." }),
    conditional: await fa("CONDITIONALLY_APPROVED", { decisionNote: "Ship once the rim is checked again." }),
    rejected: await fa("REJECTED", {
      decisionNote: "Out of tolerance.",
      findings: { [height.key]: "Sample 2 is too tall.", [glaze.key]: "Crazing on sample 2." },
    }),
  };

  // Corrective actions in every state, with plan items; one overdue and one from the rejected first article.
  const itemTexts = { action: "Lower the press stop by 0.3 mm", owner: "Line supervisor" };
  keep(null, itemTexts.action, itemTexts.owner, "Glaze cracks near the handle on 3 of 20 samples.");
  const answer = {
    containment: "Held lot LOT-42 in the warehouse.",
    rootCauseCategory: "EQUIPMENT" as const,
    rootCause: "The press stop had moved.",
    preventive: "Check the stop every shift.",
  };
  keep(null, answer.containment, answer.rootCause, answer.preventive);
  const ca = async (
    status: "OPEN" | "PLAN_SUBMITTED" | "PLAN_ACCEPTED" | "IMPLEMENTED" | "CLOSED",
    options: { planDueAt?: Date; notes?: Record<string, string> } = {},
  ) => {
    const created = await createCorrectiveAction(importer, factory, {
      status,
      title: `Cracked glaze (${status.toLowerCase().replace("_", " ")})`,
      partnershipId: partnership.id,
      planDueAt: options.planDueAt,
      items: status === "OPEN" ? [] : [{ ...itemTexts, dueAt: daysFromNow(10) }],
    });
    const updated = await prisma.correctiveAction.update({
      where: { id: created.id },
      data: { openedById: people.importerOwner.id, specId: spec.id, ...(status === "OPEN" ? {} : answer), ...options.notes },
    });
    await createCorrectiveActionEvidence(updated, { name: `evidence-${status.toLowerCase()}.png` });
    return keep(updated, updated.title, `evidence-${status.toLowerCase()}.png`, ...Object.values(options.notes ?? {}));
  };
  const correctiveActions = {
    open: await ca("OPEN", { planDueAt: daysFromNow(-3) }),
    planSubmitted: await ca("PLAN_SUBMITTED"),
    accepted: await ca("PLAN_ACCEPTED", { notes: { reviewNote: "Plan looks complete." } }),
    implemented: await ca("IMPLEMENTED"),
    verified: await ca("CLOSED", { notes: { effectivenessNote: "No cracks in the next three lots." } }),
  };
  await prisma.correctiveAction.update({ where: { id: correctiveActions.open.id }, data: { firstArticleId: firstArticles.rejected.id } });

  // Threads with comments from both sides, shared and internal.
  const pair = { importerId: importer.id, factoryId: factory.id };
  const threads = [
    threadOn("SpecVersion", v2.id, pair),
    threadOn("FirstArticle", firstArticles.rejected.id, pair),
    threadOn("CorrectiveAction", correctiveActions.planSubmitted.id, pair),
  ];
  for (const thread of threads) {
    for (const [org, author, visibility, body] of [
      [factory.id, people.factoryOwner.id, "SHARED", "Can we use the old glaze?"],
      [importer.id, people.importerOwner.id, "SHARED", "Yes, until the end of May."],
      [importer.id, people.importerMember.id, "INTERNAL", "Ask the lab first."],
    ] as const) {
      await createComment(thread, org, { authorId: author, visibility, body: keep(body, body) });
    }
  }

  // History: each step of the records above, as the app logs it (on both sides for what happens between partners).
  const log = async (orgIds: string[], actorId: string, action: string, subjectType: string, subjectId: string, after: Record<string, unknown> = {}) => {
    for (const orgId of orgIds) await recordAudit(prisma, { orgId, actorId, action, subjectType, subjectId, before: null, after });
  };
  const both = [importer.id, factory.id];
  const imp = people.importerOwner.id;
  const fac = people.factoryOwner.id;
  await log([importer.id], imp, "spec.create", "Spec", spec.id, { title: spec.title, productCode: spec.productCode });
  await log([importer.id], imp, "specVersion.create", "SpecVersion", v2.id, { number: 2 });
  await log([importer.id], imp, "specVersion.publish", "SpecVersion", v2.id, { number: 2 });
  await log([importer.id], imp, "spec.share", "Spec", spec.id, { factoryId: factory.id });
  await log(both, fac, "specVersion.acknowledge", "SpecVersion", v2.id);
  await log(both, fac, "specVersion.query", "SpecVersion", queried.version.id, { question: "Which tolerance applies?" });
  for (const round of Object.values(firstArticles)) {
    await log(both, fac, "firstArticle.create", "FirstArticle", round.id, { round: 1 });
    if (round.status === "DRAFT") continue;
    await log(both, fac, "firstArticle.submit", "FirstArticle", round.id, { status: "SUBMITTED" });
    if (round.status === "SUBMITTED") continue;
    await log(both, imp, "firstArticle.decide", "FirstArticle", round.id, { status: round.status, decisionNote: round.decisionNote, findings: round.findings });
  }
  const caSteps: [keyof typeof correctiveActions, string[]][] = [
    ["open", ["correctiveAction.open"]],
    ["planSubmitted", ["correctiveAction.open", "correctiveAction.submit-plan"]],
    ["accepted", ["correctiveAction.open", "correctiveAction.submit-plan", "correctiveAction.accept-plan"]],
    [
      "implemented",
      [
        "correctiveAction.open",
        "correctiveAction.submit-plan",
        "correctiveAction.return-plan",
        "correctiveAction.submit-plan",
        "correctiveAction.accept-plan",
        "correctiveAction.implement",
      ],
    ],
    [
      "verified",
      ["correctiveAction.open", "correctiveAction.submit-plan", "correctiveAction.accept-plan", "correctiveAction.implement", "correctiveAction.verify-close"],
    ],
  ];
  const stepNotes: Record<string, string> = {
    "correctiveAction.return-plan": "Add a check per shift.",
    "correctiveAction.verify-close": "No cracks in the next three lots.",
  };
  keep(null, ...Object.values(stepNotes));
  for (const [which, steps] of caSteps) {
    for (const action of steps) {
      const actor = /submit-plan|implement/.test(action) ? fac : imp;
      await log(both, actor, action, "CorrectiveAction", correctiveActions[which].id, stepNotes[action] ? { note: stepNotes[action] } : {});
    }
  }
  await log([importer.id], imp, "invitation.create", "Invitation", memberInvitation.invitation.id, { email: memberInvitation.invitation.email });
  await log([importer.id], imp, "partnership.invite", "Partnership", invited.id, { email: invitedFactoryEmail });

  // Inspections as booked: one the factory proposed (the importer's to confirm), one rejected (to re-inspect).
  const bookedInspections = {
    booked: await createInspection(importer, factory, spec, v2, { status: "BOOKED", proposedBy: "FACTORY", poNumber: "PO-7731" }),
    rejected: await createInspection(importer, factory, spec, v2, { status: "REJECTED", result: "FAIL", poNumber: "PO-7702" }),
  };
  keep(null, "PO-7731", "PO-7702", "Too many major defects.");
  // Inspections whose printable report shows every section: a rejected lot with defects, and an aborted one.
  const reportedInspections = {
    rejected: await createInspection(importer, factory, spec, v2, {
      status: "REJECTED",
      result: "FAIL",
      partnershipId: partnership.id,
      poNumber: `PO-${unique("insp")}`,
      defects: [
        { class: "MAJOR", count: 11, description: "Glaze crawling on the rim" },
        { class: "MINOR", count: 2, description: "Small black speck" },
      ],
    }),
    aborted: await createInspection(importer, factory, spec, v2, { status: "ABORTED", partnershipId: partnership.id, poNumber: `PO-${unique("insp")}` }),
  };
  // The plan is the record's own snapshot: the standard's edition, the level and the code letters are its data.
  for (const i of Object.values(reportedInspections)) {
    const plan = i.plan as { edition: string; level: string; classes: Record<string, { codeLetter: string }> };
    keep(null, i.poNumber, i.decisionNote, plan.edition, plan.level, ...Object.values(plan.classes).map((c) => c.codeLetter));
  }
  keep(null, "Glaze crawling on the rim", "Small black speck");

  // Someone who signed up and has the confirmation link in their inbox.
  const newcomer = { name: "Mai Tran", email: `mai.${unique("new")}@example.com`, orgName: "Mekong Glassworks" };
  keep(null, newcomer.name, newcomer.email, newcomer.orgName);
  const posted = await call(signup.action, "/signup", {
    form: { name: newcomer.name, email: newcomer.email, password: TEST_PASSWORD, orgName: newcomer.orgName, orgKind: "FACTORY" },
  });
  if (posted.location !== "/signup/sent") throw new Error(`Sign-up answered ${posted.status} ${JSON.stringify(posted.data)}`);
  const signupToken = await confirmationTokenFor(newcomer.email);

  return {
    importer,
    factory,
    people,
    partnership,
    invitations: { partner: partnerInvitation, member: memberInvitation },
    signupToken,
    spec,
    versions: { v1, v2, v3 },
    queried,
    firstArticles,
    correctiveActions,
    bookedInspections,
    reportedInspections,
    drawing,
    /** Every text the seed wrote: names, codes, addresses, notes, readings. */
    data: [...data],
  };
}

export type EveryKind = Awaited<ReturnType<typeof seedEveryKind>>;
