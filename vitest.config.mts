import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // test/e2e/*.test.ts are unit tests of the end-to-end suite's own logic (no Docker needed);
    // the suite itself is a script with its own runner (npm run e2e), not a vitest file.
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/images/**", "**/node_modules/**"],
    testTimeout: 30_000,
    pool: "forks",
  },
});
