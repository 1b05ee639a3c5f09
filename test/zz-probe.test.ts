import { it } from 'vitest';
import { formatPlace } from '../src/diagnostics/index.js';
import { checkFixture } from './helpers/lint.js';
it('probe', async () => {
  for (const v of ['fail', 'pass']) {
    const ds = await checkFixture(`test/fixtures/lint/${process.env.RULE}/${v}`);
    for (const d of ds) console.log(v, d.ruleId, d.severity, formatPlace(d), d.message);
  }
});
