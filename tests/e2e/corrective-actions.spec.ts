import { expect, screenshotWithoutToast, test, type Page } from "./fixtures.ts";
import { partnersWithAcknowledgedSpec, solidPng, startFirstArticle, tempFile, uploadSamplePhoto } from "./support.ts";

/** Screenshots without the toast, which floats over the page for a few seconds. */

const DAY_MS = 24 * 60 * 60 * 1000;
/** "YYYY-MM-DD", `days` from today (UTC, as the app stores and checks dates). */
const isoDay = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
/** "4 Mar 2025": how the dashboard writes a date. */
const shownDay = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));

/** "13 Dec 2026 (end of day, UTC)": a plan's due date as the page states it, in the factory's zone (the browser's at sign-up). */
const dueDay = (iso: string) => `${shownDay(iso)} (end of day, UTC)`;

/** The dashboard groups that concern corrective actions, by their headings. */
const FACTORY_CA_GROUPS = ["Corrective actions awaiting your answer", "Actions to carry out"] as const;
const IMPORTER_CA_GROUPS = ["Plans to review", "Actions to verify", "Overdue partners"] as const;

/** Overview (the org's dashboard) from the main navigation. */
async function openDashboard(page: Page, orgName: string) {
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: orgName })).toBeVisible();
}

/** A "needs my attention" group of the dashboard: a region named by its heading. */
const group = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });

/** The one item of a dashboard group that links to the corrective action, checked to open exactly that page. */
async function expectDashboardItem(page: Page, groupTitle: string, caTitle: string, href: string, detail: string | RegExp) {
  const region = group(page, groupTitle);
  await expect(region, `dashboard group "${groupTitle}"`).toBeVisible();
  const link = region.getByRole("link", { name: caTitle });
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute("href", href);
  await expect(link).toContainText(detail);
  return link;
}

/** None of `titles` is on the dashboard (a group with nothing in it is not shown). */
async function expectNoGroups(page: Page, titles: readonly string[], except: string[] = []) {
  for (const title of titles) {
    if (except.includes(title)) continue;
    await expect(group(page, title), `dashboard group "${title}" should not be shown`).toHaveCount(0);
  }
}

