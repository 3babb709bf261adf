import { describe, expect, it } from "vitest";
import { maskSecrets } from "../../../../src/cli/commands/mcp/mask.js";
import {
  assertTargetAllowed,
  normaliseAllowedHost,
} from "../../../../src/cli/commands/mcp/policy.js";

const policy = (allowHosts: string[] = []) => ({ allowHosts, allowApply: false });

describe("mcp target policy", () => {
  it("loopback is always allowed", () => {
    for (const url of [
      "http://127.0.0.1:3000/",
      "http://127.8.9.10/x",
      "http://localhost:8080",
      "http://api.localhost/",
      "http://[::1]:3000/",
      "http://[::ffff:127.0.0.1]/",
    ]) {
      expect(() => assertTargetAllowed(policy(), url, "url"), url).not.toThrow();
    }
  });

  it("anything else needs --allow-host, by name or name:port", () => {
    for (const url of [
      "http://10.0.0.5/",
      "http://192.168.1.1/",
      "http://[::ffff:10.0.0.1]/",
      "http://localhost.example.com/",
      "http://0.0.0.0:3000/",
      "https://api.example.com/",
    ]) {
      expect(() => assertTargetAllowed(policy(), url, "url"), url).toThrow(
        /not a loopback address/,
      );
    }
    expect(() =>
      assertTargetAllowed(policy(["api.example.com"]), "https://API.example.com/v1", "url"),
    ).not.toThrow();
    expect(() =>
      assertTargetAllowed(policy(["10.0.0.5:8080"]), "http://10.0.0.5:8080/", "url"),
    ).not.toThrow();
    expect(() =>
      assertTargetAllowed(policy(["10.0.0.5:8080"]), "http://10.0.0.5:9090/", "url"),
    ).toThrow();
    expect(() => assertTargetAllowed(policy(), "ftp://127.0.0.1/", "url")).toThrow(
      /only http and https/,
    );
    expect(() => assertTargetAllowed(policy(), "not a url", "url")).toThrow(/is not a URL/);
  });

  it("--allow-host values are normalised; junk is refused", () => {
    expect(normaliseAllowedHost("Staging.Example.com")).toBe("staging.example.com");
    expect(normaliseAllowedHost("https://staging.example.com:8443/api")).toBe(
      "staging.example.com:8443",
    );
    expect(() => normaliseAllowedHost("  ")).toThrow(/not a host name/);
  });
});

describe("mcp secret masking", () => {
  it("masks credentials by key and inside text", () => {
    const masked = maskSecrets({
      headers: { authorization: "Bearer abcdefghijkl", accept: "*/*" },
      url: "postgres://app:hunter2@db:5432/app",
      note: "sent Authorization: Basic dXNlcjpwYXNz and token",
      list: [{ password: "p" }],
    });
    expect(JSON.stringify(masked)).not.toMatch(/abcdefghijkl|hunter2|dXNlcjpwYXNz|"p"/);
    expect(masked.headers.accept).toBe("*/*");
    expect(masked.url).toBe("postgres://app:***@db:5432/app");
  });
});
