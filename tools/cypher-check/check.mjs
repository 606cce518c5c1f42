#!/usr/bin/env node
// Validate Cypher statements with Neo4j's own Cypher front end.
//
// stdin : a JSON array of Cypher statement strings (one Neo4j query each).
// stdout: a JSON array, one entry per input statement, in input order:
//   {"index": i, "errors": [Diag], "warnings": [Diag]}
//   Diag = {"message": str, "line": int, "column": int, "offset": int}
//   line and column are 1-based (as in Neo4j's own error messages), offset is
//   the 0-based character offset into the statement.
// exit  : 0 when the check ran (problems are in the output); 2 on bad usage or
//         bad input; 3 when the linter itself does not work (self-test failed).
//
// Options:
//   --registry=none|neo4j|neo4j+plugins   (default: neo4j)
//       none           no function/procedure registry: unknown function and
//                      procedure names are not reported.
//       neo4j          the built-in functions and procedures of Neo4j 5 (as
//                      shipped in the package's Neo4j 5 schema): unknown or
//                      misspelt names, unknown YIELD columns and deprecated
//                      procedures/functions are reported.
//       neo4j+plugins  as neo4j, plus the APOC and GDS functions/procedures.
//   --threads=N   worker threads (default: from CYPHER_CHECK_THREADS or the
//                 number of CPUs, capped so every thread gets >= 25 statements).
//
// The database schema is always neutral: labels, relationship types and
// property keys are never reported (the target database is empty), and every
// $parameter used by a statement counts as declared.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);

const REGISTRIES = ['none', 'neo4j', 'neo4j+plugins'];
const PLUGIN_PREFIXES = ['apoc.', 'gds.'];
const MIN_PER_THREAD = 25;

function loadLanguageSupport() {
  // The package's ESM build has extension-less imports node cannot resolve;
  // its CommonJS bundle is self-contained.
  return require('@neo4j-cypher/language-support');
}

function filterRegistry(scoped, keep) {
  const out = {};
  for (const [version, entries] of Object.entries(scoped ?? {})) {
    out[version] = Object.fromEntries(
      Object.entries(entries).filter(([name, entry]) => keep(name, entry)),
    );
  }
  return out;
}

function isPlugin(name) {
  return PLUGIN_PREFIXES.some((prefix) => name.startsWith(prefix));
}

export function makeSchema(ls, registry) {
  const schema = {
    defaultLanguage: 'CYPHER 5',
    // Every parameter counts as declared: the linter reports a parameter as
    // "not defined" only when this lookup yields undefined.
    parameters: new Proxy({}, { get: () => null }),
    // labels / relationshipTypes / propertyKeys are left undefined on purpose:
    // only then does the linter skip the "not present in the database" checks.
  };
  if (registry === 'none') return schema;
  const mock = ls.testData?.mockSchema;
  if (!mock?.functions?.['CYPHER 5'] || !mock?.procedures?.['CYPHER 5']) {
    throw new Error('this @neo4j-cypher/language-support has no Neo4j 5 function registry');
  }
  if (registry === 'neo4j+plugins') {
    schema.functions = mock.functions;
    schema.procedures = mock.procedures;
  } else {
    schema.functions = filterRegistry(mock.functions, (name, fn) => fn.isBuiltIn && !isPlugin(name));
    schema.procedures = filterRegistry(mock.procedures, (name) => !isPlugin(name));
  }
  return schema;
}

function toDiag(d) {
  return {
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    offset: d.offsets?.start ?? null,
  };
}

function positionOf(statement, offset) {
  const before = statement.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1).length + 1, offset };
}

