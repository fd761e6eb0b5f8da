import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

const HOSTILE: [label: string, value: unknown][] = [
  ["percent-encoded tab then another host (the tester's find)", "/%09/evil.example/phish"],
  ["raw tab then another host", "/\t/evil.example"],
  ["protocol-relative", "//evil.example"],
  ["protocol-relative with path", "//evil.example/phish"],
  ["backslash", "/\\evil.example"],
  ["backslash later in the value", "/a/..\\..\\evil"],
  ["encoded backslash", "/%5Cevil.example"],
  ["encoded slash", "/%2Fevil.example"],
  ["double-encoded slash", "/%252Fevil.example"],
  ["double-encoded tab", "/%2509/evil.example"],
  ["absolute https URL", "https://evil.example"],
  ["absolute URL without slashes", "https:evil.example"],
  ["javascript: URL", "javascript:alert(1)"],
  ["data: URL", "data:text/html,<script>alert(1)</script>"],
  ["relative path", "evil.example"],
  ["empty", ""],
  ["newline (used to 500)", "/home\nSet-Cookie: x=1"],
  ["carriage return", "/home\r\nLocation: https://evil.example"],
  ["encoded CRLF", "/home%0D%0ALocation:%20https://evil.example"],
  ["vertical tab (used to 500)", "/\u000b/evil.example"],
  ["form feed", "/\f/evil.example"],
  ["NUL", "/home\u0000"],
  ["encoded NUL", "/home%00"],
  ["DEL", "/home\u007f"],
  ["C1 control", "/home\u0085"],
  ["ideographic space U+3000 (used to 500)", "/\u3000/evil.example"],
  ["encoded U+3000", "/%E3%80%80/evil.example"],
  ["no-break space", "/\u00a0/evil.example"],
  ["en quad", "/\u2000evil"],
  ["line separator", "/\u2028evil"],
  ["zero-width space", "/\u200b/evil.example"],
  ["right-to-left override", "/\u202Eelpmaxe.live//"],
  ["byte-order mark", "/\ufeff/evil.example"],
  ["plain space", "/ /evil.example"],
  ["encoded space", "/%20/evil.example"],
  ["malformed percent-encoding", "/home%E0%A4%A"],
  ["leading space", " /home"],
  ["not a string", ["/home"]],
  ["a number", 42],
  ["undefined", undefined],
  ["null", null],
  ["very long", `/${"a".repeat(5000)}`],
];

describe("safeRedirect", () => {
  it.each(HOSTILE)("%s → the home page", (_label, value) => {
    expect(safeRedirect(value)).toBe("/home");
  });

  it("uses the caller's fallback", () => {
    expect(safeRedirect("//evil.example", "/")).toBe("/");
  });

  it.each([
    ["/partners", "/partners"],
    ["/partners?x=1", "/partners?x=1"],
    ["/clients/7a3c?tab=consent#history", "/clients/7a3c?tab=consent#history"],
    ["/invites/abc-123", "/invites/abc-123"],
    ["/referrals?status=SENT&page=2", "/referrals?status=SENT&page=2"],
    ["/", "/"],
  ])("keeps the same-site path %s", (value, expected) => {
    expect(safeRedirect(value)).toBe(expected);
  });

  it("answers ASCII a Location header can carry", () => {
    expect(safeRedirect("/partners?q=José")).toBe("/partners?q=Jos%C3%A9");
  });
});
