/** Server settings from the environment, with the defaults `npm start` uses. */
import path from 'node:path';

export interface Config {
  readonly port: number;
  readonly dataDir: string;
  /** A real PostgreSQL server; when absent the embedded PGlite in dataDir is used. */
  readonly databaseUrl: string | undefined;
  /** Folder with the built app (vite build output). */
  readonly appDir: string;
  /** Secret that citizens' access tokens derive from; generated and kept in the database when absent. */
  readonly tokenSecret: string | undefined;
  /** Trust X-Forwarded-For/-Proto: set only behind a reverse proxy you run. */
  readonly trustProxy: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    appDir: path.resolve(env.APP_DIR ?? 'dist'),
    tokenSecret: env.TOKEN_SECRET || undefined,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
  };
}