export function checkOne(ls, schema, statement, index) {
  const errors = [];
  const warnings = [];
  const seen = new Set();
  const push = (list, diag) => {
    const key = `${list === errors ? 'E' : 'W'}|${diag.line}|${diag.column}|${diag.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      list.push(diag);
    }
  };

  if (typeof statement !== 'string') {
    errors.push({ message: `Not a string: ${JSON.stringify(statement)}`, line: 1, column: 1, offset: 0 });
    return { index, errors, warnings };
  }

  // A Neo4j driver sends one query at a time; the server rejects several.
  const parsed = ls.parserWrapper.parse(statement, false).statementsParsing;
  const nonEmpty = parsed.filter(
    (s) => s.command.type !== 'cypher' || (s.command.statement ?? '').trim().length > 0,
  );
  if (nonEmpty.length === 0 && statement.trim().length === 0) {
    errors.push({ message: 'Empty statement', line: 1, column: 1, offset: 0 });
  } else if (nonEmpty.length > 1) {
    const second = nonEmpty[1].command.start;
    errors.push({
      message: `Expected exactly one statement per query but got: ${nonEmpty.length}`,
      ...positionOf(statement, second.start),
    });
  }

  for (const d of ls.lintCypherQuery(statement, schema, false)) {
    push(d.severity === 1 ? errors : warnings, toDiag(d));
  }
  return { index, errors, warnings };
}

// Known-bad statement: if the semantic analysis silently stopped working
// (the package swallows its exceptions), refuse to report "all clean".
const CANARY = 'MATCH (n) WHERE exists(n.prop) RETURN n';

function selfTest(ls, schema) {
  const result = checkOne(ls, schema, CANARY, -1);
  if (!result.errors.some((e) => /no longer supported/.test(e.message))) {
    throw new Error(
      `self-test failed: semantic analysis did not reject ${JSON.stringify(CANARY)}: ` +
        JSON.stringify(result),
    );
  }
}

function checkMany(ls, schema, items) {
  return items.map(([index, statement]) => checkOne(ls, schema, statement, index));
}

function parseArgs(argv) {
  const opts = { registry: 'neo4j', threads: null };
  for (const arg of argv) {
    const [key, value] = arg.split('=', 2);
    if (key === '--registry' && REGISTRIES.includes(value)) opts.registry = value;
    else if (key === '--threads' && /^[1-9][0-9]*$/.test(value ?? '')) opts.threads = Number(value);
    else if (key === '--help' || key === '-h') opts.help = true;
    else throw new Error(`unknown argument: ${arg}`);
  }
  return opts;
}

function runWorker(items, registry) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { items, registry } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker exited with code ${code}`));
    });
  });
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`cypher-check: ${e.message}\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(readFileSync(new URL(import.meta.url), 'utf8').split('\nimport ')[0] + '\n');
    return 0;
  }

  let statements;
  try {
    statements = JSON.parse(readFileSync(0, 'utf8'));
  } catch (e) {
    process.stderr.write(`cypher-check: stdin is not JSON: ${e.message}\n`);
    return 2;
  }
  if (!Array.isArray(statements)) {
    process.stderr.write('cypher-check: stdin must be a JSON array of strings\n');
    return 2;
  }

  let ls;
  let schema;
  try {
    ls = loadLanguageSupport();
    schema = makeSchema(ls, opts.registry);
    selfTest(ls, schema);
  } catch (e) {
    process.stderr.write(`cypher-check: cannot run the linter: ${e.stack ?? e}\n`);
    return 3;
  }

  // Identical statements are checked once.
  const firstIndex = new Map();
  const unique = [];
  statements.forEach((s, i) => {
    const key = typeof s === 'string' ? s : `\u0000${i}`;
    if (!firstIndex.has(key)) {
      firstIndex.set(key, i);
      unique.push([i, s]);
    }
  });

  const envThreads = Number(process.env.CYPHER_CHECK_THREADS);
  const wanted = opts.threads ?? (envThreads >= 1 ? envThreads : availableParallelism());
  const threads = Math.max(1, Math.min(wanted, Math.floor(unique.length / MIN_PER_THREAD)));
  const shares = Array.from({ length: threads }, () => []);
  unique.forEach((item, k) => shares[k % threads].push(item));

  // Workers take shares 1..n-1 (each loads its own copy of the linter); this
  // thread does share 0 meanwhile.
  const pending = shares.slice(1).map((share) => runWorker(share, opts.registry));
  let checked;
  try {
    checked = checkMany(ls, schema, shares[0]);
    for (const part of await Promise.all(pending)) checked = checked.concat(part);
  } catch (e) {
    process.stderr.write(`cypher-check: linter failed: ${e.stack ?? e}\n`);
    return 3;
  }

  const byIndex = new Map(checked.map((r) => [r.index, r]));
  const results = statements.map((s, i) => {
    const key = typeof s === 'string' ? s : `\u0000${i}`;
    const r = byIndex.get(firstIndex.get(key));
    return { index: i, errors: r.errors, warnings: r.warnings };
  });
  process.stdout.write(JSON.stringify(results) + '\n');
  return 0;
}

if (isMainThread) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`cypher-check: ${e.stack ?? e}\n`);
      process.exitCode = 3;
    },
  );
} else {
  const ls = loadLanguageSupport();
  const schema = makeSchema(ls, workerData.registry);
  parentPort.postMessage(checkMany(ls, schema, workerData.items));
}
