// MedQA's IDE: GraphiQL 5 (editor with autocompletion, docs explorer, history, headers) against /graphql. The schema
// comes from /schema.graphql, so completion and docs work where introspection is off (Production).
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { buildSchema } from 'graphql';

const defaultQuery = `# The question page: press Ctrl+Enter (or the run button) to run it.
query QuestionPage($slug: String! = "facial-nerve-twitching") {
  question(slug: $slug) {
    title
    askedOn
    asker { alias gender ageRange { min max } }
    replies { doctor { name specialty { name } } body }
  }
}
`;

const schema = buildSchema(await fetch('/schema.graphql').then(response => response.text()));
createRoot(document.getElementById('graphiql')).render(createElement(GraphiQL, {
  fetcher: createGraphiQLFetcher({ url: '/graphql' }),
  schema,
  defaultQuery,
}));
