/** Loads what the capacity and fit checks need: the sender's own client and the chosen service. */
import { notFound, recordNotFound } from "~/utils/app-error";
import { db, Prisma } from "~/utils/db.server";
import { decryptClient } from "~/modules/client/service.server";
import type { FitFacts } from "./fit";
import { translatable } from "~/utils/translatable";

type Tx = Prisma.TransactionClient;

export async function loadFitFacts(
  tx: Tx | typeof db,
  { clientId, ownerOrganizationId, serviceId, recipientOrganizationId, needs, at }: { clientId: string; ownerOrganizationId?: string; serviceId: string | null; recipientOrganizationId: string; needs: readonly string[]; at: Date },
): Promise<FitFacts & { serviceName: string | null; eligibilityDescription: string | null; capacityAvailable: number | null; capacityUnit: string | null }> {
  const [row, service] = await Promise.all([
    tx.client.findFirst({ where: { id: clientId, deletedAt: null, ...(ownerOrganizationId ? { organizationId: ownerOrganizationId } : {}) } }),
    serviceId
      ? tx.directoryService.findFirst({
          where: { id: serviceId, organizationId: recipientOrganizationId, deletedAt: null },
          include: { atLocations: { select: { location: { select: { city: true, postalCode: true } } } } },
        })
      : null,
  ]);
  if (!row) throw recordNotFound("client");
  const client = decryptClient(row);
  if (serviceId && !service) throw notFound(translatable("errors.services.referral.serviceNotOffered"));
  return {
    at,
    needs,
    client: { birthDate: client.birthDate, preferredLanguage: client.preferredLanguage, address: client.address },
    service: service
      ? {
          status: service.status,
          minimumAge: service.minimumAge,
          maximumAge: service.maximumAge,
          languages: service.languages,
          sdohCodes: service.sdohCodes,
          capacityStatus: service.capacityStatus,
          capacityUpdatedAt: service.capacityUpdatedAt ?? service.lastConfirmedAt,
          areas: service.atLocations.map((l) => l.location),
          serviceAreas: service.serviceAreas,
          requiredDocuments: service.requiredDocuments,
          feesDescription: service.feesDescription,
          free: service.free,
        }
      : null,
    serviceName: service?.name ?? null,
    eligibilityDescription: service?.eligibilityDescription ?? null,
    capacityAvailable: service?.capacityAvailable ?? null,
    capacityUnit: service?.capacityUnit ?? null,
  };
}