test("a corrective action from a rejected first article: answered, returned, revised, accepted, implemented with evidence, verified and closed; dashboards and scorecard follow", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);

  // ── Set-up (the demo's situation, built through the UI): partners, a spec published, shared and acknowledged.
  const { importer, importerSlug, factoryName, factorySlug, factoryPage, title, productCode, poNumber } = await partnersWithAcknowledgedSpec(page, browser, [
    { number: "1", name: "Height", nominal: "95", lowerTol: "-0.5", upperTol: "0.5", unit: "mm" },
    { number: "2", name: "Glaze surface", visual: { passes: "No bare spots, no drips, no pinholes" } },
  ]);

  // The factory submits a first article with one height reading out of tolerance.
  const fa = await startFirstArticle(factoryPage, factorySlug, { title, productCode, poNumber, quantityProduced: "500", sampleCount: "2" });
  await factoryPage.getByLabel("1 Height, sample 1", { exact: true }).fill("95.1");
  await factoryPage.getByLabel("1 Height, sample 2", { exact: true }).fill("95.7"); // above 95.5 mm
  for (const sample of [1, 2]) await factoryPage.getByLabel(`2 Glaze surface, sample ${sample}`, { exact: true }).selectOption({ label: "Pass" });
  await uploadSamplePhoto(factoryPage, "mug-samples.png");
  await factoryPage.getByRole("button", { name: "Submit for review" }).click();
  await expect(factoryPage.getByRole("status")).toContainText("Submitted. 1 person will be emailed.");

  // The importer rejects it.
  const importerFaPath = `/${importerSlug}/first-articles/${fa.faId}`;
  await page.goto(importerFaPath);
  await expect(page.getByRole("heading", { level: 1, name: `${title} — PO ${poNumber}` })).toBeVisible();
  const decide = page.getByRole("region", { name: "Your decision" });
  await decide.getByRole("radio", { name: "Reject" }).check();
  await decide.getByLabel("Overall reason").fill("One height reading is out of tolerance.");
  await decide.getByLabel("1 Height", { exact: true }).fill("Height sample 2 measured 95.7 mm, above the 95.5 mm limit.");
  await decide.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status")).toContainText("Decision recorded. 1 person will be emailed.");
  await expect(page.getByText("Rejected", { exact: true })).toBeVisible();

  // ── Importer: on the rejected first article, open a corrective action from it.
  await page.getByRole("link", { name: "Open a corrective action from this first article" }).click();
  await expect(page).toHaveURL(new RegExp(`/${importerSlug}/corrective-actions/new\\?firstArticle=${fa.faId}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Open a corrective action" })).toBeVisible();
  const caTitle = `${title}: out of tolerance at first article`;
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(caTitle);
  const problem = page.getByLabel("Problem", { exact: true });
  await expect(problem).toHaveValue(new RegExp(`PO ${poNumber}`));
  // The failing characteristic and its reading, and nothing about the passing ones.
  await expect(problem).toHaveValue(/- 1 Height: sample 2: 95\.7 is above 95\.5 mm/);
  await expect(problem).not.toHaveValue(/Glaze surface/);
  const factorySelect = page.getByLabel("Factory", { exact: true });
  await expect(factorySelect.locator("option:checked")).toHaveText(factoryName);
  const factoryOrgId = await factorySelect.inputValue();
  expect(factoryOrgId).not.toBe("");
  const planDue = isoDay(10);
  await page.getByLabel("Plan due").fill(planDue);
  await page.getByRole("button", { name: "Open corrective action" }).click();
  await expect(page.getByRole("status")).toContainText("Corrective action opened. 1 person will be emailed.");
  await expect(page).toHaveURL(new RegExp(`/${importerSlug}/corrective-actions/[^/?#]+$`));
  const caId = new URL(page.url()).pathname.split("/")[3]!;
  const importerCaPath = `/${importerSlug}/corrective-actions/${caId}`;
  const factoryCaPath = `/${factorySlug}/corrective-actions/${caId}`;
  await expect(page.getByRole("heading", { level: 1, name: caTitle })).toBeVisible();
  await expect(page.getByRole("region", { name: "Problem" })).toContainText("1 Height: sample 2: 95.7 is above 95.5 mm");
  await expect(page.getByRole("link", { name: "From this first article" })).toHaveAttribute("href", importerFaPath);
  await expect(page.getByTestId("whose-turn")).toHaveText(`Waiting for: ${factoryName} to send a plan by ${dueDay(planDue)}`);

  // ── Factory dashboard: under "Corrective actions awaiting your answer", linking to the exact page.
  await openDashboard(factoryPage, factoryName);
  const toAnswer = await expectDashboardItem(
    factoryPage,
    "Corrective actions awaiting your answer",
    caTitle,
    factoryCaPath,
    `${importer.orgName} · Major · plan due ${shownDay(planDue)}`,
  );
  await expectNoGroups(factoryPage, FACTORY_CA_GROUPS, ["Corrective actions awaiting your answer"]);
  await screenshotWithoutToast(factoryPage, { path: "/tmp/ca-dashboard-factory.png", fullPage: true });
  await toAnswer.click();
  await expect(factoryPage).toHaveURL(factoryCaPath);
  await expect(factoryPage.getByRole("heading", { level: 1, name: caTitle })).toBeVisible();
  await expect(factoryPage.getByTestId("whose-turn")).toHaveText(`Waiting for: ${factoryName} to send a plan by ${dueDay(planDue)}`);

  // ── Factory answers: containment, category, root cause, two actions; sends the plan.
  // The answer form has no accessible name of its own: found by its heading.
  const answer = factoryPage.locator("form").filter({ has: factoryPage.getByRole("heading", { name: "Your answer" }) });
  await expect(answer).toBeVisible();
  await answer
    .getByLabel("Containment", { exact: true })
    .fill("All 500 mugs of PO held and 100% re-measured for height; 23 over 95.5 mm set aside for rework.");
  await answer.getByLabel("Where did the problem come from?").selectOption({ label: "Skipped quality check" });
  const rootCause1 = "The height check after firing was skipped on the night shift, so the worn mould was not noticed.";
  await answer.getByLabel("Root cause", { exact: true }).fill(rootCause1);
  const rows = answer.getByTestId("ca-item");
  await expect(rows).toHaveCount(0);
  const actions = [
    { action: "Replace the worn mould", owner: "Zhang Min (tooling)", due: isoDay(14) },
    { action: "Add the height check to the night-shift checklist, signed per batch", owner: "Li Wei (QC)", due: isoDay(21) },
  ];
  for (const [i, a] of actions.entries()) {
    await answer.getByRole("button", { name: "+ Add an action" }).click();
    await expect(rows).toHaveCount(i + 1);
    const row = rows.nth(i);
    await row.getByLabel("Action", { exact: true }).fill(a.action);
    await row.getByLabel("Owner", { exact: true }).fill(a.owner);
    await row.getByLabel("Due", { exact: true }).fill(a.due);
  }
  await screenshotWithoutToast(answer, { path: "/tmp/ca-answer.png" });
  await answer.getByRole("button", { name: "Send the plan to the importer" }).click();
  await expect(factoryPage.getByRole("status")).toContainText("Plan sent to the importer.");
  await expect(factoryPage.getByTestId("whose-turn")).toHaveText(`Waiting for: ${importer.orgName} to review the plan`);
  const factoryPlan = factoryPage.getByRole("region", { name: "The factory's plan" });
  await expect(factoryPlan).toContainText("Root cause: Skipped quality check");
  await expect(factoryPlan).toContainText(rootCause1);
  for (const a of actions) await expect(factoryPlan).toContainText(`${a.owner} · due ${dueDay(a.due)}`);
  await expect(factoryPage.getByRole("button", { name: "Send the plan to the importer" })).toHaveCount(0);

  // Nothing left for the factory on its dashboard while the plan is with the importer.
  await openDashboard(factoryPage, factoryName);
  await expectNoGroups(factoryPage, FACTORY_CA_GROUPS);

  // ── Importer dashboard: under "Plans to review".
  await openDashboard(page, importer.orgName);
  const toReview = await expectDashboardItem(
    page,
    "Plans to review",
    caTitle,
    importerCaPath,
    `${factoryName} · Major · plan submitted ${shownDay(isoDay(0))}`,
  );
  await expectNoGroups(page, IMPORTER_CA_GROUPS, ["Plans to review"]);
  await screenshotWithoutToast(page, { path: "/tmp/ca-dashboard-importer.png", fullPage: true });
  await toReview.click();
  await expect(page).toHaveURL(importerCaPath);
  const importerPlan = page.getByRole("region", { name: "The factory's plan" });
  await expect(importerPlan).toContainText("Root cause: Skipped quality check");
  for (const a of actions) await expect(importerPlan).toContainText(a.action);

  // ── Importer returns the plan with a comment.
  const review = page.getByRole("complementary").filter({ has: page.getByRole("heading", { name: "Review the plan" }) });
  const returnNote = "The checklist is good. Also say how the mould wear will be checked from now on, and by when.";
  await review.getByRole("radio", { name: "Return with comments" }).check();
  await review.getByRole("textbox", { name: /^Comments/ }).fill(returnNote);
  await review.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Plan returned to the factory.");
  await expect(page.getByTestId("whose-turn")).toHaveText(`Waiting for: ${factoryName} to send a plan by ${dueDay(planDue)}`);
  await expect(page.getByRole("heading", { name: "Review the plan" })).toHaveCount(0);

  // ── Factory: back on its dashboard as returned; sees who returned it and why; revises and resends.
  await openDashboard(factoryPage, factoryName);
  await (
    await expectDashboardItem(
      factoryPage,
      "Corrective actions awaiting your answer",
      caTitle,
      factoryCaPath,
      `${importer.orgName} · Major · plan returned, plan due ${shownDay(planDue)}`,
    )
  ).click();
  await expect(factoryPage).toHaveURL(factoryCaPath);
  await expect(factoryPage.getByText(`Returned by ${importer.orgName}:`)).toBeVisible();
  // On the plan, and in the history with who returned it.
  await expect(factoryPage.getByText(returnNote, { exact: true })).toBeVisible();
  await expect(factoryPage.getByTestId("timeline")).toContainText(`Reason: ${returnNote}`);
  // The answer comes back as it was sent.
  await expect(answer.getByLabel("Where did the problem come from?")).toHaveValue("SKIPPED_CHECK");
  await expect(answer.getByLabel("Root cause", { exact: true })).toHaveValue(rootCause1);
  await expect(rows).toHaveCount(2);
  for (const [i, a] of actions.entries()) {
    await expect(rows.nth(i).getByLabel("Action", { exact: true })).toHaveValue(a.action);
    await expect(rows.nth(i).getByLabel("Owner", { exact: true })).toHaveValue(a.owner);
    await expect(rows.nth(i).getByLabel("Due", { exact: true })).toHaveValue(a.due);
  }
  const rootCause2 = `${rootCause1} Moulds had no wear check at all.`;
  const revisedAction = "Replace the worn mould; measure mould wear every 2,000 shots and log it";
  await answer.getByLabel("Root cause", { exact: true }).fill(rootCause2);
  await rows.nth(0).getByLabel("Action", { exact: true }).fill(revisedAction);
  await answer.getByRole("button", { name: "Send the plan to the importer" }).click();
  await expect(factoryPage.getByRole("status")).toContainText("Plan sent to the importer.");
  await expect(factoryPage.getByTestId("whose-turn")).toHaveText(`Waiting for: ${importer.orgName} to review the plan`);
  await expect(factoryPlan).toContainText(rootCause2);
  await expect(factoryPlan).toContainText(revisedAction);

  // ── Importer: the revised plan is back under "Plans to review"; accepts it.
  await openDashboard(page, importer.orgName);
  await (await expectDashboardItem(page, "Plans to review", caTitle, importerCaPath, `${factoryName} · Major · plan submitted`)).click();
  await expect(page).toHaveURL(importerCaPath);
  await expect(importerPlan).toContainText(rootCause2);
  await expect(importerPlan).toContainText(revisedAction);
  await review.getByRole("radio", { name: "Accept" }).check();
  await review.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Plan accepted.");
  await expect(page.getByTestId("whose-turn")).toHaveText(`Waiting for: ${factoryName} to carry out the actions and report them done`);

  await openDashboard(page, importer.orgName);
  await expectNoGroups(page, IMPORTER_CA_GROUPS);

  // ── Factory dashboard: under "Actions to carry out", the earliest action first.
  await openDashboard(factoryPage, factoryName);
  const toCarryOut = await expectDashboardItem(
    factoryPage,
    "Actions to carry out",
    caTitle,
    factoryCaPath,
    `${importer.orgName} · “${revisedAction}” due ${shownDay(actions[0]!.due)}`,
  );
  await expectNoGroups(factoryPage, FACTORY_CA_GROUPS, ["Actions to carry out"]);
  await toCarryOut.click();
  await expect(factoryPage).toHaveURL(factoryCaPath);

  // ── Factory attaches a photo as evidence and marks the actions implemented.
  const done = factoryPage.getByRole("complementary").filter({ has: factoryPage.getByRole("heading", { name: "Actions done?" }) });
  const evidenceName = "new-mould-and-checklist.png";
  await done.getByLabel("Evidence").setInputFiles(tempFile(evidenceName, solidPng([60, 140, 90], 16)));
  await done.getByRole("button", { name: "Mark implemented" }).click();
  await expect(factoryPage.getByRole("status")).toContainText("Marked implemented. The importer has been asked to verify.");
  await expect(factoryPage.getByTestId("whose-turn")).toHaveText(`Waiting for: ${importer.orgName} to verify that the actions worked`);
  await expect(factoryPage.getByRole("region", { name: "Evidence" }).getByRole("img", { name: evidenceName })).toBeVisible();
  await expect(factoryPage.getByRole("button", { name: "Mark implemented" })).toHaveCount(0);

  await openDashboard(factoryPage, factoryName);
  await expectNoGroups(factoryPage, FACTORY_CA_GROUPS);

  // ── Importer dashboard: under "Actions to verify"; verifies and closes.
  await openDashboard(page, importer.orgName);
  await (
    await expectDashboardItem(page, "Actions to verify", caTitle, importerCaPath, `${factoryName} · Major · marked implemented ${shownDay(isoDay(0))}`)
  ).click();
  await expect(page).toHaveURL(importerCaPath);
  const evidence = page.getByRole("region", { name: "Evidence" }).getByRole("img", { name: evidenceName });
  await expect(evidence).toBeVisible();
  // The evidence is the real picture: the browser decoded it.
  await expect.poll(() => evidence.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(16);
  const verifyNote = "Re-measured 30 mugs from the next batch: all heights 94.9–95.3 mm. Night-shift checklist seen signed.";
  const verify = page.getByRole("complementary").filter({ has: page.getByRole("heading", { name: "Verify and close" }) });
  await verify.getByLabel("How did you check the actions worked?").fill(verifyNote);
  await verify.getByRole("button", { name: "Verify and close" }).click();
  await expect(page.getByRole("status")).toContainText("Verified and closed.");
  await expect(page.getByTestId("whose-turn")).toHaveText("Waiting for: Nobody: verified and closed");
  await expect(page.getByText(`${factoryName} · major · Verified and closed`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Verification" })).toContainText(verifyNote);
  await expect(page.getByRole("button", { name: "Verify and close" })).toHaveCount(0);
  await screenshotWithoutToast(page, { path: "/tmp/ca-closed.png", fullPage: true });

  // The factory sees it closed too.
  await factoryPage.goto(factoryCaPath);
  await expect(factoryPage.getByText(`${importer.orgName} · major · Verified and closed`)).toBeVisible();

  // It has left both dashboards' corrective-action groups.
  await openDashboard(page, importer.orgName);
  await expectNoGroups(page, IMPORTER_CA_GROUPS);
  await expect(page.getByRole("link", { name: caTitle })).toHaveCount(0);
  await openDashboard(factoryPage, factoryName);
  await expectNoGroups(factoryPage, FACTORY_CA_GROUPS);
  await expect(factoryPage.getByRole("link", { name: caTitle })).toHaveCount(0);

  // ── The importer's scorecard for this factory: 1 opened, 1 closed, "Skipped quality check" as the root cause.
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Factories" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Factories" })).toBeVisible();
  const scorecardLink = page.getByTestId("partner-row").filter({ hasText: factoryName }).getByRole("link", { name: "Scorecard" });
  if (await scorecardLink.count()) {
    await expect(scorecardLink).toHaveAttribute("href", `/${importerSlug}/scorecards/${factoryOrgId}`);
    await scorecardLink.click();
  } else {
    await page.goto(`/${importerSlug}/scorecards/${factoryOrgId}`);
  }
  await expect(page).toHaveURL(new RegExp(`/${importerSlug}/scorecards/${factoryOrgId}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Scorecard: ${factoryName}` })).toBeVisible();
  const caSection = page.getByRole("region", { name: "Corrective actions" });
  // A metric card by its heading; the heading's name goes on with its footnote ("Opened 4 (definition)").
  const metric = (name: string) => caSection.getByTestId("metric").filter({ has: page.getByRole("heading", { name: new RegExp(`^${name}`) }) });
  await expect(metric("Opened").getByText("1", { exact: true })).toBeVisible();
  await expect(metric("Closed").getByText("1", { exact: true })).toBeVisible();
  await expect(metric("Plans on time").getByRole("img", { name: "Plans on time: 100% (1 of 1)" })).toBeVisible();
  await expect(metric("Open and overdue now").getByText("0", { exact: true })).toBeVisible();
  const causes = page.getByRole("region", { name: /^Where problems came from/ });
  await expect(causes).toContainText("Root causes named in the 1 plan submitted in this period.");
  await expect(causes.getByRole("img", { name: /Skipped quality check 1\b/ })).toBeVisible();
  const skipped = causes.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Skipped quality check", exact: true }) });
  await expect(skipped.getByRole("cell")).toHaveText(["1", "100%"]);
  await expect(
    causes
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "Process step", exact: true }) })
      .getByRole("cell"),
  ).toHaveText(["0", "0%"]);
  await screenshotWithoutToast(page, { path: "/tmp/scorecard.png", fullPage: true });

  await factoryPage.context().close();
});
