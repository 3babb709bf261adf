import { afterEach, describe, expect, it } from "vitest";
import { planLoad, runLoad } from "../../../src/engine/load/index.js";
import { httpTarget, type TestTarget, tcpTarget } from "../../helpers/load-servers.js";

const targets: TestTarget[] = [];
afterEach(async () => {
  await Promise.all(targets.splice(0).map((t) => t.close()));
});

async function target<T extends TestTarget>(t: Promise<T>): Promise<T> {
  const made = await t;
  targets.push(made);
  return made;
}

/** Plain http:// runs go over our own HTTP/1.1 connection; these are the responses it must read. */
describe("plain HTTP/1.1 connection", () => {
  it("sends method, path, headers and body exactly, and reads chunked bodies", async () => {
    const seen: string[] = [];
    const t = await target(
      httpTarget((req, res) => {
        let body = "";
        req.on("data", (d) => {
          body += d;
        });
        req.on("end", () => {
          seen.push(
            `${req.method} ${req.url} ${req.headers["x-token"]} ${req.headers.host} ${body}`,
          );
          res.write("chunk-one ");
          res.end("chunk-two");
        });
      }),
    );
    const r = await runLoad(
      planLoad({
        url: `${t.url}items?page=2`,
        method: "POST",
        body: '{"a":1}',
        headers: ["X-Token: abc"],
        requests: 20,
        concurrency: 2,
        workers: 1,
      }),
    );
    expect(r.successes).toBe(20);
    expect(r.statuses).toEqual({ "200": 20 });
    const host = new URL(t.url).host;
    expect(new Set(seen)).toEqual(new Set([`POST /items?page=2 abc ${host} {"a":1}`]));
    expect(r.bytesIn).toBe(20 * "chunk-one chunk-two".length);
  });

  it("reads HEAD responses that announce a length but carry no body", async () => {
    const t = await target(
      httpTarget((_req, res) => {
        res.writeHead(200, { "content-length": "1000" });
        res.end();
      }),
    );
    const r = await runLoad(
      planLoad({ url: t.url, method: "HEAD", requests: 30, concurrency: 3, workers: 1 }),
    );
    expect(r.successes).toBe(30);
    expect(r.failures).toBe(0);
  });

  it("reconnects when the server closes after each response, without counting errors", async () => {
    const t = await target(
      httpTarget((_req, res) => {
        res.setHeader("connection", "close");
        res.end("bye");
      }),
    );
    const r = await runLoad(planLoad({ url: t.url, requests: 40, concurrency: 4, workers: 1 }));
    expect(r.successes).toBe(40);
    expect(r.failures).toBe(0);
  });

  it("skips 100 Continue and reads a response that ends with the connection", async () => {
    const t = await target(
      tcpTarget((socket) => {
        socket.end(
          "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nconnection: close\r\n\r\nuntil-close",
        );
      }),
    );
    const r = await runLoad(planLoad({ url: t.url, requests: 5, concurrency: 1, workers: 1 }));
    expect(r.statuses).toEqual({ "201": 5 });
    expect(r.bytesIn).toBe(5 * "until-close".length);
  });

  it("counts a reset mid-response and a malformed response as errors, then carries on", async () => {
    let n = 0;
    const t = await target(
      tcpTarget((socket) => {
        n += 1;
        if (n % 3 === 1) socket.destroy();
        else if (n % 3 === 2) socket.end("NOT HTTP AT ALL\r\n\r\n");
        else socket.end("HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-length: 2\r\n\r\nok");
      }),
    );
    const r = await runLoad(planLoad({ url: t.url, requests: 9, concurrency: 1, workers: 1 }));
    expect(r.requests).toBe(9);
    expect(r.successes).toBe(3);
    expect(r.errors.reset).toBe(3);
    expect(r.errors.bad_response).toBe(3);
  });
});
