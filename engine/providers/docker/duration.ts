/**
 * Go's time.ParseDuration, which the docker provider uses for healthcheck durations
 * ("1s", "500ms", "1m30s", "1.5s"). Returns nanoseconds, as the Docker API wants them.
 */
const UNIT_NS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  "µs": 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;

export function goDurationNs(text: string): number {
  if (text === "0") return 0;
  let total = 0;
  PART.lastIndex = 0;
  let consumed = 0;
  for (let match = PART.exec(text); match; match = PART.exec(text)) {
    total += Number(match[1]) * (UNIT_NS[match[2] ?? ""] ?? Number.NaN);
    consumed = PART.lastIndex;
  }
  if (consumed !== text.length || text === "") throw new Error(`invalid duration "${text}" (Go syntax: 500ms, 1s, 1m30s)`);
  return Math.round(total);
}

/**
 * Go's time.Duration.String() (src/time/time.go), the form the docker provider stores
 * healthcheck durations in: "2m0s", "1s", "500ms", "1h0m0s", "0s".
 */
export function goDurationString(ns: number): string {
  if (ns === 0) return "0s";
  const sign = ns < 0 ? "-" : "";
  let rest = Math.abs(Math.round(ns));
  if (rest < 1e9) {
    const [unit, size] = rest < 1e3 ? ["ns", 1] : rest < 1e6 ? ["µs", 1e3] : ["ms", 1e6];
    return `${sign}${trimZeros(rest / (size as number))}${unit as string}`;
  }
  const hours = Math.floor(rest / 3600e9);
  rest -= hours * 3600e9;
  const minutes = Math.floor(rest / 60e9);
  rest -= minutes * 60e9;
  const seconds = `${trimZeros(rest / 1e9)}s`;
  if (hours > 0) return `${sign}${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${sign}${minutes}m${seconds}`;
  return `${sign}${seconds}`;
}

function trimZeros(value: number): string {
  return String(Number(value.toFixed(9)));
}
