import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** Adds a next step (what, who, which organization, by when) to the room, live. */
export function NextStepForm({
  organizations,
  defaultOwner,
  vignetteId,
  addStep,
  disabled,
}: {
  organizations: { id: string; name: string }[];
  defaultOwner: { name: string; organizationId: string };
  vignetteId: string | null;
  addStep: (input: { what: string; ownerName: string; ownerOrganizationId: string; dueDate: string; vignetteId: string | null }) => Promise<{ ok: boolean; error?: string; code?: string }>;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const defaultDue = useMemo(() => new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10), []);
  return (
    <form
      ref={formRef}
      className="step-form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        setPending(true);
        const result = await addStep({
          what: String(form.get("what") ?? ""),
          ownerName: String(form.get("ownerName") ?? ""),
          ownerOrganizationId: String(form.get("ownerOrganizationId") ?? ""),
          dueDate: String(form.get("dueDate") ?? ""),
          vignetteId,
        });
        setPending(false);
        if (result.ok) {
          setError(null);
          formRef.current?.reset();
        } else setError(result.error ?? t("conference.errors.server"));
      }}
    >
      <h3>{t("conference.steps.add")}</h3>
      {error ? <p className="alert alert--error" role="alert">{error}</p> : null}
      <div className="field">
        <label htmlFor="step-what">{t("conference.steps.what")}</label>
        <input id="step-what" name="what" required />
      </div>
      <div className="field">
        <label htmlFor="step-owner">{t("conference.steps.owner")}</label>
        <input id="step-owner" name="ownerName" defaultValue={defaultOwner.name} required />
      </div>
      <div className="field">
        <label htmlFor="step-org">{t("conference.steps.organization")}</label>
        <select id="step-org" name="ownerOrganizationId" defaultValue={defaultOwner.organizationId}>
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>{o.name}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="step-due">{t("conference.steps.due")}</label>
        <input id="step-due" name="dueDate" type="date" defaultValue={defaultDue} required />
      </div>
      <button type="submit" className="button" disabled={disabled || pending} aria-busy={pending || undefined}>
        {pending ? t("conference.steps.adding") : t("conference.steps.submit")}
      </button>
    </form>
  );
}
