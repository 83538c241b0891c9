import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { prisma } from "~/lib/db.server.ts";
import { requireMailCapture } from "~/lib/mail-capture.server.ts";
import { pageArgs, pageFromUrl, toPage } from "~/lib/pagination.ts";
import { useFormat } from "~/lib/use-format.ts";
import { mailboxPath } from "~/lib/mailbox-path.ts";

// Emails captured while no RESEND_API_KEY is set (development, demo, tests).

export const meta: MetaFunction = () => [{ title: "Mailbox · Supplier Portal" }];

// The same policy as the email page (see there): opening an email from this list keeps
// the document, and with it this page's policy.
export const handle = { inlineStyles: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireMailCapture(context);
  const page = pageFromUrl(request.url);
  const [emails, total] = await Promise.all([
    prisma.capturedEmail.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageArgs(page),
      select: { id: true, to: true, subject: true, createdAt: true },
    }),
    prisma.capturedEmail.count(),
  ]);
  // ISO strings: the same value on server and client, whatever the data transport.
  return toPage(
    emails.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    total,
    page,
  );
}

export default function Mailbox() {
  const { page, pageCount, total, items: emails } = useLoaderData<typeof loader>();
  const f = useFormat();
  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <h1 className="text-xl font-semibold text-slate-900">Mailbox</h1>
      <p className="mt-1 text-sm text-slate-600">Emails the portal sent while no email provider is set up. {total} in total.</p>

      {emails.length === 0 ? (
        <p className="mt-6 rounded border border-dashed border-slate-300 p-6 text-center text-slate-600">No emails yet.</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {emails.map((email) => (
            <li key={email.id}>
              <Link to={mailboxPath(email.id)} className="block px-4 py-3 hover:bg-slate-50 focus:bg-slate-50 focus:outline-none">
                <span className="block truncate font-medium text-slate-900">{email.subject}</span>
                <span className="mt-1 flex flex-col gap-x-3 text-sm text-slate-600 sm:flex-row sm:justify-between">
                  <span className="truncate">To: {email.to}</span>
                  <time dateTime={email.createdAt} className="shrink-0">
                    {f.dateTime(email.createdAt)}
                  </time>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}

      {pageCount > 1 ? (
        <nav className="mt-4 flex items-center justify-between text-sm" aria-label="Pages">
          {page > 1 ? (
            <Link to={`?page=${page - 1}`} className="rounded border border-slate-300 px-3 py-2 hover:bg-slate-50">
              Newer
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-600">
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? (
            <Link to={`?page=${page + 1}`} className="rounded border border-slate-300 px-3 py-2 hover:bg-slate-50">
              Older
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </main>
  );
}
