import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the run's totals as one plain last line, `tests: N passed, N failed, N skipped`, which CI reads
 * regardless of the test runner. Vitest's own summary stays above it.
 */
export default class SummaryLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      // A module that failed to load has no tests but must still count as a failure.
      if (module.state() === 'failed' && !hasTests(module)) failed += 1;
    }
    failed += unhandledErrors.length;
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}

function hasTests(module: TestModule): boolean {
  for (const _test of module.children.allTests()) return true;
  return false;
}
