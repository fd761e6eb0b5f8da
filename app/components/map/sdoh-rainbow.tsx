/**
 * The partner "rainbow": five bands (the Healthy People 2030 domains), each split into its Gravity
 * Project categories; a coloured segment is a category the organization impacts. Each band is a
 * button (click, Enter or Space) that opens its categories; the checkboxes beside it and the list
 * "in words" are the same information without the picture.
 */
import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { HP2030_DOMAINS, categoriesOf, type Hp2030DomainId } from "~/modules/sdoh/roll-up";

const CX = 300, CY = 290, OUTER = 280, BAND = 46, GAP = 6;

function segment(r0: number, r1: number, a0: number, a1: number) {
  // Angles in degrees, 180 (left) … 0 (right), drawn over the top.
  const p = (r: number, a: number) => `${(CX + r * Math.cos((a * Math.PI) / 180)).toFixed(2)} ${(CY - r * Math.sin((a * Math.PI) / 180)).toFixed(2)}`;
  return `M ${p(r1, a0)} A ${r1} ${r1} 0 0 1 ${p(r1, a1)} L ${p(r0, a1)} A ${r0} ${r0} 0 0 0 ${p(r0, a0)} Z`;
}

export function SdohRainbow({ selected, open, onOpen, organization }: { selected: Set<string>; open: Hp2030DomainId | null; onOpen: (domain: Hp2030DomainId) => void; organization: string }) {
  const { t } = useTranslation();
  const key = (domain: Hp2030DomainId) => (event: KeyboardEvent) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onOpen(domain);
    }
  };
  return (
    <div className="rainbow">
      <svg viewBox="0 0 600 300" role="group" aria-label={t("directory.rainbow.figureLabel", { organization })}>
        {HP2030_DOMAINS.map((d, i) => {
          const r1 = OUTER - i * (BAND + GAP);
          const r0 = r1 - BAND;
          const codes = categoriesOf(d.id);
          const step = 180 / codes.length;
          const count = codes.filter((c) => selected.has(c)).length;
          const label = t("directory.rainbow.band", { domain: t(`directory.domains.${d.id}`), selected: count, total: codes.length });
          return (
            <g key={d.id} className={`rainbow__band${open === d.id ? " is-open" : ""}`} role="button" tabIndex={0} aria-label={label} aria-expanded={open === d.id} aria-controls={`domain-${d.id}`} onClick={() => onOpen(d.id)} onKeyDown={key(d.id)} data-domain={d.id}>
              <title>{label}</title>
              {codes.map((code, k) => (
                <path key={code} d={segment(r0, r1, 180 - k * step, 180 - (k + 1) * step)} fill={selected.has(code) ? d.color : "#eef0ee"} stroke="#fff" strokeWidth={2} data-code={code} data-selected={selected.has(code) || undefined} />
              ))}
              <path className="rainbow__outline" d={segment(r0, r1, 180, 0)} fill="none" stroke={d.color} strokeWidth={2} />
            </g>
          );
        })}
      </svg>
    </div>
  );
}
