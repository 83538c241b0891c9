import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { changeLanguage } from "~/features/preferences/language.server.ts";
import { changeTimeZone } from "~/features/preferences/time-zone.server.ts";
import { readForm } from "~/lib/forms.server.ts";
import { getSessionUser } from "~/lib/session.server.ts";

// The menu posts here from every page, signed in or not, and comes back to the page: a language, or a time zone.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const [formData, user] = await Promise.all([readForm(request), getSessionUser(request)]);
  // The menu's zone form says so; its language buttons post no intent.
  return formData.get("intent") === "timeZone" ? changeTimeZone(formData, user) : changeLanguage(formData, user);
}
