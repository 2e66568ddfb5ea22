import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Memory tests collect garbage before they measure, so what they see is what is kept alive.
    execArgv: ["--expose-gc"],
    globalSetup: ["test/setup/postgres.ts"],
  },
});
