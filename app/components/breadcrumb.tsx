import { Link } from "@remix-run/react";
import { useT } from "~/lib/i18n/translate.ts";

/** The pages above this one, as links, above its heading. */
export function Breadcrumb({ links }: { links: readonly { to: string; label: string }[] }) {
  const t = useT("common");
  return (
    <nav className="mb-2 flex flex-wrap gap-3 text-sm" aria-label={t("breadcrumb.label")}>
      {links.map((link) => (
        <Link key={link.to} className="link tap-target" to={link.to}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
