import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import { htmlLang, t } from "../i18n.ts";

// Inline styles only: most mail clients drop <style> blocks and classes.
const styles = {
  body: { backgroundColor: "#f4f4f5", fontFamily: "Helvetica, Arial, 'PingFang SC', 'Microsoft YaHei', sans-serif", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", border: "1px solid #e4e4e7", borderRadius: 8, margin: "0 auto", maxWidth: 560, padding: "32px 24px" },
  heading: { color: "#18181b", fontSize: 20, fontWeight: 600, lineHeight: "28px", margin: "0 0 16px" },
  text: { color: "#27272a", fontSize: 15, lineHeight: "24px", margin: "0 0 16px" },
  muted: { color: "#71717a", fontSize: 13, lineHeight: "20px", margin: "0 0 8px" },
  button: {
    backgroundColor: "#1d4ed8",
    borderRadius: 6,
    color: "#ffffff",
    display: "inline-block",
    fontSize: 15,
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
  },
  link: { color: "#1d4ed8", fontSize: 13, wordBreak: "break-all" },
  hr: { borderColor: "#e4e4e7", margin: "24px 0 16px" },
} satisfies Record<string, CSSProperties>;

/** A button of an email: where it leads and what it says. */
export interface EmailAction {
  href: string;
  label: string;
}

interface EmailLayoutProps {
  locale: string;
  /** The first line of the email; also the inbox preview unless `preview` says otherwise. */
  heading: string;
  preview?: string;
  /** Stands above the heading (the warning that a comment is internal). */
  banner?: ReactNode;
  /** What the email says between the heading and its buttons. */
  children?: ReactNode;
  /** The buttons, main one first; a missing one (null) is left out. */
  actions: (EmailAction | null)[];
  /** Small print under the buttons; a missing line (null) is left out. */
  notes?: (string | null)[];
}

/** Every email: heading, what it says, its buttons, its small print, and the product's footer. */
export function EmailLayout({ locale, heading, preview = heading, banner, children, actions, notes = [] }: EmailLayoutProps) {
  return (
    <Html lang={htmlLang(locale)}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          {banner}
          <Heading>{heading}</Heading>
          {children}
          {actions.map((action, i) => (action ? <CallToAction key={i} locale={locale} {...action} /> : null))}
          {notes.map((note, i) =>
            note ? (
              <Paragraph key={i} muted>
                {note}
              </Paragraph>
            ) : null,
          )}
          <Hr style={styles.hr} />
          <Text style={{ ...styles.muted, fontWeight: 600 }}>{t(locale, "footer.product")}</Text>
          <Text style={styles.muted}>{t(locale, "footer.automatic")}</Text>
        </Container>
      </Body>
    </Html>
  );
}

function Heading({ children }: { children: ReactNode }) {
  return <Text style={styles.heading}>{children}</Text>;
}

export function Paragraph({ children, muted = false }: { children: ReactNode; muted?: boolean }) {
  return <Text style={muted ? styles.muted : styles.text}>{children}</Text>;
}

/** Words someone else wrote (a note, a question, a planned action), in quotation marks. */
export function Quote({ children }: { children: ReactNode }) {
  return <Paragraph>“{children}”</Paragraph>;
}

/** The main button, with the plain link under it for clients that block buttons. */
function CallToAction({ locale, href, label }: EmailAction & { locale: string }) {
  return (
    <Section style={{ margin: "8px 0 24px" }}>
      <Button href={href} style={styles.button}>
        {label}
      </Button>
      <Text style={{ ...styles.muted, marginTop: 16 }}>{t(locale, "common.linkHint")}</Text>
      <Link href={href} style={styles.link}>
        {href}
      </Link>
    </Section>
  );
}
