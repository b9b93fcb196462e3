// graphql-js 17 against a running MedQA: sends getIntrospectionQuery() with every option (what GraphiQL, GraphQL Code
// Generator and Apollo send), builds a client schema from the answer, and checks that it is valid and prints the
// same schema as schema.graphql. Usage: node introspection.mjs http://127.0.0.1:5199/graphql ../../schema.graphql
import { readFileSync } from 'node:fs';
import {
  buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, validateSchema,
} from 'graphql17';
import { report } from '../report.mjs';

const [url, schemaFile] = process.argv.slice(2);
const { check, finish } = report('clients');

const query = getIntrospectionQuery({
  descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true,
});
const response = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
  body: JSON.stringify({ query, operationName: 'IntrospectionQuery' }),
});
const body = await response.json();
check('the full introspection query answers without errors', response.ok && !body.errors, JSON.stringify(body.errors ?? response.status));
if (body.data) {
  const served = buildClientSchema(body.data);
  const problems = validateSchema(served);
  check('the client schema built from it is valid', problems.length === 0, problems.map(String).join('; '));
  check('Date names its specification (specifiedByURL)', served.getType('Date')?.specifiedByURL?.includes('rfc3339') === true);
  const printed = printSchema(lexicographicSortSchema(served));
  const published = printSchema(lexicographicSortSchema(buildSchema(readFileSync(schemaFile, 'utf8'))));
  const line = printed.split('\n').findIndex((l, i) => l !== published.split('\n')[i]);
  check('it is the schema published in schema.graphql', printed === published,
    `line ${line + 1}: served ${JSON.stringify(printed.split('\n')[line])}, file ${JSON.stringify(published.split('\n')[line])}`);
}
finish();
