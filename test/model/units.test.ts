import { describe, expect, it } from "vitest";
import { parseDuration, parseSize } from "../../model/units";

const DURATION_HELP = "(a number with a unit ms, s, m or h, e.g. 200ms, 1.5s, 2m, 1h)";
const SIZE_HELP = "(a number with a unit B, kB/KB, MB, GB (1000) or KiB, MiB, GiB (1024), e.g. 4MB, 512MiB)";

describe("durations", () => {
  it.each([
    ["200ms", 200],
    ["1s", 1000],
    ["1.5s", 1500],
    ["1.1s", 1100],
    ["2m", 120_000],
    ["1h", 3_600_000],
    ["0s", 0],
  ])("%s = %d ms", (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: ms });
  });

  it.each([
    ["2 m", `"2 m" is not a duration ${DURATION_HELP}`],
    ["2min", `"2min" is not a duration ${DURATION_HELP}`],
    ["1d", `"1d" is not a duration ${DURATION_HELP}`],
    ["-1s", `"-1s" is not a duration ${DURATION_HELP}`],
    ["", `"" is not a duration ${DURATION_HELP}`],
    ["1.5ms", `"1.5ms" is not a whole number of milliseconds ${DURATION_HELP}`],
  ])("refuses %j", (text, error) => {
    expect(parseDuration(text)).toEqual({ ok: false, error });
  });

  it("refuses a bare number: the unit would be a guess", () => {
    expect(parseDuration(120)).toEqual({ ok: false, error: `expected a duration string, got number 120 ${DURATION_HELP}` });
  });
});

describe("sizes (RabbitMQ's units)", () => {
  it.each([
    ["4MB", 4_000_000],
    ["4MiB", 4_194_304],
    ["1kB", 1000],
    ["1KB", 1000],
    ["1KiB", 1024],
    ["2GB", 2_000_000_000],
    ["1GiB", 1_073_741_824],
    ["512B", 512],
    ["1.5KiB", 1536],
  ])("%s = %d bytes", (text, bytes) => {
    expect(parseSize(text)).toEqual({ ok: true, value: bytes });
  });

  it.each([
    ["4mb", `"4mb" is not a size ${SIZE_HELP}`],
    ["4M", `"4M" is not a size ${SIZE_HELP}`],
    ["1TB", `"1TB" is not a size ${SIZE_HELP}`],
    ["4 MB", `"4 MB" is not a size ${SIZE_HELP}`],
    ["0.5B", `"0.5B" is not a whole number of bytes ${SIZE_HELP}`],
  ])("refuses %j", (text, error) => {
    expect(parseSize(text)).toEqual({ ok: false, error });
  });
});
