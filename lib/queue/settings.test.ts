import { describe, expect, it } from 'vitest';
import { makeTempDataDir } from './test-support';

// Queue settings per account, with the global switch above them (store only; both engines).
makeTempDataDir();
const { readSettings, writeSettings } = await import('./store');
const { setOnFailure, setPaused } = await import('./commands');
const { listActivity } = await import('@/lib/audit');

const ada = { name: 'ada', role: 'admin' as const };

describe('queue settings per account', () => {
  it('pausing one account leaves the others running; the global pause pauses all', async () => {
    await setPaused(ada, true, 'prod');
    expect(await readSettings('prod')).toMatchObject({ paused: true, pausedAccount: true, pausedAll: false });
    expect(await readSettings('staging')).toMatchObject({ paused: false, pausedAccount: false });
    await setPaused(ada, true);
    expect(await readSettings('staging')).toMatchObject({
      paused: true,
      pausedAll: true,
      pausedAccount: false,
    });
    await setPaused(ada, false);
    expect(await readSettings('staging')).toMatchObject({ paused: false });
    // Resuming everything does not resume an account paused on its own.
    expect(await readSettings('prod')).toMatchObject({ paused: true });
    await setPaused(ada, false, 'prod');
    expect(await readSettings('prod')).toMatchObject({ paused: false });
    const pauses = await listActivity({ action: 'queue.pause' });
    expect(pauses.map((e) => e.account)).toEqual([null, 'prod']);
  });

  it("an account's own 'when an export fails' wins over the global one, which stays the default", async () => {
    await setOnFailure(ada, 'pause');
    expect(await readSettings('prod')).toMatchObject({ onFailure: 'pause' });
    await setOnFailure(ada, 'continue', 'prod');
    expect(await readSettings('prod')).toMatchObject({ onFailure: 'continue' });
    expect(await readSettings('staging')).toMatchObject({ onFailure: 'pause' });
    expect(await readSettings()).toMatchObject({ onFailure: 'pause' });
    await writeSettings({ onFailure: 'continue' }, 'test');
  });
});
