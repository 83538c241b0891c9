// A draft spec and its editor's action, posted to as a browser does (multipart), for the tests of
// what the editor stores: drawings, defect photos, removals, and the publication that opens them.
import * as editRoute from "~/routes/$org.specs.$specId.v.$number.edit.tsx";
import * as versionRoute from "~/routes/$org.specs.$specId.v.$number._index.tsx";
import { createSpec, createSpecShare } from "./factories.ts";
import { call, signedInMember, type SignedInMember } from "./routes.ts";

/** A quality lead's draft spec (v1, one characteristic), shared with a member of a partner factory. */
export async function draftSharedSpec() {
  const quality = await signedInMember("IMPORTER", "QUALITY");
  const factory = await signedInMember("FACTORY", "MEMBER");
  const { spec, version } = await createSpec(quality.org.id, { draft: true });
  await createSpecShare(spec.id, quality.org.id, factory.org.id);
  return { quality, factory, spec, version };
}
export type DraftSpec = Awaited<ReturnType<typeof draftSharedSpec>>;

const versionUrl = (s: DraftSpec, who: SignedInMember) => `/${who.org.slug}/specs/${s.spec.id}/v/${s.version.number}`;
export const editUrl = (s: DraftSpec, who: SignedInMember = s.quality) => `${versionUrl(s, who)}/edit`;
export const versionParams = (s: DraftSpec, who: SignedInMember = s.quality) => ({ org: who.org.slug, specId: s.spec.id, number: String(s.version.number) });

/** One multipart form to the editor's action, as `who` (the quality lead unless said). */
export function postToEditor(s: DraftSpec, entries: [string, string | File][], who: SignedInMember = s.quality) {
  const body = new FormData();
  for (const [name, value] of entries) body.append(name, value);
  return call(editRoute.action, editUrl(s, who), { cookie: who.cookie, params: versionParams(s, who), body });
}

/** The editor's upload form with `files` as drawings. */
export const drawingsForm = (files: File[]): [string, string | File][] => [["intent", "upload"], ...files.map((file): [string, File] => ["files", file])];

export const uploadDrawings = (s: DraftSpec, files: File[], who: SignedInMember = s.quality) => postToEditor(s, drawingsForm(files), who);

export const removeFile = (s: DraftSpec, attachmentId: string) =>
  call(editRoute.action, editUrl(s), { cookie: s.quality.cookie, params: versionParams(s), form: { intent: "remove-file", attachmentId } });

export const publishDraft = (s: DraftSpec) =>
  call(versionRoute.action, versionUrl(s, s.quality), { cookie: s.quality.cookie, params: versionParams(s), form: { intent: "publish" } });
