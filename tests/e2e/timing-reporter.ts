import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Prints the browser suite's wall-clock time and its slowest tests, so that a test growing towards its
 * timeout is seen long before a busy CI host makes it fail (each test should stay within a third of it).
 */
export default class TimingReporter implements Reporter {
	private readonly durations: { title: string; ms: number; timeout: number }[] = [];

	onTestEnd(test: TestCase, result: TestResult): void {
		const project = test.parent.project()?.name ?? '';
		this.durations.push({ title: `[${project}] ${test.title}`, ms: result.duration, timeout: test.timeout });
	}

	onEnd(result: FullResult): void {
		const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
		const slowest = [...this.durations].sort((a, b) => b.ms - a.ms).slice(0, 5);
		console.log(
			`\nBrowser suite: ${this.durations.length} tests in ${seconds(result.duration)} (wall clock).`
		);
		console.log('Slowest (time / timeout):');
		for (const { title, ms, timeout } of slowest)
			console.log(`  ${seconds(ms).padStart(7)} / ${seconds(timeout)}  ${title}`);
	}

	printsToStdio(): boolean {
		return false;
	}
}
