/**
 * `npm run civic -- …`: administration from the command line, on the same
 * database the server uses (DATA_DIR or DATABASE_URL). With PGlite, stop the
 * server first: one process at a time may open its folder.
 */
import { prepareDb } from './bootstrap';
import { runCommand, USAGE, UsageError } from './cli/commands';
import { runI18n } from './cli/i18n';
import { readConfig } from './config';
import { openDb } from './db/open';

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    console.log(USAGE);
    return argv.length === 0 ? 1 : 0;
  }
  if (argv[0] === 'i18n') return i18n(argv.slice(1));
  const config = readConfig();
  const db = await openDb({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    await prepareDb(db);
    console.log(await runCommand(db, argv, process.env));
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  } finally {
    await db.close();
  }
}

/** Files only, no database: works while the server holds the embedded one. */
async function i18n(argv: string[]): Promise<number> {
  try {
    const r = await runI18n(argv, process.env);
    (r.code === 0 ? console.log : console.error)(r.output);
    return r.code;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
