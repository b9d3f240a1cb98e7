// The load generator of the tip intake benchmark (bench/tips.bench.ts): `clients` concurrent keep-alive HTTP
// clients, each POSTing one report at a time to /api/v1/tips with a reporting organisation's key for `seconds`.
// Run in a process of its own (forked by tips.bench.ts, the default) so its work does not share the server's event
// loop, and so its CPU time can be told apart from the server's; or called in the server's process (`--client
// inproc`, as the benchmark did before).
import { Agent, request } from 'node:http';
import { reportMaker } from './tips-reports.ts';

export interface LoadOptions {
  host: string;
  port: number;
  token: string;
  seconds: number;
  clients: number;
  seed: number;
}

export interface LoadResult {
  seconds: number;
  /** Latency of every request, ms. */
  latencies: number[];
  statuses: Record<number, number>;
  /** CPU time this load generator's process used while it ran (user + system, ms); in-process: the whole process's. */
  cpuMs: number;
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const next = reportMaker(o.seed, `BENCH-${process.pid}-${o.seed}`);
  const agent = new Agent({ keepAlive: true, maxSockets: o.clients });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${o.token}` };
  const post = (body: string) => new Promise<number>((resolve, reject) => {
    const req = request({ host: o.host, port: o.port, path: '/api/v1/tips', method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const until = t0 + o.seconds * 1000;
  await Promise.all(Array.from({ length: o.clients }, async () => {
    while (performance.now() < until) {
      const body = JSON.stringify(next());
      const s = performance.now();
      const status = await post(body);
      latencies.push(performance.now() - s);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  }));
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  agent.destroy();
  return { seconds: elapsed, latencies, statuses, cpuMs: (cpu.user + cpu.system) / 1000 };
}

// Forked by tips.bench.ts: options as JSON in argv[2], the result sent back over IPC.
if (process.send && process.argv[2]?.startsWith('{')) {
  const result = await runLoad(JSON.parse(process.argv[2]) as LoadOptions);
  process.send(result, () => process.exit(0));
}
