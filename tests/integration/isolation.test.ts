// Every tenant route, loader and action, against people who must not get in:
// a user of another org (of either kind), and nobody signed in.
import { describe, expect, it } from "vitest";
import { createMember, createPartnership } from "../support/factories.ts";
import { call, cookieFor } from "../support/routes.ts";

const tenantRoutes = import.meta.glob<{ loader?: unknown; action?: unknown }>("../../app/routes/$org*.tsx", { eager: true });

const pathFor = (file: string, slug: string) => {
  const segments = file
    .split("/")
    .pop()!
    .replace(/\.tsx$/, "")
    .split(".")
    .slice(1)
    .filter((s) => s !== "_index");
  return `/${[slug, ...segments].join("/")}`;
};

describe("tenant isolation", () => {
  it("covers every tenant route file", () => {
    expect(Object.keys(tenantRoutes).length).toBeGreaterThanOrEqual(4);
  });

  for (const [file, route] of Object.entries(tenantRoutes)) {
    const name = file.split("/").pop();
    for (const outsiderKind of ["IMPORTER", "FACTORY"] as const) {
      it(`${name}: an owner of an unrelated ${outsiderKind.toLowerCase()} gets 404 and sees nothing`, async () => {
        const importer = await createMember("IMPORTER", "OWNER");
        const factory = await createMember("FACTORY", "OWNER");
        // Partners of each other, to make sure a partnership does not open the other org's pages either.
        await createPartnership(importer.org.id, factory.org.id, "ACTIVE");
        const outsider = await createMember(outsiderKind, "OWNER");
        const cookie = await cookieFor(outsider.user.id);
        for (const target of [importer.org, factory.org]) {
          const path = pathFor(file, target.slug);
          if (route.loader) {
            const out = await call(route.loader, path, { cookie, params: { org: target.slug } });
            expect(out.status, `${path} loader`).toBe(404);
            expect(JSON.stringify(out.data)).not.toContain(target.name);
          }
          if (route.action) {
            const out = await call(route.action, path, {
              cookie,
              params: { org: target.slug },
              form: { intent: "invite", email: "x@example.com", role: "OWNER" },
            });
            expect(out.status, `${path} action`).toBe(404);
          }
        }
      });
    }

    it(`${name}: a partner org's owner gets 404 on the other org's pages`, async () => {
      const importer = await createMember("IMPORTER", "OWNER");
      const factory = await createMember("FACTORY", "OWNER");
      await createPartnership(importer.org.id, factory.org.id, "ACTIVE");
      const cookie = await cookieFor(factory.user.id);
      const path = pathFor(file, importer.org.slug);
      if (route.loader) expect((await call(route.loader, path, { cookie, params: { org: importer.org.slug } })).status).toBe(404);
      if (route.action) expect((await call(route.action, path, { cookie, params: { org: importer.org.slug }, form: { intent: "end" } })).status).toBe(404);
    });

    it(`${name}: nobody signed in is sent to log in`, async () => {
      const { org } = await createMember("IMPORTER", "OWNER");
      const path = pathFor(file, org.slug);
      for (const handler of [route.loader, route.action].filter(Boolean)) {
        const out = await call(handler, path, { params: { org: org.slug }, form: handler === route.action ? { intent: "invite" } : undefined });
        expect(out.status).toBe(302);
        expect(out.location).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
      }
    });
  }
});
