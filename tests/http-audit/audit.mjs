// Runs every server audit of the GraphQL-over-HTTP spec (graphql-http's serverAudits) against MedQA.
// Usage: node audit.mjs [url]   (default http://localhost:5080/graphql)
// Exits non-zero when a MUST or SHOULD audit does not pass; MAY audits are reported only.
import { serverAudits } from 'graphql-http';

const url = process.argv[2] ?? 'http://localhost:5080/graphql';
let failed = 0;
let passed = 0;
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  const required = /^(MUST|SHOULD)\b/.test(audit.name);
  if (result.status === 'ok') {
    passed++;
    continue;
  }
  const detail = result.response ? ` (status ${result.response.status})` : '';
  console.log(`${required ? 'FAIL' : 'note'} [${audit.id}] ${audit.name}: ${result.reason}${detail}`);
  if (required) failed++;
}
console.log(`http-audit: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
