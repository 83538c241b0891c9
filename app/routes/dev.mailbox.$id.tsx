import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { prisma } from "~/lib/db.server.ts";
import { requireMailCapture } from "~/lib/mail-capture.server.ts";
import { notFound } from "~/lib/http.server.ts";
import { useFormat } from "~/lib/use-format.ts";
import { mailboxPath } from "~/lib/mailbox-path.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.subject ?? "Email"} · Mailbox` }];

// The email is shown in a srcdoc frame, which inherits this page's policy, and emails
// style everything inline: the mailbox pages allow inline styles (scripts stay nonce-only).
export const handle = { inlineStyles: true };

export async function loader({ params, context }: LoaderFunctionArgs) {
  requireMailCapture(context);
  // Ids are cuids: anything else (a NUL byte, a path) is not an email, and never reaches the database.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(params.id ?? "")) notFound();
  const email = await prisma.capturedEmail.findUnique({ where: { id: params.id } });
  if (!email) notFound();
  return { ...email, createdAt: email.createdAt.toISOString() };
}

/** Same format as the list: fixed zone so server and browser render the same text. */
export default function CapturedEmailPage() {
  const email = useLoaderData<typeof loader>();
  const f = useFormat();
  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <Link to={mailboxPath()} className="text-sm text-brand-600 hover:underline">
        ← Mailbox
      </Link>
      <h1 className="mt-3 break-words text-xl font-semibold text-slate-900">{email.subject}</h1>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">From</dt>
        <dd className="break-all text-slate-900">{email.from}</dd>
        <dt className="text-slate-500">To</dt>
        <dd className="break-all text-slate-900">{email.to}</dd>
        <dt className="text-slate-500">Sent</dt>
        <dd className="text-slate-900">
          <time dateTime={email.createdAt}>{f.dateTime(email.createdAt)}</time>
        </dd>
      </dl>
      {/* No allow-scripts or allow-same-origin: the email cannot run code or reach the portal's
          cookies, while its links still open (in a new tab, or here after a click). */}
      <iframe
        title="Email content"
        srcDoc={email.html}
        sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
        className="mt-4 h-[70vh] w-full rounded border border-slate-200 bg-white"
      />
      {email.text ? (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm text-slate-700">Plain text version</summary>
          <pre className="mt-2 whitespace-pre-wrap break-words rounded bg-slate-50 p-3 text-sm text-slate-800">{email.text}</pre>
        </details>
      ) : null}
    </main>
  );
}
