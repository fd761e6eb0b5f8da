/**
 * The send-a-referral form: who, what for, which information goes with it, and the live check of
 * consent, capacity and fit before the send button unlocks. Validated in the browser with
 * SendReferralSchema, the schema the route's action parses with (ADR 077).
 */
import { Form, Link, useFetcher, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { GENERAL_CATEGORIES } from "~/modules/consent/categories";
import { HP2030_DOMAINS, categoriesOf } from "~/modules/sdoh/roll-up";
import { SendReferralSchema, type ReferralCheckJson } from "~/modules/referral/schemas";
import { REFERRAL_PRIORITIES } from "~/modules/referral/state-machine";
import type { FitWarning } from "~/modules/referral/fit";
import type { PartnerService } from "~/modules/referral/pages.server";
import { FormError, SelectField, TextAreaField } from "~/components/ui/form";
import { SearchCombobox, type ComboboxOption } from "~/components/ui/search-combobox";
import type { ClientChoice } from "~/modules/client/search.server";
import { useSchemaForm, type FormResult } from "~/components/ui/schema-form";
import { FitWarnings, formatDate } from "./labels";

/** What the page's loader gives the form: the choices, what the link pre-filled, and the resend key. */
export type NewReferralData = {
  /** No list of every client (ADR 104): whether there is one, the pre-filled one, a no-JavaScript search's matches. */
  hasClients: boolean;
  client: ClientChoice | null;
  clientMatches: { clients: ClientChoice[]; more: boolean } | null;
  partners: { id: string; name: string }[];
  services: PartnerService[];
  prefill: { clientId: string; clientQuery: string; recipientOrganizationId: string; serviceId: string; assetId: string };
  idempotencyKey: string;
};

export function NewReferralForm({ data, actionResult }: { data: NewReferralData; actionResult?: FormResult }) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const { form, fields } = useSchemaForm({ schema: SendReferralSchema, result: actionResult });
  const fe = { clientId: fields.clientId.errors, recipientOrganizationId: fields.recipientOrganizationId.errors, serviceId: fields.serviceId.errors, sdohCodes: fields.sdohCodes.errors, priority: fields.priority.errors, note: fields.note.errors, categories: fields.categories.errors };
  const [idempotencyKey] = useState(data.idempotencyKey);
  const [clientId, setClientId] = useState(data.prefill.clientId);
  const asOption = (c: ClientChoice): ComboboxOption => ({ id: c.id, label: c.name, detail: t("referral.send.clientBorn", { date: formatDate(c.birthDate, i18n.language) }) });
  const [client, setClient] = useState<ComboboxOption | null>(data.client ? asOption(data.client) : null);
  const chooseClient = (option: ComboboxOption | null) => {
    setClient(option);
    setClientId(option?.id ?? "");
    setCategoriesTouched(false);
  };
  const [recipientId, setRecipientId] = useState(data.prefill.recipientOrganizationId);
  const [serviceId, setServiceId] = useState(data.prefill.serviceId);
  const prefillService = data.services.find((s) => s.id === data.prefill.serviceId);
  const [needs, setNeeds] = useState<string[]>(prefillService ? [...prefillService.sdohCodes] : []);
  const [categories, setCategories] = useState<string[]>([]);
  const [categoriesTouched, setCategoriesTouched] = useState(false);
  const check = useFetcher<ReferralCheckJson | { error: string }>();

  const services = useMemo(() => data.services.filter((s) => s.organizationId === recipientId), [data.services, recipientId]);
  const ready = !!clientId && !!recipientId;
  const query = useMemo(() => {
    const q = new URLSearchParams({ clientId, recipientOrganizationId: recipientId });
    if (serviceId) q.set("serviceId", serviceId);
    for (const n of needs) q.append("sdohCodes", n);
    return q.toString();
  }, [clientId, recipientId, serviceId, needs]);

  // Recompute the check whenever the choices change.
  const { load } = check;
  useEffect(() => {
    if (ready) load(`/api/referrals/check?${query}`);
  }, [ready, query, load]);

  const result = check.data && "covered" in check.data && check.data.client.id === clientId ? check.data : null;
  const checkError = check.data && "error" in check.data ? check.data.error : null;
  const checking = check.state !== "idle";

  // Until the sender changes them, the categories are those the authorization in effect covers.
  const covered = result?.covered.join(",");
  useEffect(() => {
    if (!categoriesTouched && covered !== undefined) setCategories(covered ? covered.split(",").filter((c) => c !== "SUD_PART2") : []);
  }, [covered, categoriesTouched]);

  const missing = result ? categories.filter((c) => !result.covered.includes(c)) : [];
  const reasonOf = (c: string) => result?.refused.find((r) => r.category === c)?.reason;
  const submitting = navigation.state !== "idle" && navigation.formData?.get("intent") === "send";
  const blocked = ready && (!result || checking || missing.length > 0 || categories.length === 0);
  // After recording the authorization, the authorize page comes back here with the same choices.
  const returnTo = `/referrals/new?${new URLSearchParams({ clientId, organizationId: recipientId, ...(serviceId ? { serviceId } : {}) }).toString()}`;
  const authorizeHref = `/clients/${clientId}/authorize?${new URLSearchParams([["recipient", recipientId], ...missing.map((c) => ["category", c]), ["returnTo", returnTo]]).toString()}`;
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...new Set([...list, value])] : list.filter((v) => v !== value));

  const chooseService = (id: string) => {
    setServiceId(id);
    const s = data.services.find((x) => x.id === id);
    if (s?.sdohCodes.length) setNeeds([...s.sdohCodes]);
  };

  if (!data.hasClients || data.partners.length === 0) {
    return (
      <div className="stack narrow">
        <h1>{t("referral.send.title")}</h1>
        <div className="empty-state">
          <p>{!data.hasClients ? t("referral.send.noClients") : t("referral.send.noPartners")}</p>
          {!data.hasClients ? <p><Link to="/clients/new" className="button button--primary">{t("referral.send.registerClient")}</Link></p> : null}
        </div>
      </div>
    );
  }

  const capacity = result?.service;
  return (
    <div className="stack narrow">
      <p><Link to="/referrals/sent">← {t("referral.tabs.outbox")}</Link></p>
      <header className="page-header">
        <h1>{t("referral.send.title")}</h1>
        <p className="muted">{t("referral.send.intro")}</p>
      </header>
      <FormError message={form.error} />
      {/* The client picker's Find button and text box belong to this form without JavaScript (ADR 104). */}
      <Form method="get" id={CLIENT_SEARCH_FORM} action="/referrals/new" />
      <Form method="post" className="referral-form" {...form.props}>
        <input type="hidden" name="intent" value="send" />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {serviceId && data.prefill.assetId && serviceId === data.prefill.serviceId ? <input type="hidden" name="assetId" value={data.prefill.assetId} /> : null}

        <section className="card">
          <h2>{t("referral.send.who")}</h2>
          <SearchCombobox
            label={t("referral.send.client")}
            hint={t("referral.send.clientHint")}
            name={data.clientMatches?.clients.length && !client ? "clientIdFromPicker" : "clientId"}
            queryName="clientQuery"
            searchFormId={CLIENT_SEARCH_FORM}
            searchUrl="/api/clients/search"
            toOptions={(json) => {
              const body = json as { clients: ClientChoice[]; more: boolean };
              return { options: body.clients.map(asOption), more: body.more };
            }}
            selected={client}
            onSelect={chooseClient}
            initialQuery={data.prefill.clientQuery}
            required
            errors={fe.clientId}
            texts={{
              list: t("referral.send.clientMatches"),
              find: t("referral.send.clientFind"),
              searching: t("referral.send.clientSearching"),
              found: (count, more) => (more ? t("referral.send.clientFoundMore", { count }) : t("referral.send.clientFound", { count })),
              none: t("referral.send.clientNone"),
              typeMore: t("referral.send.clientTypeMore"),
              searchFailed: t("referral.send.clientSearchFailed"),
            }}
          />
          {data.clientMatches && !client ? <ClientMatches matches={data.clientMatches} asOption={asOption} value={clientId} onChoose={(id) => { setClientId(id); setCategoriesTouched(false); }} /> : null}
          <SelectField
            label={t("referral.send.recipient")}
            name="recipientOrganizationId"
            required
            value={recipientId}
            onChange={(e) => { setRecipientId(e.target.value); setServiceId(""); setCategoriesTouched(false); }}
            placeholder={t("referral.send.chooseRecipient")}
            options={data.partners.map((p) => ({ value: p.id, label: p.name }))}
            errors={fe.recipientOrganizationId}
          />
          <SelectField
            label={t("referral.send.service")}
            hint={recipientId ? (services.length ? t("referral.send.serviceHint") : t("referral.send.noServices")) : t("referral.send.chooseRecipientFirst")}
            name="serviceId"
            value={serviceId}
            onChange={(e) => chooseService(e.target.value)}
            disabled={!recipientId || services.length === 0}
            placeholder={t("referral.send.anyService")}
            options={services.map((s) => ({ value: s.id, label: s.name }))}
            errors={fe.serviceId}
          />
        </section>

        <section className="card">
          <fieldset className={`sdoh-checkboxes sdoh-checkboxes--compact${fe.sdohCodes ? " field--invalid" : ""}`} aria-describedby={fe.sdohCodes ? "needs-error" : undefined}>
            <legend><h2>{t("referral.send.needs")}</h2></legend>
            <p className="field-hint">{t("referral.send.needsHint")}</p>
            {HP2030_DOMAINS.map((d) => (
              <div key={d.id} className="sdoh-checkboxes__domain">
                <p className="sdoh-checkboxes__domain-name" style={{ borderColor: d.color }}>{t(`directory.domains.${d.id}`)}</p>
                {categoriesOf(d.id).map((code) => (
                  <label key={code} className="check">
                    <input type="checkbox" name="sdohCodes" value={code} checked={needs.includes(code)} onChange={(e) => setNeeds((n) => toggle(n, code, e.target.checked))} /> {t(`directory.sdoh.${code}`)}
                  </label>
                ))}
              </div>
            ))}
            {fe.sdohCodes?.length ? <p className="field-error" id="needs-error" role="alert">{fe.sdohCodes[0]}</p> : null}
          </fieldset>
          <SelectField
            label={t("referral.send.priority")}
            name="priority"
            defaultValue="ROUTINE"
            options={REFERRAL_PRIORITIES.map((p) => ({ value: p, label: t(`referral.priority.${p}`) }))}
            errors={fe.priority}
          />
          <TextAreaField label={t("referral.send.note")} hint={t("referral.send.noteHint")} name="note" rows={4} maxLength={fields.note.maxLength} errors={fe.note} />
        </section>

        <section className="card">
          <fieldset className={`choice-group${fe.categories ? " field--invalid" : ""}`} aria-describedby={["categories-hint", fe.categories ? "categories-error" : null].filter(Boolean).join(" ")}>
            <legend><h2>{t("referral.send.categories")}</h2></legend>
            <p className="field-hint" id="categories-hint">{t("referral.send.categoriesHint")}</p>
            {GENERAL_CATEGORIES.map((c) => {
              const isCovered = result?.covered.includes(c);
              return (
                <label key={c} className="choice">
                  <input
                    type="checkbox"
                    name="categories"
                    value={c}
                    checked={categories.includes(c)}
                    onChange={(e) => { setCategoriesTouched(true); setCategories((list) => toggle(list, c, e.target.checked)); }}
                  />
                  <span>
                    {t(`consent.categories.${c}`)}
                    {result ? <span className={`coverage coverage--${isCovered ? "yes" : "no"}`}>{isCovered ? t("referral.send.covered") : t("referral.send.notCovered")}</span> : null}
                  </span>
                </label>
              );
            })}
            {fe.categories?.length ? (
              <div className="field-error" id="categories-error" role="alert">
                {fe.categories.map((message) => <p key={message}>{message}</p>)}
              </div>
            ) : null}
          </fieldset>
        </section>

        <section className="card referral-check" aria-labelledby="check-title" aria-busy={checking || undefined}>
          <h2 id="check-title">{t("referral.send.check")}</h2>
          {!ready ? <p className="muted">{t("referral.send.checkWaiting")}</p> : null}
          {ready && checking && !result ? <p className="muted" role="status">{t("referral.send.checking")}</p> : null}
          {checkError ? <p className="alert alert--error" role="alert">{checkError}</p> : null}
          {ready && result ? (
            <div className="stack" role="status" aria-live="polite">
              {checking ? <p className="muted small">{t("referral.send.checking")}</p> : null}
              <div className={`check-item ${missing.length || categories.length === 0 ? "check-item--bad" : "check-item--ok"}`}>
                <h3>{t("referral.send.consent")}</h3>
                {categories.length === 0 && result.covered.length === 0 ? (
                  <p>{t("referral.send.noAuthorization", { client: result.client.name })}</p>
                ) : categories.length === 0 ? (
                  <p>{t("referral.send.chooseCategories")}</p>
                ) : missing.length ? (
                  <>
                    <p>{t("referral.send.notCoveredIntro", { client: result.client.name })}</p>
                    <ul>
                      {missing.map((c) => (
                        <li key={c}>{t(`consent.categories.${c}`)}{reasonOf(c) ? ` (${t(`consent.today.reasons.${reasonOf(c)}`)})` : null}</li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p>{t("referral.send.coveredAll", { client: result.client.name })}</p>
                )}
                {missing.length || result.covered.length === 0 ? (
                  <p><Link to={authorizeHref} className="button button--small">{t("referral.send.recordAuthorization")}</Link> <span className="muted small">{t("referral.send.neverWithout")}</span></p>
                ) : null}
              </div>
              <div className="check-item">
                <h3>{t("referral.send.capacity")}</h3>
                {capacity ? (
                  <p>
                    {capacity.capacityStatus ? <span className={`tag tag--capacity-${capacity.capacityStatus.toLowerCase()}`}>{t(`directory.capacity.${capacity.capacityStatus}`)}</span> : <span className="tag">{t("referral.detail.capacityUnknown")}</span>}{" "}
                    {capacity.capacityAvailable != null ? <span>{t("referral.send.available", { count: capacity.capacityAvailable, unit: capacity.capacityUnit ?? "" })} </span> : null}
                    {capacity.capacityConfirmedAt ? <span className="muted small">{t("referral.detail.capacityConfirmed", { date: formatDate(capacity.capacityConfirmedAt, i18n.language) })}</span> : null}
                  </p>
                ) : (
                  <p className="muted">{t("referral.send.noServiceCapacity")}</p>
                )}
              </div>
              {capacity?.eligibilityDescription ? (
                <div className="check-item">
                  <h3>{t("referral.send.fitCriteria")}</h3>
                  <p>{capacity.eligibilityDescription}</p>
                </div>
              ) : null}
              <div className={`check-item${result.warnings.length ? " check-item--warn" : ""}`}>
                <h3>{t("referral.send.fit")}</h3>
                <FitWarnings warnings={result.warnings as FitWarning[]} emptyText={capacity ? t("referral.send.noWarnings") : t("referral.send.noServiceFit")} />
              </div>
            </div>
          ) : null}
        </section>

        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={submitting || blocked} aria-busy={submitting || undefined} aria-describedby={blocked && missing.length ? "send-blocked" : undefined}>
            {submitting ? t("referral.send.sending") : t("referral.send.submit")}
          </button>
          {blocked && missing.length ? <p id="send-blocked" className="muted small">{t("referral.send.blocked")}</p> : null}
        </div>
      </Form>
    </div>
  );
}

const CLIENT_SEARCH_FORM = "client-search";

/** A name search's matches without JavaScript: radio buttons that send the chosen client's id. */
function ClientMatches({ matches, asOption, value, onChoose }: { matches: { clients: ClientChoice[]; more: boolean }; asOption: (c: ClientChoice) => ComboboxOption; value: string; onChoose: (id: string) => void }) {
  const { t } = useTranslation();
  if (!matches.clients.length) return <p className="muted" role="status">{t("referral.send.clientNone")}</p>;
  return (
    <fieldset className="choice-group client-matches">
      <legend>{t("referral.send.clientMatches")}</legend>
      {matches.more ? <p className="field-hint">{t("referral.send.clientFoundMore", { count: matches.clients.length })}</p> : null}
      {matches.clients.map(asOption).map((o) => (
        <label key={o.id} className="choice">
          <input type="radio" name="clientId" value={o.id} checked={value === o.id} onChange={() => onChoose(o.id)} required />
          <span>{o.label} <span className="muted small">{o.detail}</span></span>
        </label>
      ))}
    </fieldset>
  );
}
