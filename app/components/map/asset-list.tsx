import { forwardRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Feature, Point } from "geojson";
import type { AssetSummary } from "~/modules/directory/types";

const PAGE = 50;

/** The keyboard- and screen-reader path through the map: every asset in view, as a list of buttons. */
export const AssetList = forwardRef<HTMLUListElement, { features: Feature<Point, AssetSummary>[]; selectedId: string | null; onSelect: (id: string) => void }>(
  function AssetList({ features, selectedId, onSelect }, ref) {
    const { t } = useTranslation();
    const [shown, setShown] = useState(PAGE);
    const sorted = [...features].sort((a, b) => a.properties.name.localeCompare(b.properties.name));
    return (
      <>
        <ul className="asset-list" ref={ref} aria-label={t("directory.list.label")}>
          {sorted.slice(0, shown).map(({ properties: a }) => (
            <li key={a.id}>
              <button type="button" className={`asset-list__item${a.id === selectedId ? " is-selected" : ""}`} data-asset-id={a.id} aria-current={a.id === selectedId ? "true" : undefined} onClick={() => onSelect(a.id)}>
                <span className="asset-list__name">{a.name}</span>
                <span className="asset-list__meta">
                  {a.organization ?? t(`directory.kinds.${a.kind}`)}
                  {a.kind !== "SERVICE_LOCATION" ? <span className="badge badge--informal">{t(`directory.kinds.${a.kind}`)}</span> : null}
                  {a.visibility === "COALITION" ? <span className="badge badge--coalition">{t("directory.visibility.COALITION")}</span> : null}
                </span>
                <span className="asset-list__tags">
                  {a.openNow ? <span className="tag tag--open">{t("directory.detail.openNow")}</span> : null}
                  {a.approximate ? <span className="tag tag--approximate">{t("directory.approximate.label")}</span> : null}
                  {a.capacity ? <span className={`tag tag--capacity-${a.capacity.toLowerCase()}`}>{t(`directory.capacity.${a.capacity}`)}</span> : null}
                  {a.sdoh.slice(0, 3).map((code) => <span key={code} className="tag">{t(`directory.sdoh.${code}`)}</span>)}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {sorted.length > shown ? (
          <button type="button" className="button button--small" onClick={() => setShown((n) => n + PAGE)}>
            {t("directory.list.showMore", { count: Math.min(PAGE, sorted.length - shown) })}
          </button>
        ) : null}
      </>
    );
  },
);
