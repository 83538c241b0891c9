import { Section, Text } from "@react-email/components";
import { Fragment } from "react";
import { z } from "zod";
import { displayName, httpLink } from "./components/fields.ts";
import { EmailLayout, Paragraph } from "./components/layout.tsx";
import { t } from "./i18n.ts";
import { commentAddedSample } from "./samples.ts";

/** How much of the comment the email quotes; the link leads to the rest. */
export const COMMENT_QUOTE_LENGTH = 500;

const recordText = z.string().trim().min(1).max(300);

/** What was commented on, as data: each recipient's email names it in their own language. */
export const commentSubjectSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("specVersion"), title: recordText, number: z.number().int().min(1) }),
  z.object({ kind: z.literal("firstArticle"), po: recordText, round: z.number().int().min(1) }),
  z.object({ kind: z.literal("correctiveAction"), title: recordText }),
  z.object({ kind: z.literal("inspection"), po: recordText }),
]);
export type CommentSubject = z.infer<typeof commentSubjectSchema>;

export const commentAddedSchema = z.object({
  authorName: displayName,
  orgName: displayName,
  about: commentSubjectSchema.optional(),
  /** What an email queued before `about` carries instead: the record's name as it was written. */
  title: recordText.optional(),
  body: z.string().min(1).max(5000),
  internal: z.boolean(),
  link: httpLink,
});

export type CommentAddedData = z.infer<typeof commentAddedSchema>;
export type CommentAddedProps = CommentAddedData & { locale: string };

const styles = {
  quote: { borderLeft: "4px solid #d4d4d8", margin: "0 0 16px", padding: "4px 0 4px 12px" },
  quoteText: { color: "#27272a", fontSize: 15, lineHeight: "24px", margin: 0 },
  internal: {
    backgroundColor: "#fef3c7",
    border: "1px solid #f59e0b",
    borderRadius: 4,
    color: "#78350f",
    fontSize: 13,
    fontWeight: 600,
    margin: "0 0 16px",
    padding: "6px 10px",
  },
};

/** The first characters of a comment, cut on a character (not a UTF-16 unit) boundary. */
export function quoteOf(body: string) {
  const chars = Array.from(body.trim());
  return chars.length > COMMENT_QUOTE_LENGTH
    ? { text: `${chars.slice(0, COMMENT_QUOTE_LENGTH).join("").trimEnd()}…`, cut: true }
    : { text: chars.join(""), cut: false };
}

/** "Mug 350 ml, version 3", "first article PO 4711, round 2": the record in the reader's words. */
export function aboutText(locale: string, { about, title }: Pick<CommentAddedData, "about" | "title">) {
  if (!about) return title ?? "";
  if (about.kind === "specVersion") return t(locale, "comment.about.specVersion", { title: about.title, number: about.number });
  if (about.kind === "firstArticle") return t(locale, "comment.about.firstArticle", { po: about.po, round: about.round });
  if (about.kind === "inspection") return t(locale, "comment.about.inspection", { po: about.po });
  return about.title;
}

export function commentAddedSubject(locale: string, data: CommentAddedData) {
  const subject = t(locale, "comment.subject", { author: data.authorName, org: data.orgName, title: aboutText(locale, data) });
  // Said in the subject too, so that nobody forwards an internal note to the other side by mistake.
  return data.internal ? `${t(locale, "comment.internalLabel")}: ${subject}` : subject;
}

export function CommentAddedEmail({ locale, authorName, orgName, about, title, body, internal, link }: CommentAddedProps) {
  const quote = quoteOf(body);
  return (
    <EmailLayout
      locale={locale}
      heading={t(locale, "comment.subject", { author: authorName, org: orgName, title: aboutText(locale, { about, title }) })}
      preview={quote.text.slice(0, 120)}
      banner={internal ? <Text style={styles.internal}>{t(locale, "comment.internal", { org: orgName })}</Text> : null}
      actions={[{ href: link, label: t(locale, "comment.button") }]}
      notes={[t(locale, "comment.why")]}
    >
      <Section style={styles.quote}>
        {/* Line breaks as <br>: the plain-text version would otherwise run the lines together. */}
        <Text style={styles.quoteText}>
          {quote.text.split("\n").map((line, i) => (
            <Fragment key={i}>
              {i > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </Text>
      </Section>
      {quote.cut ? <Paragraph muted>{t(locale, "comment.truncated")}</Paragraph> : null}
    </EmailLayout>
  );
}

// The react-email preview server (`email dev --dir emails`) shows the sample the tests render.
CommentAddedEmail.PreviewProps = { locale: "en", ...commentAddedSample };

export default CommentAddedEmail;
