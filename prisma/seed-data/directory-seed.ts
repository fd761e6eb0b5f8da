/**
 * Inserts the generated demo directory. Every row has a name-based UUID and is inserted with
 * createMany(skipDuplicates), so a second run inserts nothing and takes a fraction of a second.
 */
import { db } from "~/utils/db.server";
import { generateDemoDirectory, type DemoDirectoryInput } from "./directory";

export async function seedDemoDirectory(input: DemoDirectoryInput) {
  const rows = generateDemoDirectory(input);
  const created = await db.$transaction(async (tx) => {
    /* eslint-disable @typescript-eslint/no-explicit-any -- generated rows match the models; Prisma's input types are too deep to spell here */
    await tx.directoryService.createMany({ data: rows.services as any, skipDuplicates: true });
    await tx.directoryLocation.createMany({ data: rows.locations as any, skipDuplicates: true });
    await tx.serviceAtLocation.createMany({ data: rows.sals as any, skipDuplicates: true });
    await tx.directorySchedule.createMany({ data: rows.schedules as any, skipDuplicates: true });
    await tx.directoryPhone.createMany({ data: rows.phones as any, skipDuplicates: true });
    const assets = await tx.asset.createMany({ data: rows.assets as any, skipDuplicates: true });
    await tx.organizationSdohArea.createMany({ data: rows.sdohAreas as any, skipDuplicates: true });
    /* eslint-enable @typescript-eslint/no-explicit-any */
    return assets.count;
  }, { timeout: 60_000 });
  return { assets: rows.assets.length, created };
}
