import { describe, expect, it } from "vitest";
import { connectServer } from "../../../src/engine/schema/index.js";
import { UserError } from "../../../src/engine/shared/index.js";

/** Every bad connection is refused before a socket opens: exit 2, one line, no password. */
async function refusal(spec: string): Promise<UserError> {
  const error = await connectServer(spec, { connectTimeoutMs: 2000 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  const e = error as UserError;
  expect(e.exitCode).toBe(2);
  expect(e.message).not.toContain("\n");
  expect(`${e.message} ${e.hint}`).not.toContain("hunter2");
  return e;
}

describe("connection strings", () => {
  it("refuses a port out of range", async () => {
    expect((await refusal("postgres://app:hunter2@127.0.0.1:99999/x")).message).toMatch(
      /invalid port 99999/,
    );
  });

  it("refuses other databases' schemes instead of connecting to PostgreSQL", async () => {
    expect((await refusal("mysql://app:hunter2@127.0.0.1/x")).message).toMatch(/mysql:\/\//);
  });

  it("refuses a URL without a scheme and hides its password", async () => {
    const e = await refusal("app:hunter2@127.0.0.1/x");
    expect(e.message).toContain("app:***@127.0.0.1/x");
  });

  it("refuses unknown key=value parameters and bad ports in key=value form", async () => {
    expect((await refusal("host=127.0.0.1 colour=blue")).message).toMatch(/colour=/);
    expect((await refusal("host=127.0.0.1 port=0 password=hunter2")).message).toMatch(
      /invalid port 0/,
    );
  });

  it("refuses a bad PGPORT or sslmode instead of ending silently or blaming the server", async () => {
    const saved = process.env.PGPORT;
    process.env.PGPORT = "99999";
    try {
      expect((await refusal("postgres://app:hunter2@127.0.0.1/x")).message).toMatch(
        /invalid port 99999 in PGPORT/,
      );
    } finally {
      if (saved === undefined) delete process.env.PGPORT;
      else process.env.PGPORT = saved;
    }
    expect((await refusal("postgres://app:hunter2@127.0.0.1/x?sslmode=bogus")).message).toMatch(
      /invalid sslmode "bogus"/,
    );
    expect((await refusal("host=127.0.0.1 sslmode=maybe password=hunter2")).message).toMatch(
      /invalid sslmode "maybe"/,
    );
  });

  it("refuses an unparsable URL without echoing it", async () => {
    expect((await refusal("postgres://app:hunter2@[nope/x")).message).toBe(
      "the connection URL cannot be parsed",
    );
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)(
  "connection failures (needs TEST_DATABASE_URL)",
  () => {
    it("tells an unknown role apart from a wrong password", async () => {
      const url = new URL(process.env.TEST_DATABASE_URL ?? "");
      url.username = "sb_no_such_role";
      url.password = "hunter2";
      const e = await refusal(url.toString());
      expect(e.message).toMatch(/role "sb_no_such_role" does not exist/);
      expect(e.message).not.toMatch(/authentication failed/);
    });
  },
);
