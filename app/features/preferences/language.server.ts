import { z } from "zod";
import { redirect } from "@remix-run/node";
import { dispatchForm } from "~/lib/actions.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { getEnv } from "~/lib/env.server.ts";
import { safeRedirectPath } from "~/lib/http.server.ts";
import { languageCookie } from "~/lib/i18n/language.server.ts";
import { LANGUAGES, PSEUDO_LANGUAGE } from "~/lib/i18n/languages.ts";
import { message } from "~/lib/i18n/message.ts";
import type { SessionUser } from "~/lib/session.server.ts";

export const LanguageSchema = z.object({
  language: z.enum([...LANGUAGES, PSEUDO_LANGUAGE], { message: message("common", "validation.languageOffered") }),
  redirectTo: z.string().max(2000).optional(),
});

/**
 * The header's language menu: remembered on this browser (a cookie, for the signed-out pages)
 * and, when someone is signed in, on their account, so their next email is in it too.
 */
export async function changeLanguage(formData: FormData, user: SessionUser | null) {
  return dispatchForm(formData, { language: LanguageSchema }, async ({ language, redirectTo }) => {
    if (user) await prisma.user.update({ where: { id: user.id }, data: { locale: language } });
    const secure = getEnv().SECURE_COOKIES ?? getEnv().APP_URL.startsWith("https://");
    throw redirect(safeRedirectPath(redirectTo, "/"), { headers: { "Set-Cookie": languageCookie(language, secure) } });
  });
}
