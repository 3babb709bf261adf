/**
 * The load bench's target and CPU pinning. Every generator hits the same target, which runs in its
 * own process on its own core: Debian's nginx (one worker, config in a temp dir) when installed,
 * else a minimal node:http server. With two or more cores and `taskset`, generators run on core 0
 * and the target on core 1, so each tool gets the same single core to work with.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";

export interface Target {
  url: string;
  /** What answers, for the table's heading. */
  name: string;
  stop(): void;
}

function which(command: string): string | undefined {
  try {
    return execFileSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
}

/** `taskset -c N` prefixes when pinning is possible, else none (the table says which). */
export function pinning(): { generator: string[]; target: string[]; note: string } {
  if (availableParallelism() >= 2 && which("taskset"))
    return {
      generator: ["taskset", "-c", "0"],
      target: ["taskset", "-c", "1"],
      note: "generators pinned to core 0, target to core 1",
    };
  return { generator: [], target: [], note: "not pinned (needs taskset and 2 cores)" };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, deadlineMs: number): Promise<void> {
  const { connect } = await import("node:net");
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`target did not listen on 127.0.0.1:${port}`);
}

function spawnPinned(prefix: string[], command: string, args: string[]) {
  const [head, ...rest] = prefix.length ? [...prefix, command, ...args] : [command, ...args];
  return spawn(head!, rest, { stdio: ["ignore", "ignore", "inherit"] });
}

function nginxConfig(dir: string, port: number): string {
  return `daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log crit;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  keepalive_requests 100000000;
  keepalive_timeout 120s;
  server {
    listen 127.0.0.1:${port};
    location / { default_type text/plain; return 200 "ok"; }
  }
}
`;
}

const NODE_TARGET = `
const http = require("node:http");
const server = http.createServer((req, res) => { req.resume(); res.end("ok"); });
server.keepAliveTimeout = 60000;
server.listen(Number(process.argv[1]), "127.0.0.1");
`;

/** Starts the target on a free loopback port; `BENCH_LOAD_TARGET=node` skips nginx. */
export async function startTarget(prefix: string[]): Promise<Target> {
  const port = await freePort();
  const nginx = process.env.BENCH_LOAD_TARGET === "node" ? undefined : findNginx();
  if (nginx) {
    const dir = mkdtempSync(join(tmpdir(), "sb-load-nginx-"));
    writeFileSync(join(dir, "nginx.conf"), nginxConfig(dir, port));
    const child = spawnPinned(prefix, nginx, ["-p", dir, "-c", join(dir, "nginx.conf")]);
    // nginx prints its version on stderr: "nginx version: nginx/1.22.1".
    const version = /nginx\/[\d.]+/.exec(
      spawnSync(nginx, ["-v"], { encoding: "utf8" }).stderr,
    )?.[0];
    await waitForPort(port, 10_000);
    return {
      url: `http://127.0.0.1:${port}/`,
      name: `${version ?? "nginx"}, one worker`,
      stop: () => {
        child.kill();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const child = spawnPinned(prefix, process.execPath, ["-e", NODE_TARGET, String(port)]);
  await waitForPort(port, 10_000);
  return {
    url: `http://127.0.0.1:${port}/`,
    name: "minimal node:http server",
    stop: () => child.kill(),
  };
}

function findNginx(): string | undefined {
  if (existsSync("/usr/sbin/nginx")) return "/usr/sbin/nginx";
  return which("nginx");
}
