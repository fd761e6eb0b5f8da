import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Celebration } from "~/modules/aims/queries.server";

export function Celebrations({ celebrations }: { celebrations: Celebration[] }) {
  const { t } = useTranslation();
  if (celebrations.length === 0) return null;
  return (
    <section className="card celebrate" aria-labelledby="celebrate-title">
      <h2 id="celebrate-title">{t("aims.celebrate.heading")}</h2>
      <ul>
        {celebrations.map((c, i) => (
          <li key={`${c.kind}-${c.measureId}-${i}`}>
            <Link to={`/aims/measures/${c.measureId}`}>
              {c.kind === "aim-achieved"
                ? t("aims.celebrate.achieved", { statement: c.statement })
                : c.kind === "aim-milestone"
                  ? t("aims.celebrate.milestone", { milestone: c.milestone, statement: c.statement })
                  : t("aims.celebrate.signal", { measure: c.measureName, rule: t(`aims.ruleNames.${c.rule}`) })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
