/** Only same-site paths: `//evil.example` and `https://…` would make an open redirect. */
export function safeRedirectPath(value: FormDataEntryValue | null, fallback = '/'): string {
	if (
		typeof value !== 'string' ||
		!value.startsWith('/') ||
		value.startsWith('//') ||
		value.startsWith('/\\')
	) {
		return fallback;
	}
	return value;
}
