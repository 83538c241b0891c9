import { Form, Link } from "@remix-run/react";
import { ConfirmAction } from "~/components/confirm-action.tsx";
import { SubmitButton } from "~/components/forms.tsx";

interface NextRoundProps {
  fa: { round: number; status: string };
  next: { version: { number: number }; sameVersion: boolean; acknowledged: boolean; versionHref: string };
  canStart: boolean;
  canWithdraw: boolean;
}

/**
 * What the factory does with a round that is done with: start the next one
 * (against the current version, once acknowledged) or, for a draft whose
 * version was replaced, withdraw it.
 */
export function NextRoundPanel({ fa, next, canStart, canWithdraw }: NextRoundProps) {
  const round = fa.round + 1;
  const v = next.version.number;
  const superseded = fa.status === "DRAFT" && !next.sameVersion;
  return (
    <section
      id="next-round"
      className="mb-4 scroll-mt-4 space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
      aria-label="Next round"
    >
      {superseded ? (
        <p>
          Version {v} of the specification has replaced the version of this draft, so it can no longer be submitted. Start round {round} against version {v}{" "}
          (the lot, photos and unchanged readings are carried over), or withdraw this draft.
        </p>
      ) : !next.sameVersion ? (
        <p>
          The specification now has version {v}. Round {round} is measured against it: the lot, photos and the readings of unchanged characteristics are carried
          over; changed ones are left empty to measure again.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        {canStart && next.acknowledged ? (
          <Form method="post">
            <input type="hidden" name="intent" value="next-round" />
            <SubmitButton pendingText="Starting…">
              {next.sameVersion ? `Start round ${round} (readings copied)` : `Start round ${round} against version ${v}`}
            </SubmitButton>
          </Form>
        ) : null}
        {canStart && !next.acknowledged ? (
          <p data-testid="acknowledge-first">
            Acknowledge version {v} first: the next round is measured against a version you have read and accepted.{" "}
            <Link className="link font-semibold" to={next.versionHref}>
              Read and acknowledge version {v}
            </Link>
          </p>
        ) : null}
        {canWithdraw ? (
          <ConfirmAction
            label="Withdraw this draft"
            question={`Withdraw round ${fa.round}? It stays in the history but can no longer be edited or submitted, and leaves your lists of things to do.`}
            confirmLabel="Withdraw"
            fields={{ intent: "withdraw" }}
          />
        ) : null}
      </div>
    </section>
  );
}
