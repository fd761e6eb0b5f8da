/**
 * The optional address search: the route calls GEOCODER_URL from the server. Only the network is
 * stood in for: a tiny HTTP server started here answers like Nominatim (or fails on purpose).
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getEnv, parseEnv, setEnv } from "~/utils/env.server";
import * as geocodeRouteModule from "~/routes/api.directory.geocode";
import { createTwoOrganizationWorld } from "../factories";
import { settle, signedInRequester } from "../helpers";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const geocodeRoute = withHttpErrors(geocodeRouteModule);

let server: http.Server;
let base: string;
const seen: URL[] = [];
let reply: (res: http.ServerResponse) => void;
const original = getEnv();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(new URL(req.url ?? "/", "http://geocoder.test"));
    reply(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/search`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(() => setEnv(original));

const withGeocoder = (url: string | undefined) => setEnv(parseEnv({ NODE_ENV: "test", DATA_DIR: "./data-test-unused", ...(url ? { GEOCODER_URL: url } : {}) }));
const call = (requester: { get: (p: string) => Request }, q: string) => settle(() => geocodeRoute.loader({ request: requester.get(`/api/directory/geocode?q=${encodeURIComponent(q)}`), params: {}, context: {} }));

describe("GET /api/directory/geocode", () => {
  it("asks the configured Nominatim-compatible search and answers places a director can pick", async () => {
    const world = await createTwoOrganizationWorld();
    const asDirector = await signedInRequester(world.directorA.email);
    withGeocoder(base);
    reply = (res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify([
      { place_id: 1, display_name: "200 South Main Street, Pueblo, Colorado, 81003", lat: "38.2650123", lon: "-104.6100456", type: "house" },
    ]));
    const result = await call(asDirector, "200 S Main St, Pueblo");
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ results: [{ label: "200 South Main Street, Pueblo, Colorado, 81003", latitude: 38.265012, longitude: -104.610046 }] });
    const asked = seen.at(-1)!;
    expect(asked.pathname).toBe("/search");
    expect(asked.searchParams.get("q")).toBe("200 S Main St, Pueblo");
    expect(asked.searchParams.get("format")).toBe("jsonv2");
    expect(asked.searchParams.get("viewbox")).toMatch(/^-105\.12,38\.77,-104\.12,37\.77$/);
  });

  it("is off (404) without GEOCODER_URL, refuses care managers (403) and short queries (400)", async () => {
    const world = await createTwoOrganizationWorld();
    const asDirector = await signedInRequester(world.directorA.email);
    withGeocoder(undefined);
    const before = seen.length;
    expect((await call(asDirector, "200 S Main St")).status).toBe(404);
    withGeocoder(base);
    expect((await call(await signedInRequester(world.careManagerA.email), "200 S Main St")).status).toBe(403);
    const short = await call(asDirector, "ab");
    expect(short.status).toBe(400);
    expect((short.body as { error: string }).error).toMatch(/at least 3/);
    expect(seen.length).toBe(before);
  });

  it("turns a failing, garbled or unreachable search into a clear 502", async () => {
    const world = await createTwoOrganizationWorld();
    const asDirector = await signedInRequester(world.directorA.email);
    withGeocoder(base);
    reply = (res) => res.writeHead(500).end("boom");
    expect(await call(asDirector, "Main St")).toMatchObject({ status: 502, body: { error: expect.stringMatching(/failed \(500\)/) } });
    reply = (res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify([{ display_name: "Nowhere", lat: "123", lon: "0" }]));
    expect(await call(asDirector, "Main St")).toMatchObject({ status: 502, body: { error: expect.stringMatching(/unexpected/) } });
    withGeocoder("http://127.0.0.1:9/search");
    expect(await call(asDirector, "Main St")).toMatchObject({ status: 502, body: { error: expect.stringMatching(/did not answer/) } });
  });

  it("says it in Spanish on a Spanish page: off, too short, the search failing (#14 defect 2)", async () => {
    const world = await createTwoOrganizationWorld();
    const asDirector = await signedInRequester(world.directorA.email);
    const callEs = (q: string) => settle(() => geocodeRoute.loader({ request: asDirector.get(`/api/directory/geocode?q=${encodeURIComponent(q)}&lng=es`), params: {}, context: {} }));
    withGeocoder(undefined);
    expect(await callEs("200 S Main St")).toMatchObject({ status: 404, body: { error: "No hay una búsqueda de direcciones configurada" } });
    withGeocoder(base);
    expect(await callEs("ab")).toMatchObject({ status: 400, body: { error: "Escriba al menos 3 caracteres de la dirección" } });
    reply = (res) => res.writeHead(500).end("boom");
    expect(await callEs("Main St")).toMatchObject({ status: 502, body: { error: "La búsqueda de direcciones falló (500). Ubique el lugar en el mapa o escriba sus coordenadas." } });
  });

  it("refuses a GEOCODER_URL that is not a URL when the environment is read", () => {
    expect(() => parseEnv({ NODE_ENV: "test", GEOCODER_URL: "nominatim" })).toThrow(/GEOCODER_URL must be a URL/);
  });
});
