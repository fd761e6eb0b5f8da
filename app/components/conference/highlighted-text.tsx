import type { Finding } from "~/modules/deid/types";

/** The text with each finding marked in place (the type is announced to screen readers). */
export function HighlightedText({ text, findings, typeLabel }: { text: string; findings: (Pick<Finding, "start" | "end"> & { type: string })[]; typeLabel: (type: string) => string }) {
  const parts: JSX.Element[] = [];
  let at = 0;
  for (const [i, f] of [...findings].sort((a, b) => a.start - b.start).entries()) {
    if (f.start < at) continue;
    if (f.start > at) parts.push(<span key={`t${i}`}>{text.slice(at, f.start)}</span>);
    parts.push(
      <mark key={`m${i}`} className="finding-mark" title={typeLabel(f.type)}>
        {text.slice(f.start, f.end)}
        <span className="visually-hidden"> ({typeLabel(f.type)})</span>
      </mark>,
    );
    at = f.end;
  }
  if (at < text.length) parts.push(<span key="end">{text.slice(at)}</span>);
  return <span className="highlighted-text">{parts}</span>;
}
