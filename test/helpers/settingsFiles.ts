import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes `dir/settings.json` with a sequestration table at 3% where the generated remits take 2% (and 2022's
 * 1% quarter suspended): every CO-253 then agrees on a rate the table lacks, the file-wide `co253-unknown-rate`
 * case. Returns the file's path, for `era835 --settings`.
 */
export function unknownRateSettings(dir: string): string {
  const path = join(dir, 'settings.json');
  writeFileSync(
    path,
    JSON.stringify({
      'era835.sequestration.periods': [
        { from: '2000-01-01', to: '2022-03-31', rate: 0.03 },
        { from: '2022-04-01', to: '2022-06-30', rate: 0 },
        { from: '2022-07-01', rate: 0.03 },
      ],
    }),
  );
  return path;
}
