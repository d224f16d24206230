/**
 * A coarse description of the device a session was opened on, from its User-Agent: the browser family and the
 * system (« Firefox · Android »), so that a person recognises their sessions on /compte. Nothing finer is kept
 * (no version, no address): it must not single anyone out.
 */
const BROWSERS: [RegExp, string][] = [
	[/SamsungBrowser\//, 'Samsung Internet'],
	[/Edg(A|iOS)?\//, 'Edge'],
	[/OPR\/|Opera/, 'Opera'],
	[/Firefox\/|FxiOS\//, 'Firefox'],
	[/Chrome\/|CriOS\//, 'Chrome'],
	[/Safari\//, 'Safari']
];
const SYSTEMS: [RegExp, string][] = [
	[/Android/, 'Android'],
	[/iPhone|iPad|iPod/, 'iOS'],
	[/CrOS/, 'ChromeOS'],
	[/Windows/, 'Windows'],
	[/Mac OS X|Macintosh/, 'macOS'],
	[/Linux/, 'Linux']
];

export function describeDevice(userAgent: string | null): string {
	const ua = userAgent ?? '';
	const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ?? '?';
	const system = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1] ?? '?';
	return `${browser} · ${system}`;
}
