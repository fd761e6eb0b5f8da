import { useTranslation } from "react-i18next";
import { VIGNETTE_FIELDS } from "~/modules/conference/schemas";

type VignetteText = Partial<Record<(typeof VIGNETTE_FIELDS)[number], string | null>>;

/** A shared vignette's sections (everything but the title), as the room and the summary show them. */
export function VignetteSections({ vignette }: { vignette: VignetteText }) {
  const { t } = useTranslation();
  return (
    <dl className="vignette-sections">
      {VIGNETTE_FIELDS.filter((field) => field !== "title").map((field) =>
        vignette[field] ? (
          <div key={field}>
            <dt>{t(`conference.vignette.fields.${field}`)}</dt>
            <dd className="pre-line">{vignette[field]}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}
