import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getPublicPathway } from "~/modules/pathway/service.server";
import { SlugParamSchema } from "~/modules/pathway/schemas";
import { PathwayDetails, PathwayShell } from "~/components/pathway/public-pathway";

export const meta = titleMeta<typeof loader>("pathways.titles.public", ({ data }) => data?.pathway?.service.name);

/** The public page of a published pathway: no sign-in, no client data. An unknown or unpublished one says so (404). */
export async function loader({ params }: LoaderFunctionArgs) {
  const parsed = SlugParamSchema.safeParse(params);
  const pathway = parsed.success ? await getPublicPathway(parsed.data.slug) : null;
  return data({ pathway }, { status: pathway ? 200 : 404 });
}

export default function PublicPathwayPage() {
  const { t } = useTranslation();
  const { pathway } = useLoaderData<typeof loader>();
  return (
    <PathwayShell>
      {pathway ? (
        <>
          <h1>{pathway.service.name}</h1>
          <p className="muted">{t("pathways.public.org", { organization: pathway.organizationName })}</p>
          <PathwayDetails pathway={pathway} />
          <p className="muted">{t("pathways.public.noClientData")}</p>
        </>
      ) : (
        <>
          <h1>{t("pathways.public.notAvailable")}</h1>
          <p>{t("pathways.public.notAvailableBody")}</p>
        </>
      )}
    </PathwayShell>
  );
}
