// Writes docs/export-columns.md from the export tables' column lists (server/src/report/tables/columns.ts).
import { writeFileSync } from 'node:fs';
import { columnsMarkdown } from '../server/src/report/tables/docs';

writeFileSync('docs/export-columns.md', columnsMarkdown());
