import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { CreateApiKeySchema, RevokeApiKeySchema } from "~/modules/org/schemas";
import { createApiKey, listApiKeys, revokeApiKey } from "~/modules/org/api-keys.server";
import { FormError, Notice, SubmitButton, TextField } from "~/components/ui/form";
import { ConfirmTable } from "~/components/ui/confirm-table";
import { schemaField, useSchemaForm } from "~/components/ui/schema-form";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.apiKeys");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "org:members:manage");
  return { organization: { id: actor.organizationId, name: actor.organizationName }, keys: await listApiKeys(actor.organizationId) };
}

const ApiKeyActionSchema = z.discriminatedUnion("intent", [CreateApiKeySchema, RevokeApiKeySchema]);
type ActionResult = FormErrors & { created?: { name: string; key: string }; revoked?: boolean };

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "org:members:manage");
  const input = parseForm(await request.formData(), ApiKeyActionSchema);
  if (input.intent === "create-key") {
    const { key } = await createApiKey({ actor, name: input.name });
    return { created: { name: input.name, key } };
  }
  await revokeApiKey({ actor, apiKeyId: input.apiKeyId });
  return { revoked: true };
}

export default function ApiKeys() {
  const { t, i18n } = useTranslation();
  const { organization, keys } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  const { form, fields } = useSchemaForm({ schema: CreateApiKeySchema, result: actionData?.created ? undefined : actionData, intent: "create-key" });
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("apiKeys.title", { organization: organization.name })}</h1>
        <p className="muted">{t("apiKeys.intro")}</p>
      </header>
      <section className="card" aria-labelledby="new-key-title">
        <h2 id="new-key-title">{t("apiKeys.create")}</h2>
        {actionData?.created ? (
          <Notice>
            <p>{t("apiKeys.createdOnce", { name: actionData.created.name })}</p>
            <p className="invite-link"><code data-testid="api-key">{actionData.created.key}</code></p>
          </Notice>
        ) : null}
        {actionData?.revoked ? <Notice>{t("apiKeys.revoked")}</Notice> : null}
        <FormError message={form.error} />
        <Form method="post" className="inline-fields" {...form.props}>
          <TextField label={t("apiKeys.name")} hint={t("apiKeys.nameHint")} {...schemaField(fields.name)} />
          <SubmitButton intent="create-key" pendingLabel={t("apiKeys.creating")}>{t("apiKeys.create")}</SubmitButton>
        </Form>
      </section>
      <section className="card" aria-labelledby="keys-title">
        <h2 id="keys-title">{t("apiKeys.active")}</h2>
        {keys.length === 0 ? (
          <p className="muted">{t("apiKeys.none")}</p>
        ) : (
          <ConfirmTable
            rows={keys}
            rowKey={(k) => k.id}
            columns={[
              { header: t("apiKeys.name"), cell: (k) => k.name },
              { header: t("apiKeys.prefix"), cell: (k) => <code>{k.prefix}…</code> },
              { header: t("apiKeys.lastUsed"), cell: (k) => (k.lastUsedAt ? dateFormat.format(new Date(k.lastUsedAt)) : t("apiKeys.never")) },
            ]}
            actionHeader={t("apiKeys.revoke")}
            action={(k) => ({
              label: (
                <>
                  {t("apiKeys.revoke")}
                  <span className="visually-hidden"> {k.name}</span>
                </>
              ),
              question: t("apiKeys.revokeConfirm", { name: k.name }),
              confirmLabel: t("apiKeys.revoke"),
              hidden: { intent: "revoke-key", apiKeyId: k.id },
            })}
          />
        )}
      </section>
    </div>
  );
}
