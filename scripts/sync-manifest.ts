// Regenerates the settings in package.json from the diagnostic-code catalog: `npx tsx scripts/sync-manifest.ts`.
import { DIAGNOSTIC_CODES } from '../server/src/rules/engine/catalog';
import { readFileSync, writeFileSync } from 'node:fs';
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const props: Record<string, unknown> = {
  'era835.trace.server': pkg.contributes.configuration.properties['era835.trace.server'],
};
for (const [code, e] of Object.entries(DIAGNOSTIC_CODES)) {
  props[`era835.rules.${code}`] = {
    type: 'string',
    enum: ['error', 'warning', 'information', 'hint', 'off'],
    default: e.severity,
    scope: 'resource',
    markdownDescription: `Severity of \`${code}\`: ${e.title}. See the README, section Diagnostic codes.`,
  };
}
Object.assign(props, {
  'era835.sequestration.periods': {
    type: 'array',
    default: [],
    scope: 'resource',
    markdownDescription:
      'Replaces the built-in Medicare sequestration rate table when not empty: a list of `{ "from": "YYYY-MM-DD", "to": "YYYY-MM-DD" (optional), "rate": 0.02 }` by service date. Use it when a new law changes the rate before an update of this extension.',
    items: {
      type: 'object',
      required: ['from', 'rate'],
      properties: {
        from: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'First service date of the period (inclusive).' },
        to: {
          type: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          description: 'Last service date of the period (inclusive); omit for open-ended.',
        },
        rate: { type: 'number', minimum: 0, maximum: 1, description: 'Reduction rate: 0.02 for 2%, 0 for suspended.' },
      },
    },
  },
  'era835.codeLists.path': {
    type: 'string',
    default: '',
    scope: 'machine-overridable',
    markdownDescription:
      "Path to a CSV of your organisation's licensed official code lists (`list,code,description`, lists `carc`, `rarc`, ...). Their wording is shown beside ours in hovers. Read locally; never sent anywhere.",
  },
  'era835.inlayHints.enabled': {
    type: 'boolean',
    default: true,
    scope: 'resource',
    description: 'Short labels after codes: 253 › sequestration, 45 › fee schedule, MB › Medicare Part B.',
  },
  'era835.inlayHints.elementNames': {
    type: 'boolean',
    default: false,
    scope: 'resource',
    description: 'Also show element positions (CLP04) before element values.',
  },
  'era835.highlight.cas': {
    type: 'boolean',
    default: true,
    scope: 'resource',
    description: 'Shade CAS segments by class: muted for sequestration and contractual, attention for adjustments that need work.',
  },
});
pkg.contributes.configuration.properties = props;
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
