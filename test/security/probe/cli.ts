// Runs the attacker probe against a running Amaan (by default `npm start` on http://localhost:3000),
// signed in with the demo sign-ins it prints. Exit 0: nothing found; 1: findings, listed; 2: could not run.
//   npx tsx test/security/probe/cli.ts [URL]
import { demoUsers, demoPassword } from '../../../src/demo/demo.figures.ts';
import { runProbe } from './probe.ts';

const url = process.argv[2] ?? 'http://localhost:3000';
try {
  const users = demoUsers.map((u) => ({ role: u.role, username: u.username, password: demoPassword(u.username) }));
  const result = await runProbe(url, users, { log: (line) => process.stderr.write(`${line}\n`) });
  for (const f of result.findings) process.stdout.write(`${f.rule}\t${f.who}\t${f.request}\t${f.status}\t${f.note}\n`);
  process.stderr.write(`probe: ${result.requests} requests as ${result.roles.join(', ')}; ${result.findings.length} findings\n`);
  process.exit(result.findings.length ? 1 : 0);
} catch (err) {
  process.stderr.write(`probe: could not run against ${url}: ${(err as Error).message}\n`);
  process.exit(2);
}
