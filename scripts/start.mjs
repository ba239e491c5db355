// npm start: build what changed, then serve the app and the API in one process.
import { execSync, spawn } from 'node:child_process';

execSync('node scripts/build-if-needed.mjs', { stdio: 'inherit' });
const child = spawn(process.execPath, ['--enable-source-maps', 'dist-server/main.js'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
