import { formatRate } from '../../codes/sequestration';
import { formatDate } from '../../x835/values';
import { tripletRange } from '../../x835/tripletRange';
import { unknownRateOf } from './co253UnknownRateFact';
import { MAX_RELATED, relatedAt } from '../engine/ranges';
import { steppedRule } from '../engine/shared';

/**
 * Every CO-253 of the file applies the same rate, and it is not the one the table has for their dates
 * (e.g. a new 4% cut): the table is out of date rather than the payer wrong on every line. Reported
 * once, on the first one, with the setting to paste; co253-amount stays silent for that file.
 */
export const co253UnknownRateRule = steppedRule('co253-unknown-rate', function* (ctx) {
  const unknown = yield* unknownRateOf(ctx);
  if (!unknown) return [];
  const t = ctx.model.tokens;
  const [first, ...rest] = unknown.items;
  const source = first.check.lookup.source === 'setting' ? 'your era835.sequestration.periods' : 'the built-in table';
  return [
    {
      code: 'co253-unknown-rate',
      ...tripletRange(t, first.adj),
      message: `All ${unknown.items.length} CO-253 adjustments in this file apply ${formatRate(unknown.rate)}, a rate ${source} does not have for their dates (from ${formatDate(unknown.firstDate)}). If a new sequestration rate is in force, set "era835.sequestration.periods" to (adjust the dates to the CMS notice): ${unknown.suggestion}`,
      related: rest.slice(0, MAX_RELATED).map((m) => relatedAt(tripletRange(t, m.adj), `CO-253 at ${formatRate(unknown.rate)}`)),
    },
  ];
});
