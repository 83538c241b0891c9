import { expect, test } from "./fixtures.ts";
import { logIn, logOut, PASSWORD, signUp, uniqueEmail, uniqueTag } from "./support.ts";

// The device cookie lets a browser that has logged in to an account before past a throttle
// that strangers have set off (decision 007). In a real browser the login form is enhanced by
// JavaScript and posts to /login.data: the cookie must be one the browser sends there.
test("a browser that has logged in once sends its device cookie with the next JavaScript login", async ({ page, baseURL }) => {
  const owner = { name: "Tomás Ortega", email: uniqueEmail("tomas"), password: PASSWORD, orgName: `Ortega Imports ${uniqueTag()}`, kind: "IMPORTER" as const };
  await signUp(page, owner);
  await logOut(page);

  const posted = page.waitForResponse((r) => r.request().method() === "POST" && /\/login(\.data)?$/.test(new URL(r.url()).pathname));
  await logIn(page, owner);
  const login = await posted;
  expect(new URL(login.url()).pathname, "the form was sent by JavaScript").toBe("/login.data");
  await logOut(page);

  const sentWithLogin = await page.context().cookies(`${baseURL}/login.data`);
  expect(sentWithLogin.map((c) => c.name)).toContain("sp_device");
  const device = sentWithLogin.find((c) => c.name === "sp_device")!;
  expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
});
