import { createServer, type Server, type Socket } from 'node:net';
import { DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// An endpoint that accepts connections and never answers (a hung proxy, a half-dead VPC endpoint): the
// clients must give up on their own and report AWS as unreachable, never hang a page.
let server: Server;
const sockets: Socket[] = [];
let clients: typeof import('./clients');
let errors: typeof import('./errors');

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
    AWS_REGION: 'us-east-2',
    AWS_ACCESS_KEY_ID: 'AKIDTIMEOUTTEST00000',
    AWS_SECRET_ACCESS_KEY: 'not-a-real-secret',
    LOGPORT_AWS_IDLE_TIMEOUT_MS: '300',
  });
  clients = await import('./clients');
  errors = await import('./errors');
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('AWS clients against an endpoint that never answers', () => {
  it('give up after the idle timeout (with retries) and map it to "cannot reach AWS"', async () => {
    const failure = await clients
      .logsClient({ account: 'default', region: 'us-east-2' })
      .send(new DescribeExportTasksCommand({}))
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(failure).not.toBeNull();
    expect(errors.mapAwsError(failure).code).toBe('awsUnreachable');
    // Three attempts, each cut after the idle timeout: the server saw each of them connect.
    expect(sockets.length).toBe(3);
  }, 20_000);
});
