import { useState } from "react";
import { titleMeta } from "~/i18n/meta";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { SdohAreasSchema } from "~/modules/directory/schemas";
import { setSdohAreas } from "~/modules/directory/service.server";
import { getSdohAreas } from "~/modules/directory/coverage.server";
import { HP2030_DOMAINS, categoriesOf, type Hp2030DomainId } from "~/modules/sdoh/roll-up";
import { DirectoryTabs } from "~/components/map/directory-tabs";
import { SdohRainbow } from "~/components/map/sdoh-rainbow";
import { FormError } from "~/components/ui/form";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.rainbow");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "coalition:read", "coalition");
  return {
    organization: { id: actor.organizationId, name: actor.organizationName },
    codes: await getSdohAreas(actor.organizationId),
    can: { edit: actor.permissions.has("directory:edit"), coverage: actor.permissions.has("coalition:admin") },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "directory:edit", "coalition");
  const { codes } = parseForm(await request.formData(), SdohAreasSchema);
  await setSdohAreas({ actor, codes });
  return { saved: true as const, codes };
}

export default function RainbowPage() {
  const { t } = useTranslation();
  const { organization, codes, can } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as (FormErrors & { saved?: boolean }) | undefined;
  const navigation = useNavigation();
  const [selected, setSelected] = useState(() => new Set(codes));
  const [open, setOpen] = useState<Hp2030DomainId | null>(null);
  const toggle = (code: string, on: boolean) => setSelected((s) => { const next = new Set(s); if (on) next.add(code); else next.delete(code); return next; });
  const openDomain = (domain: Hp2030DomainId) => {
    setOpen(domain);
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`#domain-${domain} input`)?.focus());
  };
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("directory.rainbow.title")}</h1>
        <p className="muted">{can.edit ? t("directory.rainbow.intro", { organization: organization.name }) : t("directory.rainbow.readOnly", { organization: organization.name })}</p>
      </header>
      <DirectoryTabs can={can} />
      <div className="rainbow-layout">
        <div>
          <SdohRainbow selected={selected} open={open} onOpen={openDomain} organization={organization.name} />
          <h2>{t("directory.rainbow.textAlternative")}</h2>
          <ul className="rainbow__legend" aria-live="polite">
            {HP2030_DOMAINS.map((d) => {
              const chosen = categoriesOf(d.id).filter((c) => selected.has(c));
              return (
                <li key={d.id}>
                  <span className="rainbow__swatch" style={{ background: d.color }} aria-hidden="true" />
                  <span><strong>{t(`directory.domains.${d.id}`)}:</strong> {chosen.length ? chosen.map((c) => t(`directory.sdoh.${c}`)).join(", ") : t("directory.rainbow.none")}</span>
                </li>
              );
            })}
          </ul>
          <p className="muted small">{t("directory.rainbow.mapping")}</p>
        </div>
        <Form method="post" className="card">
          <input type="hidden" name="intent" value="save-areas" />
          <FormError message={result?.formError} />
          {result?.saved ? <div className="alert alert--success" role="status">{t("directory.rainbow.saved")}</div> : null}
          {HP2030_DOMAINS.map((d) => (
            <fieldset key={d.id} id={`domain-${d.id}`} className={`sdoh-checkboxes${open === d.id ? " is-open" : ""}`} disabled={!can.edit}>
              <legend style={{ borderLeft: `6px solid ${d.color}`, paddingLeft: "0.4rem" }}>{t(`directory.domains.${d.id}`)}</legend>
              {categoriesOf(d.id).map((code) => (
                <label key={code} className="check">
                  <input type="checkbox" name="codes" value={code} checked={selected.has(code)} onChange={(e) => toggle(code, e.target.checked)} /> {t(`directory.sdoh.${code}`)}
                </label>
              ))}
            </fieldset>
          ))}
          {can.edit ? (
            <button type="submit" className="button button--primary" disabled={navigation.state === "submitting"}>
              {navigation.state === "submitting" ? t("directory.rainbow.saving") : t("directory.rainbow.save")}
            </button>
          ) : null}
        </Form>
      </div>
    </div>
  );
}
