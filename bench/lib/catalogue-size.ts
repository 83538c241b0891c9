// The words a page ships in each language: the catalogue JSON the server writes into the page
// (CatalogueScript), read off the page itself as a reader of that language gets it. It is part of
// what the browser must have before the page works, so the JS column counts it per language.
import { gzipSync } from "node:zlib";
import type pg from "pg";
import { CATALOGUE_SCRIPT_ID } from "../../app/lib/i18n/catalogue-script-id.ts";
import { LANGUAGES, type Language } from "../../app/lib/i18n/languages.ts";
import type { Target } from "./load.ts";

const SCRIPT = new RegExp(`<script id="${CATALOGUE_SCRIPT_ID}"[^>]*>([\\s\\S]*?)</script>`);

/** kB gzip of the page's catalogue script when `target` is read in `language`. */
async function catalogueKb(url: string, target: Target, language: Language): Promise<number> {
  const cookie = [target.cookie, `sp_lang=${language}`].filter(Boolean).join("; ");
  const res = await fetch(url + target.path, { headers: { cookie } });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`${target.path} answered ${res.status} while reading its catalogue`);
  const [, json] = SCRIPT.exec(html) ?? [];
  if (json === undefined) throw new Error(`${target.path} has no catalogue script`);
  const shipped = JSON.parse(json) as { language: string };
  if (shipped.language !== language) throw new Error(`${target.path} shipped ${shipped.language}, not ${language}`);
  return gzipSync(json, { level: 6 }).length / 1024;
}

/**
 * The catalogue kB of one target in every language. A signed-in reader's language is their
 * account's (it wins over the cookie), so the account's language is set for each reading and put
 * back afterwards.
 */
export async function catalogueKbByLanguage(pool: pg.Pool, url: string, target: Target, email: string | null): Promise<Record<Language, number>> {
  const sizes = {} as Record<Language, number>;
  const before = email ? ((await pool.query(`SELECT locale FROM "User" WHERE email = $1`, [email])).rows[0]?.locale as string) : null;
  try {
    for (const language of LANGUAGES) {
      if (email) await pool.query(`UPDATE "User" SET locale = $1 WHERE email = $2`, [language, email]);
      sizes[language] = await catalogueKb(url, target, language);
    }
  } finally {
    if (email) await pool.query(`UPDATE "User" SET locale = $1 WHERE email = $2`, [before, email]);
  }
  return sizes;
}
