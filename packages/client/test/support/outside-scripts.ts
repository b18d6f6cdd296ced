// What an outside developer writes after `npm install @tablebook/client`: a script that must compile
// and run, and scripts with the mistakes the types must catch. Kept as text, not as files of this
// package, so that the workspace's own typecheck does not read them.

/** A query, a booking, its refusal by reason, and one live event, printed one line each. */
export const GOOD_SCRIPT = `import { createClient, TablebookError, type Reservation } from '@tablebook/client';

const [url = '', token = '', date = ''] = process.argv.slice(2);
const client = createClient({ url, token });

const [city] = await client.city.list.query({ search: 'Leticia' });
if (!city) throw new Error('Leticia is missing');
console.log(\`query: \${city.name}, \${city.deptName}\`);

const restaurant = await client.restaurant.create.mutate({
  name: 'Outside Install',
  address: 'Calle 1 # 2-3',
  description: 'Booked from a tarball',
  photoUrl: 'https://example.com/outside.jpg',
  cityId: city.id,
});
const booked: Reservation = await client.reservation.create.mutate({ restaurantId: restaurant.id, table: 'A1', date });
console.log(\`booking: table \${booked.table} on \${booked.date}\`);

try {
  await client.reservation.create.mutate({ restaurantId: restaurant.id, table: 'A1', date });
  console.log('refusal: none');
} catch (error) {
  if (!(error instanceof TablebookError) || error.reason !== 'TABLE_ALREADY_BOOKED') throw error;
  console.log(\`refusal: \${error.reason} (HTTP \${error.status}, \${error.category})\`);
}

// Live: once the stream is open (its ready notice), another booking arrives as an event.
const live = await new Promise<string>((resolve, reject) => {
  const subscription = client.reservation.onChange.subscribe(
    { restaurantId: restaurant.id, ready: true },
    {
      onData: ({ id, data }) => {
        // A stream that reconnects says ready again (resumed): book only once.
        if (data.type === 'ready' && !data.resumed) {
          client.reservation.create.mutate({ restaurantId: restaurant.id, table: 'B2', date }).catch(reject);
        } else if (data.type === 'created') {
          subscription.unsubscribe();
          resolve(\`\${data.type} table \${data.reservation.table} (event \${id}, \${data.capacity.restaurantRemaining} places left)\`);
        }
      },
      onError: (error) => {
        subscription.unsubscribe();
        reject(error);
      },
    },
  );
});
console.log(\`live: \${live}\`);
`;

export interface BadScript {
  file: string;
  source: string;
  /** The one error tsc must report for it: its code and words of its message. */
  code: string;
  message: RegExp;
}

const clientFor = `import { createClient } from '@tablebook/client';
const client = createClient({ url: 'http://127.0.0.1:5000' });
`;

export const BAD_SCRIPTS: readonly BadScript[] = [
  {
    file: 'misspelt-procedure.ts',
    source: `${clientFor}await client.reservation.creat.mutate({ restaurantId: 'r', table: 'A1', date: '2026-12-24' });\n`,
    code: 'TS2551',
    message: /Property 'creat' does not exist on type .*Did you mean 'create'\?/,
  },
  {
    file: 'wrong-input.ts',
    source: `${clientFor}await client.reservation.create.mutate({ restaurantId: 42, table: 'A1', date: '2026-12-24' });\n`,
    code: 'TS2322',
    message: /Type 'number' is not assignable to type 'string'/,
  },
  {
    file: 'wrong-reason.ts',
    source: `import { TablebookError } from '@tablebook/client';
export const isTaken = (error: unknown) => error instanceof TablebookError && error.reason === 'TABLE_ALREADY_BOKED';
`,
    code: 'TS2367',
    message: /types 'TablebookErrorReason' and '"TABLE_ALREADY_BOKED"' have no overlap/,
  },
];

/**
 * The libs the README asks for: tRPC's declarations name the DOM's fetch types (RequestInfo) and the
 * explicit resource management types (Disposable, AsyncDisposable), which ES2023 lacks and only
 * ESNext.Disposable (or @types/node) declares.
 */
const README_LIB = ['ES2023', 'DOM', 'ESNext.Disposable'];

/**
 * An outsider's strict NodeNext project that checks every package's declaration files (skipLibCheck
 * false): the client's, tRPC's, Node's. TypeScript's own lib files are not checked again
 * (skipDefaultLibCheck: a few seconds of TypeScript 5.9's time, nothing of the package's). The
 * README's settings, in Node: its libs and `@types/node`.
 */
export const GOOD_TSCONFIG = {
  compilerOptions: {
    strict: true,
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    target: 'ES2022',
    lib: README_LIB,
    types: ['node'],
    skipLibCheck: false,
    skipDefaultLibCheck: true,
    noEmitOnError: true,
    outDir: 'out',
  },
  files: ['good.ts'],
};

/** A page's script: the DOM, no Node at all (no `process`, no `@types/node`). Typechecked only. */
export const BROWSER_SCRIPT = `import { createClient, TablebookError } from '@tablebook/client';

// The API beside the page, as a guest (no token).
const client = createClient({ url: window.location.origin });
const restaurants = await client.guest.restaurants.query({});
const list = document.createElement('ul');
for (const restaurant of restaurants) list.append(Object.assign(document.createElement('li'), { textContent: restaurant.name }));
document.body.append(list);

const subscription = client.guest.onChange.subscribe(
  { restaurantId: restaurants[0]?.id ?? '' },
  {
    onData: ({ data }) => console.log(data.type),
    onError: (error) => console.error(error instanceof TablebookError ? error.reason : error),
  },
);
window.addEventListener('pagehide', () => subscription.unsubscribe());
`;

/**
 * A browser project with the README's settings: its libs and no ambient types at all (`types: []`
 * keeps the folder's @types/node out), so nothing of Node's can stand in for a lib it needs.
 */
export const BROWSER_TSCONFIG = {
  compilerOptions: { ...GOOD_TSCONFIG.compilerOptions, types: [], noEmit: true },
  files: ['browser.ts'],
};

/**
 * The mistakes, checked with skipLibCheck as most projects have it: types that silently fell back to
 * `any` (what an unresolvable import gives) would let all three compile.
 */
export const BAD_TSCONFIG = {
  extends: './tsconfig.json',
  compilerOptions: { skipLibCheck: true, noEmit: true },
  files: BAD_SCRIPTS.map((script) => script.file),
};
