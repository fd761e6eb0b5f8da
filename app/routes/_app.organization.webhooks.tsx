import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { getEnv } from "~/utils/env.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { webhookActionSchema } from "~/modules/referral/webhook-url.server";
import { isWebhookDeliveryError, registerWebhookSchema } from "~/modules/referral/schemas";
import { listWebhookEndpoints, registerWebhookEndpoint, revokeWebhookEndpoint, sendTestWebhook } from "~/modules/referral/webhook-endpoints.server";
import { FormError, Notice, SubmitButton, TextField } from "~/components/ui/form";
import { ConfirmForm } from "~/components/ui/confirm-form";
import { schemaField, useSchemaForm } from "~/components/ui/schema-form";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.webhooks");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "webhooks:manage");
  // The form checks the URL with the server's rules for this environment (plain http to this machine only outside production).
  return { organization: { id: actor.organizationId, name: actor.organizationName }, endpoints: await listWebhookEndpoints(actor.organizationId), production: getEnv().NODE_ENV === "production" };
}

type ActionResult = FormErrors & { created?: { url: string; secret: string }; revoked?: boolean; tested?: boolean };

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "webhooks:manage");
  const schema = webhookActionSchema(getEnv().NODE_ENV === "production");
  const input = parseForm(await request.formData(), schema);
  if (input.intent === "register") {
    const { endpoint, secret } = await registerWebhookEndpoint({ actor, input: { url: input.url, description: input.description } });
    return { created: { url: endpoint.url, secret } };
  }
  if (input.intent === "test") {
    await sendTestWebhook({ actor, endpointId: input.endpointId });
    return { tested: true };
  }
  await revokeWebhookEndpoint({ actor, endpointId: input.endpointId });
  return { revoked: true };
}

export default function Webhooks() {
  const { t, i18n } = useTranslation();
  const { organization, endpoints, production } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  // The browser checks what it can; whether an address is private is the server's to say, on the same field.
  const schema = useMemo(() => registerWebhookSchema({ production }), [production]);
  const { form, fields } = useSchemaForm({ schema, result: actionData?.created ? undefined : actionData, intent: "register" });
  const otherError = actionData?.intent && actionData.intent !== "register" ? actionData.formError : undefined;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("webhooks.pageTitle", { organization: organization.name })}</h1>
        <p className="muted">{t("webhooks.intro")}</p>
      </header>
      <section className="card" aria-labelledby="new-webhook-title">
        <h2 id="new-webhook-title">{t("webhooks.register")}</h2>
        {actionData?.created ? (
          <Notice>
            <p>{t("webhooks.secretOnce")}</p>
            <p className="invite-link"><code data-testid="webhook-secret">{actionData.created.secret}</code></p>
            <p className="muted">{t("webhooks.secretHelp")}</p>
          </Notice>
        ) : null}
        {actionData?.revoked ? <Notice>{t("webhooks.revoked")}</Notice> : null}
        {actionData?.tested ? <Notice>{t("webhooks.testQueued")}</Notice> : null}
        <FormError message={form.error ?? otherError} />
        <Form method="post" className="stack" {...form.props}>
          <TextField label={t("webhooks.url")} hint={t("webhooks.urlHint")} type="url" inputMode="url" {...schemaField(fields.url)} />
          <TextField label={t("webhooks.description")} hint={t("webhooks.descriptionHint")} {...schemaField(fields.description)} />
          <div>
            <SubmitButton intent="register" pendingLabel={t("webhooks.registering")}>{t("webhooks.register")}</SubmitButton>
          </div>
        </Form>
      </section>
      <section className="card" aria-labelledby="webhooks-title">
        <h2 id="webhooks-title">{t("webhooks.active")}</h2>
        {endpoints.length === 0 ? <p className="muted">{t("webhooks.none")}</p> : null}
        {endpoints.map((e) => (
          <article key={e.id} className="stack" aria-labelledby={`webhook-${e.id}`}>
            <h3 id={`webhook-${e.id}`}>
              {e.description} <code>{e.url}</code>
            </h3>
            <p className="muted">{t("webhooks.added", { date: dateFormat.format(new Date(e.createdAt)) })}</p>
            <div className="inline-fields">
              <Form method="post" className="inline-form">
                <input type="hidden" name="endpointId" value={e.id} />
                <SubmitButton intent="test" className="button button--small" pendingLabel={t("webhooks.sendingTest")}>
                  {t("webhooks.sendTest")}
                  <span className="visually-hidden"> {e.description}</span>
                </SubmitButton>
              </Form>
              <ConfirmForm question={t("webhooks.revokeConfirm", { url: e.url })} confirmLabel={t("webhooks.revoke")} hidden={{ intent: "revoke", endpointId: e.id }}>
                {t("webhooks.revoke")}
                <span className="visually-hidden"> {e.description}</span>
              </ConfirmForm>
            </div>
            {e.deliveries.length === 0 ? (
              <p className="muted">{t("webhooks.noDeliveries")}</p>
            ) : (
              <table className="table">
                <caption className="visually-hidden">{t("webhooks.recent")}: {e.description}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("webhooks.when")}</th>
                    <th scope="col">{t("webhooks.event")}</th>
                    <th scope="col">{t("webhooks.state")}</th>
                    <th scope="col">{t("webhooks.attempts")}</th>
                    <th scope="col">{t("webhooks.lastCode")}</th>
                  </tr>
                </thead>
                <tbody>
                  {e.deliveries.map((d) => (
                    <tr key={d.id}>
                      <td>{dateFormat.format(new Date(d.createdAt))}</td>
                      <td><code>{d.event}</code></td>
                      <td>
                        <span className={`badge badge--${d.state}`}>{t(`webhooks.states.${d.state}`)}</span>
                        {d.state === "retrying" ? <span className="muted"> ({t("webhooks.nextAttempt", { date: dateFormat.format(new Date(d.nextAttemptAt)) })})</span> : null}
                      </td>
                      <td>{d.attempts}</td>
                      <td>{d.lastStatusCode ?? (isWebhookDeliveryError(d.lastError) ? t(`webhooks.errors.${d.lastError}`) : d.lastError) ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </article>
        ))}
      </section>
    </div>
  );
}
