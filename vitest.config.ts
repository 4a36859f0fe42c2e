import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "./test/helpers/summary-reporter.ts"],
    // the CLI tests spawn the built binary; tmux tests need a real terminal
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
