/**
 * The reliability probe as a library: `runVerify` for the CLI (cli/verify.ts) and for the
 * end-to-end suite, which runs it right after its deploy and again with a node stopped.
 */
export { runVerify, DEFAULT_MESSAGE_COUNT, DEFAULT_TIMEOUT_MS } from "./run";
export { CHECK } from "./check";
export { formatJson, formatTable, verdict } from "./report";
export { PROBE_ACCOUNT_PREFIX, PROBE_MARKER_HEADER, PROBE_OBJECT_PREFIX } from "./probe/identity";
export type { CheckResult, CheckStatus, ProbeUser, VerifyOptions, VerifyResult } from "./types";
