/**
 * The probe's public contract: what callers (cli/verify.ts, the end-to-end suite) pass in and
 * get back. Pure types, no I/O.
 */
import type { Model } from "../model/types";

/** An existing user the probe runs as instead of creating its own (no administrator needed). */
export interface ProbeUser {
  readonly username: string;
  readonly password: string;
  /**
   * Vhost the probe may declare its temporary objects in. The user needs configure, write and
   * read permission on names starting with PROBE_OBJECT_PREFIX there. Required: the probe never
   * guesses a vhost an application might own.
   */
  readonly vhost: string;
}

export interface VerifyOptions {
  /** AMQP URL through the VIP. Credentials and vhost in it are ignored: the probe uses its own. */
  readonly amqpUrl: string;
  /** Management API base URL through the VIP (credentials in it are ignored, see username). */
  readonly managementUrl: string;
  /** Management user: read-only GETs, and creating/deleting the probe user and vhost. Never guest. */
  readonly username: string;
  readonly password: string;
  /**
   * PEM of the CA the brokers' certificates chain to (stack output caCertificate, or
   * RABBITMQ_HA_CA_FILE): amqps:// and https:// URLs are verified against it. Absent: the system's CAs.
   */
  readonly ca?: string;
  /** HAProxy stats page (http://stats:PASSWORD@VIP:8404/stats). Absent: load-balancer checks are skipped. */
  readonly statsUrl?: string;
  /** Addresses of the individual HAProxy instances (stack output loadBalancerAddresses). */
  readonly loadBalancerAddresses?: readonly string[];
  /** The stack's validated model: expected topology, cluster nodes and load balancers. */
  readonly model?: Model;
  /** Run as this existing user in its vhost; absent: create a temporary user and vhost. */
  readonly probeUser?: ProbeUser;
  /**
   * Limit for each single wait: a connect, an HTTP request, the wait for a message. A whole
   * check may take CHECK_BUDGET_FACTOR (3) times this. Default 10 000 ms.
   */
  readonly timeoutMs?: number;
  /** Persistent messages each delivery check publishes and consumes. Default 20. */
  readonly messageCount?: number;
  /**
   * Aborting stops the running check at once and skips the rest; the cleanup still runs (the
   * temporary vhost and user are removed) and the result is `aborted: "interrupted (<reason>)"`.
   * The CLI aborts on SIGINT/SIGTERM.
   */
  readonly signal?: AbortSignal;
}

export const CHECK_STATUSES = ["pass", "warn", "fail", "skip"] as const;
/**
 * pass: as promised. warn: degraded but still delivering (a node or a backend server down).
 * fail: a promise broken. skip: nothing to check with (no model, no stats URL); never a pass,
 * its detail says what was missing.
 */
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export interface CheckResult {
  readonly name: string;
  readonly status: CheckStatus;
  /**
   * status !== "fail": a degraded (warn) or skipped check does not fail the run. Not "passed":
   * count passes by `status` (a skip proved nothing).
   */
  readonly ok: boolean;
  /** What was seen; for a skip, the reason (never empty). */
  readonly detail: string;
  readonly ms: number;
}

export interface VerifyResult {
  /** No check failed and the run was not aborted. Warnings (a node down) keep it true. */
  readonly ok: boolean;
  /** Some check warned: the cluster delivers, but with less redundancy than declared. */
  readonly degraded: boolean;
  /** One line saying why the probe could not run or stopped (endpoint unreachable, credentials refused, interrupted). */
  readonly aborted?: string;
  /** Every check run, in order; count them by `status` with `tally` (verify/check.ts): a skip is never a pass. */
  readonly checks: readonly CheckResult[];
}
