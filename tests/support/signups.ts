// Sign-up now goes through the address's inbox: these read the queued email back and
// follow its link, as the person would.
import { prisma } from "~/lib/db.server.ts";
import * as confirm from "~/routes/signup_.confirm.$token.tsx";
import * as signup from "~/routes/signup.tsx";
import { call } from "./routes.ts";

/** The emails queued for `to` with `template`, oldest first. */
export async function queuedEmails(to: string, template: string) {
  const rows = await prisma.outboxEmail.findMany({
    where: { to, template },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { data: true, idempotencyKey: true },
  });
  return rows.map((row) => ({ ...row, data: row.data as Record<string, unknown> }));
}

/** The token of the newest confirmation link emailed to `email`. */
export async function confirmationTokenFor(email: string) {
  const emails = await queuedEmails(email, "signup-confirm");
  const url = emails.at(-1)?.data.confirmUrl;
  if (typeof url !== "string") throw new Error(`No confirmation email to ${email}`);
  return new URL(url).pathname.split("/").at(-1)!;
}

/** Confirms a link as its page does: with the password chosen at sign-up. */
export const confirmLink = (token: string, password: string) => call(confirm.action, `/signup/confirm/${token}`, { form: { password }, params: { token } });
export const openLink = (token: string) => call(confirm.loader, `/signup/confirm/${token}`, { params: { token } });

/** Posts the sign-up form, then follows the emailed link: the outcome of the confirmation. */
export async function signUpAndConfirm(form: Record<string, string>) {
  const posted = await call(signup.action, "/signup", { form });
  if (posted.location !== "/signup/sent") throw new Error(`Sign-up answered ${posted.status} ${posted.location ?? JSON.stringify(posted.data)}`);
  return confirmLink(await confirmationTokenFor(form.email!.trim().toLowerCase()), form.password!);
}
