import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeNginxConfig } from '../scripts/nginx.js';
import { stopProcess, waitFor } from './http';

export interface RunningProxy {
	url: string;
	stop: () => Promise<void>;
}

/**
 * The `http` block of docs/deploy.md, on loopback, without TLS: an upstream with keep-alive connections to
 * the app processes, the forwarded headers. One addition: the load tool stands for many visitors behind a
 * front proxy, so nginx takes the client's address from the X-Forwarded-For the tool sends (realip, trusted
 * from loopback only) and passes it on as the last address; each app process, with XFF_DEPTH=1 as
 * docs/deploy.md sets it, then sees each request's own address.
 */
function balancing(port: number, upstreams: string[]): string {
	const servers = upstreams.map((url) => `server ${new URL(url).host};`).join(' ');
	return `
	set_real_ip_from 127.0.0.1;
	real_ip_header X-Forwarded-For;
	upstream boussole { ${servers} keepalive 32; }
	server {
		listen 127.0.0.1:${port};
		location / {
			proxy_pass http://boussole;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
			proxy_set_header Host $http_host;
			proxy_set_header X-Forwarded-Host $http_host;
			proxy_set_header X-Forwarded-Proto $scheme;
			proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
		}
	}`;
}

/**
 * nginx on `port`, balancing `upstreams` (scripts/nginx.js: its own folder for configuration, pid and logs).
 * The port is the caller's: the app processes, started first, are told it as their ORIGIN. One worker, as
 * scripts/nginx.js sets it: it relays far more than two app processes answer here, and leaves them the CPU.
 */
export async function startNginx(nginx: string, port: number, upstreams: string[]): Promise<RunningProxy> {
	const { dir, args } = writeNginxConfig(balancing(port, upstreams));
	const child = spawn(nginx, args, { stdio: ['ignore', 'ignore', 'pipe'] });
	// Before it opens its own error log, nginx says what is wrong (a bad configuration, a taken port) here.
	let stderr = '';
	child.stderr!.on('data', (chunk) => (stderr += chunk));
	const url = `http://127.0.0.1:${port}`;
	const stop = async () => {
		await stopProcess(child);
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		await waitFor(`${url}/api/v1/careers`, child);
	} catch (error) {
		const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
		await stop();
		throw new Error(`nginx: ${(error as Error).message}\n${stderr}${log}`);
	}
	return { url, stop };
}
