// A small GraphQL IDE: edit a query and its variables, run it against /graphql, read the schema beside it.
const $ = (id) => document.getElementById(id);
const example = `query QuestionPage($slug: String!) {
  question(slug: $slug) {
    title headline askedOn body
    specialty { name }
    asker { alias gender ageRange { min max } }
    replies { doctor { name specialty { name } } body repliedOn }
    article { intro sections { heading body } conclusion }
    similar { headline doctorName question { slug } }
    relatedFaqs { topic }
  }
}`;
$('query').value = localStorage.getItem('medqa.query') ?? example;
$('variables').value = localStorage.getItem('medqa.variables') ?? $('variables').value;

async function run() {
  localStorage.setItem('medqa.query', $('query').value);
  localStorage.setItem('medqa.variables', $('variables').value);
  let variables = null;
  try {
    variables = $('variables').value.trim() ? JSON.parse($('variables').value) : null;
  } catch (e) {
    $('status').textContent = '';
    $('result').textContent = 'Variables are not valid JSON: ' + e.message;
    return;
  }
  const started = performance.now();
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: $('query').value, variables }),
  });
  const text = await response.text();
  $('status').textContent = `${response.status} in ${Math.round(performance.now() - started)} ms`;
  try {
    $('result').textContent = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    $('result').textContent = text;
  }
}

let schema = '';
function showSchema() {
  const filter = $('filter').value.trim().toLowerCase();
  $('schema').textContent = !filter ? schema : schema.split('\n\n').filter((b) => b.toLowerCase().includes(filter)).join('\n\n');
}

$('run').addEventListener('click', run);
$('filter').addEventListener('input', showSchema);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    run();
  }
});
fetch('/schema.graphql').then((r) => r.text()).then((sdl) => { schema = sdl; showSchema(); });
run(); // show what a query returns as soon as the page opens
