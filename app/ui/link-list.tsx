// A plain list of in-app links (the lock screen's knowledge links, "Meer" under a guide).
import { Link } from '../shell/link';

export interface ListedLink {
  href: string;
  label: string;
}

export function LinkList({ links }: { links: readonly ListedLink[] }) {
  return (
    <ul className="link-list">
      {links.map((link) => (
        <li key={link.href}>
          <Link href={link.href}>{link.label}</Link>
        </li>
      ))}
    </ul>
  );
}
