import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The end-to-end suite is a script with its own runner (npm run e2e), not a vitest file.
    exclude: ["test/e2e/**", "node_modules/**"],
    testTimeout: 30_000,
    pool: "forks",
  },
});
