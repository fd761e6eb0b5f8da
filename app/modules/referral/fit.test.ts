/** #21: an imported directory's service areas, required documents and fees feed the fit check. */
import { describe, expect, it } from "vitest";
import { checkFit, type FitFacts } from "./fit";

const at = new Date("2026-12-01T12:00:00Z");
const service = (extra: Partial<NonNullable<FitFacts["service"]>>): FitFacts["service"] => ({
  status: "ACTIVE", minimumAge: null, maximumAge: null, languages: [], sdohCodes: [], capacityStatus: "CAPACITY", capacityUpdatedAt: at,
  areas: [{ city: "Pueblo", postalCode: "81003" }], ...extra,
});
const fit = (s: FitFacts["service"], address = "12 Colorado Ave, La Junta, CO 81050") => checkFit({ at, needs: [], client: { birthDate: null, preferredLanguage: null, address }, service: s });

describe("fit from imported HSDS details", () => {
  it("the service's own areas replace its locations' cities; a county matches its name", () => {
    expect(fit(service({}))).toEqual([{ code: "area", serviceAreas: ["Pueblo 81003"] }]);
    expect(fit(service({ serviceAreas: ["La Junta County"] }))).toEqual([]);
    expect(fit(service({ serviceAreas: ["Otero County", "Bent"] }), "1 Main St, Rocky Ford, CO")).toEqual([{ code: "area", serviceAreas: ["Otero County", "Bent"] }]);
  });

  it("required documents and fees are shown; free services say nothing about fees", () => {
    expect(fit(service({ serviceAreas: ["81050"], requiredDocuments: ["Photo ID"], feesDescription: "Sliding scale" }))).toEqual([{ code: "documents", documents: ["Photo ID"] }, { code: "fees", fees: "Sliding scale" }]);
    expect(fit(service({ serviceAreas: ["81050"], feesDescription: "Free" }))).toEqual([]);
    expect(fit(service({ serviceAreas: ["81050"], feesDescription: "$5", free: true }))).toEqual([]);
  });
});
