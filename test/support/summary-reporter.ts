import type { Reporter, TestCase, TestModule } from 'vitest/node';

/** Ends every run with `N passed, N failed, N skipped` and why each skipped test was skipped. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    const skipped: string[] = [];
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') passed++;
        else if (result.state === 'failed') failedHere++;
        else if (result.state === 'skipped') skipped.push(describeSkip(test, result.note));
      }
      // A file that failed outside its tests (import, beforeAll, afterAll) counts as a failure of its own.
      if (module.state() === 'failed' && failedHere === 0) failedHere = Math.max(1, module.errors().length);
      failed += failedHere;
    }
    if (skipped.length > 0) {
      console.log('\nSkipped:');
      for (const line of skipped) console.log(`  - ${line}`);
    }
    console.log(`\n${passed} passed, ${failed} failed, ${skipped.length} skipped`);
  }
}

function describeSkip(test: TestCase, note: string | undefined): string {
  return `${test.module.moduleId.replace(process.cwd() + '/', '')} > ${test.fullName}${note ? `: ${note}` : ''}`;
}
