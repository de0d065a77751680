import { readFileSync } from 'node:fs';
import { tokenize } from '../server/src/x12/tokenizer';
import { buildModel } from '../server/src/x835/builder';
import { ALL_RULES } from '../server/src/rules';
import { LineIndex } from '../server/src/x12/lineIndex';
import { DEFAULT_SETTINGS } from '../server/src/settings';
const file = process.argv[2];
let t0 = performance.now();
const text = readFileSync(file, 'utf8');
const rss0 = process.memoryUsage().rss;
console.log('read', (performance.now() - t0).toFixed(0));
t0 = performance.now(); const tokens = tokenize(text); console.log('tokenize', (performance.now() - t0).toFixed(0), tokens.count);
t0 = performance.now(); const model = buildModel(tokens); console.log('model', (performance.now() - t0).toFixed(0));
t0 = performance.now(); new LineIndex(text); console.log('lines', (performance.now() - t0).toFixed(0));
const counts: Record<string, number> = {};
for (const rule of ALL_RULES) {
  t0 = performance.now(); const f = rule.check({ model, settings: DEFAULT_SETTINGS }); console.log('rule', rule.id, (performance.now() - t0).toFixed(0), f.length);
  for (const x of f) counts[x.code] = (counts[x.code] ?? 0) + 1;
}
console.log(counts, model.findings.length, tokens.findings.length);
console.log('rss growth MB', ((process.memoryUsage().rss - rss0) / 1048576).toFixed(0));
