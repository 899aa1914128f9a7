/**
 * Reading HAProxy's stats page: which instance answered (the HTML names it when the page is
 * configured with `stats show-node`) and the state of every backend and server (`;csv`).
 * Formats as HAProxy 2.6-3.0 print them (fixtures in test/verify/fixtures were captured from
 * a real haproxy 2.6).
 */
import { fail, pass, warn, type Outcome } from "../check";
import { VIP_STATE_BACKEND } from "../../render/haproxyMetrics";

export interface StatsRow {
  /** Proxy (frontend, backend or listen section) name. */
  readonly proxy: string;
  /** FRONTEND, BACKEND or a server name. */
  readonly service: string;
  /** UP, DOWN, "UP 1/3" (going down), "DOWN 1/2" (going up), MAINT, DRAIN, NOLB, "no check", OPEN. */
  readonly status: string;
}

/**
 * The CSV starts with a "# pxname,svname,..." header. Values are not quoted; the columns read
 * here come before every free-text column, so splitting on commas is exact for them.
 */
export function parseStatsCsv(text: string): StatsRow[] {
  const [header = "", ...lines] = text.split("\n").map((line) => line.trim());
  const columns = header.replace(/^#\s*/, "").split(",");
  const at = (name: string) => columns.indexOf(name);
  const [proxy, service, status] = [at("pxname"), at("svname"), at("status")];
  if (!header.startsWith("#") || proxy < 0 || service < 0 || status < 0) {
    throw new Error("the stats CSV has no pxname, svname and status columns (is this an HAProxy stats page?)");
  }
  return lines
    .filter((line) => line !== "")
    .map((line) => line.split(","))
    .map((cells) => ({ proxy: cells[proxy] ?? "", service: cells[service] ?? "", status: cells[status] ?? "" }));
}

/** The node name in `<h2>Statistics Report for pid 8 on lb1</h2>` (with `: description` when show-desc is on). */
export function answeringNode(html: string): string | undefined {
  return /<h2>Statistics Report for pid \d+ on ([^<:]+)/.exec(html)?.[1]?.trim();
}

/** A server takes new connections: up (also while going down), or not health-checked at all. */
export function isServing(status: string): boolean {
  return /^UP\b/.test(status) || status === "no check";
}

export function backendsOutcome(rows: readonly StatsRow[]): Outcome {
  const servers = rows.filter((row) => row.service !== "FRONTEND" && row.service !== "BACKEND");
  // Only proxies with servers: the stats listener has a BACKEND row but nothing behind it. The
  // VIP state backend carries no traffic: its server is down on every load balancer but the
  // VIP holder by design (render/haproxyMetrics.ts).
  const proxies = [...new Set(servers.map((row) => row.proxy))].filter((proxy) => proxy !== VIP_STATE_BACKEND);
  if (proxies.length === 0) return fail("the stats list no backend with servers");
  const down: string[] = [];
  const degraded: string[] = [];
  const summary = proxies.map((proxy) => {
    const own = servers.filter((row) => row.proxy === proxy);
    const serving = own.filter((row) => isServing(row.status));
    const others = own.filter((row) => !isServing(row.status)).map((row) => `${row.service} ${row.status}`);
    const backend = rows.find((row) => row.proxy === proxy && row.service === "BACKEND");
    const line = `${proxy} ${serving.length}/${own.length} servers up${others.length > 0 ? ` (${others.join(", ")})` : ""}`;
    if (serving.length === 0 || (backend !== undefined && !isServing(backend.status))) down.push(line);
    else if (others.length > 0) degraded.push(line);
    return line;
  });
  if (down.length > 0) return fail(`backend down: ${down.join("; ")}`);
  if (degraded.length > 0) return warn(`degraded: ${summary.join("; ")}`);
  return pass(summary.join("; "));
}
