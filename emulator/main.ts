import { optionsFromEnv } from './env';
import { startEmulator } from './server';

// `npm run emulator [-- --seed] [--port N]`: env first, flags win.
const args = process.argv.slice(2);
const options = optionsFromEnv();
if (args.includes('--seed')) options.seed = true;
const portFlag = args.indexOf('--port');
if (portFlag >= 0) {
  const value = Number(args[portFlag + 1]);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error('--port needs a number between 0 and 65535');
    process.exit(2);
  }
  options.port = value;
}

async function main(): Promise<void> {
  const emulator = await startEmulator(options);
  console.log(`Logport AWS emulator listening on ${emulator.url}${options.seed ? ' (seeded)' : ''}`);

  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    emulator.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // An AWS outage on demand (`kill -USR2 <pid>`, the pid is in /_emulator/health): stop answering, then again
  // to come back with the same state.
  process.on('SIGUSR2', () => {
    const next = !emulator.reachable;
    emulator.setReachable(next).then(
      () => console.log(next ? 'Emulator reachable again' : 'Emulator unreachable (SIGUSR2 again to resume)'),
      (err: unknown) => console.error('could not switch reachability', err),
    );
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
