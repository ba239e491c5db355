/**
 * `civic i18n export LANG [--out FILE]` and `civic i18n import LANG FILE`:
 * translations a reviewer can open in a spreadsheet and correct. They work on
 * the files in the repository (locales, notes, the demo catalog, review
 * files), not the database, so they run while the server runs and their
 * result is a diff to commit. Relative paths are taken from where npm was run.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isLang, LANGUAGE_CODES, type Lang } from '../../src/core/lang';
import { exportLanguage } from '../i18n/export';
import { importLanguage, ImportError } from '../i18n/import';
import { repoPaths, type Paths } from '../i18n/strings';
import { USAGE, UsageError } from './commands';

export interface I18nResult {
  readonly output: string;
  /** 1 when some rows were refused (the others were taken). */
  readonly code: number;
}

function langArg(value: string | undefined): Lang {
  if (!value || !isLang(value)) throw new UsageError(`LANG must be one of ${LANGUAGE_CODES.join(', ')}`);
  return value;
}

export async function runI18n(
  argv: string[],
  env: NodeJS.ProcessEnv,
  paths: Paths = repoPaths(),
): Promise<I18nResult> {
  const [action, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { out: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const from = (p: string) => path.resolve(env.INIT_CWD ?? process.cwd(), p);
  if (action === 'export' && positionals.length === 1) {
    const lang = langArg(positionals[0]);
    const out = from(values.out ?? `translations-${lang}.csv`);
    const result = exportLanguage(paths, lang);
    writeFileSync(out, result.csv);
    return {
      output: `Wrote ${result.rows} ${lang} strings to ${out} (${result.reviewed} reviewed by a native reader)`,
      code: 0,
    };
  }
  if (action === 'import' && positionals.length === 2 && values.out === undefined) {
    const lang = langArg(positionals[0]);
    try {
      const r = await importLanguage(paths, lang, from(positionals[1] ?? ''));
      const lines = [
        `${lang}: ${r.corrected} strings corrected, ${r.markedReviewed} marked reviewed, ${r.unmarked} no longer reviewed`,
      ];
      if (r.refused.length > 0) {
        lines.push(`${r.refused.length} rows refused (nothing from them was taken):`);
        for (const x of r.refused) lines.push(`  row ${x.row}${x.key ? ` (${x.key})` : ''}: ${x.reason}`);
      }
      return { output: lines.join('\n'), code: r.refused.length > 0 ? 1 : 0 };
    } catch (err) {
      if (err instanceof ImportError) throw new UsageError(err.message);
      throw err;
    }
  }
  throw new UsageError(USAGE);
}
