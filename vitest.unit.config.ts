import { defineConfig } from 'vitest/config';

// The inner ring (`npm run test:unit`): pure functions and goldens, no Chromium, no compiled CLI,
// no child processes. `npm test` runs these files too, with everything else.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'threads',
    // The files share one module graph per worker: importing it is most of the ring's time.
    isolate: false,
    maxWorkers: 2,
    env: { PUPPETEER_SKIP_DOWNLOAD: 'true' },
  },
});
