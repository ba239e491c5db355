// npm run dev: the API server (tsx watch) on API_PORT and Vite's dev server in front of it.
import { spawn } from 'node:child_process';

const apiPort = process.env.API_PORT ?? '8787';
const api = spawn('npx', ['tsx', 'watch', 'server/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: apiPort },
});
const vite = spawn('npx', ['vite', '--port', process.env.PORT ?? '5173'], {
  stdio: 'inherit',
  env: { ...process.env, API_PORT: apiPort },
});
const stop = () => {
  api.kill();
  vite.kill();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
vite.on('exit', stop);
