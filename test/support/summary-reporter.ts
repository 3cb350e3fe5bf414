import type { Reporter, TestCase, TestModule } from 'vitest/node';

/**
 * Ends every run with `N passed, N failed, N skipped`, after the failed tests with the first line of their
 * error and the skipped ones with why: the end of a long run is what survives in a short log.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    const skipped: string[] = [];
    const failures = unhandledErrors.map((error) => `unhandled: ${firstLine(error)}`);
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') passed++;
        else if (result.state === 'failed') {
          failedHere++;
          failures.push(`${where(test)}: ${firstLine(result.errors?.[0])}`);
        } else if (result.state === 'skipped') skipped.push(`${where(test)}${result.note ? `: ${result.note}` : ''}`);
      }
      // A file that failed outside its tests (import, beforeAll, afterAll) counts as a failure of its own.
      if (module.state() === 'failed' && failedHere === 0) {
        failedHere = Math.max(1, module.errors().length);
        failures.push(`${relative(module.moduleId)}: ${firstLine(module.errors()[0])}`);
      }
      failed += failedHere;
    }
    list('Failed', failures);
    list('Skipped', skipped);
    console.log(`\n${passed} passed, ${failed} failed, ${skipped.length} skipped`);
  }
}

function list(title: string, lines: string[]): void {
  if (lines.length === 0) return;
  console.log(`\n${title}:`);
  for (const line of lines) console.log(`  - ${line}`);
}

const relative = (path: string): string => path.replace(process.cwd() + '/', '');
const where = (test: TestCase): string => `${relative(test.module.moduleId)} > ${test.fullName}`;

function firstLine(error: unknown): string {
  const message = (error as { message?: unknown } | undefined)?.message ?? error;
  return String(message).split('\n')[0].slice(0, 300);
}
