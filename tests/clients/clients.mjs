// Real GraphQL clients against a running MedQA, as frontend teams use them: graphql-request fetches the question
// page; urql pages through `questions` with cursors; Apollo Client pages with relayStylePagination and fetchMore;
// GraphQL Code Generator (client preset) generates types from the live endpoint and from schema.graphql, and tsc
// type-checks code that uses them; the app registers the preset's persisted-documents.json and Apollo's and urql's
// persisted-query links run it by hash. Usage: node clients.mjs http://127.0.0.1:5199/graphql "Data Source=<the server's db>"
// (a catalogue of more than 30 questions, the sample page among them).
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'graphql-request';
import { Client, fetchExchange } from '@urql/core';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { persistedExchange } from '@urql/exchange-persisted';
import { generate } from '@graphql-codegen/cli';
import { readFileSync } from 'node:fs';
import { report } from '../report.mjs';

process.chdir(dirname(fileURLToPath(import.meta.url)));
const [url, connection] = process.argv.slice(2);
const { check, finish } = report('clients');
const attempt = async (name, run) => {
  try {
    await run();
  } catch (e) {
    check(name, false, e.stack ?? String(e));
  }
};
const QuestionPage = readFileSync('documents/QuestionPage.graphql', 'utf8');
const ListPage = readFileSync('documents/ListPage.graphql', 'utf8');
const Everything = 'query { questions(first: 50) { totalCount edges { node { slug } } } }';

// The reference order: one plain request of 50.
const all = await request(url, Everything);
const total = all.questions.totalCount;
const first50 = all.questions.edges.map(e => e.node.slug);

await attempt('graphql-request fetches the question page', async () => {
  const page = await request(url, QuestionPage, { slug: 'facial-nerve-twitching' });
  check('graphql-request fetches the question page', page.question?.title === 'Facial nerve twitching' && page.question.replies.length > 0,
    JSON.stringify(page).slice(0, 200));
});

await attempt('urql pages through questions with cursors', async () => {
  const client = new Client({ url, exchanges: [fetchExchange], preferGetMethod: false });
  const slugs = [];
  let after = null;
  for (let pages = 0; pages < 100; pages++) {
    const { data, error } = await client.query(ListPage, { first: 10, after }).toPromise();
    if (error) throw error;
    slugs.push(...data.questions.edges.map(e => e.node.slug));
    if (!data.questions.pageInfo.hasNextPage) break;
    after = data.questions.pageInfo.endCursor;
  }
  check('urql pages through questions with cursors', slugs.length === total && new Set(slugs).size === total
    && first50.every((slug, i) => slugs[i] === slug), `${slugs.length} slugs for totalCount ${total}`);
});

await attempt('Apollo Client pages with relayStylePagination and fetchMore', async () => {
  const client = new ApolloClient({
    link: new HttpLink({ uri: url }),
    cache: new InMemoryCache({ typePolicies: { Query: { fields: { questions: relayStylePagination(['where', 'order']) } } } }),
  });
  const query = gql(ListPage);
  const observable = client.watchQuery({ query, variables: { first: 10 } });
  let subscription;
  let { data } = await new Promise((resolve, reject) => {
    subscription = observable.subscribe({ next: result => result.data && !result.loading && resolve(result), error: reject });
  });
  for (let pages = 1; pages < 3 && data.questions.pageInfo.hasNextPage; pages++) {
    ({ data } = await observable.fetchMore({ variables: { after: data.questions.pageInfo.endCursor } }));
  }
  const merged = client.readQuery({ query, variables: { first: 10 } }).questions.edges.map(e => e.node.slug);
  subscription.unsubscribe();
  check('Apollo Client pages with relayStylePagination and fetchMore', merged.length === 30 && merged.every((slug, i) => slug === first50[i]),
    `${merged.length} merged edges: ${merged.slice(0, 3)}`);
});

await attempt('GraphQL Code Generator generates from the live endpoint and from schema.graphql', async () => {
  for (const [schema, folder] of [[url, 'generated/url/'], ['../../schema.graphql', 'generated/file/']]) {
    await generate({
      schema, documents: 'documents/*.graphql', silent: true, errorsOnly: true,
      generates: { [folder]: { preset: 'client', presetConfig: { persistedDocuments: true }, config: { scalars: { Date: 'string' } } } },
    }, true);
  }
  check('GraphQL Code Generator generates from the live endpoint and from schema.graphql',
    readFileSync('generated/url/graphql.ts', 'utf8') === readFileSync('generated/file/graphql.ts', 'utf8'), 'the two outputs differ');
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'pipe' });
  check('tsc type-checks code written against the generated types', true);
});

// The app registers the manifest the client preset wrote (documents add), then Apollo's and urql's persisted-query
// links send hashes only: every request that got data must have carried no query text.
await attempt('Apollo and urql run the registered documents by hash', async () => {
  const manifest = JSON.parse(readFileSync('generated/file/persisted-documents.json', 'utf8'));
  execFileSync('dotnet', ['run', '--project', '../../src/Gateway', '--no-build', '--no-launch-profile', '--',
    'documents', 'add', 'web', resolve('generated/file/persisted-documents.json'), `--ConnectionStrings:MedQA=${connection}`], { stdio: 'pipe' });
  const hashOf = name => Object.keys(manifest).find(id => manifest[id].startsWith(`query ${name}(`)).slice('sha256:'.length);
  const nameOf = document => document.definitions.find(d => d.kind === 'OperationDefinition').name.value;
  const sent = [];
  const recording = (input, init) => {
    sent.push(`${input} ${init?.body ?? ''}`);
    return fetch(input, init);
  };
  const apollo = new ApolloClient({
    link: new PersistedQueryLink({ generateHash: document => hashOf(nameOf(document)), useGETForHashedQueries: true })
      .concat(new HttpLink({ uri: url, fetch: recording })),
    cache: new InMemoryCache(),
  });
  const urql = new Client({
    url, fetch: recording,
    exchanges: [persistedExchange({ generateHash: async (_, document) => hashOf(nameOf(document)), preferGetForPersistedQueries: true }), fetchExchange],
  });
  // The directory reloads every 5 s: wait until the server knows the documents.
  for (let i = 0; i < 20; i++) {
    const probe = await fetch(`${url}?documentId=sha256:${hashOf('QuestionPage')}&variables=${encodeURIComponent('{"slug":"x"}')}`).then(r => r.json());
    if (!probe.errors) break;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  sent.length = 0;
  const viaApollo = await apollo.query({ query: gql(QuestionPage), variables: { slug: 'facial-nerve-twitching' } });
  const viaUrql = await urql.query(QuestionPage, { slug: 'facial-nerve-twitching' }).toPromise();
  check('Apollo and urql run the registered documents by hash',
    viaApollo.data?.question?.title === 'Facial nerve twitching' && viaUrql.data?.question?.title === 'Facial nerve twitching'
      && sent.length === 2 && sent.every(s => s.includes('persistedQuery') && !s.includes('query%20QuestionPage') && !s.includes('"query"')),
    JSON.stringify({ apollo: viaApollo.data?.question?.title, urql: viaUrql.data?.question?.title ?? viaUrql.error?.message, sent }));
});

finish();
