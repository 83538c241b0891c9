import type { ReactNode } from "react";

/** A titled region: screen readers list it by its heading. */
export function Section({
  id,
  title,
  level = 2,
  className,
  headingClassName,
  children,
}: {
  id: string;
  title: string;
  level?: 2 | 3;
  className?: string;
  headingClassName?: string;
  children: ReactNode;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={id} className={className}>
      <Heading id={id} className={headingClassName}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
