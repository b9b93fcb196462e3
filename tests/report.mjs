// The checks of the live-server scripts (tests/clients, tests/browser): one line per check, then the summary line
// .ci/run reads ("<suite>: N passed, N failed"), and the exit code.
export function report(suite) {
  const failures = [];
  let passed = 0;
  return {
    check(name, ok, detail = '') {
      passed += ok ? 1 : 0;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
      if (!ok) failures.push(name);
    },
    finish() {
      console.log(`${suite}: ${passed} passed, ${failures.length} failed`);
      process.exit(failures.length === 0 ? 0 : 1);
    },
  };
}
