// `node server.js`: Boussole's production server (`npm start` runs it; docs/deploy.md). It is adapter-node's
// handler behind a static handler of our own for the built assets, because adapter-node's streams a file
// without an error handler: a file that vanished under a running server (a rebuild in place) made the next
// request for it kill the process. Here a missing file costs one 404, and nothing else.
import compression from 'compression';
import { createReadStream, readdirSync, realpathSync, stat } from 'node:fs';
import http from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

/** The build this process serves, resolved once: `npm run build` points `build` at a new folder each time. */
const BUILD = realpathSync(process.env.BOUSSOLE_BUILD_DIR ?? 'build');
const CLIENT = join(BUILD, 'client');
const { handler } = await import(pathToFileURL(join(BUILD, 'handler.js')).href);

const TYPES = {
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json',
	'.xml': 'application/xml'
};

/** Every file of the build's client folder, by URL path: the paths this handler answers for. */
function listFiles(dir, files = new Set()) {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) listFiles(path, files);
		else files.add(`/${relative(CLIENT, path).split(sep).join('/')}`);
	}
	return files;
}
const FILES = listFiles(CLIENT);

function notFound(res) {
	res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
	res.end('Not found');
}

/** Serves a built asset (precompressed when the browser takes it); false when the path is not one. */
function serveAsset(req, res) {
	if (req.method !== 'GET' && req.method !== 'HEAD') return false;
	let pathname;
	try {
		pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
	} catch {
		return false;
	}
	if (!FILES.has(pathname)) return false;
	const accepted = String(req.headers['accept-encoding'] ?? '');
	const encoding = ['br', 'gzip'].find(
		(name) => accepted.includes(name) && FILES.has(`${pathname}.${name === 'br' ? 'br' : 'gz'}`)
	);
	const file = join(CLIENT, encoding ? `${pathname}.${encoding === 'br' ? 'br' : 'gz'}` : pathname);
	stat(file, (error, stats) => {
		if (error) return notFound(res);
		const etag = `W/"${stats.size}-${stats.mtime.getTime()}"`;
		const headers = {
			'content-type': TYPES[extname(pathname)] ?? 'application/octet-stream',
			'content-length': stats.size,
			etag,
			vary: 'Accept-Encoding',
			'x-content-type-options': 'nosniff',
			...(encoding ? { 'content-encoding': encoding } : {}),
			...(pathname.startsWith('/_app/immutable/')
				? { 'cache-control': 'public,max-age=31536000,immutable' }
				: {})
		};
		if (req.headers['if-none-match'] === etag) {
			res.writeHead(304, { etag });
			return res.end();
		}
		if (req.method === 'HEAD') {
			res.writeHead(200, headers);
			return res.end();
		}
		const stream = createReadStream(file);
		stream.once('open', () => {
			res.writeHead(200, headers);
			stream.pipe(res);
		});
		// Gone between the check and the read, or unreadable: a 404 if nothing was sent yet, else the
		// connection is closed; either way the process goes on.
		stream.once('error', () => (res.headersSent ? res.destroy() : notFound(res)));
		res.once('close', () => stream.destroy());
	});
	return true;
}

/**
 * A public page kept for visitors with nothing of their own is served before SvelteKit reads the request
 * (src/lib/server/render-cache.ts, which the app's hooks put here when they load); anything else, or a
 * failure to check, goes to the app.
 */
const keptPages = globalThis[Symbol.for('boussole.render-cache')];

/**
 * Pages and API answers the app renders are compressed for the browsers that take it (a results page: 67 KB
 * of HTML, about 12 KB in brotli). Kept pages come compressed from the render cache, assets precompressed from
 * the build. Behind nginx, this is done once: nginx passes an encoded answer through as it is.
 */
const compress = compression({
	threshold: 1024,
	// A page the render cache answers for (`x-render-cache`: its first rendering, or a hit the hook served) is sent
	// as it is: the fast path compresses kept pages under an ETag per encoding, and the same bytes must not get two.
	// Answers to forms are not compressed either: some show a secret (a reset code, recovery codes) next to what
	// was typed, the pattern of a BREACH-style guess. Pages that show one say `no-transform` (respected).
	filter: (req, res) =>
		req.method === 'GET' && !res.getHeader('x-render-cache') && compression.filter(req, res)
});

function render(req, res) {
	compress(req, res, () => handler(req, res, () => notFound(res)));
}

const server = http.createServer((req, res) => {
	if (serveAsset(req, res)) return;
	if (!keptPages) return render(req, res);
	keptPages(req, res).then(
		(served) => served || render(req, res),
		() => render(req, res)
	);
});
if (process.env.KEEP_ALIVE_TIMEOUT) server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT) * 1000;
if (process.env.HEADERS_TIMEOUT) server.headersTimeout = Number(process.env.HEADERS_TIMEOUT) * 1000;

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

/** As adapter-node does: finish the requests in flight, then let the app close the database. */
let stopping;
function shutdown(reason) {
	if (stopping) return;
	server.closeIdleConnections();
	server.close(() => {
		clearTimeout(stopping);
		process.emit('sveltekit:shutdown', reason);
	});
	stopping = setTimeout(
		() => server.closeAllConnections(),
		Number(process.env.SHUTDOWN_TIMEOUT ?? 30) * 1000
	);
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
