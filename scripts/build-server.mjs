// Bundles the Node server (server/main.ts and the CLI) into dist-server/ with esbuild.
// Packages stay external: they are installed in node_modules.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';

const entryPoints = ['server/main.ts', 'server/cli.ts'].filter((p) => {
  const [dir, file] = p.split('/');
  return readdirSync(dir).includes(file);
});

await build({
  entryPoints,
  outdir: 'dist-server',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  loader: { '.sql': 'text' },
});
