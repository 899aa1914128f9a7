/**
 * Unit tests of the e2e suite's own logic (the applier's provider semantics, accounting,
 * reporting): `npx vitest run --config test/e2e/vitest.config.ts`. They need no Docker engine;
 * the suite itself (npm run e2e) is a script, not a vitest file.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: __dirname,
    include: ["**/*.test.ts"],
    exclude: ["images/**"],
    pool: "forks",
  },
});
