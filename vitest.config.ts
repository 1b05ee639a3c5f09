import { defineConfig } from 'vitest/config';

// Tests drive real Chromium, poppler and epubcheck: generous timeouts, and at most two files
// at once on these 2-core machines.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    env: { PUPPETEER_SKIP_DOWNLOAD: 'true' },
  },
});
