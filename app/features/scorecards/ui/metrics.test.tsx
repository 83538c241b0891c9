// The scorecard's figures and chart as their readers see them: in English as before, in Chinese, and in the pseudo-locale.
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Language } from "~/lib/i18n/languages.ts";
import { useT } from "~/lib/i18n/translate.ts";
import { HorizontalBarChart } from "~/features/scorecards/ui/charts.tsx";
import { MedianMetric, MetricCard, MetricSection, RateMetric } from "~/features/scorecards/ui/metrics.tsx";
import { expectNoStrayText, InLanguage } from "../../../../tests/support/i18n.tsx";

/** The first-article and corrective-action figures as the scorecard page puts them, with its own messages. */
function Figures() {
  const t = useT("dashboard");
  return (
    <>
      <MetricSection title={t("scorecard.firstArticles")}>
        <RateMetric
          title={t("scorecard.firstPass.title")}
          note="1"
          rate={{ numerator: 3, denominator: 4, percent: 75 }}
          none={t("scorecard.firstPass.none")}
          counted={(n, of) => t("scorecard.firstPass.counted", { n, of })}
        />
        <MedianMetric
          title={t("scorecard.decision.title")}
          note="2"
          median={{ days: 1, count: 5 }}
          none={t("scorecard.decision.none")}
          counted={(count) => t("scorecard.decision.counted", { count })}
        />
        <MedianMetric
          title={t("scorecard.acknowledge.title")}
          note="3"
          median={{ days: null, count: 0 }}
          none={t("scorecard.acknowledge.none")}
          counted={(count) => t("scorecard.acknowledge.counted", { count })}
        />
      </MetricSection>
      <MetricSection title={t("scorecard.correctiveActions")}>
        <MetricCard title={t("scorecard.opened.title")} value="2" note="4" explanation={t("scorecard.opened.explanation")} />
        <RateMetric
          title={t("scorecard.onTime.title")}
          note="5"
          rate={{ numerator: 1, denominator: 1, percent: 100 }}
          none={t("scorecard.onTime.none")}
          counted={(n, of) => t("scorecard.onTime.counted", { n, of })}
        />
        <RateMetric
          title={t("scorecard.onTime.title")}
          note="5"
          rate={{ numerator: 0, denominator: 0, percent: null }}
          none={t("scorecard.onTime.none")}
          counted={() => ""}
        />
      </MetricSection>
      {/* The root causes' labels are written by the server (scorecard.server.ts): data here. */}
      <HorizontalBarChart title={t("scorecard.rootCauses.chart")} data={[{ label: "Process step", value: 2 }]} />
    </>
  );
}

const renderIn = (language: Language) =>
  render(
    <InLanguage language={language}>
      <Figures />
    </InLanguage>,
  );

describe("the scorecard's figures", () => {
  it("keep their English words", () => {
    renderIn("en");
    expect(screen.getByText("1.0 day")).toBeTruthy();
    expect(screen.getByText("3 of 4 first articles decided in this period were approved (or approved with conditions) without a resubmission.")).toBeTruthy();
    expect(screen.getByText("Half of the 5 decisions came faster than this, half slower, counted from submission.")).toBeTruthy();
    expect(screen.getByText("1 of 1 plan submitted in this period arrived by the due date.")).toBeTruthy();
    expect(screen.getByRole("img", { name: "Approved on the first round: 75% (3 of 4)" })).toBeTruthy();
    expect(screen.getByRole("img", { name: "Plans on time: no data in this period" })).toBeTruthy();
    expect(screen.getAllByText("No data")).toHaveLength(2);
  });

  it("speak the reader's language: Chinese for a Chinese reader", () => {
    renderIn("zh-CN");
    expect(screen.getByRole("heading", { name: "首件检验" })).toBeTruthy();
    expect(screen.getByText("1.0 天")).toBeTruthy();
    expect(screen.getByText("本期间决定的 4 个首件检验中，有 3 个未经重新提交即获批准（或有条件批准）。")).toBeTruthy();
    expect(screen.getByRole("columnheader", { name: "类别" })).toBeTruthy();
  });

  it("have no text of their own outside the catalogues (pseudo-locale)", () => {
    const { container } = renderIn("en-XA");
    expectNoStrayText(container, ["Process step"]);
  });
});
