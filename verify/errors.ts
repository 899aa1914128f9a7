/**
 * Errors as one line a user can act on. Node, fetch and amqplib each wrap failures their own
 * way (fetch hides the socket error in `cause`, amqplib puts the broker's reply text inside a
 * longer message); this is the only place that knows those shapes.
 */

/** Thrown by the probe when it cannot go on; the message is the one line the CLI prints. */
export class VerifyAbort extends Error {
  override readonly name = "VerifyAbort";
}

const NETWORK_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "no answer (timed out)",
  EPIPE: "connection closed",
};


function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** The broker's own words from an amqplib message: `... 406 (PRECONDITION-FAILED) with message "TEXT"`. */
function amqpReply(message: string): { code: number; text: string } | undefined {
  const match = /(\d{3}) \([A-Z-]+\) with message "(.*)"/.exec(message);
  return match ? { code: Number(match[1]), text: match[2] ?? "" } : undefined;
}

/** amqplib's words when the broker closes the connection instead of opening the vhost (its reason is dropped). */
const VHOST_REFUSED = "Expected ConnectionOpenOk; got <ConnectionClose";

/** The broker itself said no during the AMQP handshake (login or vhost): retrying will not help. */
export function isBrokerRefusal(error: unknown): boolean {
  return error instanceof Error && (error.message.startsWith("Handshake terminated by server") || error.message.startsWith(VHOST_REFUSED));
}

export function describeError(error: unknown): string {
  if (error instanceof VerifyAbort) return error.message;
  if (!(error instanceof Error)) return String(error);
  const code = errorCode(error);
  if (code !== undefined && NETWORK_REASONS[code] !== undefined) return NETWORK_REASONS[code];
  if (error.name === "TimeoutError" || error.name === "AbortError") return "no answer (timed out)";
  if (error.message === "connect ETIMEDOUT") return NETWORK_REASONS.ETIMEDOUT ?? "timed out";
  // fetch() reports every network problem as "fetch failed" with the real error as its cause.
  if (error.cause !== undefined && error.message === "fetch failed") return describeError(error.cause);
  // fetch() will not connect to ports on the WHATWG "bad port" list (1, 21, 22, 25, ...).
  if (error.message === "bad port") return "fetch refuses this port (it is on the WHATWG list of blocked ports)";
  if (error.message.startsWith(VHOST_REFUSED)) return "the broker refused the vhost (it does not exist, or the user has no permission on it)";
  if (error.message.startsWith("Socket closed abruptly")) return "connection closed during the AMQP handshake (is this an AMQP port?)";
  const reply = amqpReply(error.message);
  if (reply !== undefined) {
    // 403 during the handshake is the login; later (on a channel) it is a missing permission.
    const atLogin = error.message.startsWith("Handshake terminated") && reply.code === 403;
    return atLogin ? "login refused: wrong username or password" : reply.text;
  }
  return error.message.split("\n")[0] ?? error.name;
}
