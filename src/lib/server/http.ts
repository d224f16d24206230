/** Any origin stands for ours: a target must resolve to it and nowhere else. */
const OWN_ORIGIN = 'https://boussole.invalid';

/**
 * A path on this site to go to after a form (`redirectTo`), or the fallback. Parsed the way a browser would
 * read it, against our own origin: anything that would leave it is refused — another origin, `//host`,
 * backslashes (browsers read them as slashes), and control characters (browsers drop tabs and newlines, so
 * `/\t/evil.example` becomes `//evil.example`). The path returned is the parsed one, normalised.
 */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || value.length > 2048) return fallback;
	if (!value.startsWith('/') || value.startsWith('//')) return fallback;
	// Control characters are exactly what is looked for: browsers drop tabs and newlines from URLs.
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
	let url: URL;
	try {
		url = new URL(value, OWN_ORIGIN);
	} catch {
		return fallback;
	}
	if (url.origin !== OWN_ORIGIN) return fallback;
	const path = `${url.pathname}${url.search}${url.hash}`;
	return path.startsWith('//') ? fallback : path;
}
