import { goto } from '$app/navigation';

const SEARCH_DELAY_MS = 250;

/**
 * Progressive enhancement for a GET filter form: without JavaScript it submits as usual (shareable URL);
 * with it, every change updates the URL and the results in place, keeping focus and scroll.
 */
export function liveFilters(form: HTMLFormElement) {
	let timer: ReturnType<typeof setTimeout> | undefined;

	function apply() {
		const params = new URLSearchParams();
		for (const [key, value] of new FormData(form)) {
			// Untrimmed, so that the page data matches what is being typed (a trailing space survives the update).
			if (typeof value === 'string' && value.trim() !== '') params.set(key, value);
		}
		const query = params.toString();
		void goto(`${new URL(form.action).pathname}${query ? `?${query}` : ''}`, {
			keepFocus: true,
			noScroll: true,
			replaceState: true
		});
	}

	function onInput(event: Event) {
		clearTimeout(timer);
		const typing = event.target instanceof HTMLInputElement && event.target.type === 'search';
		timer = setTimeout(apply, typing ? SEARCH_DELAY_MS : 0);
	}

	function onSubmit(event: SubmitEvent) {
		event.preventDefault();
		clearTimeout(timer);
		apply();
	}

	form.addEventListener('input', onInput);
	form.addEventListener('submit', onSubmit);
	// A word typed or a filter chosen while the page was still loading fired no event we could hear: the
	// field then differs from what the server wrote into the page, so apply it now.
	if (changedSinceServerRender(form)) apply();
	return {
		destroy() {
			clearTimeout(timer);
			form.removeEventListener('input', onInput);
			form.removeEventListener('submit', onSubmit);
		}
	};
}

function changedSinceServerRender(form: HTMLFormElement): boolean {
	for (const field of form.elements) {
		if (field instanceof HTMLSelectElement) {
			if ([...field.options].some((option) => option.selected !== option.defaultSelected)) {
				// A select without a `selected` attribute shows its first option: that is not a change.
				const defaulted = [...field.options].some((option) => option.defaultSelected);
				if (defaulted || field.selectedIndex !== 0) return true;
			}
		} else if (field instanceof HTMLInputElement && field.type === 'search') {
			if (field.value.trim() !== field.defaultValue.trim()) return true;
		}
	}
	return false;
}
