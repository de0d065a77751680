import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { generate835Text } from '../../../bench/generator';
import { analyze, analyzeInSlices } from '../../../server/src/analysis';
import { ALL_RULES, runRules } from '../../../server/src/rules';
import { drain, ruleContext, shared, type Fact } from '../../../server/src/rules/engine/shared';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/settings';
import { tokenize } from '../../../server/src/x12/tokenizer';
import { buildModel } from '../../../server/src/x835/builder';

const example = (name: string) => readFileSync(join(__dirname, '../../../examples', name), 'utf8');

/**
 * A generated remit with values broken on purpose, so that most rules have something to say: CO-253
 * pushed to the patient, taken twice on a claim, on a claim that is not Medicare; a claim off balance,
 * a bad date, an unknown reason, a transaction without its SE.
 */
function brokenRemit(): string {
  let text = generate835Text({ bytes: 30_000, seed: 5 });
  text = text.replace(/CAS\*CO(\*[^~]*\*253\*)/, 'CAS*PR$1');
  text = text.replace(/(CLP\*[^~]*\*MB\*[^~]*~)/, '$1CAS*CO*253*1~');
  text = text.replace(/(CLP\*[^~]*\*)MB(\*[^~]*~(?:(?!CLP\*)[\s\S])*?\*253\*)/, '$112$2');
  text = text.replace(/(CLP\*[^*]*\*1\*)(\d+)/, (_, head: string, charge: string) => `${head}${Number(charge) + 2}`);
  text = text.replace(/DTM\*472\*\d{8}/, 'DTM*472*20241341');
  text = text.replace(/CAS\*CO\*45\*/, 'CAS*CO*ZZ9*');
  return text.replace(/SE\*\d+\*\d+~\n?(?=GE)/, '');
}

const settingsCases: Array<[string, Settings]> = [
  ['default settings', DEFAULT_SETTINGS],
  [
    'a user table in which 2022-07 onwards is 3%',
    {
      ...DEFAULT_SETTINGS,
      sequestrationPeriods: [
        { from: '2013-04-01', to: '2022-06-30', rate: 0 },
        { from: '2022-07-01', rate: 0.03 },
      ],
    },
  ],
];

const texts: Array<[string, string]> = [
  ['medicare-part-b.835', example('medicare-part-b.835')],
  ['needs-attention.835', example('needs-attention.835')],
  ['a broken generated remit', brokenRemit()],
];

describe('rules in steps', () => {
  test('every rule can run in slices', () => {
    assert.deepEqual(
      ALL_RULES.filter((r) => !r.checkInSlices).map((r) => r.id),
      [],
    );
  });

  for (const [name, text] of texts) {
    for (const [label, settings] of settingsCases) {
      test(`${name}, ${label}: each rule's slices give exactly its check, with or without shared facts`, () => {
        const model = buildModel(tokenize(text));
        const run = ruleContext(model, settings);
        for (const rule of ALL_RULES) {
          const alone = rule.check({ model, settings });
          assert.deepEqual(drain(rule.checkInSlices!(run)), alone, rule.id);
          assert.deepEqual(rule.check(run), alone, `${rule.id} (facts already computed)`);
        }
      });

      test(`${name}, ${label}: the sliced analysis yields and ends with the findings of analyze, in order`, () => {
        const whole = analyze(text, settings);
        const steps = analyzeInSlices(text, settings, 0);
        let yields = 0;
        let r = steps.next();
        for (; !r.done; r = steps.next()) yields++;
        assert.ok(yields > 0);
        assert.deepEqual(r.value.findings, whole.findings);
        assert.deepEqual(
          runRules({ model: whole.model, settings }),
          whole.findings.slice(whole.tokens.findings.length + whole.model.findings.length),
        );
      });
    }
  }

  test('a fact of the run is computed once, by the first rule that asks', () => {
    let computed = 0;
    const fact: Fact<number> = {
      name: 'test',
      *compute() {
        computed++;
        yield;
        return 42;
      },
    };
    const run = ruleContext(buildModel(tokenize(example('medicare-part-b.835'))), DEFAULT_SETTINGS);
    assert.equal(drain(shared(run, fact)), 42);
    assert.equal(drain(shared(run, fact)), 42);
    assert.equal(computed, 1);
    // Without a store (a rule run alone), each asks for itself.
    drain(shared({ model: run.model, settings: DEFAULT_SETTINGS }, fact));
    assert.equal(computed, 2);
  });
});
