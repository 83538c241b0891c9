import { Link } from "@remix-run/react";

/** The pages above this one, as links, above its heading. */
export function Breadcrumb({ links }: { links: readonly { to: string; label: string }[] }) {
  return (
    <nav className="mb-2 flex flex-wrap gap-3 text-sm" aria-label="Breadcrumb">
      {links.map((link) => (
        <Link key={link.to} className="link tap-target" to={link.to}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
