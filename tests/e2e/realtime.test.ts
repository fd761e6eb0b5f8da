/**
 * Socket.IO against running servers: the handshake requires the session cookie, events stay in
 * their organization's room, and with PostgreSQL two server processes share rooms.
 */
import { afterAll, describe, expect, it } from "vitest";
import { baseURL } from "./browser";
import { acceptOverHttp, connectSocket, inviteOverHttp, nextEvent, signInOverHttp } from "./http";
import { startTwoNodes, type TwoNodes } from "./server";

describe("Socket.IO on the hub's server", () => {
  it("refuses an anonymous socket and one with a forged cookie", async () => {
    await expect(connectSocket(baseURL())).rejects.toThrow(/unauthorized/);
    await expect(connectSocket(baseURL(), "hub_session=forged-value")).rejects.toThrow(/unauthorized/);
  });

  it("an organization's event reaches its own people and no one else's", async () => {
    const foodbankDirector = await signInOverHttp(baseURL(), "director@foodbank.demo.test");
    const foodbankCareManager = await signInOverHttp(baseURL(), "care.manager@foodbank.demo.test");
    const hospitalDirector = await signInOverHttp(baseURL(), "director@hospital.demo.test");
    const insider = await connectSocket(baseURL(), foodbankCareManager);
    const outsider = await connectSocket(baseURL(), hospitalDirector);
    const leaked: unknown[] = [];
    outsider.on("member.joined", (p) => leaked.push(p));
    try {
      const received = nextEvent<{ name: string }>(insider, "member.joined");
      const link = await inviteOverHttp(baseURL(), foodbankDirector, `rt.${Date.now()}@foodbank.demo.test`);
      await acceptOverHttp(baseURL(), link, "Realtime Tester");
      expect((await received).name).toBe("Realtime Tester");
      await new Promise((r) => setTimeout(r, 500));
      expect(leaked).toEqual([]);
    } finally {
      insider.close();
      outsider.close();
    }
  });
});

const postgresUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!postgresUrl)("two server processes on one PostgreSQL", () => {
  let nodes: TwoNodes | undefined;
  afterAll(() => nodes?.stop());

  it("an event emitted on node A reaches a client connected to node B", async () => {
    nodes = await startTwoNodes(postgresUrl!, "two_node");
    const { nodeA, nodeB } = nodes;

    const careManagerOnB = await signInOverHttp(nodeB.url, "care.manager@hospital.demo.test");
    const socketOnB = await connectSocket(nodeB.url, careManagerOnB);
    try {
      const received = nextEvent<{ name: string }>(socketOnB, "member.joined", 10_000);
      const directorOnA = await signInOverHttp(nodeA.url, "director@hospital.demo.test");
      const link = await inviteOverHttp(nodeA.url, directorOnA, `two.node.${Date.now()}@hospital.demo.test`);
      await acceptOverHttp(nodeA.url, link, "Cross Node");
      expect((await received).name).toBe("Cross Node");
    } finally {
      socketOnB.close();
    }
  });
});
