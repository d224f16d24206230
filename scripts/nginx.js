// nginx for tests and benchmarks: a configuration of the caller's own, on loopback, in a temporary folder with
// its pid, logs and temporary files (nothing of the machine's nginx is used). Used by `npm test` (scripts/test.js,
// tests/e2e/two-processes.e2e.ts) and `npm run bench`.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * nginx on this machine (NGINX_PATH first, then Debian's places), or null when there is none.
 * @returns {string | null}
 */
export function findNginx() {
	return (
		[process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => path && existsSync(path)) ??
		null
	);
}

/**
 * Writes a configuration whose `http` block holds `http` (upstreams and servers), in a new temporary folder;
 * returns the folder (remove it when done) and the arguments that start nginx on it, in the foreground.
 * @param {string} http
 * @returns {{ dir: string, args: string[] }}
 */
export function writeNginxConfig(http) {
	const dir = mkdtempSync(join(tmpdir(), 'boussole-nginx-'));
	for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp));
	const conf = join(dir, 'nginx.conf');
	writeFileSync(
		conf,
		`daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path ${dir}/body;
	proxy_temp_path ${dir}/proxy;
	fastcgi_temp_path ${dir}/fastcgi;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;
	# As in docs/deploy.md: a page's headers pass nginx's default 4 KB buffer (a 502 on the counsellor's pages).
	proxy_buffer_size 16k;
	proxy_buffers 8 16k;
	proxy_busy_buffers_size 32k;
${http}
}
`
	);
	return { dir, args: ['-p', dir, '-c', conf] };
}
