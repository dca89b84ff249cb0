import { Link } from 'react-router';

export function LinkCard({ to, title, text }: { to: string; title: string; text: string }) {
  return (
    <li className="rounded border border-slate-300 bg-white p-4 shadow-sm">
      <h3 className="mb-1 text-lg font-semibold">
        <Link to={to}>{title}</Link>
      </h3>
      <p className="text-slate-700">{text}</p>
    </li>
  );
}
