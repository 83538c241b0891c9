import { Form, Link } from "@remix-run/react";
import { ConfirmAction } from "~/components/confirm-action.tsx";
import { SubmitButton } from "~/components/forms.tsx";
import { useT } from "~/lib/i18n/translate.ts";

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
  const t = useT("firstArticles");
  const round = fa.round + 1;
  const v = next.version.number;
  const superseded = fa.status === "DRAFT" && !next.sameVersion;
  return (
    <section
      id="next-round"
      className="mb-4 scroll-mt-4 space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
      aria-label={t("next.label")}
    >
      {superseded ? <p>{t("next.superseded", { version: v, round })}</p> : !next.sameVersion ? <p>{t("next.newVersion", { version: v, round })}</p> : null}
      <div className="flex flex-wrap items-center gap-2">
        {canStart && next.acknowledged ? (
          <Form method="post">
            <input type="hidden" name="intent" value="next-round" />
            <SubmitButton pendingText={t("next.starting")}>
              {next.sameVersion ? t("next.startCopied", { round }) : t("next.startAgainst", { round, version: v })}
            </SubmitButton>
          </Form>
        ) : null}
        {canStart && !next.acknowledged ? (
          <p data-testid="acknowledge-first">
            {t("next.acknowledgeFirst", { version: v })}{" "}
            <Link className="link font-semibold" to={next.versionHref}>
              {t("next.acknowledgeLink", { version: v })}
            </Link>
          </p>
        ) : null}
        {canWithdraw ? (
          <ConfirmAction
            label={t("next.withdraw")}
            question={t("next.withdrawQuestion", { round: fa.round })}
            confirmLabel={t("next.withdrawConfirm")}
            fields={{ intent: "withdraw" }}
          />
        ) : null}
      </div>
    </section>
  );
}
